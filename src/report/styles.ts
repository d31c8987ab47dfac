// Styling functions a text report may use; the CLI injects coloured ones, everything else gets identity.

export interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  pass(s: string): string;
  fail(s: string): string;
  review(s: string): string;
  warn(s: string): string;
}

const id = (s: string): string => s;

export const plainStyles: Styles = { bold: id, dim: id, pass: id, fail: id, review: id, warn: id };
