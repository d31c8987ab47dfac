// Officer decisions as data (§6.10): what a decision says, where it was written, and what the core did with it.

import type { Verdict } from '../verdict.js';

/** Decisions about one transcript row. */
const ROW_ACTIONS = ['count', 'exclude', 'set-periods', 'set-grade', 'map'] as const;
/** Decisions about one program's verdict. */
export const PROGRAM_ACTIONS = ['confirm', 'overturn'] as const;
export const ACTIONS = [...ROW_ACTIONS, ...PROGRAM_ACTIONS] as const;

/** The columns (CSV) or keys (JSON) of one decision; the worklist's other columns are read past. */
export const DECISION_FIELDS = ['dossier', 'file', 'sheet', 'line', 'course_name', 'program', 'action', 'value', 'reason', 'decided_by', 'date', 'reference'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** Each action's Vietnamese word: the one review.xlsx offers and messages name (the reader takes more spellings). */
export const ACTION_WORD_VI: Readonly<Record<(typeof ACTIONS)[number], string>> = {
  count: 'tính',
  exclude: 'loại',
  'set-periods': 'số tiết',
  'set-grade': 'điểm',
  map: 'ánh xạ',
  confirm: 'xác nhận',
  overturn: 'thay đổi',
};

export type RowAction = (typeof ROW_ACTIONS)[number];
export type ProgramAction = (typeof PROGRAM_ACTIONS)[number];
export type DecisionAction = RowAction | ProgramAction;

/** Where a decision was written: the decisions file and its line (CSV) or JSON path (and line). */
export interface DecisionOrigin {
  file: string;
  line?: number;
  path?: string;
}

/**
 * A row's stable identity: the transcript file (its name, or its path inside the dossier), the CSV line or JSON
 * path of the record, and the course name as read. Other files added to the dossier do not change it; a changed
 * transcript line does, and a decision naming it is then refused.
 */
export interface RowRef {
  file: string;
  /** a spreadsheet's worksheet (rows are then identified by sheet + row) */
  sheet?: string;
  line?: number;
  path?: string;
  name: string;
}

export type DecisionTarget = { kind: 'row'; row: RowRef } | { kind: 'program'; programId: string };

/** What was decided, typed per action. */
export type DecisionBody =
  | { action: 'count'; value: null }
  | { action: 'exclude'; value: null }
  | { action: 'set-periods'; value: number }
  | { action: 'set-grade'; value: 'pass' | 'fail' }
  | { action: 'map'; value: string }
  | { action: 'confirm'; value: Verdict | null }
  | { action: 'overturn'; value: 'PASS' | 'FAIL' };

export type Decision = DecisionBody & {
  origin: DecisionOrigin;
  target: DecisionTarget;
  reason: string;
  decidedBy: string;
  /** ISO YYYY-MM-DD */
  date: string;
  /** the council's minutes: số biên bản, ngày họp */
  reference?: string;
};

/** A decision the core applied, and what it changed. */
export interface AppliedDecision {
  decision: Decision;
  /** row decisions: the id of the row it addresses (in the merged transcript) */
  rowId: number | null;
  /** program decisions: the program, and its verdict before the decision */
  programId: string | null;
  /** row ids whose outcome differs from the computed one because of the row decisions (row decisions only) */
  rowsChanged: number[];
}

/** Why a decision is refused (each becomes one line naming the decisions file and line). */
export type RefusalCode =
  | 'row-not-found' // args: { file, line?, path? }
  | 'row-ambiguous' // args: { file, files }
  | 'row-name-changed' // args: { expected, actual }
  | 'unknown-rule' // args: { ruleId }
  | 'unknown-program' // args: { programId }
  | 'count-unmatched' // args: { name }
  | 'contradicts' // args: { other: DecisionOrigin }
  | 'confirm-stale' // args: { programId, value, verdict }
  | 'confirm-review'; // args: { programId }

export interface Refusal {
  code: RefusalCode;
  args: Record<string, unknown>;
  origin: DecisionOrigin;
}

/** Thrown by the core when a decision cannot apply: the edges turn it into a one-line error. */
export class DecisionRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`decision refused: ${refusal.code}`);
    this.name = 'DecisionRefused';
  }
}

/** What a decisions file can be refused for while it is read (worded in findings/decisions.ts). */
export type ReadProblemCode =
  | 'syntax' // args: { en, vi } — malformed JSON
  | 'no-header' // args: { missing: string[] } — CSV header lacks required columns
  | 'unknown-field' // args: { field }
  | 'missing-field' // args: { field }
  | 'unknown-action' // args: { action }
  | 'bad-value' // args: { action, value }
  | 'value-not-expected' // args: { action, value }
  | 'bad-date' // args: { date }
  | 'bad-line' // args: { line }
  | 'target-mismatch' // args: { action } — a row action naming a program, or a program action naming a row
  | 'no-dossier' // args: {} — a batch-wide file's line without a dossier
  | 'other-dossier'; // args: { dossier, expected } — a dossier's own file naming another dossier
