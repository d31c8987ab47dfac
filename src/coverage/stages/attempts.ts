// Stage 2 of the core: rows of one module are attempts (§6.3); each row gets its final state, once.

import { leftoverAsWritten } from '../../match/leftover.js';
import { baseKey } from '../../text/normalize.js';
import type { MappingRule, Program, RuleSet } from '../../rules/types.js';
import { unitsOf, type ModuleInfo } from '../modules.js';
import type { NotCountedReason, Notice, RowContribution, RowOutcome, UncertainReason } from '../types.js';
import { rulesByIdOf, type MatchedRow, type MatchedRows } from './match-rows.js';
import { contributions, optimisticPeriods } from './shares.js';

/** A matched row with the outcome attempt grouping gave it. */
export interface AttemptRow {
  readonly matched: MatchedRow;
  readonly outcome: RowOutcome;
}

export interface Attempts {
  /** one per transcript row, in transcript order */
  readonly rows: readonly AttemptRow[];
  /** module (attempt group) → unit of content whose modules add up */
  readonly units: ReadonlyMap<string, string>;
  readonly notices: Notice[];
}

/** What this stage decides about a row before its outcome is built (every key set from the start: one shape). */
interface Draft {
  state: RowOutcome['state'];
  uncertain: UncertainReason[];
  contributions: RowContribution[];
  notCounted: NotCountedReason | undefined;
  supersededBy: number | undefined;
}

/** A matched row of a module and its draft. */
interface Item {
  readonly m: MatchedRow;
  readonly d: Draft;
}

/**
 * Rows with the same name (and code) are attempts of one module. The certain attempt with the most periods
 * counts; an uncertain attempt stays in play (optimistic evaluation only) when it could give more.
 */
export function groupAttempts(matched: MatchedRows, programs: readonly Program[], ruleSet: RuleSet): Attempts {
  const notices: Notice[] = [];
  const drafts: Draft[] = [];
  const byModule = new Map<string, Item[]>();
  for (const m of matched.rows) {
    const d: Draft = { state: 'not-counted', uncertain: [], contributions: [], notCounted: undefined, supersededBy: undefined };
    drafts.push(d);
    if (m.excluded) d.notCounted = 'excluded';
    else if (!m.module) d.notCounted = 'unmatched';
    else {
      const list = byModule.get(m.module);
      if (list) list.push({ m, d });
      else byModule.set(m.module, [{ m, d }]);
    }
  }

  const checkedLessons = lessonsOf(programs);
  const modules: ModuleInfo[] = [];
  for (const [id, group] of byModule) {
    const rule = group[0]!.m.rule!;
    if (settleModule(group, rule, checkedLessons, programs, ruleSet, notices)) {
      modules.push({ id, ruleId: rule.id, key: group[0]!.m.key, name: group[0]!.m.row.name });
    }
  }
  const units = unitsOf(modules, ruleSet.parts, isModuleNameOf(ruleSet));

  const rows: AttemptRow[] = [];
  let fromCredits = false;
  for (let i = 0; i < drafts.length; i++) {
    const outcome = outcomeOf(matched.rows[i]!, drafts[i]!);
    if (outcome.state !== 'not-counted' && outcome.periods.origin === 'credits') fromCredits = true;
    rows.push({ matched: matched.rows[i]!, outcome });
  }
  if (fromCredits) {
    notices.push({ code: 'periods-from-credits', args: { perCredit: matched.perUnit.credit, perDvht: matched.perUnit.dvht } });
  }
  return { rows, units, notices };
}

function supersede(p: Item, by: Item): void {
  p.d.notCounted = 'duplicate';
  p.d.supersededBy = by.m.row.id;
  p.d.contributions = [];
}

/** The attempts of one module: which counts, which stay in play, which are superseded; whether any is in play. */
function settleModule(
  group: readonly Item[],
  rule: MappingRule,
  checkedLessons: ReadonlySet<string>,
  programs: readonly Program[],
  ruleSet: RuleSet,
  notices: Notice[],
): boolean {
  const relevant = rule.targets.some((t) => checkedLessons.has(t.lessonId));
  const live: Item[] = [];
  const certain: Item[] = [];
  const unsure: Item[] = [];
  for (const p of group) {
    if (p.m.reading.status === 'fail') p.d.notCounted = 'failed';
    else if (!relevant) p.d.notCounted = 'not-relevant';
    else {
      const reasons: UncertainReason[] = [];
      if (p.m.reading.uncertain) reasons.push(p.m.reading.uncertain);
      if (p.m.periods.value === null) reasons.push('periods-unknown');
      if (p.m.match?.leftover) reasons.push('near-match');
      p.d.uncertain = reasons;
      p.d.contributions = contributions(rule, p.m.periods.value, programs, ruleSet);
      live.push(p);
      if (reasons.length === 0) certain.push(p);
      else unsure.push(p);
    }
  }
  if (live.length === 0) return false;
  if (certain.length > 1) certain.sort(compareAttempts);
  if (unsure.length > 1) unsure.sort(compareAttempts);
  const counted = certain.length > 0 ? certain[0]! : undefined;
  if (counted) counted.d.state = 'counted';
  for (let i = 1; i < certain.length; i++) supersede(certain[i]!, counted!);
  for (const p of unsure) {
    if (counted && !couldGiveMore(p.d.contributions, counted.d.contributions, ruleSet)) {
      supersede(p, counted);
      continue;
    }
    p.d.state = 'uncertain';
    if (p.m.reading.inBand) {
      notices.push({
        code: 'grade-band',
        args: {
          rowId: p.m.row.id,
          grade: p.m.reading.value,
          passMark: ruleSet.grading.tenPointPass,
          uncertainBelow: ruleSet.grading.tenPointUncertainBelow,
        },
      });
    }
  }
  let inPlay = false;
  for (const p of live) {
    if (p.d.state === 'not-counted') continue;
    inPlay = true;
    const leftover = p.m.match?.leftover;
    if (leftover) {
      notices.push({
        code: 'row-near-match',
        args: { rowId: p.m.row.id, ruleId: rule.id, leftover: leftoverAsWritten(p.m.row.name, leftover, baseKey) },
      });
    }
    if (p.m.reading.status === 'exempt') notices.push({ code: 'exempt-counted', args: { rowId: p.m.row.id } });
  }
  return inPlay;
}

const moduleNameMemo = new WeakMap<RuleSet, (ruleId: string, base: string) => boolean>();

/** Whether a base name is one of a rule's module names (one function per rule set, not a closure per dossier). */
function isModuleNameOf(ruleSet: RuleSet): (ruleId: string, base: string) => boolean {
  let f = moduleNameMemo.get(ruleSet);
  if (!f) {
    const rulesById = rulesByIdOf(ruleSet);
    moduleNameMemo.set(ruleSet, (f = (ruleId, base) => rulesById.get(ruleId)?.match.names.includes(base) ?? false));
  }
  return f;
}

const lessonsMemo = new WeakMap<readonly Program[], ReadonlySet<string>>();

/** The lesson ids of the programs checked (once per list: a batch checks the same programs throughout). */
function lessonsOf(programs: readonly Program[]): ReadonlySet<string> {
  let ids = lessonsMemo.get(programs);
  if (!ids) lessonsMemo.set(programs, (ids = new Set(programs.flatMap((p) => p.lessons.map((l) => l.id)))));
  return ids;
}

function outcomeOf(m: MatchedRow, d: Draft): RowOutcome {
  const { row, reading } = m;
  // one literal with every key in key order (undefined where absent: JSON leaves those out), so every outcome has
  // one shape; not a spread: V8 copies an object spread followed by more keys slowly, and this runs per row
  return {
    rowId: row.id,
    source: row.source,
    name: row.name,
    code: row.code,
    key: m.key,
    match: m.match,
    grade: { text: reading.text, scale: reading.scale, value: reading.value, status: reading.status },
    periods: m.periods,
    state: d.state,
    uncertain: d.uncertain,
    contributions: d.contributions,
    notCounted: d.notCounted,
    supersededBy: d.supersededBy,
  };
}

const STATUS_RANK = { pass: 2, exempt: 2, uncertain: 1, missing: 1, fail: 0 } as const;

/** Best attempt first: passed over uncertain over failed, known periods, more periods, higher grade, earlier row. */
function compareAttempts(a: { m: MatchedRow }, b: { m: MatchedRow }): number {
  return (
    STATUS_RANK[b.m.reading.status] - STATUS_RANK[a.m.reading.status] ||
    Number(b.m.periods.value !== null) - Number(a.m.periods.value !== null) ||
    (b.m.periods.value ?? 0) - (a.m.periods.value ?? 0) ||
    (b.m.reading.value ?? -1) - (a.m.reading.value ?? -1) ||
    a.m.row.id - b.m.row.id
  );
}

/** Whether an uncertain attempt could, resolved favourably, give some lesson more than the counted attempt. */
function couldGiveMore(candidate: readonly RowContribution[], counted: readonly RowContribution[], ruleSet: RuleSet): boolean {
  return candidate.some((c) => {
    const other = counted.find((x) => x.programId === c.programId);
    return c.lessons.some((l, i) => optimisticPeriods(l, ruleSet) > (other?.lessons[i]?.periods ?? 0) + 1e-9);
  });
}
