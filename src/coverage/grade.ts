// Reading a grade cell under the rule set's grade policy: pass, exempt, fail, uncertain or missing (§4, §6.6).

import { baseKey } from '../text/normalize.js';
import { plainNumber } from '../transcript/rows.js';
import type { GradePolicy } from '../rules/types.js';
import type { RawGrade } from '../transcript/types.js';
import type { GradeStatus, UncertainReason } from './types.js';

export interface GradeReading {
  text: string | null;
  scale: '10' | '4' | 'letter' | null;
  value: number | null;
  status: GradeStatus;
  /** set when status is uncertain or missing */
  uncertain?: UncertainReason | undefined;
  /** true when a 10-point grade sits in the uncertain band [pass, uncertainBelow) */
  inBand?: boolean | undefined;
}

// "7,5", and "7.5 (B)" as transcripts that print the letter beside the number do
const NUMBER = /^[+]?(\d+(?:[.,]\d+)?)(?:\s*\(\s*[A-F][+-]?\s*\))?$/i;

/** A grade cell as a number, accepting a decimal comma; null when the text is not a plain number. */
function gradeNumber(text: string): number | null {
  const plain = plainNumber(text);
  if (plain !== null) return plain;
  const m = NUMBER.exec(text.trim());
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

/**
 * The numeric scale for grades whose column does not name one: an explicit choice wins; otherwise
 * a transcript whose numeric grades are all ≤ 4 uses the 4-point scale (§4).
 */
export function inferScale(grades: (RawGrade | undefined)[], forced?: '10' | '4'): { scale: '10' | '4'; inferred: boolean } {
  if (forced) return { scale: forced, inferred: false };
  let seen = false;
  for (const g of grades) {
    if (!g || g.scale === '10' || g.scale === '4') continue; // a number in a letter column states no scale
    const v = gradeNumber(g.text);
    if (v === null) continue;
    seen = true;
    if (v > 4) return { scale: '10', inferred: false };
  }
  return seen ? { scale: '4', inferred: true } : { scale: '10', inferred: false };
}

/** A reading with every key set (undefined where it does not apply): one shape for all readings. */
export function reading(
  text: string | null,
  scale: GradeReading['scale'],
  value: number | null,
  status: GradeStatus,
  uncertain: UncertainReason | undefined,
  inBand: boolean | undefined,
): GradeReading {
  return { text, scale, value, status, uncertain, inBand };
}

export function readGrade(
  raw: RawGrade | undefined,
  policy: GradePolicy,
  defaultScale: '10' | '4',
  passMark?: number,
): GradeReading {
  const text = raw?.text.trim() ?? '';
  if (text === '') return reading(null, raw?.scale ?? null, null, 'missing', 'grade-missing', undefined);

  const value = gradeNumber(text);
  if (value !== null) {
    const scale = raw?.scale === '4' || raw?.scale === '10' ? raw.scale : defaultScale;
    const max = scale === '10' ? 10 : 4;
    if (value > max) return reading(text, scale, value, 'uncertain', 'grade-unreadable', undefined);
    if (scale === '4') return reading(text, scale, value, value >= policy.fourPointPass ? 'pass' : 'fail', undefined, undefined);
    if (passMark !== undefined) return reading(text, scale, value, value >= passMark ? 'pass' : 'fail', undefined, undefined);
    if (value >= policy.tenPointUncertainBelow) return reading(text, scale, value, 'pass', undefined, undefined);
    if (value >= policy.tenPointPass) return reading(text, scale, value, 'uncertain', 'grade-uncertain', true);
    return reading(text, scale, value, 'fail', undefined, undefined);
  }

  const letter = text.toUpperCase().replace(/\s+/g, '');
  if (policy.passLetters.includes(letter)) return reading(text, 'letter', null, 'pass', undefined, undefined);
  if (policy.failLetters.includes(letter)) return reading(text, 'letter', null, 'fail', undefined, undefined);
  // words only: "D-", "Đ*" or "P*" must not shrink to "d" or "p" and pass
  const word = /^[\p{L}\s.]+$/u.test(text) ? baseKey(text) : '';
  if (policy.exemptWords.includes(word)) return reading(text, null, null, 'exempt', undefined, undefined);
  if (policy.failWords.includes(word)) return reading(text, null, null, 'fail', undefined, undefined);
  if (policy.passWords.includes(word)) return reading(text, null, null, 'pass', undefined, undefined);
  return reading(text, raw?.scale ?? null, null, 'uncertain', 'grade-unreadable', undefined);
}
