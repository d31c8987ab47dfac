// One person per check (domain spec §6.9): several files are merged only when they name the same person, or
// when the officer says so (--same-person); files that name nobody are never merged silently.

import { UsageError } from '../errors.js';
import { mergeTranscripts } from './parse.js';
import type { Transcript } from './types.js';

/** A file names somebody when it gives a full name or a birth date (student ids differ between schools). */
function namesSomebody(t: Transcript): boolean {
  const p = t.person;
  return [p?.name, p?.birthDate].some((v) => typeof v === 'string' && v.trim() !== '');
}

export interface OnePerson {
  transcript: Transcript;
  /** the files merged on the officer's word (some named nobody), or null when none had to be */
  mergedOnOfficerWord: string[] | null;
}

/**
 * The transcript of one person. Files naming different people are refused (mergeTranscripts); when any of
 * several files names nobody, merging needs `samePerson` — without it, a usage error that names the option.
 */
export function onePerson(transcripts: readonly Transcript[], samePerson: boolean): OnePerson {
  if (transcripts.length === 1) return { transcript: transcripts[0]!, mergedOnOfficerWord: null };
  const anonymous = transcripts.filter((t) => !namesSomebody(t)).flatMap((t) => t.files);
  if (anonymous.length > 0 && !samePerson) {
    throw new UsageError({ code: 'names-nobody', args: { files: anonymous } });
  }
  const transcript = mergeTranscripts(transcripts);
  return { transcript, mergedOnOfficerWord: anonymous.length > 0 ? transcript.files : null };
}
