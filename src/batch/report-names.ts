// The report file name of a dossier: unique (escaped, never folded: `a\b` and `a_b` stay apart), deterministic,
// and short enough for the file system (a hash of the full name when it is too long).

import { createHash } from 'node:crypto';

/** Bytes a file name may take on the file systems we meet (ext4, NTFS, APFS: 255). */
const NAME_MAX = 255;
/** The longest extension we add to a report's base name. */
const LONGEST_EXTENSION = '.json'.length;

// Characters that are unsafe in a file name on some system (Windows: \ : * ? " < > |), control characters, and `%`
// (the escape character itself, so the mapping can be undone and two names never meet).
const UNSAFE = /[%\\/:*?"<>|\u0000-\u001f\u007f]/gu;

const escapeChar = (c: string): string =>
  [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Cut `s` to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * `a\b` → `a%5Cb`, `a_b` → `a_b`, `50%` → `50%25`: an injective escape. A name that would not fit (with `.json`)
 * keeps its first bytes and ends in `~` and 16 hex digits of the SHA-256 of the whole name.
 */
export function reportBaseName(dossier: string): string {
  const escaped = dossier.replace(UNSAFE, escapeChar);
  if (Buffer.byteLength(escaped, 'utf8') + LONGEST_EXTENSION <= NAME_MAX) return escaped;
  const hash = createHash('sha256').update(dossier, 'utf8').digest('hex').slice(0, 16);
  return `${cutToBytes(escaped, NAME_MAX - LONGEST_EXTENSION - hash.length - 1)}~${hash}`;
}
