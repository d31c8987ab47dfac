// CLI words in Vietnamese (default) and English: command help, option descriptions, usage errors, summaries.

import type { Lang } from '../lang.js';

export interface CliMessages {
  programDescription: string;
  helpOption: string;
  versionOption: string;
  helpCommand: string;
  titles: Record<string, string>;
  choices: string;
  default: string;
  check: {
    description: string;
    files: string;
    level: string;
    format: string;
    lang: string;
    output: string;
    excel: string;
    jsonForm: string;
    decisions: string;
    reviewOut: string;
    rules: string;
    asOf: string;
    encoding: string;
    delimiter: string;
    scale: string;
    passMark: string;
    periodsPerCredit: string;
    maxFileSize: string;
    maxRows: string;
    samePerson: string;
    noColor: string;
    debug: string;
    examples: string;
  };
  rules: { description: string; checkDescription: string; examples: string };
  summary(a: { name: string; id: string; version: string; programs: number; subjects: number; lessons: number; rules: number; effective: string }): string;
  debugHint: string;
  programFooter: string;
}

const vi: CliMessages = {
  programDescription:
    'Kiểm tra bảng điểm đại học, cao đẳng có tương đương trình độ sơ cấp, trung cấp, cao cấp lý luận chính trị hay không.',
  helpOption: 'hiển thị trợ giúp',
  versionOption: 'in số phiên bản',
  helpCommand: 'hiển thị trợ giúp cho lệnh',
  titles: {
    'Usage:': 'Cách dùng:',
    'Options:': 'Tùy chọn:',
    'Arguments:': 'Tham số:',
    'Commands:': 'Lệnh:',
    'Global Options:': 'Tùy chọn chung:',
  },
  choices: 'chọn một trong',
  default: 'mặc định',
  check: {
    description: 'Kiểm tra một bảng điểm (nhiều tệp của cùng một người, ví dụ bằng thứ hai, được gộp lại).',
    files: 'tệp bảng điểm CSV, JSON hoặc bảng tính Excel (.xlsx, .xls, .ods); "-" đọc từ đầu vào chuẩn',
    level: 'chỉ kiểm tra các chương trình này (mã hoặc tên, cách nhau bởi dấu phẩy, ví dụ so-cap,trung-cap hoặc "sơ cấp")',
    format: 'định dạng kết quả (mặc định theo đuôi tệp -o: .txt .json .csv .html .xlsx)',
    lang: 'ngôn ngữ của báo cáo, trợ giúp và thông báo (vi, en)',
    output: 'ghi kết quả vào tệp; đuôi tệp chọn định dạng (không ghi đè tệp đầu vào)',
    excel: 'CSV cho Excel: có BOM, dấu ";", dấu phẩy thập phân, tiêu đề bằng chữ',
    jsonForm: 'dạng báo cáo JSON: full (đầy đủ tên và lời, schemaVersion 2) hoặc lean (gọn, mã tham chiếu bộ quy tắc, schemaVersion 3)',
    decisions: 'áp dụng các quyết định của cán bộ trong tệp này (CSV hoặc JSON, ví dụ review.csv đã điền)',
    reviewOut: 'ghi danh sách các dòng cần cán bộ quyết định (review.csv) vào tệp này',
    rules: 'dùng bộ quy tắc trong thư mục này thay cho bộ quy tắc kèm theo',
    asOf: 'ngày tham chiếu để xét thời gian hiệu lực',
    encoding: 'bảng mã của tệp đầu vào: utf-8, utf-16, utf-16le, utf-16be, windows-1258 (mặc định: UTF-8; tệp không phải UTF-8 được đọc theo windows-1258 kèm thông báo; tệp có BOM luôn theo BOM)',
    delimiter: 'dấu phân cách cột CSV: , hoặc ; hoặc tab (mặc định tự nhận biết)',
    scale: 'thang điểm của cột điểm không ghi rõ thang',
    passMark: 'điểm đạt theo thang 10 do cán bộ xác định (bỏ khoảng điểm chưa chắc chắn)',
    periodsPerCredit: 'số tiết cho 1 tín chỉ hoặc 1 ĐVHT (mặc định theo bộ quy tắc)',
    maxFileSize: 'kích thước tối đa của một tệp bảng điểm, tính bằng MB',
    maxRows: 'số dòng học phần tối đa của một bảng điểm',
    samePerson: 'xác nhận các tệp là của cùng một người (cần khi có tệp không ghi họ tên, ngày sinh)',
    noColor: 'không tô màu',
    debug: 'in chi tiết lỗi (stack) khi có lỗi ngoài dự kiến',
    examples: `
Ví dụ:
  $ llct check bang-diem.csv
  $ llct check bang-diem.csv --level so-cap --format json -o ket-qua.json
  $ llct check bang-diem-dai-hoc.csv bang-diem-bang-hai.csv
  $ llct check bang-diem.csv --format csv --excel -o ket-qua.csv
  $ llct check bang-diem.csv -o ket-qua.html      (phiếu đối chiếu để in, ký)
  $ llct check bang-diem.xlsx -o ket-qua.xlsx     (bảng tính Excel vào, bảng tính ra)
  $ llct check bang-diem-cu.csv --encoding windows-1258 --as-of 2020-06-30
  $ cat bang-diem.csv | llct check -

Mã thoát:
  0  đạt ít nhất một chương trình (báo cáo nêu trình độ cao nhất đạt được)
  1  không đạt chương trình nào
  3  không đạt chương trình nào, có chương trình cần xem xét thêm
  2  lỗi: tham số, tệp đầu vào hoặc bộ quy tắc
`,
  },
  rules: {
    description: 'Làm việc với bộ quy tắc.',
    checkDescription: 'Kiểm tra một bộ quy tắc và in tóm tắt (mã thoát 0 khi hợp lệ, 2 khi có lỗi).',
    examples: `
Ví dụ:
  $ llct rules check
  $ llct rules check --rules ./quy-tac-tinh
`,
  },
  summary: (a) =>
    `Bộ quy tắc hợp lệ: ${a.name} (${a.id}, phiên bản ${a.version}) — ${a.programs} chương trình, ${a.subjects} môn, ${a.lessons} bài, ${a.rules} quy tắc khớp; hiệu lực ${a.effective}.`,
  debugHint: '(dùng --debug để xem chi tiết)',
  programFooter: `
Tùy chọn dùng chung cho check và batch (xem llct check --help):
  --lang vi|en          ngôn ngữ báo cáo, trợ giúp và thông báo (mặc định vi)
  --encoding <tên>      utf-8, utf-16, utf-16le, utf-16be, windows-1258 (mặc định: UTF-8, tệp không phải
                        UTF-8 được đọc theo windows-1258 kèm thông báo)
  --as-of <ngày>        DD/MM/YYYY hoặc YYYY-MM-DD
  -o, --output <đích>   check: tệp kết quả (đuôi .txt .json .csv .html .xlsx chọn định dạng);
                        batch: thư mục kết quả (--out là tên khác của cùng tùy chọn)
  --excel, --no-color, --debug

Mặc định có thể đặt trong tệp .llctrc.json (tìm từ thư mục hiện tại trở lên), ví dụ
  { "lang": "vi", "excel": true, "encoding": "windows-1258" }
hoặc bằng biến môi trường LLCT_LANG, LLCT_EXCEL, LLCT_ENCODING, LLCT_RULES…; tùy chọn trên dòng lệnh luôn thắng.
`,
};

const en: CliMessages = {
  programDescription:
    'Check whether the political-theory modules of a university or college transcript are equivalent to the sơ cấp, trung cấp or cao cấp political-theory programs.',
  helpOption: 'display help',
  versionOption: 'print the version',
  helpCommand: 'display help for a command',
  titles: {},
  choices: 'choices',
  default: 'default',
  check: {
    description: 'Check one transcript (several files of one person, e.g. a second degree, are merged).',
    files: 'transcript files: CSV, JSON or an Excel workbook (.xlsx, .xls, .ods); "-" reads stdin',
    level: 'check only these programs (comma-separated ids or names, e.g. so-cap,trung-cap or "sơ cấp")',
    format: 'output format (default: from the -o file name: .txt .json .csv .html .xlsx)',
    lang: 'language of reports, help and messages (vi, en)',
    output: 'write the result to a file; its extension picks the format (never onto an input file)',
    excel: 'CSV for Excel: BOM, ";" delimiter, decimal commas, titles in words',
    jsonForm: 'form of the JSON report: full (every name and message written out, schemaVersion 2) or lean (ids that refer to the rule set, schemaVersion 3)',
    decisions: 'apply the officer decisions in this file (CSV or JSON, e.g. a filled-in review.csv)',
    reviewOut: 'write the rows an officer has to decide (a review.csv worklist) to this file',
    rules: 'use the rule set in this folder instead of the shipped one',
    asOf: 'reference date for the effective-period check',
    encoding: 'encoding of the input files: utf-8, utf-16, utf-16le, utf-16be, windows-1258 (default: UTF-8; a file that is not UTF-8 is read as windows-1258, with a notice; a BOM always wins)',
    delimiter: 'CSV column delimiter: , or ; or tab (default: detected)',
    scale: 'grade scale of grade columns that do not name one',
    passMark: "pass mark on the 10-point scale set by the officer (removes the uncertain band)",
    periodsPerCredit: 'periods per credit or ĐVHT (default: from the rule set)',
    maxFileSize: 'largest transcript file read, in MB',
    maxRows: 'most course rows read from one transcript',
    samePerson: 'the files are one person\'s (needed when a file names nobody)',
    noColor: 'no colour',
    debug: 'print the stack of unexpected errors',
    examples: `
Examples:
  $ llct check bang-diem.csv --lang en
  $ llct check bang-diem.csv --level so-cap --format json -o ket-qua.json
  $ llct check degree.csv second-degree.csv
  $ llct check bang-diem.csv --format csv --excel -o ket-qua.csv
  $ llct check bang-diem.csv -o sheet.html --lang en     (a comparison sheet to print and sign)
  $ llct check transcript.xlsx -o result.xlsx --lang en  (a workbook in, a workbook out)
  $ llct check old.csv --encoding windows-1258 --as-of 2020-06-30
  $ cat bang-diem.csv | llct check -

Exit codes:
  0  at least one program passes (the report leads with the highest level passed)
  1  no program passes
  3  no program passes and some need an officer's review
  2  error: usage, input file or rule set
`,
  },
  rules: {
    description: 'Work with rule sets.',
    checkDescription: 'Validate a rule set and print a one-line summary (exit 0 when valid, 2 on errors).',
    examples: `
Examples:
  $ llct rules check
  $ llct rules check --rules ./my-rules
`,
  },
  summary: (a) =>
    `Rule set valid: ${a.name} (${a.id}, version ${a.version}) — ${a.programs} programs, ${a.subjects} subjects, ${a.lessons} lessons, ${a.rules} matching rules; effective ${a.effective}.`,
  debugHint: '(use --debug for details)',
  programFooter: `
Options shared by check and batch (see llct check --help):
  --lang vi|en          language of reports, help and messages (default vi)
  --encoding <name>     utf-8, utf-16, utf-16le, utf-16be, windows-1258 (default: UTF-8; a file that is not
                        UTF-8 is read as windows-1258, with a notice)
  --as-of <date>        DD/MM/YYYY or YYYY-MM-DD
  -o, --output <where>  check: the result file (its extension .txt .json .csv .html .xlsx picks the format);
                        batch: the result folder (--out is another name for the same option)
  --excel, --no-color, --debug

Defaults can be set in a .llctrc.json file (looked for from the working folder upward), e.g.
  { "lang": "vi", "excel": true, "encoding": "windows-1258" }
or with the environment variables LLCT_LANG, LLCT_EXCEL, LLCT_ENCODING, LLCT_RULES…; the command line always wins.
`,
};

export function cliMessages(lang: Lang): CliMessages {
  return lang === 'en' ? en : vi;
}
