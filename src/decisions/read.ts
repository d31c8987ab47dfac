// Reading a decisions file (CSV as a spreadsheet saves it, or JSON) into decisions; every problem is a finding
// `{ code, args, origin }` naming the file and line, never a sentence (findings/decisions.ts words them).

import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { lineColumn, parseJsonTree } from '../json-syntax.js';
import { readCsvRecords } from '../transcript/csv.js';
import { actionOf, decisionRecordSchema, fieldOf, gradeOf, verdictOfText } from './schema.js';
import { DECISION_FIELDS, PROGRAM_ACTIONS, type Decision, type DecisionField, type DecisionOrigin, type DecisionTarget, type ReadProblemCode } from './types.js';

export interface ReadProblem {
  code: ReadProblemCode;
  args: Record<string, unknown>;
  origin: DecisionOrigin;
  /** the dossier the line is about, when it says (a batch gives that dossier the error) */
  dossier: string | null;
}

export interface ReadDecision {
  dossier: string | null;
  decision: Decision;
}

export interface ReadDecisions {
  decisions: ReadDecision[];
  problems: ReadProblem[];
}

export interface ReadDecisionsOptions {
  /** a batch-wide file: every line names its dossier */
  keyed?: boolean;
  /** a dossier's own file: lines naming a dossier must name this one */
  dossier?: string;
}

type Raw = Partial<Record<DecisionField, string | number | null>>;

/** Read a decisions file's text (BOM, CRLF, `;` or `,`, decimal comma and blank lines all accepted). */
export function readDecisions(text: string, file: string, options: ReadDecisionsOptions = {}): ReadDecisions {
  // a spreadsheet saves CRLF; lines are counted on LF alone so each record keeps its own line number
  const body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const out: ReadDecisions = { decisions: [], problems: [] };
  const records = /\.json$/iu.test(file) ? jsonRecords(body, file, out) : csvRecords(body, file, out);
  for (const { raw, origin } of records) {
    const r = toDecision(raw, origin, options);
    if ('problem' in r) out.problems.push(r.problem);
    else if (r.decision) out.decisions.push(r.decision);
  }
  return out;
}

function csvRecords(body: string, file: string, out: ReadDecisions): { raw: Raw; origin: DecisionOrigin }[] {
  if (body.trim() === '') return [];
  const firstLine = body.split(/\r?\n/u).find((l) => l.trim() !== '') ?? '';
  // Vietnamese Excel saves with ';' (its list separator); a plain CSV uses ','
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = readCsvRecords(body, file, delimiter);
  const [header, ...rows] = records;
  if (!header) return [];
  const fields = header.cells.map(fieldOf);
  const missing = (['action', 'reason', 'decided_by', 'date'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    out.problems.push({ code: 'no-header', args: { missing }, origin: { file, line: header.line }, dossier: null });
    return [];
  }
  return rows.map((r) => {
    const raw: Raw = {};
    fields.forEach((f, i) => {
      const v = r.cells[i]?.trim() ?? '';
      if (f && v !== '') raw[f] = v;
    });
    return { raw, origin: { file, line: r.line } };
  });
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

function jsonRecords(body: string, file: string, out: ReadDecisions): { raw: Raw; origin: DecisionOrigin }[] {
  const parsed = parseJsonTree(body);
  if ('error' in parsed) {
    const { line, en, vi } = parsed.error;
    out.problems.push({ code: 'syntax', args: { en, vi }, origin: { file, line }, dossier: null });
    return [];
  }
  const value: unknown = getNodeValue(parsed.root);
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { decisions?: unknown }).decisions : undefined;
  const prefix: (string | number)[] = Array.isArray(value) ? [] : ['decisions'];
  if (!Array.isArray(list)) {
    out.problems.push({ code: 'missing-field', args: { field: 'decisions' }, origin: { file, line: 1, path: '$' }, dossier: null });
    return [];
  }
  if (!Array.isArray(value)) {
    const extra = Object.keys(value as object).filter((k) => k !== 'decisions' && k !== '$schema');
    for (const k of extra) out.problems.push({ code: 'unknown-field', args: { field: k }, origin: { file, line: 1, path: '$' }, dossier: null });
  }
  return list.map((item: unknown, i) => {
    const node = findNodeAtLocation(parsed.root, [...prefix, i]);
    const origin: DecisionOrigin = { file, line: node ? lineColumn(body, node.offset).line : 1, path: `$${prefix.length ? '.decisions' : ''}[${i}]` };
    const raw: Raw = {};
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [k, v] of Object.entries(item)) {
        if ((DECISION_FIELDS as readonly string[]).includes(k)) raw[k as DecisionField] = v as string | number | null;
        else out.problems.push({ code: 'unknown-field', args: { field: k }, origin, dossier: null });
      }
      const shape = decisionRecordSchema.safeParse(item);
      const bad = shape.success ? undefined : shape.error.issues.find((x) => x.code === 'invalid_type');
      if (bad) out.problems.push({ code: 'bad-value', args: { action: String(bad.path[0] ?? ''), value: JSON.stringify((item as Record<string, unknown>)[String(bad.path[0])]) }, origin, dossier: null });
    }
    return { raw, origin };
  });
}

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;

/** DD/MM/YYYY (Vietnamese) or YYYY-MM-DD, as ISO; null when not a real date. */
function parseDecisionDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  const vn = iso ? null : VN_DATE.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : vn ? [vn[3], vn[2], vn[1]].map(Number) : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Periods as a plain decimal, comma or point ("7,5"), above zero. */
function periodsOf(text: string): number | null {
  if (!/^\d+(?:[.,]\d+)?$/u.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  return n > 0 && n <= 10000 ? n : null;
}

const DECISION_COLUMNS: readonly DecisionField[] = ['action', 'value', 'reason', 'decided_by', 'date', 'reference'];

function toDecision(raw: Raw, origin: DecisionOrigin, options: ReadDecisionsOptions): { decision: ReadDecision | null } | { problem: ReadProblem } {
  const dossier = str(raw.dossier) || null;
  const problem = (code: ReadProblemCode, args: Record<string, unknown> = {}) => ({ problem: { code, args, origin, dossier } });
  // a worklist line nobody filled in is not a decision
  if (DECISION_COLUMNS.every((f) => str(raw[f]) === '')) return { decision: null };
  if (options.keyed && !dossier) return problem('no-dossier');
  if (options.dossier !== undefined && dossier && dossier !== options.dossier) return problem('other-dossier', { dossier, expected: options.dossier });
  const actionText = str(raw.action);
  if (!actionText) return problem('missing-field', { field: 'action' });
  const action = actionOf(actionText);
  if (!action) return problem('unknown-action', { action: actionText });
  for (const field of ['reason', 'decided_by', 'date'] as const) if (!str(raw[field])) return problem('missing-field', { field });
  const date = parseDecisionDate(str(raw.date));
  if (!date) return problem('bad-date', { date: str(raw.date) });

  let target: DecisionTarget;
  const program = str(raw.program);
  const isProgramAction = (PROGRAM_ACTIONS as readonly string[]).includes(action);
  const rowNamed = str(raw.file) !== '' || str(raw.sheet) !== '' || str(raw.line) !== '' || str(raw.course_name) !== '';
  if (isProgramAction) {
    if (!program) return problem('missing-field', { field: 'program' });
    if (rowNamed) return problem('target-mismatch', { action });
    target = { kind: 'program', programId: program };
  } else {
    for (const field of ['file', 'line', 'course_name'] as const) if (!str(raw[field])) return problem('missing-field', { field });
    const lineText = str(raw.line);
    const where = /^\$/u.test(lineText) ? { path: lineText } : /^\d+$/u.test(lineText) && Number(lineText) > 0 ? { line: Number(lineText) } : null;
    if (!where) return problem('bad-line', { line: lineText });
    target = { kind: 'row', row: { file: str(raw.file), ...(str(raw.sheet) ? { sheet: str(raw.sheet) } : {}), ...where, name: str(raw.course_name) } };
  }

  const valueText = str(raw.value);
  const signed = {
    origin,
    target,
    reason: str(raw.reason),
    decidedBy: str(raw.decided_by),
    date,
    ...(str(raw.reference) ? { reference: str(raw.reference) } : {}),
  };
  const bad = () => problem('bad-value', { action, value: valueText });
  let decision: Decision;
  switch (action) {
    case 'count':
    case 'exclude':
      if (valueText) return problem('value-not-expected', { action, value: valueText });
      decision = { ...signed, action, value: null };
      break;
    case 'set-periods': {
      const n = periodsOf(valueText);
      if (n === null) return bad();
      decision = { ...signed, action, value: n };
      break;
    }
    case 'set-grade': {
      const g = gradeOf(valueText);
      if (!g) return bad();
      decision = { ...signed, action, value: g };
      break;
    }
    case 'map':
      if (!valueText) return bad();
      decision = { ...signed, action, value: valueText };
      break;
    case 'confirm': {
      const v = valueText ? verdictOfText(valueText) : null;
      if (valueText && !v) return bad();
      decision = { ...signed, action, value: v };
      break;
    }
    case 'overturn': {
      const v = verdictOfText(valueText);
      if (v !== 'PASS' && v !== 'FAIL') return bad();
      decision = { ...signed, action, value: v };
      break;
    }
  }
  return { decision: { dossier, decision } };
}
