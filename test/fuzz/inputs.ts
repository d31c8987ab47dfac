// Seeded generator of hostile dossiers for the fuzz suite: random bytes, byte mutations of every fixture,
// grammar-generated CSV, random JSON and fuzzed metadata.json. The same seed always gives the same folder.

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../src/bench/generate.js';
import { HEADER_ALIASES } from '../../src/transcript/headers.js';

export const KINDS = ['bytes', 'mutation', 'csv', 'json', 'metadata'] as const;
export type Kind = (typeof KINDS)[number];

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesBelow(p) : [p];
  });
}

/** Every fixture file (transcripts, broken inputs, encodings, dossier files and metadata). */
export const FIXTURES: { name: string; bytes: Buffer }[] = filesBelow('fixtures')
  .sort()
  .map((p) => ({ name: p, bytes: readFileSync(p) }));

const VALID = readFileSync('fixtures/dossiers/sample/nguyen-thi-lan.csv');
const METADATA = JSON.parse(readFileSync('fixtures/dossiers/sample/01-pre2008-lanh-dao/metadata.json', 'utf8')) as Record<string, unknown>;
const HEADERS = HEADER_ALIASES.flatMap((e) => e.aliases);
const COURSES = ['Triết học Mác-Lênin', 'Kinh tế chính trị', 'Tư tưởng Hồ Chí Minh', 'Lịch sử Đảng', 'NLCB của CN M-L (HP1)', 'Giải tích 1', 'Đường lối CM của ĐCSVN', '=cmd|calc', '"quoted"', 'Chủ nghĩa xã hội khoa học phần II'];
const CELLS = ['7,5', '8.0', 'A', 'B+', 'F', 'Đạt', 'Miễn', '', '-', '3(2-1)', '1e309', '-4', 'NaN', '١٢', '  ', '4,5', '10', '0', '99999999999999999999', 'ĐVHT'];

function randomBytes(r: Rand): Buffer {
  const b = Buffer.alloc(int(r, 0, 3000));
  for (let i = 0; i < b.length; i++) b[i] = chance(r, 0.7) ? int(r, 32, 126) : int(r, 0, 255);
  return b;
}

function mutate(r: Rand, src: Buffer): Buffer {
  let b = Buffer.from(src);
  for (let n = int(r, 1, 8); n > 0; n--) {
    const at = b.length === 0 ? 0 : int(r, 0, b.length - 1);
    switch (int(r, 0, 5)) {
      case 0: // flip a byte
        if (b.length > 0) b[at] = int(r, 0, 255);
        break;
      case 1: // insert odd bytes: quotes, delimiters, newlines, brackets, invalid UTF-8
        b = Buffer.concat([b.subarray(0, at), Buffer.from(pick(r, ['"', ',', ';', '\t', '\n', '\r', '[', '{', '}', ']', '\u0000', '\xff\xfe', '\u201c'])), b.subarray(at)]);
        break;
      case 2: // delete a chunk
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + int(r, 1, 50)))]);
        break;
      case 3: // duplicate a chunk
        b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + int(r, 1, 200)), b.subarray(at)]);
        break;
      case 4: // truncate
        b = b.subarray(0, at);
        break;
      default: // a UTF-16 or UTF-8 BOM in front
        b = Buffer.concat([Buffer.from(pick(r, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])), b]);
    }
  }
  return b;
}

function csvCell(r: Rand, delimiter: string): string {
  let v = chance(r, 0.5) ? pick(r, COURSES) : pick(r, CELLS);
  if (chance(r, 0.02)) v = 'x'.repeat(int(r, 10_000, 200_000)); // a huge field
  if (chance(r, 0.05)) v += '\n' + pick(r, COURSES); // an embedded newline
  const quote = chance(r, 0.3) || v.includes(delimiter) || v.includes('\n') || v.includes('"');
  return quote && !chance(r, 0.05) ? `"${v.replace(/"/g, '""')}"` : v; // sometimes broken quoting on purpose
}

function grammarCsv(r: Rand): Buffer {
  const delimiter = pick(r, [',', ';', '\t', '|']);
  const wide = chance(r, 0.03);
  const cols = wide ? int(r, 1000, 3000) : int(r, 1, 12);
  const header = Array.from({ length: cols }, () => (chance(r, 0.8) ? pick(r, HEADERS) : pick(r, CELLS)));
  const lines: string[] = [];
  for (let t = int(r, 0, 3); t > 0; t--) lines.push(pick(r, ['BẢNG ĐIỂM', 'Họ và tên: Nguyễn Văn A', 'Ngày sinh: 01/02/1980', '']));
  lines.push(header.map((h) => (chance(r, 0.2) ? `"${h}"` : h)).join(delimiter));
  const rows = wide ? int(r, 1, 5) : int(r, 0, 60);
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: chance(r, 0.9) ? cols : int(r, 1, cols + 3) }, () => csvCell(r, delimiter)).join(delimiter));
  return Buffer.from(lines.join(pick(r, ['\n', '\r\n', '\r'])), 'utf8');
}

function randomValue(r: Rand, depth: number): unknown {
  if (depth > 0 && chance(r, 0.4)) {
    if (chance(r, 0.5)) return Array.from({ length: int(r, 0, 4) }, () => randomValue(r, depth - 1));
    return Object.fromEntries(Array.from({ length: int(r, 0, 4) }, () => [pick(r, ['name', 'credits', 'grade', 'x', '__proto__', 'constructor']), randomValue(r, depth - 1)]));
  }
  return pick(r, [null, true, false, 0, -0, 1e308, -1, 3.5, 'Triết học', '', '7,5', 2 ** 53 + 1, 'A']);
}

/** JSON text that JSON.stringify cannot give: duplicate keys, __proto__ keys, huge and odd numbers, deep nesting. */
function randomJson(r: Rand): Buffer {
  const numbers = ['1e999', '-1e999', '123456789012345678901234567890', '-0', '0.0000001', '1E+2', '01', '1.', '.5', 'NaN', 'Infinity'];
  const row = (): string => {
    const parts: string[] = [];
    for (let k = int(r, 0, 6); k > 0; k--) {
      const key = pick(r, ['name', 'name', 'credits', 'grade', 'periods', 'gradeScale', 'creditUnit', 'code', '__proto__', 'constructor', 'prototype', 'Tên học phần', 'Số tín chỉ', 'x']);
      const value = chance(r, 0.3) ? pick(r, numbers) : JSON.stringify(randomValue(r, 2));
      parts.push(`${JSON.stringify(key)}:${chance(r, 0.1) ? JSON.stringify(pick(r, COURSES)) : value}`);
    }
    return `{${parts.join(',')}}`;
  };
  const courses = `[${Array.from({ length: int(r, 0, 20) }, row).join(',')}]`;
  let text: string;
  switch (int(r, 0, 4)) {
    case 0:
      text = courses;
      break;
    case 1:
      text = `{"person":${row()},"courses":${courses},"courses":${chance(r, 0.5) ? courses : '[]'}}`;
      break;
    case 2: {
      const depth = pick(r, [10, 63, 64, 65, 200, 3000]);
      text = `${'['.repeat(depth)}${row()}${']'.repeat(chance(r, 0.9) ? depth : depth - 1)}`;
      break;
    }
    case 3:
      text = JSON.stringify(randomValue(r, 4));
      break;
    default:
      text = `{"__proto__":{"courses":${courses}},"courses":${courses}}`;
  }
  return Buffer.from(text, 'utf8');
}

function fuzzedMetadata(r: Rand): Buffer {
  const m: Record<string, unknown> = { ...METADATA };
  for (let n = int(r, 1, 4); n > 0; n--) {
    const key = pick(r, [...Object.keys(METADATA), '__proto__', 'constructor', 'extra', '$schema']);
    m[key] = pick(r, [null, 42, true, [], {}, 'x'.repeat(int(r, 0, 5000)), '31/02/2019', '2019-13-01', 'có', 'không', '  ', '\u0000', randomValue(r, 3)]);
  }
  let text = JSON.stringify(m, null, chance(r, 0.5) ? 2 : 0);
  if (chance(r, 0.3)) text = mutate(r, Buffer.from(text)).toString('latin1');
  if (chance(r, 0.2)) text = text.replace(/^\{/u, '{"fullName":"Một Người Khác",'); // a duplicate key
  return Buffer.from(text, 'latin1');
}

/** One dossier folder of the given kind, as file name → bytes. */
export function dossierFiles(kind: Kind, r: Rand, ordinal: number): Record<string, Buffer> {
  switch (kind) {
    case 'bytes':
      return { [`bang-diem.${pick(r, ['csv', 'json', 'txt', 'tsv'])}`]: randomBytes(r) };
    case 'mutation': {
      // every fixture in turn, so each one is mutated
      const f = FIXTURES[ordinal % FIXTURES.length]!;
      const ext = /\.(csv|json|txt|tsv|xlsx|xls|ods)$/u.exec(f.name)?.[1] ?? 'csv';
      return f.name.endsWith('metadata.json') ? { 'metadata.json': mutate(r, f.bytes), 'bang-diem.csv': VALID } : { [`bang-diem.${ext}`]: mutate(r, f.bytes) };
    }
    case 'csv':
      return { [`bang-diem.${pick(r, ['csv', 'tsv', 'txt'])}`]: grammarCsv(r) };
    case 'json':
      return { 'bang-diem.json': randomJson(r) };
    default:
      return { 'metadata.json': fuzzedMetadata(r), 'bang-diem.csv': VALID };
  }
}

/** Write `count` dossiers (kinds in turn, so every kind is covered) into `dir`; returns the count per kind. */
export function writeFuzzFolder(dir: string, count: number, seed: number, first = 0): Record<Kind, number> {
  const r = prng(seed);
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (let i = 0; i < count; i++) {
    const kind = KINDS[(first + i) % KINDS.length]!;
    const ordinal = counts[kind]++;
    const folder = join(dir, `${String(first + i).padStart(5, '0')}-${kind}`);
    mkdirSync(folder, { recursive: true });
    for (const [name, bytes] of Object.entries(dossierFiles(kind, r, ordinal))) writeFileSync(join(folder, name), bytes);
  }
  return counts;
}
