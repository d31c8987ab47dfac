// The languages of every report, message and help text (a leaf module: every layer may name a language).

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
