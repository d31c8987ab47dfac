// The decisions file's fields: one zod schema (JSON form, and the JSON Schema generated from it) and the spellings
// each value may take, Vietnamese included (compared as baseKey: case, diacritics and punctuation ignored).

import * as z from 'zod';
import { baseKey } from '../text/normalize.js';
import { ACTION_WORD_VI, ACTIONS, type DecisionAction, type DecisionField } from './types.js';

/** The per-dossier decisions files a dossier folder may hold (never read as transcripts). */
const DECISIONS_FILES = ['decisions.csv', 'decisions.json'] as const;

export function isDecisionsFile(name: string): boolean {
  return (DECISIONS_FILES as readonly string[]).includes(name.toLowerCase());
}


/** Vietnamese column titles an officer may type instead of the ids. */
const FIELD_ALIASES: Record<DecisionField, string[]> = {
  dossier: ['hồ sơ', 'ho_so'],
  file: ['tệp', 'tệp bảng điểm'],
  sheet: ['trang tính', 'sheet name'],
  line: ['dòng', 'số dòng'],
  course_name: ['tên học phần', 'học phần', 'course'],
  program: ['chương trình', 'trình độ', 'level'],
  action: ['quyết định', 'hành động'],
  value: ['giá trị'],
  reason: ['lý do', 'lí do'],
  decided_by: ['người quyết định', 'người duyệt', 'decided by'],
  date: ['ngày', 'ngày quyết định'],
  reference: ['căn cứ', 'số biên bản', 'biên bản'],
};

const fieldTable = new Map<string, DecisionField>();
for (const [id, list] of Object.entries(FIELD_ALIASES) as [DecisionField, string[]][]) {
  for (const s of [id, id.replace(/_/gu, ' '), ...list]) fieldTable.set(baseKey(s), id);
}

/** A column title as a field id, or null for a column the decisions reader does not use. */
export function fieldOf(header: string): DecisionField | null {
  return fieldTable.get(baseKey(header)) ?? null;
}

/** More spellings an officer may type for an action, beside its id and its word (ACTION_WORD_VI). */
const ACTION_ALIASES: Record<DecisionAction, string[]> = {
  count: ['được tính', 'tính dòng này', 'công nhận', 'chấp nhận', 'accept'],
  exclude: ['loại bỏ', 'loại trừ', 'bỏ', 'không tính'],
  'set-periods': ['đặt số tiết', 'sửa số tiết', 'periods'],
  'set-grade': ['đặt điểm', 'sửa điểm', 'kết quả học phần', 'grade'],
  map: ['quy về', 'tính là', 'gán quy tắc', 'rule', 'map to'],
  confirm: ['giữ nguyên', 'đồng ý', 'giữ kết luận'],
  overturn: ['sửa kết luận', 'đổi kết luận', 'override'],
};
const actionTable = new Map<string, DecisionAction>();
for (const [id, list] of Object.entries(ACTION_ALIASES) as [DecisionAction, string[]][]) {
  for (const s of [id, ACTION_WORD_VI[id], ...list]) actionTable.set(baseKey(s), id);
}

export function actionOf(text: string): DecisionAction | null {
  return actionTable.get(baseKey(text)) ?? null;
}

const GRADE_WORDS: [string, 'pass' | 'fail'][] = [
  ['pass', 'pass'],
  ['passed', 'pass'],
  ['đạt', 'pass'],
  ['đ', 'pass'],
  ['fail', 'fail'],
  ['failed', 'fail'],
  ['không đạt', 'fail'],
  ['kđ', 'fail'],
  ['trượt', 'fail'],
];
const gradeTable = new Map(GRADE_WORDS.map(([s, v]) => [baseKey(s), v]));

export function gradeOf(text: string): 'pass' | 'fail' | null {
  return gradeTable.get(baseKey(text)) ?? null;
}

const VERDICT_WORDS: [string, 'PASS' | 'FAIL' | 'REVIEW'][] = [
  ['pass', 'PASS'],
  ['đạt', 'PASS'],
  ['fail', 'FAIL'],
  ['không đạt', 'FAIL'],
  ['review', 'REVIEW'],
  ['cần xem xét', 'REVIEW'],
];
const verdictTable = new Map(VERDICT_WORDS.map(([s, v]) => [baseKey(s), v]));

export function verdictOfText(text: string): 'PASS' | 'FAIL' | 'REVIEW' | null {
  return verdictTable.get(baseKey(text)) ?? null;
}

const text = (description: string) => z.string().meta({ description });
const cell = (description: string) => z.union([z.string(), z.number()]).meta({ description });

/** One decision as JSON (the CSV columns carry the same names). */
export const decisionRecordSchema = z
  .strictObject({
    dossier: text('the dossier (folder or file name in the batch folder); required in a batch-wide decisions file').optional(),
    file: text('a row decision: the transcript file, as named in the report (e.g. bang-diem.csv)').optional(),
    sheet: text('a row decision in a spreadsheet (.xlsx, .ods): the worksheet name').optional(),
    line: cell('a row decision: the CSV line (or the spreadsheet row) of the row, or its JSON path (e.g. $.courses[2])').optional(),
    course_name: text('a row decision: the course name exactly as read; a decision is refused when the row changed').optional(),
    program: text('a program decision: the program id (e.g. so-cap)').optional(),
    action: text(
      `one of ${ACTIONS.join(', ')} (Vietnamese spellings accepted: ${ACTIONS.map((a) => ACTION_WORD_VI[a]).join(', ')})`,
    ),
    value: z
      .union([z.string(), z.number(), z.null()])
      .meta({ description: 'set-periods: periods (7,5 or 7.5); set-grade: pass/fail (đạt/không đạt); map: a rule id; confirm/overturn: PASS/FAIL' })
      .optional(),
    reason: text('why (required)'),
    decided_by: text('who decided (required)'),
    date: text('the date of the decision: DD/MM/YYYY or YYYY-MM-DD (required)'),
    reference: text('the council minutes: số biên bản, ngày họp (optional)').optional(),
  })
  .meta({ title: 'one officer decision' });

const decisionsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    decisions: z.array(decisionRecordSchema),
  })
  .meta({
    title: 'llct officer decisions',
    description: 'decisions.json beside a dossier, or a batch-wide file (--decisions): officer decisions about rows and program verdicts',
  });

export const DECISIONS_SCHEMA_FILE = 'decisions.schema.json';

export function decisionsJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(decisionsFileSchema, { io: 'input' }), null, 2)}\n`;
}
