// Column headers (Vietnamese or English, any case, with or without diacritics) → the transcript field they hold.

import { baseKey } from '../text/normalize.js';
import type { GradeScaleHint } from './types.js';

export type Field =
  | 'name'
  | 'code'
  | 'credits'
  | 'dvht'
  | 'periods'
  | 'lecture'
  | 'practice'
  | 'grade'
  | 'term'
  | 'institution'
  | 'selfStudy'
  | 'rowNumber';

export interface ColumnKind {
  field: Field;
  /** grade columns only: the scale their header names */
  scale?: GradeScaleHint;
}

/**
 * The header alias table. A header matches when its `baseKey` (lower case, no diacritics, đ → d, punctuation
 * → space) equals the `baseKey` of an alias; failing that, the header with any "(…)" part removed is tried, so
 * "Tín chỉ (TC)" is credits while "Điểm (hệ 10)" stays a 10-point grade. Unlisted columns are ignored.
 */
export const HEADER_ALIASES: readonly { kind: ColumnKind; aliases: readonly string[] }[] = [
  {
    kind: { field: 'name' },
    aliases: [
      'Tên học phần', 'Tên môn học', 'Tên môn', 'Môn học', 'Học phần', 'Tên HP', 'Tên MH',
      'Course', 'Course name', 'Course title', 'Subject', 'Subject name', 'Module', 'Module name',
    ],
  },
  {
    kind: { field: 'code' },
    aliases: ['Mã HP', 'Mã học phần', 'Mã môn', 'Mã môn học', 'Mã MH', 'Code', 'Course code', 'Subject code', 'Module code'],
  },
  {
    kind: { field: 'credits' },
    aliases: ['Số tín chỉ', 'Tín chỉ', 'Số TC', 'TC', 'STC', 'Credits', 'Credit', 'Credit hours', 'Number of credits'],
  },
  // pre-2008 transcripts also head the ĐVHT column "Số học trình" or "Học trình" (§4)
  { kind: { field: 'dvht' }, aliases: ['ĐVHT', 'Số ĐVHT', 'Đơn vị học trình', 'Số đơn vị học trình', 'Số học trình', 'Học trình', 'Số HT'] },
  { kind: { field: 'periods' }, aliases: ['Số tiết', 'Tiết', 'Tổng số tiết', 'Periods', 'Hours', 'Class hours'] },
  {
    kind: { field: 'lecture' },
    aliases: ['LT', 'Lý thuyết', 'Số tiết LT', 'Tiết LT', 'Số tiết lý thuyết', 'Lecture', 'Lecture periods', 'Lecture hours'],
  },
  {
    kind: { field: 'practice' },
    aliases: [
      'TL/TH', 'TL', 'TH', 'Thảo luận', 'Thực hành', 'Thảo luận/Thực hành', 'Số tiết TL/TH', 'Số tiết TH',
      'Số tiết TL', 'BT', 'Bài tập', 'TH/TN', 'Thí nghiệm', 'Practice', 'Practice periods', 'Seminar', 'Discussion', 'Lab',
    ],
  },
  {
    // self-study hours are read so they are never mistaken for periods, and never counted (§4)
    kind: { field: 'selfStudy' },
    aliases: ['Tự học', 'Tự nghiên cứu', 'TNC', 'TH tự học', 'Số tiết tự học', 'Giờ tự học', 'Tự học (giờ)', 'Self-study', 'Self study', 'Independent study'],
  },
  {
    kind: { field: 'grade' },
    aliases: [
      'Điểm', 'Điểm số', 'Điểm TK', 'Điểm tổng kết', 'Điểm TKHP', 'Điểm học phần', 'ĐTB', 'Điểm TB', 'Điểm trung bình',
      'ĐTBHP', 'ĐTB HP', 'Điểm TBHP', 'Điểm TB học phần', 'Điểm trung bình học phần',
      'Grade', 'Mark', 'Score', 'Final grade',
    ],
  },
  {
    kind: { field: 'grade', scale: '10' },
    aliases: [
      'Điểm hệ 10', 'Điểm 10', 'Thang 10', 'Thang điểm 10', 'Điểm thang 10', 'Điểm TK hệ 10', 'Điểm TK 10', 'Grade (10)',
      'ĐTB hệ 10', 'Điểm TB hệ 10', 'Điểm số hệ 10',
    ],
  },
  {
    kind: { field: 'grade', scale: '4' },
    aliases: [
      'Điểm hệ 4', 'Điểm 4', 'Thang 4', 'Thang điểm 4', 'Điểm thang 4', 'Điểm TK hệ 4', 'Điểm TK 4', 'GPA', 'Grade (4)',
      'ĐTB hệ 4', 'Điểm TB hệ 4', 'Điểm số hệ 4',
    ],
  },
  { kind: { field: 'grade', scale: 'letter' }, aliases: ['Điểm chữ', 'Letter', 'Letter grade', 'Grade letter'] },
  { kind: { field: 'term' }, aliases: ['Học kỳ', 'HK', 'Kỳ', 'Kỳ học', 'Term', 'Semester'] },
  { kind: { field: 'institution' }, aliases: ['Trường', 'Cơ sở đào tạo', 'Institution', 'School', 'University'] },
  { kind: { field: 'rowNumber' }, aliases: ['STT', 'TT', 'No', 'Số TT', '#'] },
];

const BY_KEY: ReadonlyMap<string, ColumnKind> = new Map(
  HEADER_ALIASES.flatMap((entry) => entry.aliases.map((a) => [baseKey(a), entry.kind] as const)).filter(
    ([key]) => key !== '',
  ),
);

/** The field a header names, or undefined for a column we do not read. */
export function classifyHeader(header: string): ColumnKind | undefined {
  const key = baseKey(header);
  if (key === '') return undefined;
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  if (!header.includes('(')) return undefined; // nothing in brackets to leave out
  const withoutParens = baseKey(header.replace(/\([^)]*\)/gu, ' '));
  return withoutParens ? BY_KEY.get(withoutParens) : undefined;
}

export interface GradeColumn {
  index: number;
  scale?: GradeScaleHint;
}

/** Column indexes of the fields found in a header row (the first column wins when a field repeats). */
export interface ColumnMap {
  name: number;
  code?: number;
  credits?: number;
  dvht?: number;
  periods?: number;
  lecture?: number;
  practice?: number;
  /** every teaching column (lecture, discussion, practice…): their periods add up */
  teaching: number[];
  /** self-study columns: read, never counted */
  selfStudy: number[];
  /** columns whose header is not understood (and is not a row number) */
  unknown: number[];
  term?: number;
  institution?: number;
  /** in preference order: 10-point, letter, 4-point, then scale-less; header order within each */
  grades: GradeColumn[];
}

const GRADE_PREFERENCE: readonly (GradeScaleHint | undefined)[] = ['10', 'letter', '4', undefined];

/** Map a header row; undefined when it has no course-name column. */
export function mapColumns(headers: readonly string[]): ColumnMap | undefined {
  const single: Partial<Record<Exclude<Field, 'grade' | 'rowNumber' | 'selfStudy'>, number>> = {};
  const grades: GradeColumn[] = [];
  const teaching: number[] = [];
  const selfStudy: number[] = [];
  const unknown: number[] = [];
  headers.forEach((h, index) => {
    const kind = classifyHeader(h);
    if (!kind) {
      unknown.push(index);
      return;
    }
    if (kind.field === 'rowNumber') return;
    if (kind.field === 'selfStudy') selfStudy.push(index);
    else if (kind.field === 'grade') grades.push(kind.scale ? { index, scale: kind.scale } : { index });
    else {
      if (kind.field === 'lecture' || kind.field === 'practice') teaching.push(index);
      if (single[kind.field] === undefined) single[kind.field] = index;
    }
  });
  if (single.name === undefined) return undefined;
  grades.sort((a, b) => GRADE_PREFERENCE.indexOf(a.scale) - GRADE_PREFERENCE.indexOf(b.scale) || a.index - b.index);
  // assigned, not spread: V8 (Node 20) copies `{ ...single, more }` through a slow path (microseconds a file)
  const map: ColumnMap = { name: single.name, grades, teaching, selfStudy, unknown };
  for (const field of SINGLE_FIELDS) if (single[field] !== undefined) map[field] = single[field];
  return map;
}

const SINGLE_FIELDS = ['code', 'credits', 'dvht', 'periods', 'lecture', 'practice', 'term', 'institution'] as const;
