// Usage errors (options, the config file, output targets, the rule commands): each code's arguments and words.

import type { Words } from './types.js';
import { osWords, type OsFailure } from './os.js';

/** What a number option expects, named in its error. */
export type NumberExpectation = 'megabytes' | 'rows' | 'pass-mark' | 'periods' | 'jobs';

export interface UsageArgs {
  // --- the command line
  'folder-not-command': { first: string; command: string };
  'not-a-command': { first: string; command: string };
  'output-format-not-written': { output: string; format: string; extensions: string };
  'output-format-unknown': { output: string; extensions: string; choices: string[] };
  'format-disagrees': { format: string; output: string; fromPath: string };
  'excel-not-csv': { format: string };
  'excel-batch': Record<string, never>;
  'bad-report-format': { value: string; given: string; choices: string[] };
  'reports-need-out': Record<string, never>;
  'output-alias-disagree': { output: string; out: string; alias: string };
  'bad-date': { option: string; input: string };
  'bad-number': { option: string; input: string; expects: NumberExpectation };
  'bad-delimiter': { input: string };
  'bad-encoding': { input: string; choices: string[] };
  'unknown-level': { given: string; valid: string[] };
  'stdin-twice': Record<string, never>;
  'workbook-to-terminal': Record<string, never>;
  'output-is-input': { input: string };
  'decisions-many-dossiers': { file: string; dossiers: string[] };
  'decisions-inside-out': { file: string; out: string };
  /** `shown`: the first few dossiers of the batch, `more`: whether there are others */
  'decision-unknown-dossier': { dossier: string; shown: string[]; more: boolean };
  'no-dossiers': { folder: string };
  'batch-on-file': Record<string, never>;
  // --- the config file and environment
  'env-not-boolean': { variable: string; raw: string };
  'config-unreadable': { file: string };
  'config-not-object': Record<string, never>;
  'config-unknown-key': { key: string; keys: string[] };
  'config-not-boolean': { key: string };
  'config-not-string': { key: string };
  'config-choice': { where: string; allowed: readonly string[]; got: string };
  // --- the --out folder of a batch
  'out-locked': { pid: number; started: string; out: string };
  'out-lock-failed': { out: string };
  'out-inside-input': { out: string };
  'out-holds-input': { out: string };
  'out-is-file': { out: string };
  'out-not-empty': { out: string };
  'out-foreign-file': { rel: string; out: string; manifest: string };
  // --- the rule commands
  'diff-needs-old': Record<string, never>;
  'explain-needs-names': Record<string, never>;
  'explain-code-one-name': Record<string, never>;
  'names-unreadable': { os: OsFailure };
  'names-not-utf8': Record<string, never>;
  'unknown-program': { program: string; valid: string };
  'init-is-file': Record<string, never>;
  'init-not-empty': Record<string, never>;
  'init-write-failed': { os: OsFailure };
}

const EXPECTS: Record<NumberExpectation, { en: string; vi: string }> = {
  megabytes: { en: 'a size in megabytes from 0 to 4096 (e.g. 50)', vi: 'một kích thước tính bằng MB, từ 0 đến 4096 (ví dụ 50)' },
  rows: { en: 'a whole number of rows from 1 (e.g. 50000)', vi: 'một số nguyên dòng từ 1 trở lên (ví dụ 50000)' },
  'pass-mark': { en: 'a number in (0, 10] on the 10-point scale', vi: 'một số trong khoảng (0; 10] theo thang điểm 10' },
  periods: { en: 'a positive number of periods (e.g. 15)', vi: 'một số tiết dương (ví dụ 15)' },
  jobs: { en: 'a whole number of jobs from 1 to 256', vi: 'một số nguyên từ 1 đến 256' },
};

const some = (a: { shown: string[]; more: boolean }) => a.shown.join(', ') + (a.more ? ', …' : '');

export const usageWords: Words<UsageArgs> = {
  'folder-not-command': {
    en: (a) => `"${a.first}" is a folder, not a command; to check every dossier in it run: ${a.command}`,
    vi: (a) => `"${a.first}" là thư mục, không phải lệnh; để kiểm tra mọi hồ sơ trong đó hãy chạy: ${a.command}`,
  },
  'not-a-command': {
    en: (a) => `"${a.first}" is not a command; to check a transcript run: ${a.command}`,
    vi: (a) => `"${a.first}" không phải là lệnh; để kiểm tra một bảng điểm hãy chạy: ${a.command}`,
  },
  'output-format-not-written': {
    en: (a) => `-o ${a.output}: this command does not write ${a.format}; use one of ${a.extensions}`,
    vi: (a) => `-o ${a.output}: lệnh này không ghi định dạng ${a.format}; hãy dùng một trong ${a.extensions}`,
  },
  'output-format-unknown': {
    en: (a) => `-o ${a.output}: cannot tell the format from the file name; end it in ${a.extensions}, or add --format ${a.choices.join('|')}`,
    vi: (a) => `-o ${a.output}: không biết định dạng từ tên tệp; hãy đặt đuôi ${a.extensions}, hoặc thêm --format ${a.choices.join('|')}`,
  },
  'format-disagrees': {
    en: (a) => `--format ${a.format} disagrees with the file name -o ${a.output} (${a.fromPath}); drop --format or rename the file`,
    vi: (a) => `--format ${a.format} không khớp với tên tệp -o ${a.output} (${a.fromPath}); bỏ --format hoặc đổi tên tệp`,
  },
  'excel-not-csv': {
    en: (a) => `--excel applies to CSV only (got ${a.format}); a .xlsx workbook opens in Excel as it is`,
    vi: (a) => `--excel chỉ dùng với CSV (đang là ${a.format}); tệp .xlsx mở được bằng Excel mà không cần --excel`,
  },
  'excel-batch': { en: () => '--excel applies to --format csv or --out only', vi: () => '--excel chỉ dùng với --format csv hoặc --out' },
  'bad-report-format': {
    en: (a) => `--reports ${a.value}: "${a.given}" is not a report file format; choose from ${a.choices.join(', ')} (comma-separated)`,
    vi: (a) => `--reports ${a.value}: "${a.given}" không phải định dạng tệp báo cáo; chọn trong ${a.choices.join(', ')} (cách nhau bằng dấu phẩy)`,
  },
  'reports-need-out': {
    en: () => '--reports needs --out: the report files go into its reports/ folder',
    vi: () => '--reports cần --out: các tệp báo cáo được ghi vào thư mục reports/ của nó',
  },
  'output-alias-disagree': {
    en: (a) => `-o/--output ${a.output} and ${a.alias} ${a.out} disagree; give one`,
    vi: (a) => `-o/--output ${a.output} và ${a.alias} ${a.out} khác nhau; chỉ dùng một`,
  },
  'bad-date': {
    en: (a) => `${a.option} expects a date YYYY-MM-DD or DD/MM/YYYY, got "${a.input}"`,
    vi: (a) => `${a.option} cần một ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD (ví dụ 08/07/2021), nhận được "${a.input}"`,
  },
  'bad-number': {
    en: (a) => `${a.option} expects ${EXPECTS[a.expects].en}, got "${a.input}"`,
    vi: (a) => `${a.option} cần ${EXPECTS[a.expects].vi}, nhận được "${a.input}"`,
  },
  'bad-delimiter': {
    en: (a) => `--delimiter expects one of , ; tab — got "${a.input}"`,
    vi: (a) => `--delimiter cần một trong , ; tab — nhận được "${a.input}"`,
  },
  'bad-encoding': {
    en: (a) => `--encoding expects one of ${a.choices.join(', ')} — got "${a.input}"`,
    vi: (a) => `--encoding cần một trong ${a.choices.join(', ')} — nhận được "${a.input}"`,
  },
  'unknown-level': {
    // one wording in both languages, as before: the ids are the same in both
    en: (a) => `unknown program id in --level: ${a.given}; valid ids: ${a.valid.join(', ')}`,
    vi: (a) => `không có chương trình mã ${a.given} trong --level; các mã hợp lệ: ${a.valid.join(', ')}`,
  },
  'stdin-twice': { en: () => 'stdin ("-") can be read only once', vi: () => 'chỉ đọc được đầu vào chuẩn ("-") một lần' },
  'workbook-to-terminal': {
    en: () => 'a workbook is not for the terminal; add -o FILE.xlsx',
    vi: () => 'bảng tính không in ra màn hình được; hãy thêm -o TỆP.xlsx',
  },
  'output-is-input': {
    en: (a) => `refusing to overwrite the input file ${a.input}; choose another -o file`,
    vi: (a) => `không ghi đè lên tệp đầu vào ${a.input}; hãy chọn tệp -o khác`,
  },
  'decisions-many-dossiers': {
    en: (a) =>
      `${a.file} holds decisions for ${a.dossiers.length} dossiers (${a.dossiers.slice(0, 3).join(', ')}…); use it with llct batch --decisions, or keep one dossier's lines`,
    vi: (a) =>
      `${a.file} chứa quyết định của ${a.dossiers.length} hồ sơ (${a.dossiers.slice(0, 3).join(', ')}…); dùng với llct batch --decisions, hoặc chỉ giữ các dòng của một hồ sơ`,
  },
  'decisions-inside-out': {
    en: (a) =>
      `--decisions ${a.file} is inside the --out folder ${a.out}, whose files the batch replaces; save the filled worklist outside it (e.g. quyet-dinh.csv)`,
    vi: (a) =>
      `--decisions ${a.file} nằm trong thư mục --out ${a.out}, nơi các tệp sẽ bị ghi lại; hãy lưu bảng đã điền ra ngoài (ví dụ quyet-dinh.csv)`,
  },
  'decision-unknown-dossier': {
    en: (a) => `the decision names dossier "${a.dossier}", which is not in this batch (${some(a)}); fix the dossier column or remove the line`,
    vi: (a) => `quyết định ghi hồ sơ "${a.dossier}" nhưng đợt này không có hồ sơ đó (${some(a)}); sửa cột dossier hoặc bỏ dòng này`,
  },
  'no-dossiers': {
    en: (a) =>
      `no dossiers found in ${a.folder}: the folder is empty; each dossier is a sub-folder (transcripts .csv/.tsv/.txt/.json/.xlsx and an optional metadata.json) or a transcript file`,
    vi: (a) =>
      `không tìm thấy hồ sơ nào trong ${a.folder}: thư mục trống; mỗi hồ sơ là một thư mục con (bảng điểm .csv/.tsv/.txt/.json/.xlsx và metadata.json tùy chọn) hoặc một tệp bảng điểm`,
  },
  'batch-on-file': {
    en: () => 'this is a file, not a folder; give the folder that holds the dossiers (to check one transcript: llct check <file>)',
    vi: () => 'đây là một tệp, không phải thư mục; hãy chỉ ra thư mục chứa các hồ sơ (kiểm tra một bảng điểm: llct check <tệp>)',
  },
  'env-not-boolean': {
    en: (a) => `${a.variable}: expected true or false, got "${a.raw}"`,
    vi: (a) => `${a.variable}: cần true hoặc false, nhận được "${a.raw}"`,
  },
  'config-unreadable': { en: (a) => `cannot read the config file ${a.file}`, vi: (a) => `không đọc được tệp cấu hình ${a.file}` },
  'config-not-object': {
    en: () => 'the config file must hold one JSON object, e.g. { "lang": "vi", "excel": true }',
    vi: () => 'tệp cấu hình phải là một đối tượng JSON, ví dụ { "lang": "vi", "excel": true }',
  },
  'config-unknown-key': {
    en: (a) => `unknown key "${a.key}"; the keys are ${a.keys.join(', ')}`,
    vi: (a) => `khóa "${a.key}" không có; các khóa hợp lệ: ${a.keys.join(', ')}`,
  },
  'config-not-boolean': { en: (a) => `"${a.key}" must be true or false`, vi: (a) => `"${a.key}" phải là true hoặc false` },
  'config-not-string': { en: (a) => `"${a.key}" must be a string`, vi: (a) => `"${a.key}" phải là một chuỗi` },
  'config-choice': {
    en: (a) => `${a.where}: expected one of ${a.allowed.join(', ')}, got "${a.got}"`,
    vi: (a) => `${a.where}: cần một trong ${a.allowed.join(', ')}, nhận được "${a.got}"`,
  },
  'out-locked': {
    en: (a) =>
      `another llct batch (process ${a.pid}, started ${a.started}) is writing into --out ${a.out}; wait for it to finish or choose another folder`,
    vi: (a) =>
      `một lượt llct batch khác (tiến trình ${a.pid}, bắt đầu ${a.started}) đang ghi vào --out ${a.out}; hãy đợi lượt đó xong hoặc chọn thư mục khác`,
  },
  'out-lock-failed': { en: (a) => `cannot lock --out ${a.out}`, vi: (a) => `không khóa được --out ${a.out}` },
  'out-inside-input': {
    en: (a) => `--out ${a.out} is inside the input folder (or is it); choose a folder outside it`,
    vi: (a) => `--out ${a.out} nằm trong thư mục hồ sơ (hoặc chính là nó); hãy chọn thư mục khác bên ngoài`,
  },
  'out-holds-input': {
    en: (a) => `--out ${a.out} holds the input folder; choose a folder that does not contain the dossiers`,
    vi: (a) => `--out ${a.out} chứa thư mục hồ sơ; hãy chọn thư mục không chứa các hồ sơ`,
  },
  'out-is-file': { en: (a) => `--out ${a.out} is a file, not a folder`, vi: (a) => `--out ${a.out} là một tệp, không phải thư mục` },
  'out-not-empty': {
    en: (a) =>
      `--out ${a.out} already exists and is not empty; add --force to replace the results of an earlier batch (only files llct wrote are replaced), or choose a new folder`,
    vi: (a) =>
      `thư mục --out ${a.out} đã có và không trống; thêm --force để thay kết quả của lần chạy trước (chỉ thay các tệp do llct ghi), hoặc chọn thư mục mới`,
  },
  'out-foreign-file': {
    en: (a) =>
      `${a.rel} in --out ${a.out} was not written by llct (it is not in ${a.manifest}); move it away or choose another folder — --force replaces only llct's own files`,
    vi: (a) =>
      `${a.rel} trong --out ${a.out} không phải do llct ghi (không có trong ${a.manifest}); hãy chuyển nó đi hoặc chọn thư mục khác — --force chỉ thay các tệp do llct ghi`,
  },
  'diff-needs-old': {
    en: () => 'rules diff needs the old rule set: --old DIR (the new one is --new DIR, or the shipped rules)',
    vi: () => 'rules diff cần bộ quy tắc cũ: --old <thư mục> (bộ mới là --new <thư mục>, mặc định bộ quy tắc kèm theo)',
  },
  'explain-needs-names': {
    en: () => 'give a course name, a file of names (--file) or "-" to read names from stdin',
    vi: () => 'hãy nhập một tên học phần, một tệp danh sách tên (--file) hoặc "-" để đọc từ đầu vào chuẩn',
  },
  'explain-code-one-name': { en: () => '--code applies to one course name only', vi: () => '--code chỉ dùng với một tên học phần' },
  'names-unreadable': { en: (a) => `cannot read the file: ${osWords(a.os, 'en')}`, vi: (a) => `không đọc được tệp: ${osWords(a.os, 'vi')}` },
  'names-not-utf8': {
    en: () => 'the list of names is not UTF-8; save it as UTF-8',
    vi: () => 'danh sách tên không phải UTF-8; hãy lưu lại dưới dạng UTF-8',
  },
  'unknown-program': {
    en: (a) => `no program "${a.program}" in this rule set; programs: ${a.valid}`,
    vi: (a) => `bộ quy tắc không có chương trình mã "${a.program}"; các mã hợp lệ: ${a.valid}`,
  },
  'init-is-file': { en: () => 'this is a file; give a new or empty folder', vi: () => 'đây là một tệp; hãy chỉ ra một thư mục mới hoặc trống' },
  'init-not-empty': {
    en: () => 'the folder is not empty; rules init never writes over files — give a new or empty folder',
    vi: () => 'thư mục không trống; rules init không ghi đè lên tệp nào — hãy chỉ ra một thư mục mới hoặc trống',
  },
  'init-write-failed': { en: (a) => `cannot write the rule set: ${osWords(a.os, 'en')}`, vi: (a) => `không ghi được bộ quy tắc: ${osWords(a.os, 'vi')}` },
};
