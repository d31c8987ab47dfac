// Cell values → one typed TranscriptRow; shared by the CSV and JSON readers so both apply the same rules.

import { baseKey, displayName } from '../text/normalize.js';
import type { CreditUnit, RawGrade, RowSource, TranscriptRow } from './types.js';

/** A row's values after cell parsing, before the credit/period rules are applied. */
export interface RowValues {
  name: string;
  code?: string;
  credits?: number;
  creditUnit?: CreditUnit;
  dvht?: number;
  periods?: number;
  lecture?: number;
  practice?: number;
  grade?: RawGrade;
  term?: string;
  institution?: string;
}

/**
 * A number cell: digits with an optional decimal point or decimal comma ("7,5" = 7.5).
 * Returns undefined for an empty cell and NaN for anything else (thousands separators, units, negatives).
 */
export function parseNumberText(text: string): number | undefined {
  const plain = plainNumber(text);
  if (plain !== null) return plain;
  const t = text.trim();
  // a lone dash is how many transcripts write "none"
  if (t === '' || /^[-–—]$/u.test(t)) return undefined;
  // "3(2-1)" / "3 (3-1-0-6)": credits followed by their lecture/practice split, as many schools print them
  const m = /^(\d+(?:[.,]\d+)?)(?:\s*\([\d\s.,+\-–/]*\))?$/u.exec(t);
  return m ? Number(m[1]!.replace(',', '.')) : Number.NaN;
}

/**
 * Digits, or digits, one '.' or ',' and digits (most number and grade cells): their number, read without a regex;
 * null for anything else (the callers' patterns then decide).
 */
export function plainNumber(text: string): number | null {
  let sep = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && sep < 0 && i > 0 && i < n - 1) {
      sep = i;
      continue;
    }
    return null;
  }
  if (n === 0) return null;
  return Number(sep >= 0 && text.charCodeAt(sep) === 44 ? `${text.slice(0, sep)}.${text.slice(sep + 1)}` : text);
}

/** Trimmed NFC text, or undefined when empty. */
function optionalText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = displayName(text);
  return t === '' ? undefined : t;
}

// Lines that Excel exports put among the courses: totals ("Tổng cộng") and section titles ("Học kỳ 1",
// "Năm học 2010-2011", "Khối kiến thức đại cương"). They are dropped only when they carry no grade, so a real
// course is never lost to this list.
const TOTAL_KEYS = new Set([
  'tong', 'tong cong', 'cong', 'tong so', 'tong so tin chi', 'tong tin chi', 'tong so tiet', 'tong so dvht',
  'tong tc', 'tong so tc', 'total', 'grand total', 'subtotal', 'sum',
]);
const SECTION_PATTERN = /^(?:hoc ky|hk|ky|semester|term|nam hoc|nam thu|year|khoi kien thuc)(?: [a-z0-9 ]*)?$/u;

// Summary lines that carry a number in the grade column ("Điểm trung bình chung tích lũy 7,25", "Tổng số tín chỉ
// tích lũy 130"): no course is ever called this, so they are dropped whatever they hold.
const SUMMARY_PATTERN =
  /^(?:tong so (?:tin chi|tc|dvht|tiet|hoc phan)|tong (?:tin chi|tc) tich luy|so tin chi tich luy|(?:diem )?trung binh chung|diem (?:trung binh|tb)(?: chung)?(?: tich luy| hoc ky| nam hoc| toan khoa| he \d+)*$|dtb(?:c|tl)?(?: \w+)*$|tbc(?:tl)?$|xep loai|gpa|cumulative|total credits)/u;

/** True for a total or section line (by its name) that should be skipped when it has no grade. */
export function isSectionOrTotalName(name: string): boolean {
  const key = baseKey(name);
  return TOTAL_KEYS.has(key) || SECTION_PATTERN.test(key);
}

/** True for a summary line (averages, accumulated credits, classification) whatever its grade column holds. */
export function isSummaryName(name: string): boolean {
  return SUMMARY_PATTERN.test(baseKey(name));
}

/** Apply the credit and period rules: credits before ĐVHT; given periods before LT + TL/TH. */
export function buildRow(v: RowValues, source: RowSource): TranscriptRow {
  let credits: number | undefined;
  let creditUnit: CreditUnit | undefined;
  if (v.credits !== undefined) {
    credits = v.credits;
    creditUnit = v.creditUnit ?? 'credit';
  } else if (v.dvht !== undefined) {
    credits = v.dvht;
    creditUnit = 'dvht';
  }
  let periods: number | undefined;
  let periodsOrigin: TranscriptRow['periodsOrigin'];
  if (v.periods !== undefined) {
    periods = v.periods;
    periodsOrigin = 'given';
  } else if (v.lecture !== undefined || v.practice !== undefined) {
    periods = (v.lecture ?? 0) + (v.practice ?? 0);
    periodsOrigin = 'parts';
  }
  // every key set, in one order (undefined where the row has none): one shape for every row of every reader
  return {
    id: 0,
    source,
    name: displayName(v.name),
    code: optionalText(v.code),
    credits,
    creditUnit,
    periods,
    periodsOrigin,
    grade: v.grade ? v.grade : undefined,
    term: optionalText(v.term),
    institution: optionalText(v.institution),
  };
}
