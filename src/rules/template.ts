// The starter rule set `llct rules init` writes: a minimal, valid, commented rule set (files as texts; pure).

import { generateJsonSchemas } from './json-schema.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const TODO_SOURCE = 'TODO: cite the document, article or URL this comes from, then set "verified": true';

const ruleset = {
  $schema: './schema/ruleset.schema.json',
  id: 'my-centre',
  name: { vi: 'Bộ quy tắc mẫu của trung tâm', en: "A centre's starter rule set" },
  version: '0.1.0',
  description: {
    vi: 'Bộ quy tắc mẫu do "llct rules init" tạo: một chương trình, ba bài, một quy tắc khớp. Sửa từng tệp, rồi chạy "llct rules check --rules <thư mục>". Xem README.md trong thư mục này.',
    en: 'Starter rule set made by "llct rules init": one program, three lessons, one matching rule. Edit each file, then run "llct rules check --rules <folder>". See README.md in this folder.',
  },
  effective: { from: '2009-09-16' },
  legalBasis: [
    {
      id: '256-QĐ/TW',
      date: '2009-09-16',
      title: 'Quy định số 256-QĐ/TW ngày 16/9/2009 của Ban Bí thư về việc xác định trình độ lý luận chính trị',
      effect: {
        vi: 'Căn cứ xác định trình độ lý luận chính trị tương đương (thay bằng văn bản trung tâm áp dụng).',
        en: 'Basis of the equivalence check (replace with the instrument your centre applies).',
      },
      source: TODO_SOURCE,
      verified: false,
    },
  ],
  periodsPerUnit: { credit: 15, dvht: 15, verified: false, source: TODO_SOURCE },
  grading: {
    tenPointPass: 4,
    tenPointUncertainBelow: 5,
    fourPointPass: 1,
    passLetters: ['A+', 'A', 'B+', 'B', 'C+', 'C', 'D+', 'D'],
    failLetters: ['F'],
    passWords: ['Đạt', 'P'],
    failWords: ['Không đạt'],
    exemptWords: ['Miễn', 'R'],
    verified: false,
    source: TODO_SOURCE,
  },
  programs: ['programs/so-cap-mau.json'],
  mapping: 'mapping.json',
};

const lesson = (id: string, vi: string, en: string) => ({
  id,
  title: { vi, en },
  periods: 10,
  verified: false,
  source: TODO_SOURCE,
});

const program = {
  $schema: '../schema/program.schema.json',
  id: 'so-cap-mau',
  rank: 1,
  name: { vi: 'Chương trình mẫu (sơ cấp)', en: 'Starter program (sơ cấp)' },
  totalPeriods: 30,
  effective: { from: '2009-09-16' },
  legalBasis: ['256-QĐ/TW'],
  verified: false,
  source: TODO_SOURCE,
  policy: { kind: 'course', minPeriods: 24, minLessons: 2, verified: false, source: TODO_SOURCE },
  subjects: [
    {
      id: 'MAU-I',
      name: { vi: 'Chủ nghĩa Mác-Lênin', en: 'Marxism-Leninism' },
      periods: 30,
      verified: false,
      source: TODO_SOURCE,
      lessons: [
        lesson('MAU01', 'Triết học Mác-Lênin: chủ nghĩa duy vật biện chứng', 'Marxist-Leninist philosophy: dialectical materialism'),
        lesson('MAU02', 'Triết học Mác-Lênin: chủ nghĩa duy vật lịch sử', 'Marxist-Leninist philosophy: historical materialism'),
        lesson('MAU03', 'Kinh tế chính trị Mác-Lênin', 'Marxist-Leninist political economy'),
      ],
    },
  ],
};

const mapping = {
  $schema: './schema/mapping.schema.json',
  normalization: {
    attempts: { markers: ['học lại', 'thi lại', 'cải thiện'], numbered: ['lần'] },
    filler: ['học phần', 'môn', 'TC', 'tín chỉ', 'ĐVHT', 'credits'],
  },
  abbreviations: [{ from: 'ML', to: 'Mác-Lênin', note: 'viết tắt trên bảng điểm / written on transcripts' }],
  rules: [
    {
      id: 'triet-hoc',
      label: { vi: 'Triết học Mác-Lênin', en: 'Marxist-Leninist philosophy' },
      names: ['Triết học Mác-Lênin', 'Triết học'],
      keywords: [{ all: ['triết học', 'Mác-Lênin'], none: ['lịch sử', 'phương pháp'] }],
      targets: ['MAU01', 'MAU02'],
      typicalPeriods: 90,
      optional: ['của'],
      verified: false,
      source: TODO_SOURCE,
      examples: ['Triết học Mác-Lênin', 'TRIẾT HỌC MÁC - LÊNIN', 'Triết học ML', 'Triết học Mác - Lênin (3 TC)'],
      note: 'names: exact names (beat codes and keywords); keywords: whole words, all of `all`, none of `none`; a keyword match leaving words that are neither the rule\'s words, `optional` nor filler is a near match (at most REVIEW); targets: lessons fed, periods split by lesson periods; typicalPeriods: periods assumed (optimistic reading) when a row states none. Try: llct rules explain "Triết học Mác-Lênin" --rules <folder>',
    },
  ],
  mustNotMatch: ['Lịch sử triết học', 'Triết học phương Đông'],
};

const README = `# Bộ quy tắc mẫu / starter rule set

Tạo bởi \`llct rules init\`. Made by \`llct rules init\`.

## Các tệp / files
- \`ruleset.json\` — gốc của bộ quy tắc: mã, tên, phiên bản, thời gian hiệu lực, căn cứ pháp lý (\`legalBasis\`),
  quy đổi tín chỉ → tiết (\`periodsPerUnit\`), cách đọc điểm (\`grading\`), danh sách tệp chương trình và tệp khớp.
  The root: id, name, version, effective period, legal basis, credit → period conversion, grading, the files.
- \`programs/so-cap-mau.json\` — một chương trình: môn, bài, số tiết, cách tính (\`policy\`: \`course\` với
  \`minPeriods\`/\`minLessons\`, hoặc \`per-subject\` với \`minRatio\`). One program: subjects, lessons, periods, policy.
- \`mapping.json\` — cách nhận ra học phần trên bảng điểm (\`names\`, \`codes\`, \`keywords\`) và các bài được tính
  (\`targets\`); \`examples\` phải khớp, \`mustNotMatch\` không được khớp (kiểm tra mỗi lần nạp).
  \`normalization.attempts\` (dấu hiệu lần học, bị bỏ trước khi khớp), \`normalization.filler\` và \`optional\` (từ được
  phép thừa; từ thừa khác làm tên chỉ "gần khớp", nhiều nhất CẦN XEM XÉT), \`typicalPeriods\` (số tiết giả định khi dòng
  không ghi số tiết).
  How transcript modules are recognised and which lessons they feed; \`examples\` must match, \`mustNotMatch\` must not;
  attempt markers, filler and optional words (other extra words make a near match), typical periods.
- \`schema/\` — JSON Schema cho trình soạn thảo (gợi ý trường, kiểm tra khi gõ), do llct sinh ra.
  JSON Schemas for editor completion, generated by llct.

Mỗi dữ liệu có \`verified\` và \`source\`: ghi nguồn (văn bản, điều, URL) rồi mới đặt \`"verified": true\`;
báo cáo luôn nêu dữ liệu chưa đối chiếu. Every item carries \`verified\` and \`source\`: cite, then verify.

## Quy trình / the loop
1. Sửa tệp / edit a file.
2. \`llct rules check --rules .\` — lỗi nêu tệp, dòng:cột, đường dẫn JSON / errors name file, line:column, JSON path.
3. \`llct rules explain "Triết học Mác - Lênin (3 TC)" --rules .\` — vì sao một tên khớp / why a name matches.
4. \`llct rules show --rules .\` — xem lại chương trình / review the programs.
5. \`llct rules diff --old <bộ cũ> --new . <thư mục hồ sơ>\` — hồ sơ nào đổi kết luận / which dossiers change.
6. \`llct check bang-diem.csv --rules .\`
`;

/** The starter rule set's files, keyed by path relative to the rule folder. */
export function starterRuleSet(): Map<string, string> {
  const files = new Map<string, string>([
    ['ruleset.json', json(ruleset)],
    ['programs/so-cap-mau.json', json(program)],
    ['mapping.json', json(mapping)],
    ['README.md', README],
  ]);
  // the schemas of the files written (a starter takes the shipped dossier files: it lists none of its own)
  const own = new Set(['ruleset.schema.json', 'program.schema.json', 'mapping.schema.json']);
  for (const [file, text] of generateJsonSchemas()) if (own.has(file)) files.set(`schema/${file}`, text);
  return files;
}
