import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGrade } from '../../src/coverage/grade.js';
import { createMatcher } from '../../src/match/match.js';
import { generateJsonSchemas } from '../../src/rules/json-schema.js';
import { defaultRulesDir, loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';

const dir = defaultRulesDir();
const rs: RuleSet = await loadRuleSet();
const match = createMatcher(rs);
const readJson = (rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, any>;
const mapping = readJson('mapping.json');
const program = (id: string) => rs.programs.find((p) => p.id === id)!;

describe('the shipped rule set', () => {
  it('declares part markers as data, in matching-key form', () => {
    expect(rs.parts?.numbers.get('ii')).toBe(2);
    expect(rs.parts?.before.has('phan')).toBe(true);
    expect([...(rs.parts?.notAfter ?? [])]).toEqual(expect.arrayContaining(['lan', 'ky', 'hk', 'dot']));
  });

  it('is found next to the package and loads', () => {
    expect(dir).toBe(resolve(import.meta.dirname, '../../rules'));
    expect(rs.programs.map((p) => [p.id, p.rank])).toEqual([
      ['so-cap', 1],
      ['trung-cap', 2],
      ['cao-cap', 3],
    ]);
    expect(rs.periodsPerUnit).toEqual({ credit: 15, dvht: 15 });
  });

  it('encodes sơ cấp as 180 periods in 18 lessons, passing at 144 periods and 13 lessons', () => {
    const p = program('so-cap');
    expect(p.totalPeriods).toBe(180);
    expect(p.lessons.map((l) => l.id)).toEqual(Array.from({ length: 18 }, (_, i) => `SC${String(i + 1).padStart(2, '0')}`));
    expect(p.lessons.every((l) => l.periods === 10)).toBe(true);
    expect(p.subjects.map((s) => s.periods)).toEqual([80, 70, 30]);
    // the 18 titles are published (HD 65-HD/BTGTW, three district reports); grouping and periods are not
    expect(p.lessons.every((l) => l.titleVerified === true && !l.provenance.verified)).toBe(true);
    expect(p.lessons[0]!.title.vi).toBe('Chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh – nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng');
    expect(p.lessons[17]!.title.vi).toBe('Đảng lãnh đạo cả nước quá độ lên chủ nghĩa xã hội, bảo vệ Tổ quốc (1975–2011)');
    expect(p.subjects.map((s) => s.lessons.length)).toEqual([8, 7, 3]);
    expect(p.policy).toMatchObject({ kind: 'course', minPeriods: 144, minLessons: 13, provenance: { verified: true } });
    expect(p.effective).toEqual({ from: '2013-01-14', to: '2021-07-08' });
  });

  it('encodes trung cấp and cao cấp subject by subject at 80%', () => {
    const tc = program('trung-cap');
    const cc = program('cao-cap');
    for (const p of [tc, cc]) {
      expect(p.policy.kind).toBe('per-subject');
      expect(p.effective).toEqual({ from: '2009-09-16', to: '2021-07-08' });
      expect(p.subjects.every((s) => s.required && s.minRatio === 0.8 && s.lessons.length === 1 && s.lessons[0]!.implicit)).toBe(true);
    }
    expect(tc.subjects.map((s) => [s.id, s.periods])).toEqual([
      ['TC-TH', 60], ['TC-KT', 50], ['TC-CN', 40], ['TC-HCM', 40], ['TC-LSD', 40],
      ['TC-XDD', 60], ['TC-NNPL', 60], ['TC-QLHC', 80], ['TC-DL', 100], ['TC-KN', 80],
    ]);
    expect(cc.subjects.map((s) => [s.id, s.periods])).toEqual([
      ['CC-TH', 110], ['CC-KT', 90], ['CC-CN', 95], ['CC-HCM', 60], ['CC-LSD', 60],
      ['CC-DL', 90], ['CC-XDD', 90], ['CC-CTH', 60], ['CC-NNPL', 60], ['CC-QL', 60],
    ]);
  });

  it('marks reconstructed data unverified and cites a source for everything verified', () => {
    const so = program('so-cap');
    expect(so.lessons.every((l) => !l.provenance.verified && l.provenance.source.includes('reconstruction (domain spec §3.1)'))).toBe(true);
    expect(program('trung-cap').subjects.every((s) => !s.provenance.verified && s.provenance.source.includes('§3.2'))).toBe(true);
    expect(program('trung-cap').policy.provenance.verified).toBe(false);
    const cc = program('cao-cap').subjects;
    expect(cc.filter((s) => s.provenance.verified).map((s) => s.id)).toEqual(['CC-TH', 'CC-KT', 'CC-CN', 'CC-HCM']);
    expect(cc.filter((s) => !s.provenance.verified).every((s) => s.provenance.source.includes('reconstruction (domain spec §3.3)'))).toBe(true);
    expect(rs.rules.every((r) => !r.provenance.verified && r.provenance.source.includes('reconstruction'))).toBe(true);
    expect(rs.grading.provenance.verified).toBe(false); // the 4.0–5.0 band is reconstructed
    for (const l of rs.legalBasis!) expect(l.provenance.source).not.toBe('');
  });

  it('cites legal instruments of the §2 timeline', () => {
    expect(rs.legalBasis!.map((l) => [l.id, l.date])).toEqual([
      ['256-QĐ/TW', '2009-09-16'],
      ['03/HD-HVCT-HCQG', '2011-03-15'],
      ['65-HD/BTGTW', '2012-12-11'],
      ['69-HD/BTGTW', '2013-01-14'],
      ['1479/QĐ-HVCTQG', '2014-04-21'],
      ['09-KL/TW', '2021-07-09'],
      ['1474-CV/BTCTW', '2021-08-13'],
      ['57-QĐ/TW', '2022-02-08'],
    ]);
    expect(program('so-cap').legalBasis).toContain('69-HD/BTGTW');
  });

  it('reads grades per §4', () => {
    expect(rs.grading).toMatchObject({
      tenPointPass: 4,
      tenPointUncertainBelow: 5,
      fourPointPass: 1,
      passLetters: ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D'],
      failLetters: ['F', 'F+'],
      passWords: ['p', 'dat', 'd'],
      failWords: ['khong dat', 'chua dat', 'kd', 'k dat', 'kdat'],
      exemptWords: ['r', 'mien', 'mien thi', 'mien hoc', 'mt', 'm'],
    });
  });

  it.each([
    ['Đạt', 'pass'], ['Đ', 'pass'], ['M', 'exempt'], ['P', 'pass'], ['A-', 'pass'], ['B-', 'pass'], ['c-', 'pass'], ['D', 'pass'],
    ['F', 'fail'], ['F+', 'fail'], ['Không đạt', 'fail'], ['Chưa đạt', 'fail'], ['KĐ', 'fail'], ['K.Đạt', 'fail'], ['KĐạt', 'fail'],
    ['Miễn', 'exempt'], ['R', 'exempt'], ['Miễn thi', 'exempt'], ['MIỄN HỌC', 'exempt'], ['MT', 'exempt'],
  ])('reads the grade word %s as %s', (text, status) => {
    expect(readGrade({ text }, rs.grading, '10').status).toBe(status);
  });

  it('points every file at its JSON Schema with $schema', () => {
    const files: [string, string][] = [
      ['ruleset.json', 'ruleset.schema.json'],
      ['mapping.json', 'mapping.schema.json'],
      ['dossier-fields.json', 'dossier-fields.schema.json'],
      ['statistics.json', 'statistics.schema.json'],
      ...readdirSync(join(dir, 'programs')).map((f): [string, string] => [`programs/${f}`, 'program.schema.json']),
    ];
    expect(files).toHaveLength(7);
    for (const [rel, schema] of files) {
      const ref = readJson(rel).$schema as string;
      expect(resolve(dirname(join(dir, rel)), ref)).toBe(join(dir, 'schema', schema));
    }
  });
});

describe('JSON Schemas', () => {
  it('match the zod schemas (run `npm run build && npm run schemas` after changing src/rules/schema.ts)', () => {
    const generated = generateJsonSchemas();
    expect([...generated.keys()].sort()).toEqual(['dossier-fields.schema.json', 'mapping.schema.json', 'program.schema.json', 'ruleset.schema.json', 'statistics.schema.json']);
    for (const [file, text] of generated) expect(readFileSync(join(dir, 'schema', file), 'utf8'), file).toBe(text);
  });

  it('forbid unknown keys', () => {
    const program = JSON.parse(generateJsonSchemas().get('program.schema.json')!);
    expect(program.additionalProperties).toBe(false);
    expect(program.properties.subjects.items.additionalProperties).toBe(false);
    expect(program.required).not.toContain('$schema');
  });
});

describe('the shipped mapping', () => {
  const rules = mapping.rules as { id: string; examples?: string[] }[];

  it('has examples for every rule, each matching that rule', () => {
    for (const r of rules) {
      expect(r.examples?.length, r.id).toBeGreaterThanOrEqual(5);
      for (const ex of r.examples!) {
        const got = match(ex);
        expect(got, `${r.id}: ${ex}`).toMatchObject({ ruleId: r.id, tiedWith: [] });
        expect(got?.leftover, `${r.id}: ${ex} is a full match`).toBeUndefined();
      }
    }
  });

  it('matches no lookalike', () => {
    const lookalikes = mapping.mustNotMatch as string[];
    for (const name of [
      'Lịch sử Việt Nam', 'Lịch sử văn minh thế giới', 'Kinh tế học đại cương', 'Kinh tế vi mô', 'Triết học phương Đông',
      'Pháp luật đại cương', 'Tư tưởng kinh tế học', 'Lịch sử kinh tế', 'Tâm lý học đại cương', 'Triết học phương Tây',
    ]) {
      expect(lookalikes).toContain(name);
    }
    for (const name of lookalikes) expect(match(name), name).toBeNull();
  });

  it('sends the NLCB parts to their own rules and the whole course to the whole rule', () => {
    const id = (n: string) => match(n)?.ruleId;
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin')).toBe('nlcb');
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 1')).toBe('nlcb-1');
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (phần II)')).toBe('nlcb-2');
    expect(id('MLN111 NLCB HP2')).toBe('nlcb-2');
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (111 tiết)')).toBe('nlcb');
  });

  const id = (n: string) => match(n)?.ruleId ?? null;
  const lookalikes = mapping.mustNotMatch as string[];
  /** a wrong match can turn into a wrong PASS: each of these must match no rule and stay listed in mustNotMatch */
  const none = (names: string[]) => {
    for (const n of names) {
      expect(match(n), n).toBeNull();
      expect(lookalikes, n).toContain(n);
    }
  };

  it('needs Việt Nam for the Party history: local and foreign Party histories match nothing', () => {
    none([
      'Lịch sử Đảng ở địa phương', 'Lịch sử Đảng địa phương', 'Lịch sử Đảng bộ tỉnh Lạng Sơn', 'Lịch sử Đảng bộ huyện',
      'Lịch sử Đảng Cộng sản Việt Nam ở địa phương', 'Lịch sử Đảng Cộng sản Trung Quốc', 'Lịch sử Đảng Cộng sản Liên Xô',
      'Lịch sử Đảng Nhân dân Cách mạng Lào', 'History of the Communist Party of China',
      'History of the Communist Party of the Soviet Union', 'History of the Chinese Communist Party',
    ]);
    for (const n of ['Lịch sử Đảng', 'LSĐ', 'Lịch sử Đảng Việt Nam', 'Lịch sử ĐCSVN', 'Lịch sử Đảng CS VN', 'History of the CPV',
      'Vietnamese Communist Party History', 'History of the Communist Party of VN']) expect(id(n), n).toBe('lich-su-dang');
  });

  it('matches the vocational module by its exact names only', () => {
    none([
      'Công tác giáo dục chính trị tư tưởng', 'Giáo dục chính trị tư tưởng', 'Giáo dục chính trị - tư tưởng cho sinh viên',
      'Phương pháp giáo dục chính trị', 'Phương pháp dạy học giáo dục chính trị', 'Lý luận dạy học môn Giáo dục chính trị',
      'Political education in schools',
    ]);
    // political science is a module of the political-theory majors (cao cấp), never the vocational module
    expect(match('Chính trị học')).toMatchObject({ ruleId: 'chinh-tri-hoc', by: 'name' });
    for (const n of ['Giáo dục chính trị', 'Chính trị', 'GDCT', 'Giáo dục chính trị 1', 'Chính trị (phần II)', 'MH01 - Giáo dục chính trị',
      'Giáo dục chính trị (75 tiết)', 'Chính trị 90tiết', 'Political Education']) {
      expect(match(n), n).toMatchObject({ ruleId: 'gdct', by: 'name' });
    }
  });

  it('needs Vietnam in the English names of the Party line and history', () => {
    none(['Revolutionary policies of China', 'Revolutionary Lines of the Chinese Communist Party', 'Vietnamese Revolutionary Literature']);
    for (const n of ['Revolutionary Lines of the Communist Party of Vietnam', 'Revolutionary Line of the CPV',
      'Revolutionary Guidelines of the Vietnamese Communist Party', 'Revolutionary Policies of the Communist Party of Vietnam']) {
      expect(id(n), n).toBe('duong-loi');
    }
  });

  it('reads ML as Mác-Lênin in Vietnamese names only (in English it is machine learning)', () => {
    none(['Principles of ML', 'Philosophy of ML', 'Political Economy of ML', 'Nhập môn ML', 'Machine Learning']);
    expect(id('Triết học M-L')).toBe('triet-hoc');
    expect(id('Triết học ML')).toBe('triet-hoc');
    expect(id('KTCT ML')).toBe('kinh-te-chinh-tri');
    expect(id('NLCB của CN ML')).toBe('nlcb');
    expect(id('Marxist-Leninist Philosophy')).toBe('triet-hoc');
    expect(id('Basic Principles of Marxism-Leninism')).toBe('nlcb');
  });

  it('deletes credit and period counts written into the name cell, so they are never part numbers', () => {
    expect(id('Những NLCB của CN Mác-Lênin (2 TC)')).toBe('nlcb');
    expect(id('Những NLCB của CN Mác-Lênin (3 ĐVHT)')).toBe('nlcb');
    expect(id('Những NLCB của CN Mác-Lênin (2 tín chỉ)')).toBe('nlcb');
    expect(id('Những NLCB của CN Mác-Lênin 2TC')).toBe('nlcb');
    expect(id('Những NLCB của CN Mác-Lênin (5 TC)')).toBe('nlcb');
    expect(id('Basic Principles of Marxism-Leninism (2 credits)')).toBe('nlcb');
    expect(id('Triết học Mác-Lênin (3 TC)')).toBe('triet-hoc');
    expect(id('Chủ nghĩa xã hội khoa học (2 tín chỉ)')).toBe('cnxhkh');
    // a part number followed by a credit count keeps the part
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 1 (2 TC)')).toBe('nlcb-1');
    expect(id('NLCB phần 1 (2 tín chỉ)')).toBe('nlcb-1');
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin học phần 1 (2 TC)')).toBe('nlcb-1');
    expect(id('Những NLCB của CN Mác-Lênin HP1 (2TC)')).toBe('nlcb-1');
    expect(id('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 2 (3 TC)')).toBe('nlcb-2');
    expect(id('Basic Principles of Marxism-Leninism Part 1 (2 credits)')).toBe('nlcb-1');
  });

  it('reads both NLCB parts in one row as the whole course, never as part 1', () => {
    for (const n of [
      'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (HP1+HP2)', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (HP1, HP2)',
      'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 1 và 2', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin phần 1, 2',
      'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin I+II', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (Phần I, phần II)',
      'Những nguyên lý cơ bản của chủ nghĩa Mác - Lênin (Học phần I và II)', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin học phần 1, 2',
      'Basic Principles of Marxism-Leninism 1&2', 'Basic Principles of Marxism-Leninism (Parts I and II)',
    ]) {
      expect(match(n), n).toMatchObject({ ruleId: 'nlcb', tiedWith: [] });
    }
    // an unforeseen spelling with both markers falls to no rule rather than to one part
    expect(match('Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 2 và 1')).toBeNull();
  });

  it('does not take electives on Hồ Chí Minh\'s thought for the module', () => {
    none([
      'Tư tưởng Hồ Chí Minh về văn hóa', 'Tư tưởng Hồ Chí Minh về đạo đức', 'Tư tưởng Hồ Chí Minh về quân sự',
      'Chuyên đề tư tưởng Hồ Chí Minh', 'Vận dụng tư tưởng Hồ Chí Minh trong công tác cán bộ',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Tư tưởng Hồ Chí Minh và con đường cách mạng Việt Nam',
      "Ho Chi Minh's Thought on Culture", 'Ho Chi Minh City Studies',
    ]);
    for (const n of ['Tư tưởng Hồ Chí Minh', 'TT HCM', 'TTHCM', 'Tư tưởng HCM', 'Hồ Chí Minh Ideology', "Ho Chi Minh's Thought",
      'Tư tưởng Hồ Chí Minh (2 TC)']) expect(id(n), n).toBe('tthcm');
  });

  it('matches old part-suffixed names to their module', () => {
    const cases: [string, string][] = [
      ['Triết học 1', 'triet-hoc'], ['Triết học 2', 'triet-hoc'], ['Triết học II', 'triet-hoc'], ['Triết học Mác-Lênin 1', 'triet-hoc'],
      ['Triết học Mác-Lênin phần 2', 'triet-hoc'], ['Kinh tế chính trị 1', 'kinh-te-chinh-tri'], ['Kinh tế chính trị 2', 'kinh-te-chinh-tri'],
      ['Kinh tế chính trị Mác-Lênin II', 'kinh-te-chinh-tri'], ['Chủ nghĩa xã hội khoa học 1', 'cnxhkh'],
      ['Lịch sử Đảng Cộng sản Việt Nam 1', 'lich-su-dang'], ['Lịch sử Đảng 2', 'lich-su-dang'],
    ];
    for (const [n, r] of cases) expect(match(n), n).toMatchObject({ ruleId: r, tiedWith: [] });
  });

  it('matches no other political-sounding module of Vietnamese universities', () => {
    none([
      'Triết học Phật giáo', 'Triết học chính trị', 'Lịch sử triết học Mác-Lênin', 'Phương pháp giảng dạy triết học Mác-Lênin',
      'Tác phẩm kinh điển triết học Mác-Lênin', 'History of Marxist-Leninist Philosophy', 'Kinh tế chính trị quốc tế',
      'Kinh tế chính trị học', 'International Political Economy', 'Chủ nghĩa xã hội khoa học và thực tiễn Việt Nam',
      'Chuyên đề chủ nghĩa xã hội khoa học', 'Phương pháp dạy học những nguyên lý cơ bản của chủ nghĩa Mác-Lênin',
      'Đường lối đối ngoại Việt Nam', 'Đường lối quân sự của Đảng Cộng sản Việt Nam',
      'Đường lối cách mạng của Đảng Cộng sản Trung Quốc', 'Chuyên đề đường lối cách mạng của Đảng Cộng sản Việt Nam',
      'Địa chính trị', 'Hồ Chí Minh học', 'Đạo đức Hồ Chí Minh',
    ]);
  });

  it('maps the vocational module to six sơ cấp lessons only', () => {
    const gdct = rs.rules.find((r) => r.id === 'gdct')!;
    expect(gdct.targets.map((t) => t.lessonId)).toEqual(['SC01', 'SC02', 'SC08', 'SC09', 'SC12', 'SC14']);
    expect(gdct.typicalPeriods).toBe(75);
    expect(gdct.provenance.source).toContain('24/2018/TT-BLĐTBXH');
  });

  it('follows the §5 table', () => {
    const targets = Object.fromEntries(rs.rules.map((r) => [r.id, r.targets.map((t) => t.lessonId).join(' ')]));
    expect(targets).toEqual({
      'triet-hoc': 'SC01 SC02 SC03 SC04 TC-TH CC-TH',
      'kinh-te-chinh-tri': 'SC05 SC06 SC10 SC11 TC-KT CC-KT',
      cnxhkh: 'SC07 SC09 SC13 TC-CN CC-CN',
      nlcb: 'SC01 SC02 SC03 SC04 SC05 SC06 SC07 SC09 TC-TH TC-KT TC-CN CC-TH CC-KT CC-CN',
      'nlcb-1': 'SC01 SC02 SC03 SC04 TC-TH CC-TH',
      'nlcb-2': 'SC05 SC06 SC07 SC09 TC-KT TC-CN CC-KT CC-CN',
      tthcm: 'SC01 SC08 SC12 TC-HCM CC-HCM',
      'duong-loi': 'SC08 SC10 SC11 SC12 SC14 SC15 SC16 SC17 TC-LSD TC-DL CC-LSD CC-DL',
      'lich-su-dang': 'SC08 SC16 SC17 SC18 TC-LSD CC-LSD',
      gdct: 'SC01 SC02 SC08 SC09 SC12 SC14',
      'xay-dung-dang': 'TC-XDD CC-XDD',
      'chinh-tri-hoc': 'CC-CTH',
      'nha-nuoc-phap-luat': 'TC-NNPL CC-NNPL',
      qlhcnn: 'TC-QLHC',
      'lanh-dao-quan-ly': 'TC-KN CC-QL',
    });
  });

  it('gives each module of §4 its largest size as typical periods (§6.6)', () => {
    const typical = Object.fromEntries(rs.rules.map((r) => [r.id, r.typicalPeriods ?? null]));
    expect(typical).toMatchObject({
      'triet-hoc': 90, 'kinh-te-chinh-tri': 75, cnxhkh: 60, nlcb: 75, 'nlcb-1': 30, 'nlcb-2': 45,
      tthcm: 45, 'duong-loi': 45, 'lich-su-dang': 60, gdct: 75,
    });
    // the political-theory-major modules have no published size: unknown periods count at the lessons' own
    for (const id of ['xay-dung-dang', 'chinh-tri-hoc', 'nha-nuoc-phap-luat', 'qlhcnn', 'lanh-dao-quan-ly']) expect(typical[id], id).toBeNull();
  });

  it('keeps examples and lookalikes for every rule, the self-check of every load', () => {
    for (const r of mapping.rules as { id: string; examples?: string[]; lookalikes?: string[] }[]) {
      expect(r.examples?.length, r.id).toBeGreaterThanOrEqual(5);
      expect(r.lookalikes?.length, r.id).toBeGreaterThanOrEqual(1);
      for (const name of r.lookalikes!) expect(match(name)?.leftover ?? (match(name) === null ? [] : undefined), `${r.id}: ${name}`).toBeDefined();
    }
  });

  it('records the published cao cấp period split and the published part names', () => {
    const cc = program('cao-cap');
    const split = (id: string) => cc.subjects.find((s) => s.id === id)!.split;
    expect(split('CC-TH')).toMatchObject({ lecture: 60, discussion: 20, selfStudy: 20, exam: 10 });
    expect(split('CC-KT')).toMatchObject({ lecture: 45, discussion: 15, selfStudy: 20, exam: 10 });
    expect(split('CC-HCM')).toMatchObject({ lecture: 30, discussion: 10, selfStudy: 15, exam: 5 });
    // published as 95 = 45 + 15 + 15 + 10, which adds up to 85: left out until the text is checked
    expect(split('CC-CN')).toBeUndefined();
    expect(cc.parts?.map((p) => p.subjectIds.length)).toEqual([4, 2, 4, 0]);
    const tc = program('trung-cap');
    expect(tc.parts?.map((p) => p.name.vi)).toEqual([
      'Những vấn đề cơ bản của chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh',
      'Những vấn đề cơ bản về Đảng Cộng sản và lịch sử Đảng Cộng sản Việt Nam',
      'Hệ thống chính trị, nhà nước, pháp luật và quản lý hành chính Nhà nước',
      'Đường lối, chính sách của Đảng, Nhà nước Việt Nam về các lĩnh vực của đời sống xã hội',
      'Kỹ năng lãnh đạo, quản lý và nghiệp vụ …',
    ]);
    expect(tc.parts?.every((p) => p.nameVerified && !p.provenance.verified)).toBe(true);
  });
});

/** Sơ cấp periods and lessons of a list of (name, periods) under the course policy, using the shipped mapping. */
function soCap(rows: [string, number][]): { periods: number; lessons: number } {
  let periods = 0;
  const lessons = new Set<string>();
  for (const [name, p] of rows) {
    const m = match(name);
    const rule = m && rs.rules.find((r) => r.id === m.ruleId)!;
    const sc = rule ? rule.targets.filter((t) => rs.lessonIndex.get(t.lessonId)!.program.id === 'so-cap') : [];
    if (sc.length === 0) continue;
    periods += p;
    for (const t of sc) lessons.add(t.lessonId);
  }
  return { periods, lessons: lessons.size };
}

/** (name, periods) rows of a fixture CSV written without quoted commas. */
function fixtureRows(file: string): [string, number][] {
  const [head, ...lines] = readFileSync(resolve(import.meta.dirname, '../../fixtures/transcripts', file), 'utf8').trim().split('\n');
  const h = head!.split(',');
  const name = h.findIndex((c) => /^(Tên học phần|Course)$/.test(c));
  const size = h.findIndex((c) => /^(Số tín chỉ|ĐVHT|Số tiết|Credits)$/.test(c));
  const perUnit = h[size] === 'Số tiết' ? 1 : 15;
  return lines.map((l) => l.split(',')).map((c) => [c[name]!, Number(c[size]) * perUnit]);
}

describe('era totals through the mapping (domain spec §5)', () => {
  it.each([
    ['era-2008-2019.csv', 150, 16],
    ['era-2019.csv', 165, 16],
    ['era-pre2008.csv', 330, 16],
    ['english-names.csv', 165, 16],
    ['four-point.csv', 150, 16],
    ['transfer-lien-thong.csv', 105, 10],
    ['vocational-gdct.csv', 75, 6],
  ])('%s covers %i sơ cấp periods in %i lessons', (file, periods, lessons) => {
    expect(soCap(fixtureRows(file))).toEqual({ periods, lessons });
  });

  it('gives the same totals for the plain module lists of each era', () => {
    const tc = (n: number) => n * 15;
    expect(soCap([
      ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin', tc(5)], ['Tư tưởng Hồ Chí Minh', tc(2)],
      ['Đường lối cách mạng của Đảng Cộng sản Việt Nam', tc(3)],
    ])).toEqual({ periods: 150, lessons: 16 });
    expect(soCap([
      ['Triết học', tc(6)], ['Kinh tế chính trị', tc(5)], ['CNXHKH', tc(4)], ['Lịch sử Đảng', tc(4)], ['TTHCM', tc(3)],
    ])).toEqual({ periods: 330, lessons: 16 });
  });
});
