// Text normalisation shared by every stage: the form shown to people and the accent-, case- and punctuation-free key
// used to compare headers, words and names (domain spec §6.2).

/** NFC, trimmed, inner whitespace collapsed: the form shown to people. */
export function displayName(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * NFC → lower case → strip diacritics (đ → d) → every run of non-letters/digits becomes one space → trim.
 * No abbreviation expansion: see `matchingKey`.
 */
export function baseKey(s: string): string {
  const lower = s.toLowerCase();
  // most keys (English names, codes, already-plain text) need no Unicode work: keep that path cheap
  if (PLAIN.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return wordsOnly(stripDiacritics(lower));
}

/** Diacritics removed, đ → d (the input is already lower case). */
export function stripDiacritics(lower: string): string {
  return lower.replace(/đ/gu, 'd').normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Every run of non-letters/digits becomes one space, trimmed. */
function wordsOnly(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const PLAIN = /^[\x00-\x7f]*$/;
