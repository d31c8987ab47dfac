// Near matches (domain spec §6.2): the words of a keyword-matched name that neither the rule nor the filler list
// explains. Such a match is uncertain: it counts only in the optimistic reading.

/**
 * Leftover key words of `key` (in order, once each) that are in neither set. A number right before a filler
 * word is a count ("3 tc", "2 tin chi") and is filler too.
 */
export function leftoverWords(key: string, vocabulary: ReadonlySet<string>, filler: ReadonlySet<string>): string[] {
  const words = key.split(' ');
  const out: string[] = [];
  words.forEach((w, i) => {
    if (!w || vocabulary.has(w) || filler.has(w) || out.includes(w)) return;
    if (/^\d+$/u.test(w) && filler.has(words[i + 1] ?? '')) return;
    out.push(w);
  });
  return out;
}

/**
 * The leftover words as the name wrote them ("quân", "sự" rather than "quan", "su"): each key word is looked up
 * among the words of the name by its diacritic-free form; a word the name does not hold as such (an expanded
 * abbreviation) stays in key form.
 */
export function leftoverAsWritten(name: string, leftover: readonly string[], keyOf: (word: string) => string): string[] {
  const written = name.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return leftover.map((w) => written.find((x) => keyOf(x) === w) ?? w);
}
