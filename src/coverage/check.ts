// Checking one transcript against a rule set: rows → matches → counted rows → two evaluations → verdict (§6).

import { matcherFor } from '../match/match.js';
import type { Lesson, MappingRule, Program, RuleSet } from '../rules/types.js';
import type { RawGrade, Transcript, TranscriptRow } from '../transcript/types.js';
import { evaluateProgram, round } from './evaluate.js';
import { inferScale, readGrade, type GradeReading } from './grade.js';
import { attemptKey, unitsOf, type ModuleInfo } from './modules.js';
import type {
  CheckOptions,
  CheckResult,
  Notice,
  LessonShare,
  ProgramResult,
  RowContribution,
  RowOutcome,
  UncertainReason,
  UnverifiedData,
  Verdict,
} from './types.js';

interface Prepared {
  row: TranscriptRow;
  outcome: RowOutcome;
  rule: MappingRule | null;
  reading: GradeReading;
  /** attempt group (module) of a matched row */
  module: string | null;
}

export function checkTranscript(transcript: Transcript, ruleSet: RuleSet, options: CheckOptions): CheckResult {
  const notices: Notice[] = [];
  const programs = selectPrograms(ruleSet, options.programs);
  const matcher = matcherFor(ruleSet);
  const rulesById = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const scales = scalesByFile(transcript.rows, options.scale);
  const inferredFiles = [...scales].filter(([, s]) => s.inferred).map(([file]) => file);
  if (inferredFiles.length > 0) notices.push({ code: 'four-point-scale-inferred', args: { files: inferredFiles } });
  if (transcript.rows.length === 0) notices.push({ code: 'no-rows', args: {} });

  const perUnit = {
    credit: options.periodsPerCredit ?? ruleSet.periodsPerUnit.credit,
    dvht: options.periodsPerCredit ?? ruleSet.periodsPerUnit.dvht,
  };

  // 1. Read every row: key, rule, grade, periods.
  const prepared: Prepared[] = transcript.rows.map((row) => {
    const key = matcher.key(row.name);
    const match = matcher.matchKey(key, row.code);
    const rule = match ? (rulesById.get(match.ruleId) ?? null) : null;
    const reading = readRowGrade(row.grade, scales.get(row.source.file)!, ruleSet, options.passMark);
    const outcome: RowOutcome = {
      rowId: row.id,
      source: row.source,
      name: row.name,
      ...(row.code !== undefined ? { code: row.code } : {}),
      key,
      match,
      grade: { text: reading.text, scale: reading.scale, value: reading.value, status: reading.status },
      periods: rowPeriods(row, perUnit),
      state: 'not-counted',
      uncertain: [],
      contributions: [],
    };
    if (match && match.tiedWith.length > 0) {
      notices.push({ code: 'rule-tie', args: { rowId: row.id, ruleId: match.ruleId, tiedWith: match.tiedWith } });
    }
    const module = rule ? attemptKey(rule.id, key, row.code ? matcher.codeKey(row.code) : null) : null;
    return { row, outcome, rule, reading, module };
  });

  // 2. Attempts: rows with the same name (and code) are attempts of one module (§6.3). The certain attempt with
  //    the most periods counts; an uncertain attempt stays in play (optimistic evaluation only) when it could give more.
  const byModule = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (!p.module) {
      p.outcome.notCounted = 'unmatched';
      continue;
    }
    const list = byModule.get(p.module);
    if (list) list.push(p);
    else byModule.set(p.module, [p]);
  }
  const checkedLessons = new Set(programs.flatMap((p) => p.lessons.map((l) => l.id)));
  const modules: ModuleInfo[] = [];
  for (const [id, group] of byModule) {
    const rule = group[0]!.rule!;
    const relevant = rule.targets.some((t) => checkedLessons.has(t.lessonId));
    const live: Prepared[] = [];
    for (const p of group) {
      if (p.reading.status === 'fail') p.outcome.notCounted = 'failed';
      else if (!relevant) p.outcome.notCounted = 'not-relevant';
      else {
        const reasons: UncertainReason[] = [];
        if (p.reading.uncertain) reasons.push(p.reading.uncertain);
        if (p.outcome.periods.value === null) reasons.push('periods-unknown');
        p.outcome.uncertain = reasons;
        p.outcome.contributions = contributions(rule, p.outcome.periods.value, programs, ruleSet);
        live.push(p);
      }
    }
    const certain = live.filter((p) => p.outcome.uncertain.length === 0).sort(compareAttempts);
    const counted = certain[0];
    if (counted) counted.outcome.state = 'counted';
    for (const p of certain.slice(1)) supersede(p, counted!);
    for (const p of live.filter((x) => x.outcome.uncertain.length > 0).sort(compareAttempts)) {
      if (counted && !couldGiveMore(p.outcome, counted.outcome, ruleSet)) {
        supersede(p, counted);
        continue;
      }
      p.outcome.state = 'uncertain';
      if (p.reading.inBand) {
        notices.push({
          code: 'grade-band',
          args: {
            rowId: p.row.id,
            grade: p.reading.value,
            passMark: ruleSet.grading.tenPointPass,
            uncertainBelow: ruleSet.grading.tenPointUncertainBelow,
          },
        });
      }
    }
    for (const p of live) {
      if (p.outcome.state !== 'not-counted' && p.reading.status === 'exempt') {
        notices.push({ code: 'exempt-counted', args: { rowId: p.row.id } });
      }
    }
    if (live.some((p) => p.outcome.state !== 'not-counted')) modules.push({ id, ruleId: rule.id, key: group[0]!.outcome.key, name: group[0]!.row.name });
  }
  const units = unitsOf(modules, ruleSet.parts, (ruleId, base) => rulesById.get(ruleId)?.match.names.includes(base) ?? false);

  const outcomes = prepared.map((p) => p.outcome);
  if (outcomes.some((o) => o.state !== 'not-counted' && o.periods.origin === 'credits')) {
    notices.push({ code: 'periods-from-credits', args: { perCredit: perUnit.credit, perDvht: perUnit.dvht } });
  }

  // 3. Evaluate each program twice and derive the verdict.
  const unverified = programs.map((program) => unverifiedData(program, prepared));
  const programResults: ProgramResult[] = programs.map((program, i) => ({
    ...programResult(program, prepared, units, ruleSet),
    usesUnverifiedData: !isEmpty(unverified[i]!),
  }));
  for (const result of programResults) {
    if (result.overlapRows.length > 0) {
      notices.push({ code: 'overlapping-modules', args: { programId: result.programId, rows: result.overlapRows, lessons: result.overlapLessons } });
    }
  }
  programs.forEach((program, i) => {
    if (!isEmpty(unverified[i]!)) notices.push({ code: 'unverified-rules', args: { programId: program.id, ...unverified[i]! } });
    const range = narrowest(ruleSet.effective, program.effective);
    if ((range.from && options.asOf < range.from) || (range.to && options.asOf > range.to)) {
      notices.push({
        code: 'outside-effective-period',
        args: { asOf: options.asOf, programId: program.id, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) },
      });
    }
  });
  const passed = programResults.filter((p) => p.verdict === 'PASS').sort((a, b) => b.rank - a.rank);

  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, dir: ruleSet.dir },
    asOf: options.asOf,
    rows: outcomes,
    programs: programResults,
    highestPassed: passed[0]?.programId ?? null,
    notices,
  };
}

function selectPrograms(ruleSet: RuleSet, ids: string[] | undefined): Program[] {
  if (!ids || ids.length === 0) return ruleSet.programs;
  const wanted = new Set(ids);
  return ruleSet.programs.filter((p) => wanted.has(p.id));
}

/** The numeric grade scale of each file: `--scale`, else inferred per file (a second degree may use another scale). */
function scalesByFile(rows: readonly TranscriptRow[], forced: '10' | '4' | undefined): Map<string, { scale: '10' | '4'; inferred: boolean }> {
  const grades = new Map<string, (RawGrade | undefined)[]>();
  for (const r of rows) {
    const list = grades.get(r.source.file);
    if (list) list.push(r.grade);
    else grades.set(r.source.file, [r.grade]);
  }
  return new Map([...grades].map(([file, g]) => [file, inferScale(g, forced)]));
}

/**
 * A grade on its file's scale. When the 4-point scale was only inferred (all grades ≤ 4, no column says so),
 * a grade that passes on it but not on the 10-point scale is uncertain: a guess must not decide a PASS.
 */
function readRowGrade(raw: RawGrade | undefined, scale: { scale: '10' | '4'; inferred: boolean }, ruleSet: RuleSet, passMark?: number): GradeReading {
  const reading = readGrade(raw, ruleSet.grading, scale.scale, passMark);
  const stated = raw?.scale === '10' || raw?.scale === '4';
  if (!scale.inferred || reading.status !== 'pass' || stated) return reading;
  const onTen = readGrade(raw, ruleSet.grading, '10', passMark);
  return onTen.status === 'pass' ? reading : { ...reading, status: 'uncertain', uncertain: 'grade-scale-inferred' };
}

/** Periods given, else credits × periods per unit, else unknown (never a silent zero: 0 counts as unknown). */
export function rowPeriods(row: TranscriptRow, perUnit: { credit: number; dvht: number }): RowOutcome['periods'] {
  // "TC 5 | LT 4 | TH 1": lecture/practice columns that add up to no more than the credits split credits, not periods
  const creditSplit = row.periodsOrigin === 'parts' && row.credits !== undefined && row.periods !== undefined && row.periods <= row.credits;
  if (row.periods !== undefined && row.periods > 0 && !creditSplit) return { value: row.periods, origin: row.periodsOrigin ?? 'given' };
  if (row.credits !== undefined && row.credits > 0) {
    const unit = row.creditUnit ?? 'credit';
    return { value: row.credits * perUnit[unit], origin: 'credits', credits: row.credits, unit, perUnit: perUnit[unit] };
  }
  return { value: null, origin: 'unknown', ...(row.credits !== undefined ? { credits: row.credits, unit: row.creditUnit ?? 'credit' } : {}) };
}

const STATUS_RANK = { pass: 2, exempt: 2, uncertain: 1, missing: 1, fail: 0 } as const;

/** Best attempt first: passed over uncertain over failed, known periods, more periods, higher grade, earlier row. */
function compareAttempts(a: Prepared, b: Prepared): number {
  return (
    STATUS_RANK[b.reading.status] - STATUS_RANK[a.reading.status] ||
    Number(b.outcome.periods.value !== null) - Number(a.outcome.periods.value !== null) ||
    (b.outcome.periods.value ?? 0) - (a.outcome.periods.value ?? 0) ||
    (b.reading.value ?? -1) - (a.reading.value ?? -1) ||
    a.row.id - b.row.id
  );
}

function supersede(p: Prepared, by: Prepared): void {
  p.outcome.notCounted = 'duplicate';
  p.outcome.supersededBy = by.row.id;
  p.outcome.contributions = [];
}

/** Unknown periods are taken, optimistically, as the curriculum periods of the lesson fed. */
function optimisticPeriods(share: LessonShare, ruleSet: RuleSet): number {
  return share.periods ?? ruleSet.lessonIndex.get(share.lessonId)!.lesson.periods;
}

/** Whether an uncertain attempt could, resolved favourably, give some lesson more than the counted attempt. */
function couldGiveMore(candidate: RowOutcome, counted: RowOutcome, ruleSet: RuleSet): boolean {
  return candidate.contributions.some((c) => {
    const other = counted.contributions.find((x) => x.programId === c.programId);
    return c.lessons.some((l, i) => optimisticPeriods(l, ruleSet) > (other?.lessons[i]?.periods ?? 0) + 1e-9);
  });
}

/** Split a row's periods over its rule's target lessons, program by program (§6.4). */
export function contributions(rule: MappingRule, periods: number | null, programs: Program[], ruleSet: RuleSet): RowContribution[] {
  const out: RowContribution[] = [];
  for (const program of programs) {
    const targets = rule.targets
      .map((t) => ({ t, entry: ruleSet.lessonIndex.get(t.lessonId) }))
      .filter((x) => x.entry && x.entry.program.id === program.id);
    if (targets.length === 0) continue;
    const weightOf = (lesson: Lesson, share: number | undefined) => share ?? lesson.periods;
    const total = targets.reduce((s, x) => s + weightOf(x.entry!.lesson, x.t.share), 0);
    out.push({
      programId: program.id,
      lessons: targets.map(({ t, entry }) => ({
        lessonId: entry!.lesson.id,
        subjectId: entry!.subject.id,
        periods: periods === null ? null : (periods * weightOf(entry!.lesson, t.share)) / total,
      })),
    });
  }
  return out;
}

/**
 * Both evaluations of one program. Per module: the counted attempt (pessimistic) or the best attempt in play
 * (optimistic). Per unit: its modules add up. Across units that feed the same lesson: the larger counts, and an
 * exempt unit only where nothing studied does (pessimistic), or they add up (optimistic), so overlapping content
 * never decides a PASS on its own.
 */
function programResult(
  program: Program,
  prepared: Prepared[],
  units: Map<string, string>,
  ruleSet: RuleSet,
): Omit<ProgramResult, 'usesUnverifiedData'> {
  type Tally = { pessRows: number[]; optRows: number[]; pess: Map<string, number>; opt: Map<string, number>; exempt: boolean };
  const byModule = new Map<string, Tally>();
  for (const p of prepared) {
    if (p.outcome.state === 'not-counted') continue;
    const c = p.outcome.contributions.find((x) => x.programId === program.id);
    if (!c) continue;
    let t = byModule.get(p.module!);
    if (!t) byModule.set(p.module!, (t = { pessRows: [], optRows: [], pess: new Map(), opt: new Map(), exempt: false }));
    t.optRows.push(p.row.id);
    for (const l of c.lessons) t.opt.set(l.lessonId, Math.max(t.opt.get(l.lessonId) ?? 0, optimisticPeriods(l, ruleSet)));
    if (p.outcome.state === 'counted') {
      t.pessRows.push(p.row.id);
      t.exempt = p.reading.status === 'exempt';
      for (const l of c.lessons) t.pess.set(l.lessonId, l.periods!);
    }
  }
  // Units: the modules whose content adds up. Studied and exempt shares are kept apart for the pessimistic side.
  type Unit = { pessRows: number[]; optRows: number[]; studied: Map<string, number>; exempted: Map<string, number>; opt: Map<string, number> };
  const add = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
  };
  const byUnit = new Map<string, Unit>();
  for (const [moduleId, t] of byModule) {
    const unitId = units.get(moduleId) ?? moduleId;
    let u = byUnit.get(unitId);
    if (!u) byUnit.set(unitId, (u = { pessRows: [], optRows: [], studied: new Map(), exempted: new Map(), opt: new Map() }));
    u.pessRows.push(...t.pessRows);
    u.optRows.push(...t.optRows);
    add(t.exempt ? u.exempted : u.studied, t.pess);
    add(u.opt, t.opt);
  }
  // Pessimistic: per lesson the larger unit; an exemption (credit recognised, often for a module listed on
  // another transcript) adds only to lessons no studied module feeds.
  const pessLessons = new Map<string, number>();
  for (const u of byUnit.values()) for (const [k, v] of u.studied) pessLessons.set(k, Math.max(pessLessons.get(k) ?? 0, v));
  const studiedLessons = new Set(pessLessons.keys());
  for (const u of byUnit.values()) {
    for (const [k, v] of u.exempted) if (!studiedLessons.has(k)) pessLessons.set(k, Math.max(pessLessons.get(k) ?? 0, v));
  }
  const optLessons = new Map<string, number>();
  for (const u of byUnit.values()) add(optLessons, u.opt);
  const rowsOf = (pick: (u: Unit) => number[]) => [...byUnit.values()].flatMap(pick).sort((a, b) => a - b);
  const pessimistic = evaluateProgram(program, pessLessons, rowsOf((t) => t.pessRows));
  const optimistic = evaluateProgram(program, optLessons, rowsOf((t) => t.optRows));

  // units feeding the same lesson: their rows are what the overlap rests on
  const feeders = new Map<string, Unit[]>();
  for (const t of byUnit.values()) for (const k of t.opt.keys()) feeders.set(k, [...(feeders.get(k) ?? []), t]);
  const overlapLessons = program.lessons.map((l) => l.id).filter((id) => (feeders.get(id)?.length ?? 0) > 1);
  const overlapRows = [...new Set(overlapLessons.flatMap((id) => feeders.get(id)!.flatMap((t) => t.optRows)))].sort((a, b) => a - b);

  const verdict: Verdict = pessimistic.pass && optimistic.pass ? 'PASS' : !pessimistic.pass && !optimistic.pass ? 'FAIL' : 'REVIEW';
  const decidingRows =
    verdict === 'REVIEW'
      ? [...new Set([...optimistic.rows.filter((id) => !pessimistic.rows.includes(id)), ...overlapRows])].sort((a, b) => a - b)
      : [];
  const course = program.policy.kind === 'course' ? program.policy : null;

  return {
    programId: program.id,
    rank: program.rank,
    policy: program.policy.kind,
    verdict,
    minPeriods: course?.minPeriods ?? null,
    minLessons: course?.minLessons ?? null,
    totalPeriods: program.totalPeriods,
    totalLessons: program.lessons.length,
    pessimistic,
    optimistic,
    decidingRows,
    overlapRows,
    overlapLessons,
    shortfall: shortfallOf(program, pessimistic),
  };
}

function shortfallOf(program: Program, e: ProgramResult['pessimistic']): ProgramResult['shortfall'] {
  if (program.policy.kind === 'course') {
    return {
      periodsMissing: round(Math.max(0, program.policy.minPeriods - e.periodsCounted)),
      lessonsMissing: Math.max(0, program.policy.minLessons - e.lessonsCovered),
      subjects: e.subjects
        .filter((s) => s.lessonsMissing.length > 0)
        .map((s) => ({ subjectId: s.subjectId, periodsMissing: s.periodsMissing, lessonsMissing: s.lessonsMissing })),
    };
  }
  const short = e.subjects.filter((s) => s.required && s.pass === false);
  return {
    periodsMissing: round(short.reduce((n, s) => n + s.periodsMissing, 0)),
    lessonsMissing: 0,
    subjects: short.map((s) => ({ subjectId: s.subjectId, periodsMissing: s.periodsMissing, lessonsMissing: s.lessonsMissing })),
  };
}

/** The unverified data a program's verdict rests on: its own items and the rules of the rows it used. */
function unverifiedData(program: Program, prepared: Prepared[]): UnverifiedData {
  const rules: string[] = [];
  for (const p of prepared) {
    if (p.rule && !p.rule.provenance.verified && p.outcome.contributions.some((c) => c.programId === program.id)) {
      if (!rules.includes(p.rule.id)) rules.push(p.rule.id);
    }
  }
  return {
    program: !program.provenance.verified,
    policy: !program.policy.provenance.verified,
    subjects: program.subjects.filter((s) => !s.provenance.verified).map((s) => s.id),
    lessons: program.lessons.filter((l) => !l.implicit && !l.provenance.verified).map((l) => l.id),
    rules,
  };
}

const isEmpty = (u: UnverifiedData) => !u.program && !u.policy && u.subjects.length + u.lessons.length + u.rules.length === 0;

function narrowest(a: { from?: string; to?: string }, b: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = [a.from, b.from].filter((x): x is string => !!x).sort().pop();
  const to = [a.to, b.to].filter((x): x is string => !!x).sort()[0];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
