// The table of renderers for one checked transcript: one per format of formats.ts (the type makes it complete).
// `check` picks from it; a new format is one renderer file, one entry here and one in formats.ts. Only the text
// renderer (the default) is loaded up front; the others are imported when asked for (start-up of a plain check).

import type { CheckResult } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import type { Lang } from '../lang.js';
import type { Format, JsonForm } from './formats.js';
import type { Styles } from './styles.js';
import { renderText } from './text.js';

/** Everything a renderer may use; each takes what its format shows. */
export interface ReportInput {
  result: CheckResult;
  ruleSet: RuleSet;
  lang: Lang;
  /** transcript files as the user named them */
  files: string[];
  toolVersion: string;
  person?: Person;
  /** text only: colours (plain when writing to a file) */
  styles: Styles;
  /** csv only: BOM, ";", decimal commas, and titles and words in the report's language, for Vietnamese Excel */
  excel: boolean;
  /** json only: the full report (schemaVersion 2, the default) or the lean one (3) */
  jsonForm?: JsonForm;
}

export interface Renderer {
  render(input: ReportInput): string | Promise<string | Uint8Array>;
  /** bytes for a file, not for a terminal */
  binary: boolean;
}

const personOf = (i: ReportInput) => (i.person ? { person: i.person } : {});

export const RENDERERS: Record<Format, Renderer> = {
  text: {
    binary: false,
    render: (i: ReportInput) => renderText(i.result, i.ruleSet, { lang: i.lang, color: i.styles, files: i.files, ...personOf(i) }),
  },
  json: {
    binary: false,
    render: async (i: ReportInput) => {
      const meta = { files: i.files, toolVersion: i.toolVersion, ...personOf(i) };
      const report = i.jsonForm === 'lean' ? (await import('./json-lean.js')).buildLeanReport(i.result, meta) : (await import('./json.js')).buildJsonReport(i.result, i.ruleSet, meta);
      return `${JSON.stringify(report, null, 2)}\n`;
    },
  },
  csv: {
    binary: false,
    render: async (i: ReportInput) => {
      const { checkCsvRows, checkPeopleCsvRows, toCsv } = await import('./csv.js');
      // --excel is for a person: titles and words in the report's language; plain CSV keeps the stable ids
      const { header, rows } = i.excel ? checkPeopleCsvRows(i.result, i.ruleSet, i.lang) : checkCsvRows(i.result, i.ruleSet, i.lang);
      return toCsv(header, rows, { excel: i.excel });
    },
  },
  html: {
    binary: false,
    render: async (i: ReportInput) =>
      (await import('./html.js')).renderHtml(i.result, i.ruleSet, { lang: i.lang, files: i.files, toolVersion: i.toolVersion, ...personOf(i) }),
  },
  xlsx: {
    binary: true,
    render: async (i: ReportInput) =>
      (await import('./check-xlsx.js')).renderCheckXlsx(i.result, i.ruleSet, { lang: i.lang, files: i.files, toolVersion: i.toolVersion, ...personOf(i) }),
  },
};
