// One rule file as parsed JSON: locating issues by JSON path, syntax errors, and validation against its schema.

import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { ruleIssue, type RuleIssue, type RuleIssueArgs, type RuleIssueCode } from '../../findings/rule-issues.js';
import { lineColumn, locateJsonPath, syntaxReasonOf } from '../../json-syntax.js';
import { zodIssueVi } from './zod-vi.js';

export type Segment = string | number;


/** One parsed JSON file: its tree, for locating issues by path. */
export class SourceFile {
  readonly root: Node | undefined;
  readonly syntaxErrors: ParseError[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.root = parseTree(text, this.syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  }

  /** An issue at `path`; located at the key of the nearest existing node (the whole path may not exist). */
  issue<C extends RuleIssueCode>(path: readonly Segment[], code: C, args: RuleIssueArgs[C]): RuleIssue {
    return ruleIssue(this.file, code, args, locateJsonPath(this.text, this.root, path, 'key'));
  }
}

/** A place in a rule file, for issues that point back at an earlier one. */
export interface Located {
  src: SourceFile;
  path: Segment[];
}

/** Parse and validate one file; undefined (with issues recorded) when it cannot be used. */
export function readFile<S extends z.ZodType>(
  src: SourceFile,
  schema: S,
  issues: RuleIssue[],
): z.infer<S> | undefined {
  if (src.syntaxErrors.length > 0 || !src.root) {
    for (const e of src.syntaxErrors.slice(0, 5)) {
      const place = { path: '$', ...lineColumn(src.text, e.offset) };
      issues.push(ruleIssue(src.file, 'json-syntax', { reason: syntaxReasonOf(src.text, e, src.root) }, place));
    }
    if (src.syntaxErrors.length === 0) issues.push(ruleIssue(src.file, 'empty-file', {}));
    return undefined;
  }
  // Each file is parsed once per run: compiling a fast path (zod's JIT) costs more start-up than it saves.
  // reportInput: the Vietnamese wording needs the offending value (e.g. a missing key is `undefined`).
  const result = schema.safeParse(getNodeValue(src.root), { jitless: true, reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  for (const zi of result.error.issues) {
    const path = zi.path.filter((p): p is Segment => typeof p !== 'symbol');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        issues.push(src.issue([...path, key], 'unknown-key', { key }));
      }
    } else {
      issues.push(src.issue(path, 'schema', { en: zi.message, vi: zodIssueVi(zi) }));
    }
  }
  return undefined;
}
