// One rule file as parsed JSON: locating issues by JSON path, syntax errors, and validation against its schema.

import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { RuleIssue } from '../../errors.js';
import { lineColumn, locateJsonPath, syntaxReason } from '../../json-syntax.js';
import { zodIssueVi } from './zod-vi.js';

export type Segment = string | number;

/** A message in English (--lang en) and Vietnamese (the default). */
export interface Msg {
  en: string;
  vi: string;
}
export const msg = (en: string, vi: string): Msg => ({ en, vi });

/** A JSON syntax error of jsonc-parser, in words. */
function syntaxMsg(src: SourceFile, e: ParseError): Msg {
  const words = syntaxReason(src.text, e, src.root);
  return msg(`JSON syntax error: ${words.en}`, `lỗi cú pháp JSON: ${words.vi}`);
}

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
  issue(path: readonly Segment[], m: Msg): RuleIssue {
    const { path: where, ...place } = locateJsonPath(this.text, this.root, path, 'key');
    return { file: this.file, path: where, message: m.en, vi: m.vi, ...place };
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
      const m = syntaxMsg(src, e);
      issues.push({
        file: src.file,
        path: '$',
        ...lineColumn(src.text, e.offset),
        message: m.en,
        vi: m.vi,
      });
    }
    if (src.syntaxErrors.length === 0) {
      issues.push({ file: src.file, path: '$', message: 'the file is empty', vi: 'tệp trống, không có nội dung JSON' });
    }
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
        issues.push(
          src.issue([...path, key], msg(`unknown key "${key}"`, `không có trường "${key}" ở vị trí này (gõ sai tên trường?)`)),
        );
      }
    } else {
      issues.push(src.issue(path, msg(zi.message, zodIssueVi(zi))));
    }
  }
  return undefined;
}
