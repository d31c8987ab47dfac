// The report formats and the file extensions that name them: the CLI's --format choices come from here, and
// renderers.ts has exactly one renderer per format (kept apart so reading this costs no renderer's start-up).

/** Each format and its file extensions (`-o ket-qua.html`); the first extension is the one written. */
const EXTENSIONS = {
  text: ['txt'],
  json: ['json'],
  csv: ['csv'],
  html: ['html', 'htm'],
  xlsx: ['xlsx'],
} as const satisfies Record<string, readonly string[]>;

export type Format = keyof typeof EXTENSIONS;

/** The formats in the order --help lists them. */
export const FORMATS = Object.keys(EXTENSIONS) as Format[];

/** Output file extensions and the format each one names. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, Format>> = Object.fromEntries(
  FORMATS.flatMap((f) => EXTENSIONS[f].map((ext) => [ext, f] as const)),
);

/** The extension a report file in each format is written with. */
export const REPORT_EXTENSIONS = Object.fromEntries(FORMATS.map((f) => [f, EXTENSIONS[f][0]])) as Record<Format, string>;

/** The two forms of the JSON report: `full` (json.ts, schemaVersion 2) and `lean` (json-lean.ts, schemaVersion 3). */
export const JSON_FORMS = ['full', 'lean'] as const;
export type JsonForm = (typeof JSON_FORMS)[number];

/** The formats that stream a list (batch summaries, rules explain/show): one line, one record or one JSON element each. */
export const OUTPUT_FORMATS = ['text', 'json', 'csv'] as const satisfies readonly Format[];
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
