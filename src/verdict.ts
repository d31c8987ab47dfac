// A program's verdict: a leaf both the core (coverage/) and officer decisions (decisions/) name, so neither imports the other's types.

export type Verdict = 'PASS' | 'FAIL' | 'REVIEW';
