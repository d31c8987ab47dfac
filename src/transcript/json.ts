// JSON transcripts (an array of rows, or { person, courses }) → Transcript, validated with zod, errors by JSON path.
// Why JSON does not go through the table step (table.ts) that CSV and spreadsheets share: that step works on
// positional cells — it searches the first lines for the header row, reads the person from lines above it, skips
// section and total lines, and places errors by line. A JSON row is an object that names its own fields (English
// keys or the same header aliases, per row), its values keep their JSON types (a number stays a number), the person
// is its own object and errors are placed by JSON path. There is no header to find and nothing positional to skip,
// so JSON joins the shared path one step later: each row goes through the same `buildRow` (rows.ts).

import { jsonPath, locateJsonPath, readJsonDocument, type JsonTree } from '../json-syntax.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { jsonSeen, type JsonExpected, type JsonSeen } from '../findings/transcript.js';
import { classifyHeader } from './headers.js';
import { buildRow, parseNumberText, type RowValues } from './rows.js';
import type { GradeScaleHint, Person, RawGrade, Transcript, TranscriptRow } from './types.js';
import { displayName } from '../text/normalize.js';

export interface JsonOptions {
  scale?: '10' | '4';
}

/** The stable English keys of a row object (header aliases such as "Tên học phần" are accepted too). */
export const ROW_KEYS = [
  'name', 'code', 'credits', 'creditUnit', 'dvht', 'periods', 'lecturePeriods', 'practicePeriods',
  'grade', 'gradeScale', 'term', 'institution',
] as const;
type RowKey = (typeof ROW_KEYS)[number];
const ROW_KEY_SET: ReadonlySet<string> = new Set(ROW_KEYS);

const ALIAS_TO_KEY = {
  name: 'name', code: 'code', credits: 'credits', dvht: 'dvht', periods: 'periods',
  lecture: 'lecturePeriods', practice: 'practicePeriods', term: 'term', institution: 'institution',
} as const satisfies Partial<Record<string, RowKey>>;

const numberCell = z.union([z.number(), z.string(), z.null()], { error: 'expected a number' }).transform((v, ctx) => {
  if (v === null) return undefined;
  const n = typeof v === 'number' ? v : parseNumberText(v);
  if (n !== undefined && (Number.isNaN(n) || n < 0 || !Number.isFinite(n))) {
    ctx.addIssue({ code: 'custom', message: 'expected a non-negative number' });
    return z.NEVER;
  }
  return n;
});
const textCell = z
  .union([z.string(), z.number(), z.null()], { error: 'expected text' })
  .transform((v) => (v === null ? undefined : String(v)));

const rowSchema = z.object({
  name: z.string({ error: 'expected a course name (text)' }).refine((s) => displayName(s) !== '', {
    error: 'expected a non-empty course name',
  }),
  code: textCell.optional(),
  credits: numberCell.optional(),
  creditUnit: z.enum(['credit', 'dvht'], { error: "expected 'credit' or 'dvht'" }).optional(),
  dvht: numberCell.optional(),
  periods: numberCell.optional(),
  lecturePeriods: numberCell.optional(),
  practicePeriods: numberCell.optional(),
  grade: z.union([z.number(), z.string(), z.null()], { error: 'expected a grade (number or text)' }).optional(),
  gradeScale: z
    .union([z.enum(['10', '4', 'letter']), z.literal(10), z.literal(4)], { error: "expected '10', '4' or 'letter'" })
    .transform((v) => String(v) as GradeScaleHint)
    .optional(),
  term: textCell.optional(),
  institution: textCell.optional(),
});

type RowData = z.output<typeof rowSchema>;

/** Tests turn the fast path off to compare it with the schema on the same rows. */
export const rowFastPath = { enabled: true };

/** What a JSON number is to the schema: finite (zod refuses Infinity, which JSON.parse gives for 1e999). */
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `numberCell`'s reading of a value, or `false` where the schema has an issue. */
function numberValue(v: unknown): number | undefined | false {
  if (v === null) return undefined;
  const n = isNumber(v) ? v : typeof v === 'string' ? parseNumberText(v) : false;
  if (n === false || n === undefined) return n;
  return Number.isNaN(n) || n < 0 || !Number.isFinite(n) ? false : n;
}

/** `textCell`'s reading of a value, or `false` where the schema has an issue. */
function textValue(v: unknown): string | undefined | false {
  if (v === null) return undefined;
  return typeof v === 'string' || isNumber(v) ? String(v) : false;
}

/**
 * The common case without zod: a row (canonical keys only) whose every value the schema accepts, read the way the
 * schema reads it. Anything else is undefined, and the schema finds the problem and words it.
 */
function rowFast(row: Record<string, unknown>): RowData | undefined {
  const name = row['name'];
  if (typeof name !== 'string' || displayName(name) === '') return undefined;
  const out: RowData = { name };
  for (const key in row) {
    const v = row[key];
    switch (key as RowKey) {
      case 'name':
        break;
      case 'code':
      case 'term':
      case 'institution': {
        const t = textValue(v);
        if (t === false) return undefined;
        out[key as 'code'] = t;
        break;
      }
      case 'credits':
      case 'dvht':
      case 'periods':
      case 'lecturePeriods':
      case 'practicePeriods': {
        const n = numberValue(v);
        if (n === false) return undefined;
        out[key as 'credits'] = n;
        break;
      }
      case 'creditUnit':
        if (v !== 'credit' && v !== 'dvht') return undefined;
        out.creditUnit = v;
        break;
      case 'grade':
        if (v !== null && typeof v !== 'string' && !isNumber(v)) return undefined;
        out.grade = v;
        break;
      case 'gradeScale':
        if (v !== '10' && v !== '4' && v !== 'letter' && v !== 10 && v !== 4) return undefined;
        out.gradeScale = String(v) as GradeScaleHint;
        break;
      default:
        return undefined;
    }
  }
  return out;
}

const personSchema = z.looseObject({
  id: textCell.optional(),
  name: z.string({ error: 'expected text' }).optional(),
  birthDate: textCell.optional(),
  unit: z.string({ error: 'expected text' }).optional(),
});

type Segment = string | number;

const PERSON_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'birthDate', 'unit']);

/** A person block's text cell (the schema's `textCell`): text, a number as text, null as absent; else invalid. */
function personText(v: unknown): string | undefined | false {
  // zod's number refuses ±Infinity (what JSON.parse makes of 1e999)
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : v === null ? undefined : false;
}

/**
 * The person block the schema accepts, without zod: its fields in the schema's order (absent or null ones left
 * out), then the other keys as given, in their order — what the schema's output gives after dropping undefined.
 * Anything the schema might refuse (a wrong type) or a key JSON.parse makes special is undefined: the schema
 * then finds and words the problem.
 */
function personFast(p: Record<string, unknown>): Person | undefined {
  const out: Person = {};
  if ('id' in p) {
    const v = personText(p.id);
    if (v === false) return undefined;
    if (v !== undefined) out.id = v;
  }
  if ('name' in p) {
    if (typeof p.name !== 'string') return undefined;
    out.name = p.name;
  }
  if ('birthDate' in p) {
    const v = personText(p.birthDate);
    if (v === false) return undefined;
    if (v !== undefined) out.birthDate = v;
  }
  if ('unit' in p) {
    if (typeof p.unit !== 'string') return undefined;
    out.unit = p.unit;
  }
  for (const k in p) {
    if (PERSON_KEYS.has(k)) continue;
    if (k === '__proto__') return undefined;
    out[k] = p[k];
  }
  return out;
}


/** One error at a JSON path, with line:column found in the parse tree when the node exists. */
function pathError(
  text: string,
  root: JsonTree,
  file: string,
  segments: readonly Segment[],
  expected: JsonExpected,
  got?: JsonSeen,
): InputError {
  const place = locateJsonPath(text, root(), segments, 'value');
  const { path } = place;
  return new InputError({ code: 'json-unexpected', args: { path, expected, ...(got ? { got } : {}) }, file, place });
}

function zodError(
  text: string,
  root: JsonTree,
  file: string,
  base: readonly Segment[],
  keyOf: (k: string) => string,
  value: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): InputError {
  const issue = issues[0]!;
  const field = issue.path[0];
  const key = typeof field === 'string' ? keyOf(field) : undefined;
  const segments = key !== undefined ? [...base, key] : [...base];
  const got = key !== undefined && key in value ? { got: jsonSeen(value[key]) } : {};
  const place = locateJsonPath(text, root(), segments, 'value');
  const { path } = place;
  return new InputError({ code: 'json-field-invalid', args: { path, message: issue.message, ...got, more: issues.length - 1 }, file, place });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface GradeCandidate {
  value: unknown;
  scale?: GradeScaleHint;
  rank: number;
}

const GRADE_RANK: Record<string, number> = { '10': 0, letter: 1, '4': 2, none: 3 };

/** Row object → canonical keys (stable keys first, then header aliases), remembering the key each came from. */
function canonicalRow(obj: Record<string, unknown>): {
  canonical: Record<string, unknown>;
  /** the key each canonical key came from, where that is an alias (null: none is) */
  sourceKey: Map<string, string> | null;
  aliasGrades: (GradeCandidate & { key: string })[];
} {
  const canonical: Record<string, unknown> = {};
  let sourceKey: Map<string, string> | null = null;
  const aliasGrades: (GradeCandidate & { key: string })[] = [];
  let aliases = false;
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    if (ROW_KEY_SET.has(key)) canonical[key] = obj[key];
    else aliases = true;
  }
  if (!aliases) return { canonical, sourceKey, aliasGrades };
  sourceKey = new Map<string, string>();
  for (const key of Object.keys(canonical)) sourceKey.set(key, key);
  for (const [key, value] of Object.entries(obj)) {
    if (ROW_KEY_SET.has(key)) continue;
    const kind = classifyHeader(key);
    // self-study hours never count as periods (§4)
    if (!kind || kind.field === 'rowNumber' || kind.field === 'selfStudy') continue;
    if (kind.field === 'grade') {
      aliasGrades.push({ key, value, rank: GRADE_RANK[kind.scale ?? 'none']!, ...(kind.scale ? { scale: kind.scale } : {}) });
      continue;
    }
    const target = ALIAS_TO_KEY[kind.field];
    if (!(target in canonical)) {
      canonical[target] = value;
      sourceKey.set(target, key);
    }
  }
  aliasGrades.sort((a, b) => a.rank - b.rank);
  return { canonical, sourceKey, aliasGrades };
}

function gradeText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const t = displayName(String(v));
  return t === '' ? undefined : t;
}

function readRow(
  text: string,
  root: JsonTree,
  file: string,
  segments: readonly Segment[],
  obj: unknown,
  opts: JsonOptions,
): TranscriptRow {
  if (!isPlainObject(obj)) {
    throw pathError(text, root, file, segments, 'row-object', jsonSeen(obj));
  }
  const { canonical, sourceKey, aliasGrades } = canonicalRow(obj);
  let r = rowFastPath.enabled ? rowFast(canonical) : undefined;
  if (!r) {
    const parsed = rowSchema.safeParse(canonical);
    if (!parsed.success) throw zodError(text, root, file, segments, (k) => sourceKey?.get(k) ?? k, obj, parsed.error.issues);
    r = parsed.data;
  }
  for (const g of aliasGrades) {
    if (typeof g.value !== 'number' && typeof g.value !== 'string' && g.value !== null) {
      throw pathError(text, root, file, [...segments, g.key], 'grade', jsonSeen(g.value));
    }
  }

  let grade: RawGrade | undefined;
  const stable = gradeText(r.grade);
  if (stable !== undefined) {
    const scale = r.gradeScale ?? opts.scale;
    grade = { text: stable, scale: scale || undefined };
  } else {
    for (const g of aliasGrades) {
      const t = gradeText(g.value);
      if (t === undefined) continue;
      const scale = g.scale ?? r.gradeScale ?? opts.scale;
      grade = { text: t, scale: scale || undefined };
      break;
    }
  }
  const values: RowValues = {
    name: r.name,
    code: r.code,
    credits: r.credits,
    creditUnit: r.creditUnit,
    dvht: r.dvht,
    periods: r.periods,
    lecture: r.lecturePeriods,
    practice: r.practicePeriods,
    grade,
    term: r.term,
    institution: r.institution,
  };
  return buildRow(values, { file, sheet: undefined, line: undefined, path: jsonPath(segments) });
}

/** Parse a JSON transcript (text already decoded and NFC). Row ids are 1..n in file order. */
export function parseJsonTranscript(text: string, file: string, opts: JsonOptions = {}): Transcript {
  const parsed = readJsonDocument(text);
  if ('error' in parsed) {
    const { line, column, problem } = parsed.error;
    throw new InputError({ code: 'json-malformed', args: { line, column, problem }, file, place: { line, column } });
  }
  const root = parsed.tree;
  const doc: unknown = parsed.value;

  let list: unknown[];
  let base: Segment[];
  let person: Person | undefined;
  if (Array.isArray(doc)) {
    list = doc;
    base = [];
  } else if (isPlainObject(doc)) {
    const key = 'courses' in doc ? 'courses' : 'rows' in doc ? 'rows' : undefined;
    if (key === undefined) {
      throw pathError(text, root, file, [], 'rows-or-courses-or-rows');
    }
    const courses = doc[key];
    if (!Array.isArray(courses)) {
      throw pathError(text, root, file, [key], 'rows-array', jsonSeen(courses));
    }
    list = courses;
    base = [key];
    if (doc['person'] !== undefined && doc['person'] !== null) {
      const p = doc['person'];
      if (!isPlainObject(p)) {
        throw pathError(text, root, file, ['person'], 'person-object', jsonSeen(p));
      }
      person = rowFastPath.enabled ? personFast(p) : undefined;
      if (!person) {
        const parsed = personSchema.safeParse(p);
        if (!parsed.success) throw zodError(text, root, file, ['person'], (k) => k, p, parsed.error.issues);
        person = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Person;
      }
    }
  } else {
    throw pathError(text, root, file, [], 'rows-or-courses', jsonSeen(doc));
  }

  const rows = list.map((obj, i) => {
    const row = readRow(text, root, file, [...base, i], obj, opts);
    row.id = i + 1;
    return row;
  });
  return person ? { person, rows, files: [file] } : { rows, files: [file] };
}


