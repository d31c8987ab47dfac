// Bytes → NFC text: picks the encoding (option, then byte-order mark, then strict UTF-8) and rejects binary input.

import { InputError } from '../errors.js';

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
  return new InputError(
    `looks like a binary file, not a CSV/JSON transcript (NUL byte at byte ${offset}); if it is UTF-16 text without a byte-order mark, try --encoding utf-16`,
    `có vẻ là tệp nhị phân, không phải bảng điểm CSV/JSON (byte NUL ở vị trí ${offset}); nếu là văn bản UTF-16 không có BOM, hãy thử --encoding utf-16`,
    file,
    { line: lineAtByte(bytes, offset) },
  );
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  const bad = findInvalidUtf8(body);
  if (bad >= 0) {
    const offset = bad + (body === bytes ? 0 : 3);
    throw new InputError(
      `invalid UTF-8 at byte ${offset}; if the file was saved by an old Vietnamese program, try --encoding windows-1258 (or --encoding utf-16)`,
      `không phải UTF-8 hợp lệ tại byte ${offset}; nếu tệp được lưu bằng phần mềm tiếng Việt cũ, hãy thử --encoding windows-1258 (hoặc --encoding utf-16)`,
      file,
      { line: lineAtByte(bytes, offset) },
    );
  }
  return new TextDecoder('utf-8').decode(body);
}

function decodeUtf16(bytes: Uint8Array, file: string, endian: 'le' | 'be' | 'bom'): string {
  // an explicit endianness wins; otherwise the BOM decides, and Windows' little-endian is the default
  const le = endian === 'bom' ? !(bytes[0] === 0xfe && bytes[1] === 0xff) : endian === 'le';
  const body = bytes;
  if (body.length % 2 !== 0) {
    throw new InputError(
      `not valid UTF-16: odd number of bytes (${bytes.length}); check --encoding`,
      `không phải UTF-16 hợp lệ: số byte lẻ (${bytes.length}); hãy kiểm tra --encoding`,
      file,
    );
  }
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body);
  } catch {
    throw new InputError(
      `not valid UTF-16${le ? 'LE' : 'BE'} (unpaired surrogate); check --encoding`,
      `không phải UTF-16${le ? 'LE' : 'BE'} hợp lệ (surrogate lẻ); hãy kiểm tra --encoding`,
      file,
    );
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
    throw new InputError(
      `not valid windows-1258 at byte ${offset}; check --encoding`,
      `không phải windows-1258 hợp lệ tại byte ${offset}; hãy kiểm tra --encoding`,
      file,
      offset >= 0 ? { line: lineAtByte(bytes, offset) } : undefined,
    );
  }
}

/** Documents officers often pick by mistake, told apart by their first bytes, with what to do instead. */
const KNOWN_FORMATS: { magic: readonly number[]; en: string; vi: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    en: 'this is an Excel workbook (.xlsx) or another zipped document, not a CSV/JSON transcript; in Excel use File › Save As › CSV UTF-8',
    vi: 'đây là tệp Excel (.xlsx) hoặc tài liệu nén, không phải bảng điểm CSV/JSON; trong Excel chọn Tệp › Lưu thành › CSV UTF-8',
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    en: 'this is an old Excel or Word file (.xls, .doc), not a CSV/JSON transcript; in Excel use File › Save As › CSV UTF-8',
    vi: 'đây là tệp Excel hoặc Word đời cũ (.xls, .doc), không phải bảng điểm CSV/JSON; trong Excel chọn Tệp › Lưu thành › CSV UTF-8',
  },
  {
    magic: [0x25, 0x50, 0x44, 0x46],
    en: 'this is a PDF file (perhaps a scan), not a CSV/JSON transcript; type the transcript into Excel and save it as CSV UTF-8',
    vi: 'đây là tệp PDF (có thể là bản quét), không phải bảng điểm CSV/JSON; cần nhập bảng điểm vào Excel rồi lưu thành CSV UTF-8',
  },
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
  if (known) throw new InputError(known.en, known.vi, file);
  let kind: Encoding | 'auto-utf-16';
  let guessed = false;
  if (startsWith(bytes, UTF8_BOM)) kind = 'utf-8';
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) kind = 'auto-utf-16';
  else if (encoding === 'windows-1258') kind = bytes.indexOf(0) < 0 && findInvalidUtf8(bytes) < 0 ? 'utf-8' : 'windows-1258';
  else if (encoding === undefined && bytes.indexOf(0) < 0 && findInvalidUtf8(bytes) >= 0 && cleanWindows1258(bytes)) {
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
      throw new InputError(
        'looks like a binary file, not a CSV/JSON transcript (NUL character in UTF-16 text)',
        'có vẻ là tệp nhị phân, không phải bảng điểm CSV/JSON (ký tự NUL trong văn bản UTF-16)',
        file,
        { line: text.slice(0, nul).split('\n').length },
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const used: Encoding = kind === 'auto-utf-16' ? (bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le') : kind;
  return { text: text.normalize('NFC'), encoding: used, guessed };
}
