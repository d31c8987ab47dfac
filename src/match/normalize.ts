// A course name's matching key: the shared base key, code-like tokens dropped, abbreviations expanded, attempt
// markers removed (domain spec §6.2). Plain text normalisation lives in `text/normalize.ts`.

import type { Abbreviation } from '../rules/types.js';
import { baseKey, stripDiacritics } from '../text/normalize.js';
import type { AttemptStripper } from './attempts.js';

/** Compiled abbreviation table: whole-word sequences, longest first, applied in one left-to-right pass. */
export interface Expander {
  /** `hits`, when given, receives each abbreviation applied (for explanations) */
  expand(words: string[], hits?: { from: string; to: string }[]): string[];
}

export function compileAbbreviations(abbreviations: readonly Abbreviation[]): Expander {
  const entries = abbreviations
    .map((a) => ({ from: a.from.split(' ').filter(Boolean), to: a.to.split(' ').filter(Boolean) }))
    .filter((a) => a.from.length > 0)
    .sort((a, b) => b.from.length - a.from.length);
  const byFirst = new Map<string, typeof entries>();
  for (const e of entries) {
    const first = e.from[0]!;
    const list = byFirst.get(first);
    if (list) list.push(e);
    else byFirst.set(first, [e]);
  }
  return {
    expand(words, hits) {
      const out: string[] = [];
      let i = 0;
      outer: while (i < words.length) {
        const candidates = byFirst.get(words[i]!);
        if (candidates) {
          for (const c of candidates) {
            let ok = i + c.from.length <= words.length;
            for (let k = 1; ok && k < c.from.length; k++) ok = words[i + k] === c.from[k];
            if (ok) {
              out.push(...c.to);
              hits?.push({ from: c.from.join(' '), to: c.to.join(' ') });
              i += c.from.length;
              continue outer;
            }
          }
        }
        out.push(words[i]!);
        i++;
      }
      return out;
    },
  };
}

export interface KeyOptions {
  expander?: Expander;
  /** tokens matching this (course codes written into the name cell, e.g. "mln111") are dropped */
  dropToken?: RegExp;
  /** attempt markers ("hoc lai", "lan 2") removed after abbreviations are expanded */
  attempts?: AttemptStripper;
}

/** Each step from a name to its key, as `rules explain` shows it. */
export interface KeySteps {
  nfc: string;
  lower: string;
  /** diacritics stripped (đ → d), punctuation still in place */
  plain: string;
  /** `baseKey`: punctuation runs become one space */
  base: string;
  /** code-like tokens dropped (`dropToken`) */
  dropped: string[];
  /** abbreviations applied, in order */
  expanded: { from: string; to: string }[];
  /** attempt markers removed ("lan 2", "hoc lai") */
  attempts: string[];
  key: string;
}

/**
 * The matching key of a course name: `baseKey`, code-like tokens dropped, abbreviations expanded, attempt markers
 * removed.
 * `steps`, when given, is filled with every intermediate form (the key computed is the same).
 */
export function matchingKey(s: string, opts: KeyOptions = {}, steps?: KeySteps): string {
  const base = baseKey(s);
  let words = base.split(' ').filter(Boolean);
  if (opts.dropToken) {
    const re = opts.dropToken;
    if (steps) steps.dropped = words.filter((w) => re.test(w));
    words = words.filter((w) => !re.test(w));
  }
  if (opts.expander) words = opts.expander.expand(words, steps?.expanded);
  if (opts.attempts) words = opts.attempts.strip(words, steps?.attempts);
  const key = words.join(' ');
  if (steps) {
    steps.nfc = s.normalize('NFC');
    steps.lower = steps.nfc.toLowerCase();
    steps.plain = stripDiacritics(steps.lower);
    steps.base = base;
    steps.key = key;
  }
  return key;
}
