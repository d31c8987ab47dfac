// What the reader saw but does not count, as notices (domain spec §4): self-study columns, numeric columns it does
// not understand, and teaching periods that disagree with the credits.

import type { Transcript, TranscriptRow } from '../transcript/types.js';
import type { Notice, RowOutcome } from './types.js';

/** One notice per file and kind: the columns named, so nothing is dropped silently. */
export function columnNotices(transcript: Transcript): Notice[] {
  const notices: Notice[] = [];
  for (const c of transcript.columns ?? []) {
    if (c.selfStudy.length > 0) notices.push({ code: 'self-study-column', args: { file: c.file, columns: c.selfStudy } });
    if (c.unknownNumeric.length > 0) notices.push({ code: 'unknown-numeric-column', args: { file: c.file, columns: c.unknownNumeric } });
  }
  return notices;
}

/**
 * Periods read from the transcript that differ from credits × periods per unit: the periods are kept (§4) and
 * the difference is reported. Null when they agree, or when one of them is missing.
 */
export function periodsMismatch(row: TranscriptRow, periods: RowOutcome['periods'], perUnit: { credit: number; dvht: number }): Notice | null {
  if (periods.value === null || periods.origin === 'credits' || periods.origin === 'unknown') return null;
  if (row.credits === undefined || row.credits <= 0) return null;
  const unit = row.creditUnit ?? 'credit';
  const expected = row.credits * perUnit[unit];
  if (Math.abs(expected - periods.value) < 1e-9) return null;
  return {
    code: 'periods-credits-mismatch',
    args: { rowId: row.id, periods: periods.value, credits: row.credits, unit, perUnit: perUnit[unit], expected },
  };
}
