// Text normalisation shared by every stage: the form shown to people and the accent-, case- and punctuation-free key
// used to compare headers, words and names (domain spec §6.2).

// Batches see the same few hundred course names, grades and codes again and again: the two per-cell functions
// below remember their answers, in maps bounded so that memory stays flat however many dossiers go through.
const MEMO_SIZE = 20_000;
const displayMemo = new Map<string, string>();
const baseMemo = new Map<string, string>();

function remember(memo: Map<string, string>, s: string, value: string): string {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(s, value);
  return value;
}

/** Printable ASCII words separated by single spaces: already NFC, trimmed and collapsed. */
const TIDY_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** NFC, trimmed, inner whitespace collapsed: the form shown to people. */
export function displayName(s: string): string {
  if (s === '' || TIDY_ASCII.test(s)) return s;
  return displayMemo.get(s) ?? remember(displayMemo, s, s.normalize('NFC').replace(/\s+/gu, ' ').trim());
}

/**
 * NFC → lower case → strip diacritics (đ → d) → every run of non-letters/digits becomes one space → trim.
 * No abbreviation expansion: see `matchingKey`.
 */
export function baseKey(s: string): string {
  const known = baseMemo.get(s);
  if (known !== undefined) return known;
  // one word of ASCII letters and digits (course codes, mostly all different): its key is its lower case, and
  // remembering thousands of them would only push the names out of the memo
  if (ALNUM_WORD.test(s)) return s.toLowerCase();
  return remember(baseMemo, s, computeBaseKey(s));
}

const ALNUM_WORD = /^[A-Za-z0-9]+$/;

function computeBaseKey(s: string): string {
  const lower = s.toLowerCase();
  // most keys (English names, codes, already-plain text) need no Unicode work: keep that path cheap
  if (PLAIN.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return wordsOnly(stripDiacritics(lower));
}

/** Diacritics removed, đ → d (the input is already lower case). */
export function stripDiacritics(lower: string): string {
  const nfd = lower.replace(/đ/gu, 'd').normalize('NFD');
  return FEW_MARKS.test(nfd) ? nfd.replace(/[\u0300-\u036f]+/g, '') : nfd.replace(/\p{M}+/gu, '');
}

/** Every run of non-letters/digits becomes one space, trimmed. */
function wordsOnly(s: string): string {
  return PLAIN_OR_PUNCTUATION.test(s) ? s.replace(/[^A-Za-z0-9]+/g, ' ').trim() : s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const PLAIN = /^[\x00-\x7f]*$/;

// Vietnamese without its diacritics is ASCII, with the odd dash or quote. The Unicode classes above cost a process
// some milliseconds to compile on first use (start-up, issue 10), so text in these ranges takes plain regular
// expressions that treat it the same: ASCII's letters and digits are A-Z, a-z, 0-9 and General Punctuation
// (U+2000–U+206F) has none; the only marks below U+0370, in Latin Extended Additional (U+1E00–U+1EFF) and in General
// Punctuation are the combining diacritics U+0300–U+036F (test/text/normalize.test.ts checks every code point).
const PLAIN_OR_PUNCTUATION = /^[\x00-\x7f\u2000-\u206f]*$/;
const FEW_MARKS = /^[\x00-\u036f\u1e00-\u1eff\u2000-\u206f]*$/;
