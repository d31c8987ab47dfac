// Public API of the transcript reader: bytes (CSV/TSV/JSON in any supported encoding) → typed Transcript.

export { parseTranscript, mergeTranscripts, detectFormat, FORMATS, SCALES, type ReadOptions, type Format } from './parse.js';
export { decodeText, ENCODINGS, type Encoding } from './decode.js';
export { DELIMITERS, type Delimiter } from './csv.js';
export { HEADER_ALIASES, classifyHeader } from './headers.js';
export { ROW_KEYS } from './json.js';
export type * from './types.js';
