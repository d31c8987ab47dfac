// One shape for every finding (errors, rule-file issues, dossier warnings): a code, typed arguments, a file and a
// place. Findings never hold sentences; the words for each code live in a message table (findings/words.ts).

import type { Lang } from '../lang.js';

/** Where in a file something went wrong: a line (and column) for text, a JSON path for JSON. */
export interface Place {
  /** the worksheet of a spreadsheet; `line` is then its row number */
  sheet?: string;
  line?: number;
  column?: number;
  /** JSON path such as `$.courses[3].credits` */
  path?: string;
}

/** One finding: `args` is typed by `code` (see the args maps of each area). */
export interface FindingOf<C extends string, A> {
  code: C;
  args: A;
  file?: string;
  place?: Place;
}

/** The findings of an args map (code → args), one union member per code. */
export type FindingsOf<M> = { [C in keyof M & string]: FindingOf<C, M[C]> }[keyof M & string];

/** A message table: for each code of an args map, its words in each language. */
export type Words<M> = { [C in keyof M & string]: Record<Lang, (a: M[C]) => string> };
