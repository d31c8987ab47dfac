// Bytes → NFC text: picks the encoding (option, then byte-order mark, then strict UTF-8) and rejects binary input.

import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import type { KnownFormat } from '../findings/transcript.js';

export const ENCODINGS = ['utf-8', 'utf-16', 'utf-16le', 'utf-16be', 'windows-1258'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** 1-based line of a byte offset: counts LF bytes before it (also right for windows-1258). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      // only the first continuation byte has the narrowed range
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function binaryError(file: string, offset: number, bytes: Uint8Array): InputError {
  return new InputError({ code: 'binary-nul', args: { offset }, file, place: { line: lineAtByte(bytes, offset) } });
}

// fatal: refuses exactly what findInvalidUtf8 finds (WHATWG's decoder: overlongs, surrogates, > U+10FFFF, cut sequences)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, file: string): string {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  // the common case in one native pass; the byte-by-byte scan only to place an error
  try {
    return strictUtf8.decode(body);
  } catch {
    // placed below
  }
  const bad = findInvalidUtf8(body);
  if (bad >= 0) {
    const offset = bad + (body === bytes ? 0 : 3);
    throw new InputError({ code: 'invalid-utf8', args: { offset }, file, place: { line: lineAtByte(bytes, offset) } });
  }
  return new TextDecoder('utf-8').decode(body);
}

function decodeUtf16(bytes: Uint8Array, file: string, endian: 'le' | 'be' | 'bom'): string {
  // an explicit endianness wins; otherwise the BOM decides, and Windows' little-endian is the default
  const le = endian === 'bom' ? !(bytes[0] === 0xfe && bytes[1] === 0xff) : endian === 'le';
  const body = bytes;
  if (body.length % 2 !== 0) {
    throw new InputError({ code: 'utf16-odd-bytes', args: { bytes: bytes.length }, file });
  }
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body);
  } catch {
    throw new InputError({ code: 'utf16-unpaired', args: { endian: le ? 'LE' : 'BE' }, file });
  }
}

let cp1258Undefined: Set<number> | undefined;

function decodeWindows1258(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('windows-1258', { fatal: true }).decode(bytes);
  } catch {
    // find the offending byte once, byte by byte, only on the error path
    if (!cp1258Undefined) {
      cp1258Undefined = new Set();
      const d = new TextDecoder('windows-1258', { fatal: true });
      for (let b = 0; b < 256; b++) {
        try {
          d.decode(Uint8Array.of(b));
        } catch {
          cp1258Undefined.add(b);
        }
      }
    }
    const offset = bytes.findIndex((b) => cp1258Undefined!.has(b));
    throw new InputError({ code: 'invalid-windows-1258', args: { offset }, file, ...(offset >= 0 ? { place: { line: lineAtByte(bytes, offset) } } : {}) });
  }
}

/** Documents officers often pick by mistake, told apart by their first bytes, with what to do instead. */
const KNOWN_FORMATS: { magic: readonly number[]; format: KnownFormat }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], format: 'zip' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], format: 'ole' },
  { magic: [0x25, 0x50, 0x44, 0x46], format: 'pdf' },
];

/**
 * Decode a transcript file. A byte-order mark always decides (it is the file's own statement). Otherwise the
 * bytes must be strict UTF-8, or be in the encoding given. `--encoding windows-1258` only rescues files that are
 * not valid UTF-8, so one option can serve a whole batch of old and new files without garbling the new ones.
 * The BOM is dropped and the text NFC-normalised (windows-1258 spells many Vietnamese letters as base letter +
 * combining tone mark).
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: Encoding): string {
  return decodeTextAs(bytes, file, encoding).text;
}

/** Bytes a fatal windows-1258 decoder takes without a control character other than tab, CR, LF. */
function cleanWindows1258(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('windows-1258', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(text);
}

/**
 * `decodeText`, also saying which encoding was used and whether it was guessed: without `--encoding`, bytes that
 * are not UTF-8 (and carry no BOM) but read cleanly as windows-1258 — what Excel's "CSV" writes on Vietnamese
 * Windows — are read as windows-1258, and `guessed` is set so the report can say so.
 */
export function decodeTextAs(bytes: Uint8Array, file: string, encoding?: Encoding): { text: string; encoding: Encoding; guessed: boolean } {
  const known = KNOWN_FORMATS.find((f) => startsWith(bytes, f.magic));
  if (known) throw new InputError({ code: 'known-format', args: { format: known.format }, file });
  let kind: Encoding | 'auto-utf-16';
  let guessed = false;
  if (startsWith(bytes, UTF8_BOM)) kind = 'utf-8';
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) kind = 'auto-utf-16';
  else if (encoding === 'windows-1258') kind = bytes.indexOf(0) < 0 && isUtf8(bytes) ? 'utf-8' : 'windows-1258';
  else if (encoding === undefined && bytes.indexOf(0) < 0 && !isUtf8(bytes) && cleanWindows1258(bytes)) {
    kind = 'windows-1258';
    guessed = true;
  } else kind = encoding ?? 'utf-8';
  const utf16 = kind === 'utf-16' || kind === 'utf-16le' || kind === 'utf-16be' || kind === 'auto-utf-16';
  if (!utf16) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw binaryError(file, nul, bytes);
  }
  let text: string;
  switch (kind) {
    case 'utf-8':
      text = decodeUtf8(bytes, file);
      break;
    case 'windows-1258':
      text = decodeWindows1258(bytes, file);
      break;
    case 'utf-16le':
      text = decodeUtf16(bytes, file, 'le');
      break;
    case 'utf-16be':
      text = decodeUtf16(bytes, file, 'be');
      break;
    default:
      text = decodeUtf16(bytes, file, 'bom');
  }
  if (utf16) {
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw new InputError({ code: 'binary-nul-utf16', args: {}, file, place: { line: text.slice(0, nul).split('\n').length } });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const used: Encoding = kind === 'auto-utf-16' ? (bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le') : kind;
  return { text: text.normalize('NFC'), encoding: used, guessed };
}
