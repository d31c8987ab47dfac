// Reading a transcript or a dossier's metadata file (bytes, encodings, CSV, JSON, spreadsheets, the table step,
// the file's path and size): each code's arguments and words.

import type { Words } from './types.js';
import { wordMalformedJson, type JsonProblem } from './json.js';

/** Documents officers pick by mistake, told apart by their first bytes. */
export type KnownFormat = 'zip' | 'ole' | 'pdf';

/** A JSON value as an error names it: its type, and the value shown when it is short (text quoted, cut at 40). */
export interface JsonSeen {
  type: string;
  shown?: string;
}

/** What a JSON transcript expected where it found something else. */
export type JsonExpected = 'person-object' | 'rows-or-courses' | 'rows-or-courses-or-rows' | 'rows-array' | 'row-object' | 'grade';

/** The kind a metadata field expected (zod's `expected`). */
export type MetadataKind = string;

export interface TranscriptArgs {
  // --- bytes and encodings
  'known-format': { format: KnownFormat };
  'binary-nul': { offset: number };
  'binary-nul-utf16': Record<string, never>;
  'invalid-utf8': { offset: number };
  'utf16-odd-bytes': { bytes: number };
  'utf16-unpaired': { endian: 'LE' | 'BE' };
  'invalid-windows-1258': { offset: number };
  // --- the file as a whole
  'file-too-large': { limitBytes: number };
  'too-many-rows': { limit: number };
  'empty-file': Record<string, never>;
  'no-course-rows': Record<string, never>;
  'path-is-folder': { path: string };
  'path-folder-missing': { dir: string };
  /** `close`: names in the same folder close to the one given */
  'path-missing': { close: string[] };
  // --- CSV
  'csv-quote-not-closed': { line: number | undefined };
  'csv-closing-quote': Record<string, never>;
  'csv-unparsable': { message: string };
  // --- spreadsheets
  'spreadsheet-unreadable': { message: string };
  'formula-without-value': { cell: string };
  'workbook-empty': Record<string, never>;
  // --- the table step
  'no-name-column': { found: string[] };
  'not-a-number': { text: string; column: string };
  // --- JSON transcripts
  'json-unexpected': { path: string; expected: JsonExpected; got?: JsonSeen };
  /** a row field refused by the row schema: its message (English), the value found, how many other problems */
  'json-field-invalid': { path: string; message: string; got?: JsonSeen; more: number };
  // --- people
  'different-people': { first: { files: string[]; value: string }; other: { files: string[]; value: string } };
  'names-nobody': { files: string[] };
  // --- a dossier's metadata file
  'metadata-empty': Record<string, never>;
  'metadata-malformed': { line: number; column: number; problem: JsonProblem };
  'metadata-unknown-field': { path: string; keys: string[]; known: string[] };
  'metadata-wrong-type': { path: string; expected: MetadataKind };
  /** a value the vocabulary refuses; `en`/`vi` come with the field's own check (undefined `vi`: a generic phrase) */
  'metadata-invalid': { path: string; en: string; vi?: string };
}

const MB = 1024 * 1024;

const KNOWN_FORMATS: Record<KnownFormat, { en: string; vi: string }> = {
  zip: {
    en: 'this is an Excel workbook (.xlsx) or another zipped document, not a CSV/JSON transcript; in Excel use File › Save As › CSV UTF-8',
    vi: 'đây là tệp Excel (.xlsx) hoặc tài liệu nén, không phải bảng điểm CSV/JSON; trong Excel chọn Tệp › Lưu thành › CSV UTF-8',
  },
  ole: {
    en: 'this is an old Excel or Word file (.xls, .doc), not a CSV/JSON transcript; in Excel use File › Save As › CSV UTF-8',
    vi: 'đây là tệp Excel hoặc Word đời cũ (.xls, .doc), không phải bảng điểm CSV/JSON; trong Excel chọn Tệp › Lưu thành › CSV UTF-8',
  },
  pdf: {
    en: 'this is a PDF file (perhaps a scan), not a CSV/JSON transcript; type the transcript into Excel and save it as CSV UTF-8',
    vi: 'đây là tệp PDF (có thể là bản quét), không phải bảng điểm CSV/JSON; cần nhập bảng điểm vào Excel rồi lưu thành CSV UTF-8',
  },
};

const seenEn = (s: JsonSeen): string =>
  s.type === 'null' ? 'null' : s.type === 'array' ? 'an array' : s.type === 'object' ? 'an object' : s.type === 'string' ? `text ${s.shown}` : `${s.type} ${s.shown}`;

const seenVi = (s: JsonSeen): string => {
  if (s.type === 'null') return 'null';
  if (s.type === 'array') return 'một mảng';
  if (s.type === 'object') return 'một đối tượng';
  if (s.type === 'string') return `văn bản ${s.shown}`;
  const vi = s.type === 'boolean' ? 'giá trị logic' : s.type === 'number' ? 'số' : s.type;
  return `${vi} ${s.shown}`;
};

/** A JSON value seen where something else was expected, as data for `json-unexpected` / `json-field-invalid`. */
export function jsonSeen(v: unknown): JsonSeen {
  if (v === null) return { type: 'null' };
  if (Array.isArray(v)) return { type: 'array' };
  if (typeof v === 'object') return { type: 'object' };
  if (typeof v === 'string') return { type: 'string', shown: JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v) };
  return { type: typeof v, shown: String(v) };
}

const EXPECTED: Record<JsonExpected, { en: string; vi: string }> = {
  'person-object': { en: 'expected an object', vi: 'cần một đối tượng' },
  'rows-or-courses': { en: 'expected an array of rows or an object with "courses"', vi: 'cần một mảng các dòng hoặc một đối tượng có "courses"' },
  'rows-or-courses-or-rows': {
    en: 'expected an array of rows or an object with "courses" (or "rows")',
    vi: 'cần một mảng các dòng hoặc một đối tượng có "courses" (hoặc "rows")',
  },
  'rows-array': { en: 'expected an array of rows', vi: 'cần một mảng các dòng' },
  'row-object': { en: 'expected a row object', vi: 'cần một đối tượng dòng' },
  grade: { en: 'expected a grade (number or text)', vi: 'cần điểm (số hoặc văn bản)' },
};

/** The row schema's messages in Vietnamese (the schema words them in English). */
const VI_MESSAGES: Record<string, string> = {
  'expected a number': 'cần một số',
  'expected a non-negative number': 'cần một số không âm',
  'expected text': 'cần văn bản',
  'expected a course name (text)': 'cần tên học phần (văn bản)',
  'expected a non-empty course name': 'tên học phần không được để trống',
  "expected 'credit' or 'dvht'": "cần 'credit' hoặc 'dvht'",
  'expected a grade (number or text)': 'cần điểm (số hoặc văn bản)',
  "expected '10', '4' or 'letter'": "cần '10', '4' hoặc 'letter'",
};

const METADATA_KINDS: Record<string, [string, string]> = { string: ['text', 'văn bản'], boolean: ['true or false', 'true hoặc false'], number: ['a number', 'một số'] };

const mbOf = (limitBytes: number): number => Math.round((limitBytes / MB) * 100) / 100;

export const transcriptWords: Words<TranscriptArgs> = {
  'known-format': { en: (a) => KNOWN_FORMATS[a.format].en, vi: (a) => KNOWN_FORMATS[a.format].vi },
  'binary-nul': {
    en: (a) =>
      `looks like a binary file, not a CSV/JSON transcript (NUL byte at byte ${a.offset}); if it is UTF-16 text without a byte-order mark, try --encoding utf-16`,
    vi: (a) =>
      `có vẻ là tệp nhị phân, không phải bảng điểm CSV/JSON (byte NUL ở vị trí ${a.offset}); nếu là văn bản UTF-16 không có BOM, hãy thử --encoding utf-16`,
  },
  'binary-nul-utf16': {
    en: () => 'looks like a binary file, not a CSV/JSON transcript (NUL character in UTF-16 text)',
    vi: () => 'có vẻ là tệp nhị phân, không phải bảng điểm CSV/JSON (ký tự NUL trong văn bản UTF-16)',
  },
  'invalid-utf8': {
    en: (a) =>
      `invalid UTF-8 at byte ${a.offset}; if the file was saved by an old Vietnamese program, try --encoding windows-1258 (or --encoding utf-16)`,
    vi: (a) =>
      `không phải UTF-8 hợp lệ tại byte ${a.offset}; nếu tệp được lưu bằng phần mềm tiếng Việt cũ, hãy thử --encoding windows-1258 (hoặc --encoding utf-16)`,
  },
  'utf16-odd-bytes': {
    en: (a) => `not valid UTF-16: odd number of bytes (${a.bytes}); check --encoding`,
    vi: (a) => `không phải UTF-16 hợp lệ: số byte lẻ (${a.bytes}); hãy kiểm tra --encoding`,
  },
  'utf16-unpaired': {
    en: (a) => `not valid UTF-16${a.endian} (unpaired surrogate); check --encoding`,
    vi: (a) => `không phải UTF-16${a.endian} hợp lệ (surrogate lẻ); hãy kiểm tra --encoding`,
  },
  'invalid-windows-1258': {
    en: (a) => `not valid windows-1258 at byte ${a.offset}; check --encoding`,
    vi: (a) => `không phải windows-1258 hợp lệ tại byte ${a.offset}; hãy kiểm tra --encoding`,
  },
  'file-too-large': {
    en: (a) =>
      `the file is larger than ${mbOf(a.limitBytes)} MB, the limit of one transcript; raise it with --max-file-size if this really is one transcript`,
    vi: (a) => `tệp lớn hơn ${mbOf(a.limitBytes)} MB, giới hạn của một bảng điểm; tăng bằng --max-file-size nếu đây đúng là một bảng điểm`,
  },
  'too-many-rows': {
    en: (a) => `more than ${a.limit} course rows, the limit of one transcript; raise it with --max-rows if this really is one transcript`,
    vi: (a) => `nhiều hơn ${a.limit} dòng học phần, giới hạn của một bảng điểm; tăng bằng --max-rows nếu đây đúng là một bảng điểm`,
  },
  'empty-file': { en: () => 'empty file: no transcript rows to read', vi: () => 'tệp rỗng: không có dòng bảng điểm nào' },
  'no-course-rows': {
    en: () => 'no course rows: the file holds no courses (only a header, or an empty list); check that the export is complete',
    vi: () =>
      'không có dòng học phần nào: tệp không có học phần (chỉ có dòng tiêu đề hoặc danh sách rỗng); hãy kiểm tra tệp xuất có đầy đủ không',
  },
  'path-is-folder': {
    en: (a) => `this is a folder, not a transcript file; to check every dossier in it run: llct batch ${a.path}`,
    vi: (a) => `đây là thư mục, không phải tệp bảng điểm; để kiểm tra mọi hồ sơ trong thư mục hãy chạy: llct batch ${a.path}`,
  },
  'path-folder-missing': {
    en: (a) => `cannot read the file: the folder ${a.dir} does not exist; check the path (quote names with spaces)`,
    vi: (a) => `không đọc được tệp: không có thư mục ${a.dir}; kiểm tra lại đường dẫn (tên có dấu cách cần đặt trong ngoặc kép)`,
  },
  'path-missing': {
    en: (a) => `cannot read the file: no such file or folder; check the path${a.close.length > 0 ? `; did you mean ${a.close.join(', ')}?` : ''}`,
    vi: (a) =>
      `không đọc được tệp: không có tệp hoặc thư mục này; kiểm tra lại đường dẫn${a.close.length > 0 ? `; có phải là ${a.close.join(', ')}?` : ''}`,
  },
  'csv-quote-not-closed': {
    en: (a) => `a quoted field opened on line ${a.line} is never closed; add the closing quote (") or remove the opening one`,
    vi: (a) => `ô có dấu ngoặc kép mở ở dòng ${a.line} không được đóng; hãy thêm dấu " đóng hoặc xoá dấu mở`,
  },
  'csv-closing-quote': {
    en: () => 'a closing quote is followed by other text; write a quote inside quoted text as ""',
    vi: () => 'dấu ngoặc kép đóng bị theo sau bởi chữ khác; trong ô có ngoặc kép hãy viết dấu " thành ""',
  },
  'csv-unparsable': { en: (a) => `cannot parse CSV: ${a.message}`, vi: (a) => `không đọc được CSV: ${a.message}` },
  'spreadsheet-unreadable': {
    en: (a) => `cannot read the spreadsheet (${a.message}); check that the file is a complete .xlsx, .xls or .ods workbook`,
    vi: (a) => `không đọc được bảng tính (${a.message}); hãy kiểm tra tệp là bảng tính .xlsx, .xls hoặc .ods đầy đủ`,
  },
  'formula-without-value': {
    en: (a) => `cell ${a.cell} holds a formula without a saved value; open the file in Excel and save it again`,
    vi: (a) => `ô ${a.cell} có công thức nhưng chưa có giá trị đã tính; hãy mở tệp bằng Excel rồi lưu lại`,
  },
  'workbook-empty': { en: () => 'the workbook has no sheet with data', vi: () => 'bảng tính không có trang tính nào có dữ liệu' },
  'no-name-column': {
    en: (a) => `no course-name column (expected e.g. 'Tên học phần' or 'Course'); columns found: ${a.found.map((c) => `'${c}'`).join(', ') || '(none)'}`,
    vi: (a) =>
      `không có cột tên học phần (ví dụ 'Tên học phần' hoặc 'Course'); các cột tìm thấy: ${a.found.map((c) => `'${c}'`).join(', ') || '(không có)'}`,
  },
  'not-a-number': {
    en: (a) => `"${a.text}" in column '${a.column}' is not a number (write e.g. 3 or 7,5)`,
    vi: (a) => `"${a.text}" ở cột '${a.column}' không phải là số (ví dụ 3 hoặc 7,5)`,
  },
  'json-unexpected': {
    en: (a) => `${a.path}: ${EXPECTED[a.expected].en}${a.got ? `, got ${seenEn(a.got)}` : ''}`,
    vi: (a) => `${a.path}: ${EXPECTED[a.expected].vi}${a.got ? `, nhận được ${seenVi(a.got)}` : ''}`,
  },
  'json-field-invalid': {
    en: (a) => `${a.path}: ${a.message}${a.got ? `, got ${seenEn(a.got)}` : ''}${a.more > 0 ? ` (+${a.more} more)` : ''}`,
    vi: (a) => `${a.path}: ${VI_MESSAGES[a.message] ?? a.message}${a.got ? `, nhận được ${seenVi(a.got)}` : ''}${a.more > 0 ? ` (và ${a.more} lỗi khác)` : ''}`,
  },
  'different-people': {
    en: (a) =>
      `the files are about different people: ${a.first.files.join(', ')} (${a.first.value}) and ${a.other.files.join(', ')} (${a.other.value}); check each person separately`,
    vi: (a) =>
      `các tệp là của những người khác nhau: ${a.first.files.join(', ')} (${a.first.value}) và ${a.other.files.join(', ')} (${a.other.value}); hãy kiểm tra riêng từng người`,
  },
  'names-nobody': {
    en: (a) =>
      `${a.files.join(', ')} name${a.files.length === 1 ? 's' : ''} nobody (no full name or birth date), so the files may be different people: check each file on its own, or add --same-person if they are one person's transcripts`,
    vi: (a) =>
      `${a.files.join(', ')} không ghi họ tên hoặc ngày sinh nên có thể là bảng điểm của những người khác nhau: hãy kiểm tra riêng từng tệp, hoặc thêm --same-person nếu đúng là bảng điểm của cùng một người`,
  },
  'metadata-empty': {
    en: () => 'the metadata file is empty; write the dossier fields as JSON ({ "fullName": "…" }) or remove the file',
    vi: () => 'tệp thông tin hồ sơ rỗng; ghi các trường dạng JSON ({ "fullName": "…" }) hoặc bỏ tệp đi',
  },
  'metadata-malformed': {
    en: (a) => `${wordMalformedJson(a, 'en')}; fix the file or remove it`,
    vi: (a) => `${wordMalformedJson(a, 'vi')}; sửa tệp hoặc bỏ tệp đi`,
  },
  'metadata-unknown-field': {
    en: (a) => `${a.path}: invalid metadata: unknown field ${a.keys.map((k) => `"${k}"`).join(', ')}; the fields are ${a.known.join(', ')}`,
    vi: (a) =>
      `${a.path}: thông tin hồ sơ không hợp lệ: trường không có trong mẫu: ${a.keys.map((k) => `"${k}"`).join(', ')}; các trường hợp lệ: ${a.known.join(', ')}`,
  },
  'metadata-wrong-type': {
    en: (a) => `${a.path}: invalid metadata: wrong type: expected ${METADATA_KINDS[a.expected]?.[0] ?? a.expected}`,
    vi: (a) => `${a.path}: thông tin hồ sơ không hợp lệ: sai kiểu dữ liệu: cần ${METADATA_KINDS[a.expected]?.[1] ?? a.expected}`,
  },
  'metadata-invalid': {
    en: (a) => `${a.path}: invalid metadata: ${a.en}`,
    vi: (a) => `${a.path}: thông tin hồ sơ không hợp lệ: ${a.vi ?? 'giá trị không hợp lệ'}`,
  },
};
