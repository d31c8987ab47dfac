// CLI words of the rule-authoring commands (explain, show, diff, init), Vietnamese (default) and English.

import type { Lang } from '../lang.js';

export interface RulesCliMessages {
  rules: string;
  lang: string;
  format: string;
  output: string;
  explain: { description: string; names: string; code: string; file: string; examples: string };
  show: { description: string; program: string; examples: string };
  diff: { description: string; corpus: string; old: string; new: string; out: string; asOf: string; examples: string };
  init: { description: string; dir: string; examples: string };
  authoring: string;
}

/** The edit → check → explain → diff loop, shown under `llct rules --help`. */
const LOOP_VI = `
Quy trình sửa bộ quy tắc:
  1. sửa    : llct rules init ./quy-tac-moi (hoặc chép bộ quy tắc), sửa mapping.json, programs/*.json
  2. check  : llct rules check --rules ./quy-tac-moi
              (mọi lỗi một lúc: tệp, dòng:cột, đường dẫn JSON)
  3. explain: llct rules explain "Tên học phần" --rules ./quy-tac-moi
              (vì sao một tên khớp quy tắc nào; cùng bộ khớp với llct check)
     show   : llct rules show --rules ./quy-tac-moi
              (chương trình, bài, ngưỡng, dữ liệu đã đối chiếu hay tái dựng)
  4. diff   : llct rules diff --old <bộ cũ> --new ./quy-tac-moi ./ho-so-nam-truoc
              (hồ sơ nào đổi kết luận; mã thoát 0 khi không hồ sơ nào đổi kết luận, 1 khi có)
`;

const LOOP_EN = `
Editing a rule set:
  1. edit   : llct rules init ./my-rules (or copy a rule set), edit mapping.json, programs/*.json
  2. check  : llct rules check --rules ./my-rules
              (every problem at once: file, line:column, JSON path)
  3. explain: llct rules explain "Course name" --rules ./my-rules
              (why a name matches which rule; the same matcher as llct check)
     show   : llct rules show --rules ./my-rules
              (programs, lessons, thresholds, verified or reconstructed data)
  4. diff   : llct rules diff --old <old set> --new ./my-rules ./last-year-dossiers
              (which dossiers change verdict; exit 0 when none does, 1 otherwise)
`;

const vi: RulesCliMessages = {
  rules: 'thư mục bộ quy tắc (mặc định: bộ quy tắc kèm theo)',
  lang: 'ngôn ngữ',
  format: 'định dạng kết quả',
  output: 'ghi kết quả vào tệp',
  explain: {
    description:
      'Giải thích vì sao một tên học phần khớp (hoặc không khớp) quy tắc nào: từng bước chuẩn hóa, các quy tắc ứng viên, quy tắc được chọn và lý do, các bài được tính.',
    names: 'tên học phần (nhiều tên → bảng tóm tắt); "-" đọc từ đầu vào chuẩn, mỗi dòng một tên',
    code: 'mã học phần đi kèm tên (chỉ dùng với một tên)',
    file: 'đọc các tên từ tệp văn bản UTF-8, mỗi dòng một tên',
    examples: `
Ví dụ:
  $ llct rules explain "Triết học Mác - Lênin (3 TC)"
  $ llct rules explain "Tư tưởng HCM" --code HCM101 --format json
  $ llct rules explain --file ten-hoc-phan.txt
  $ cut -d, -f2 bang-diem.csv | llct rules explain -
`,
  },
  show: {
    description:
      'Xem bộ quy tắc: các chương trình, môn, bài, số tiết, ngưỡng đạt, cách tính, thời gian hiệu lực, căn cứ pháp lý, dữ liệu đã đối chiếu (có nguồn) hay tái dựng.',
    program: 'chỉ xem chương trình này (mã, ví dụ so-cap)',
    examples: `
Ví dụ:
  $ llct rules show
  $ llct rules show so-cap
  $ llct rules show --format csv -o chuong-trinh.csv
`,
  },
  diff: {
    description:
      'So sánh kết luận của một thư mục hồ sơ theo hai bộ quy tắc: liệt kê hồ sơ đổi kết luận, số tiết hoặc số bài, các dòng và quy tắc gây ra thay đổi. Mã thoát 0 khi không hồ sơ nào đổi kết luận, 1 khi có.',
    corpus: 'thư mục chứa các hồ sơ (như llct batch)',
    old: 'thư mục bộ quy tắc cũ',
    new: 'thư mục bộ quy tắc mới (mặc định: bộ quy tắc kèm theo)',
    out: 'ghi danh sách thay đổi ra tệp CSV',
    asOf: 'ngày tham chiếu khi hồ sơ không có ngày nộp (mặc định: hôm nay)',
    examples: `
Ví dụ:
  $ llct rules diff --old ./quy-tac-cu --new ./quy-tac-moi ./ho-so-2024
  $ llct rules diff --old ./quy-tac-cu ./ho-so-2024 --out thay-doi.csv
`,
  },
  init: {
    description:
      'Tạo một bộ quy tắc mẫu tối thiểu, hợp lệ, có chú thích (một chương trình, vài bài, một quy tắc khớp, liên kết schema để trình soạn thảo gợi ý) trong một thư mục trống.',
    dir: 'thư mục sẽ tạo (phải chưa có hoặc trống)',
    examples: `
Ví dụ:
  $ llct rules init ./quy-tac-moi
  $ llct rules check --rules ./quy-tac-moi
  $ llct check bang-diem.csv --rules ./quy-tac-moi
`,
  },
  authoring: LOOP_VI,
};

const en: RulesCliMessages = {
  rules: 'rule set folder (default: the shipped rule set)',
  lang: 'language',
  format: 'output format',
  output: 'write the result to a file',
  explain: {
    description:
      'Explain why a course name matches (or does not match) a rule: each normalisation step, the candidate rules, the winner and why, the lessons fed.',
    names: 'course names (several → a summary table); "-" reads stdin, one name per line',
    code: 'the course code given with the name (one name only)',
    file: 'read the names from a UTF-8 text file, one per line',
    examples: `
Examples:
  $ llct rules explain "Triết học Mác - Lênin (3 TC)" --lang en
  $ llct rules explain "Tư tưởng HCM" --code HCM101 --format json
  $ llct rules explain --file course-names.txt
  $ cut -d, -f2 transcript.csv | llct rules explain -
`,
  },
  show: {
    description:
      'Show the rule set: programs, subjects, lessons, periods, thresholds, counting policy, effective period, legal basis, and what is verified (with sources) versus reconstructed.',
    program: 'only this program (id, e.g. so-cap)',
    examples: `
Examples:
  $ llct rules show --lang en
  $ llct rules show so-cap
  $ llct rules show --format csv -o programs.csv
`,
  },
  diff: {
    description:
      'Check every dossier of a folder under two rule sets and list those whose verdict, periods or lessons change, with the rows and rules responsible. Exit 0 when no verdict changes, 1 otherwise.',
    corpus: 'folder holding the dossiers (as for llct batch)',
    old: 'folder of the old rule set',
    new: 'folder of the new rule set (default: the shipped rule set)',
    out: 'write the list of changes as CSV',
    asOf: 'reference date for dossiers without an application date (default: today)',
    examples: `
Examples:
  $ llct rules diff --old ./old-rules --new ./new-rules ./dossiers-2024
  $ llct rules diff --old ./old-rules ./dossiers-2024 --out changes.csv
`,
  },
  init: {
    description:
      'Create a minimal, valid, commented rule set (one program, a few lessons, one matching rule, schemas linked for editor completion) in an empty folder.',
    dir: 'folder to create (must not exist or be empty)',
    examples: `
Examples:
  $ llct rules init ./my-rules
  $ llct rules check --rules ./my-rules
  $ llct check transcript.csv --rules ./my-rules
`,
  },
  authoring: LOOP_EN,
};

export function rulesCliMessages(lang: Lang): RulesCliMessages {
  return lang === 'en' ? en : vi;
}
