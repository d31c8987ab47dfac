// Reading HTML reports in tests: a small query layer over the parse5 tree, validity (html-validate) and
// self-containment checks shared by the report and batch tests.

import { HtmlValidate } from 'html-validate';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { expect } from 'vitest';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

// ── a tiny query layer over the parse5 tree ──────────────────────────────────────────────────────────────

export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const kids = 'content' in n && n.nodeName === 'template' ? (n as DefaultTreeAdapterMap['template']).content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const k of kids) walk(k);
  };
  walk(root);
  return out;
}

export const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

export function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}

export class Doc {
  readonly all: Element[];
  constructor(readonly html: string) {
    this.all = elements(parse(html));
  }
  find(pred: (e: Element) => boolean): Element[] {
    return this.all.filter(pred);
  }
  byAttr(name: string, value?: string): Element[] {
    return this.find((e) => attr(e, name) !== undefined && (value === undefined || attr(e, name) === value));
  }
  tag(name: string): Element[] {
    return this.find((e) => e.tagName === name);
  }
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // the style sheet is one inline <style> by design: the file must stand alone
    'no-inline-style': 'off',
    // the title names the dossier, whose name is the user's to choose
    'long-title': 'off',
  },
});

export async function expectValid(html: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(messages).toEqual([]);
}

/** No URL that leaves the file: no scheme or protocol-relative link anywhere, no loading elements, no script. */
export function expectSelfContained(doc: Doc): void {
  expect(doc.tag('script')).toEqual([]);
  expect(doc.find((e) => ['link', 'img', 'iframe', 'object', 'embed', 'base', 'audio', 'video', 'source', 'image', 'use'].includes(e.tagName))).toEqual([]);
  for (const e of doc.all) {
    for (const a of e.attrs) {
      if (['href', 'src', 'srcset', 'action', 'xlink:href', 'poster', 'data'].includes(a.name)) {
        expect(a.value, `${e.tagName}[${a.name}]`).not.toMatch(/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i);
      }
      expect(a.name.startsWith('on'), `${e.tagName}[${a.name}]`).toBe(false);
    }
  }
  expect(doc.html).not.toMatch(/https?:|\/\/[a-z]|url\(\s*['"]?[a-z/]|@import/i);
}

