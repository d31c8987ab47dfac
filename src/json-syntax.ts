// JSON syntax errors as people read them: line:column and a reason in Vietnamese or English (jsonc-parser codes).
// Shared by transcripts, dossier metadata and rule files. The words are in findings/json.ts (no parser there).

import { PARSE_ERRORS, wordMalformedJson, type JsonProblem, type SyntaxReason } from './findings/json.js';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** `$.subjects[2].lessons[0].periods` from path segments (keys that are not identifiers in brackets). */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let s = '$';
  for (const seg of segments) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/u.test(seg)) s += `.${seg}`;
    else s += `[${JSON.stringify(String(seg))}]`;
  }
  return s;
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return { line, column: offset - lastNewline };
}

export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: JsonProblem;
  en: string;
  vi: string;
}

function syntaxError(place: { line: number; column: number }, problem: JsonProblem): JsonSyntaxError {
  const e = { ...place, problem };
  return { ...e, en: wordMalformedJson(e, 'en'), vi: wordMalformedJson(e, 'vi') };
}

/** The last non-space character before `offset`, or ''. */
function previousChar(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/u.test(text[i]!)) return text[i]!;
  return '';
}

/**
 * The reason for a syntax error, made specific for the mistakes people make typing JSON by hand: a trailing comma,
 * a field name without quotes, single or curly quotes (copied from Word), text after the end.
 */
export function syntaxReasonOf(text: string, error: ParseError, root: Node | undefined): SyntaxReason {
  const code = printParseErrorCode(error.error);
  const ch = text[error.offset] ?? '';
  if ((code === 'PropertyNameExpected' && ch === '}') || (code === 'ValueExpected' && ch === ']')) {
    return { kind: 'trailing-comma', before: ch };
  }
  if (code === 'InvalidSymbol' || code === 'PropertyNameExpected' || code === 'ValueExpected') {
    if (ch === '“' || ch === '”' || ch === '‘' || ch === '’') return { kind: 'curly-quote', quote: ch };
    if (ch === "'") return { kind: 'single-quote' };
    const prev = previousChar(text, error.offset);
    if (/[\p{L}_$]/u.test(ch) && (prev === '{' || prev === ',')) return { kind: 'unquoted-name' };
    if (root && error.offset >= root.offset + root.length) return { kind: 'parser', code: 'EndOfFileExpected' };
  }
  return PARSE_ERRORS[code] ? { kind: 'parser', code } : { kind: 'not-json' };
}

/** How deep arrays and objects may nest: far beyond any transcript, metadata or rule file, far below the stack. */
const MAX_JSON_DEPTH = 64;

/** The offset of the first bracket that opens level `max + 1`, or -1 (strings skipped; syntax is checked later). */
function tooDeepAt(text: string, max: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** Parse strict JSON (no comments, no trailing commas) into a tree, or the first syntax error with its place. */
export function parseJsonTree(text: string): { root: Node } | { error: JsonSyntaxError } {
  // deeper nesting would overflow the stack later (reading values): a positioned error, the same on every thread
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    return { error: syntaxError(lineColumn(text, deep), { kind: 'too-deep', max: MAX_JSON_DEPTH }) };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first && root) return { root };
  const reason: SyntaxReason = first ? syntaxReasonOf(text, first, root) : { kind: 'not-json' };
  return { error: syntaxError(lineColumn(text, first?.offset ?? 0), { kind: 'syntax', reason }) };
}

/** The syntax tree of a document, built on first call (only an error needs it, to name a place). */
export type JsonTree = () => Node | undefined;

/** A strict JSON document: its value, and its syntax tree on request. */
export interface JsonDocument {
  value: unknown;
  tree: JsonTree;
}

/** Tests turn the fast path off to compare both paths on the same inputs. */
export const jsonFastPath = { enabled: true };

/**
 * Parse strict JSON: its value, or the first syntax error with its place (as `parseJsonTree`). The fast path is
 * `JSON.parse`, which accepts only strict JSON and gives the value `getNodeValue` gives (the tree parser accepts
 * everything it does); the tree is built only when asked for. Anything `JSON.parse` refuses goes the tree's way,
 * so errors are worded and placed as before.
 */
export function readJsonDocument(text: string): JsonDocument | { error: JsonSyntaxError } {
  if (jsonFastPath.enabled && tooDeepAt(text) < 0) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return viaTree(text);
    }
    let tree: Node | undefined | null = null;
    return {
      value,
      tree: () => {
        if (tree === null) {
          const parsed = parseJsonTree(text);
          tree = 'root' in parsed ? parsed.root : undefined;
        }
        return tree;
      },
    };
  }
  return viaTree(text);
}

function viaTree(text: string): JsonDocument | { error: JsonSyntaxError } {
  const parsed = parseJsonTree(text);
  if ('error' in parsed) return parsed;
  return { value: getNodeValue(parsed.root), tree: () => parsed.root };
}

/**
 * Where a JSON path points in a file: its `$.path`, and the line:column of the nearest node that exists (a
 * missing key is located at its parent). `at: 'key'` places a property at its key, `'value'` at its value.
 */
export function locateJsonPath(
  text: string,
  root: Node | undefined,
  segments: readonly (string | number)[],
  at: 'key' | 'value',
): { path: string; line?: number; column?: number } {
  const path = jsonPath(segments);
  if (!root) return { path };
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n) as (string | number)[]);
    if (!node) continue;
    const offset = at === 'key' && node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return { path, ...lineColumn(text, offset) };
  }
  return { path };
}
