// The result of checking one transcript against a rule set: everything a report shows, as data (no sentences).

import type { AppliedDecision } from '../decisions/types.js';
import type { RuleMatchInfo } from '../match/match.js';
import type { RowSource } from '../transcript/types.js';
import type { Verdict } from '../verdict.js';

export type { RuleMatchInfo, Verdict };

export type GradeStatus = 'pass' | 'exempt' | 'fail' | 'uncertain' | 'missing';

/** Why a row is uncertain (it counts only in the optimistic evaluation). */
export type UncertainReason =
  | 'periods-unknown'
  | 'grade-missing'
  | 'grade-uncertain'
  | 'grade-unreadable'
  /** passes on an inferred 4-point scale but not on the 10-point one */
  | 'grade-scale-inferred'
  /** a keyword match that leaves words of the name unexplained (domain spec §6.2) */
  | 'near-match';

/** Why a row is not counted at all. */
export type NotCountedReason =
  | 'failed' // grade below the pass mark (or "Không đạt"/F)
  | 'duplicate' // another attempt of the same module (or another row of the same rule) counts instead
  | 'unmatched' // no rule recognises the name
  | 'not-relevant' // matched a rule with no target in any of the programs checked
  | 'excluded'; // an officer's decision leaves the row out (§6.10)

export interface LessonShare {
  lessonId: string;
  subjectId: string;
  /** periods this row gives the lesson; null when the row's periods are unknown */
  periods: number | null;
  /** unknown periods: what the optimistic reading assumes (the rule's typicalPeriods, split like known periods) */
  assumed?: number | undefined;
}

export interface RowContribution {
  programId: string;
  lessons: LessonShare[];
}

export interface RowOutcome {
  rowId: number;
  source: RowSource;
  name: string;
  code?: string;
  /** the matching key the name normalised to */
  key: string;
  match: RuleMatchInfo | null;
  grade: { text: string | null; scale: '10' | '4' | 'letter' | null; value: number | null; status: GradeStatus };
  periods: {
    value: number | null;
    origin: 'given' | 'parts' | 'credits' | 'unknown' | 'decided';
    credits?: number | undefined;
    unit?: 'credit' | 'dvht' | undefined;
    perUnit?: number | undefined;
  };
  /** counted | uncertain (optimistic only) | not counted */
  state: 'counted' | 'uncertain' | 'not-counted';
  uncertain: UncertainReason[];
  notCounted?: NotCountedReason;
  /** for duplicates: the row that counts instead */
  supersededBy?: number;
  /** what the row feeds, per program it maps into (empty when not counted or unmatched) */
  contributions: RowContribution[];
}

export interface SubjectEvaluation {
  subjectId: string;
  required: boolean;
  periodsRequired: number;
  /** periods needed to pass the subject (per-subject policy) or null (course policy) */
  periodsMinimum: number | null;
  /** periods allocated, capped at `periodsRequired` under the per-subject policy */
  periodsCounted: number;
  /** allocated before any cap */
  periodsAllocated: number;
  /** per-subject policy: minimum − counted; course policy: the subject's periods − counted (both ≥ 0) */
  periodsMissing: number;
  lessonsCovered: string[];
  lessonsMissing: string[];
  /** per-subject policy only */
  pass: boolean | null;
}

export interface Evaluation {
  pass: boolean;
  periodsCounted: number;
  lessonsCovered: number;
  subjects: SubjectEvaluation[];
  /** rows counted in this evaluation that map into the program */
  rows: number[];
}

export interface ProgramShortfall {
  /** course policy: minimum − counted (≥ 0); per-subject: sum of the subjects' missing periods */
  periodsMissing: number;
  /** course policy: minimum lessons − covered (≥ 0); per-subject: 0 */
  lessonsMissing: number;
  /** subjects that fall short (per-subject) or have uncovered lessons (course) */
  subjects: { subjectId: string; periodsMissing: number; lessonsMissing: string[] }[];
}

export interface ProgramResult {
  programId: string;
  rank: number;
  policy: 'course' | 'per-subject';
  /** the final verdict: the computed one, or the officer's where a decision settles it (§6.10) */
  verdict: Verdict;
  /** the verdict computed from the transcript alone, before any officer decision */
  computedVerdict: Verdict;
  /** course policy minimums (null for per-subject) */
  minPeriods: number | null;
  minLessons: number | null;
  totalPeriods: number;
  totalLessons: number;
  pessimistic: Evaluation;
  optimistic: Evaluation;
  /** REVIEW: the rows that decide the verdict (uncertain rows, and rows whose content overlaps) */
  decidingRows: number[];
  /** rows of different modules feeding the same lessons: counted once (the larger) when pessimistic, added when optimistic */
  overlapRows: number[];
  /** the lessons those rows share */
  overlapLessons: string[];
  /** shortfall of the pessimistic evaluation (what is surely missing) */
  shortfall: ProgramShortfall;
  /** the program or any data it used is unverified */
  usesUnverifiedData: boolean;
}

export type NoticeCode =
  | 'unverified-rules' // args: { programId, ...UnverifiedData }
  | 'outside-effective-period' // args: { asOf, from?, to?, programId? }
  | 'rule-tie' // args: { rowId, ruleId, tiedWith }
  | 'grade-band' // args: { rowId, grade, passMark, uncertainBelow }
  | 'exempt-counted' // args: { rowId }
  | 'four-point-scale-inferred' // args: { files }
  | 'overlapping-modules' // args: { programId, rows, lessons }
  | 'periods-from-credits' // args: { perCredit, perDvht }
  | 'no-rows' // args: {}
  | 'encoding-guessed' // args: { file, encoding } — a file that is not UTF-8 read as windows-1258 without --encoding
  | 'row-near-match' // args: { rowId, ruleId, leftover: string[] } — the words of the name the rule does not explain
  | 'periods-credits-mismatch' // args: { rowId, periods, credits, unit, expected } — teaching columns ≠ credits × periods per unit
  | 'unknown-numeric-column' // args: { file, columns: string[] } — numeric columns the reader does not understand
  | 'self-study-column' // args: { file, columns: string[] } — self-study columns, read and never counted
  | 'merged-on-officer-word' // args: { files: string[] } — files naming nobody merged because the officer said so
  | 'decision-program-not-checked'; // args: { programId, file, line? } — a decision about a program not checked here

/** Which rule data marked `verified: false` a program's verdict rests on. */
export interface UnverifiedData {
  /** the program's own description (structure, periods) */
  program: boolean;
  /** its pass thresholds / counting policy */
  policy: boolean;
  subjects: string[];
  lessons: string[];
  /** mapping rules of the rows that fed the program */
  rules: string[];
}

export interface Notice {
  code: NoticeCode;
  args: Record<string, unknown>;
}

export interface CheckOptions {
  /** reference date (ISO) for the effective-period check */
  asOf: string;
  /** limit to these program ids (default: all) */
  programs?: string[];
  /** pass mark on the 10-point scale set by the officer: removes the uncertain band */
  passMark?: number;
  /** override the rule set's periods per credit / ĐVHT */
  periodsPerCredit?: number;
  /** force the numeric grade scale when headers do not say */
  scale?: '10' | '4';
}

export interface CheckResult {
  ruleSet: { id: string; version: string; dir: string };
  asOf: string;
  rows: RowOutcome[];
  programs: ProgramResult[];
  /** highest-ranked program with verdict PASS, or null */
  highestPassed: string | null;
  notices: Notice[];
  /** the officer decisions applied, in the order given (empty without decisions) */
  decisions: AppliedDecision[];
}
