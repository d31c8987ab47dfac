// Attempt markers ("học lại", "thi lại", "lần 2"): removed from a matching key so that attempts share one name
// and an attempt number is never read as a part number (domain spec §6.3). The markers are rule data.

import type { AttemptMarkers } from '../rules/types.js';

/** Words that stand for an attempt number after a numbered marker ("lần 2", "lần II", "lần thứ hai"). */
const NUMBER_WORD = /^(?:\d{1,2}|i{1,3}|iv|v|vi{0,3}|ix|x|mot|nhat|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|one|two|three|first|second|third)$/u;

export interface AttemptStripper {
  /** `removed`, when given, receives each marker removed, with its number (for `rules explain`) */
  strip(words: readonly string[], removed?: string[]): string[];
}

interface Entry {
  words: string[];
  numbered: boolean;
}

export function compileAttempts(markers: AttemptMarkers): AttemptStripper {
  const entries: Entry[] = [
    ...markers.numbered.map((m) => ({ words: m.split(' ').filter(Boolean), numbered: true })),
    ...markers.markers.map((m) => ({ words: m.split(' ').filter(Boolean), numbered: false })),
  ]
    .filter((e) => e.words.length > 0)
    // longest first, a numbered marker counting its number
    .sort((a, b) => b.words.length + Number(b.numbered) - (a.words.length + Number(a.numbered)));
  return {
    strip(words, removed) {
      const out: string[] = [];
      let i = 0;
      outer: while (i < words.length) {
        for (const e of entries) {
          const n = e.words.length;
          if (i + n + Number(e.numbered) > words.length) continue;
          let ok = true;
          for (let k = 0; ok && k < n; k++) ok = words[i + k] === e.words[k];
          if (!ok || (e.numbered && !NUMBER_WORD.test(words[i + n]!))) continue;
          removed?.push(words.slice(i, i + n + Number(e.numbered)).join(' '));
          i += n + Number(e.numbered);
          continue outer;
        }
        out.push(words[i]!);
        i++;
      }
      return out;
    },
  };
}
