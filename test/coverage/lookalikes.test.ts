// Near matches and lookalikes (domain spec §6.2) over the shipped rules: a name that only resembles a module
// never counts pessimistically, so it never turns a short program into a PASS on its own.
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { CheckResult } from '../../src/coverage/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { row, transcript } from './builders.js';

const rs = await loadRuleSet();
const check = (rows: [string, number][]) =>
  checkTranscript(transcript(rows.map(([name, credits]) => row(name, { credits, creditUnit: 'credit', grade: '8' }))), rs, { asOf: '2020-06-01' });
const verdict = (r: CheckResult, id: string) => r.programs.find((p) => p.programId === id)!.verdict;

/** Complete programs of each era (domain spec §4), by the rule each row matches. */
const ERA_2008: [string, string, number][] = [
  ['nlcb', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin', 5],
  ['tthcm', 'Tư tưởng Hồ Chí Minh', 2],
  ['duong-loi', 'Đường lối cách mạng của Đảng Cộng sản Việt Nam', 3],
];
const ERA_2019: [string, string, number][] = [
  ['triet-hoc', 'Triết học Mác-Lênin', 3],
  ['kinh-te-chinh-tri', 'Kinh tế chính trị Mác-Lênin', 2],
  ['cnxhkh', 'Chủ nghĩa xã hội khoa học', 2],
  ['lich-su-dang', 'Lịch sử Đảng Cộng sản Việt Nam', 2],
  ['tthcm', 'Tư tưởng Hồ Chí Minh', 2],
];
/** A political-theory second degree sized so every trung cấp subject reaches 80% (see fixtures/transcripts/llct-major.csv). */
const MAJOR: [string, string, number][] = [
  ['triet-hoc', 'Triết học Mác-Lênin', 4],
  ['kinh-te-chinh-tri', 'Kinh tế chính trị Mác-Lênin', 4],
  ['cnxhkh', 'Chủ nghĩa xã hội khoa học', 3],
  ['tthcm', 'Tư tưởng Hồ Chí Minh', 3],
  ['lich-su-dang', 'Lịch sử Đảng Cộng sản Việt Nam', 3],
  ['duong-loi', 'Đường lối cách mạng của Đảng Cộng sản Việt Nam', 8],
  ['xay-dung-dang', 'Xây dựng Đảng', 4],
  ['chinh-tri-hoc', 'Chính trị học', 4],
  ['nha-nuoc-phap-luat', 'Lý luận nhà nước và pháp luật', 4],
  ['qlhcnn', 'Quản lý hành chính nhà nước', 5],
  ['lanh-dao-quan-ly', 'Khoa học lãnh đạo, quản lý', 5],
];

/** [lookalike name, the module it imitates]; vi and en, with dashes, brackets, extra words. */
const LOOKALIKES: [string, string][] = [
  ['Tư tưởng Hồ Chí Minh - Quân sự', 'tthcm'],
  ['(Tư tưởng Hồ Chí Minh về văn hóa)', 'tthcm'],
  ['Tư tưởng Hồ Chí Minh (quân sự)', 'tthcm'],
  ['Tư tưởng Hồ Chí Minh: đạo đức', 'tthcm'],
  ['Tư tưởng Hồ Chí Minh – Ngoại giao', 'tthcm'],
  ['TƯ TƯỞNG HỒ CHÍ MINH - QUÂN SỰ', 'tthcm'],
  ['Tư tưởng Hồ Chí Minh về Nhà nước', 'tthcm'],
  ['Chuyên đề Tư tưởng Hồ Chí Minh', 'tthcm'],
  ['Ho Chi Minh Thought - Military', 'tthcm'],
  ["Ho Chi Minh's Thought on Culture", 'tthcm'],
  ['Ho Chi Minh Ideology and Diplomacy', 'tthcm'],
  ['Đường lối cách mạng miền Nam', 'duong-loi'],
  ['Đường lối cách mạng giải phóng dân tộc', 'duong-loi'],
  ['Đường lối cách mạng tháng Tám', 'duong-loi'],
  ['Đường lối cách mạng của Đảng - Chuyên đề', 'duong-loi'],
  ['Đường lối quân sự của Đảng Cộng sản Việt Nam', 'duong-loi'],
  ['Đường lối đối ngoại Việt Nam', 'duong-loi'],
  ['Revolutionary Line of Vietnam in the South', 'duong-loi'],
  ['Revolutionary Lines of the Chinese Communist Party', 'duong-loi'],
  ['Lịch sử Việt Nam và Lịch sử Đảng', 'lich-su-dang'],
  ['Lịch sử Đảng Cộng sản Việt Nam - Văn kiện', 'lich-su-dang'],
  ['Lịch sử Đảng bộ tỉnh Lạng Sơn', 'lich-su-dang'],
  ['Lịch sử Đảng Cộng sản Việt Nam ở địa phương', 'lich-su-dang'],
  ['Lịch sử Việt Nam', 'lich-su-dang'],
  ['History of Vietnam and of the Communist Party of Vietnam', 'lich-su-dang'],
  ['History of the Communist Party of China', 'lich-su-dang'],
  ['Triết học Mác-Lênin - Chuyên đề', 'triet-hoc'],
  ['Triết học Mác-Lênin trong khoa học tự nhiên', 'triet-hoc'],
  ['Lịch sử triết học Mác-Lênin', 'triet-hoc'],
  ['Triết học phương Đông', 'triet-hoc'],
  ['Philosophy of Marxism-Leninism and Science', 'triet-hoc'],
  ['Western Philosophy', 'triet-hoc'],
  ['Kinh tế chính trị Mác-Lênin nâng cao', 'kinh-te-chinh-tri'],
  ['Kinh tế chính trị quốc tế', 'kinh-te-chinh-tri'],
  ['International Political Economy', 'kinh-te-chinh-tri'],
  ['Chủ nghĩa xã hội khoa học - Thực tiễn', 'cnxhkh'],
  ['Chủ nghĩa xã hội khoa học ở Trung Quốc', 'cnxhkh'],
  ['Scientific Socialism in Cuba', 'cnxhkh'],
  ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin - Ôn tập', 'nlcb'],
  ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin nâng cao', 'nlcb'],
  ['Principles of ML', 'nlcb'],
  ['Những nguyên lý cơ bản của Marketing', 'nlcb'],
  ['Xây dựng Đảng về tổ chức', 'xay-dung-dang'],
  ['Lịch sử xây dựng Đảng', 'xay-dung-dang'],
  ['Xây dựng Đảng ở cơ sở', 'xay-dung-dang'],
  ['Party Building in China', 'xay-dung-dang'],
  ['Pháp luật đại cương', 'nha-nuoc-phap-luat'],
  ['Nhà nước và pháp luật đại cương', 'nha-nuoc-phap-luat'],
  ['Lịch sử nhà nước và pháp luật', 'nha-nuoc-phap-luat'],
  ['Nhà nước và pháp luật - Kinh tế', 'nha-nuoc-phap-luat'],
  ['Introduction to State and Law', 'nha-nuoc-phap-luat'],
  ['Quản trị học', 'qlhcnn'],
  ['Khoa học quản lý đại cương', 'qlhcnn'],
  ['Quản lý nhà nước về giáo dục', 'qlhcnn'],
  ['Quản lý hành chính nhà nước - Thực hành', 'qlhcnn'],
  ['Introduction to Public Administration', 'qlhcnn'],
  ['Kỹ năng mềm', 'lanh-dao-quan-ly'],
  ['Lãnh đạo học trong doanh nghiệp', 'lanh-dao-quan-ly'],
  ['Khoa học lãnh đạo - Kỹ năng mềm', 'lanh-dao-quan-ly'],
  ['Leadership Skills', 'lanh-dao-quan-ly'],
  ['Chính trị học đại cương', 'chinh-tri-hoc'],
  ['Tâm lý học chính trị', 'chinh-tri-hoc'],
  ['Introduction to Political Science', 'chinh-tri-hoc'],
];

/** The base a lookalike would have to complete: the program of its era (or the major) without the real module. */
function base(imitates: string): { rows: [string, number][]; program: string } {
  const major = ['xay-dung-dang', 'nha-nuoc-phap-luat', 'qlhcnn', 'lanh-dao-quan-ly', 'chinh-tri-hoc'].includes(imitates);
  const era = major ? MAJOR : ERA_2008.some(([id]) => id === imitates) ? ERA_2008 : ERA_2019;
  return { rows: era.filter(([id]) => id !== imitates).map(([, name, tc]) => [name, tc]), program: major ? 'trung-cap' : 'so-cap' };
}

describe('lookalikes and names with extra words (§6.2)', () => {
  it('enumerates at least 50 names, in Vietnamese and English', () => {
    expect(LOOKALIKES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(LOOKALIKES.map(([n]) => n)).size).toBe(LOOKALIKES.length);
  });

  it.each(LOOKALIKES)('"%s" never counts in the pessimistic reading', (name) => {
    const r = check([[name, 5]]);
    const only = r.rows[0]!;
    expect(only.state, `${name}: ${JSON.stringify(only.match)}`).not.toBe('counted');
    for (const p of r.programs) {
      expect(p.pessimistic.periodsCounted, p.programId).toBe(0);
      expect(p.verdict, p.programId).not.toBe('PASS');
    }
    // when it matches at all, it is a near match that names its leftover words
    if (only.match) {
      expect(only.uncertain).toContain('near-match');
      const notice = r.notices.find((n) => n.code === 'row-near-match');
      expect((notice?.args.leftover as string[]).length).toBeGreaterThan(0);
    }
  });

  it.each(LOOKALIKES.filter(([, imitates]) => imitates !== 'chinh-tri-hoc'))(
    '"%s" in place of %s gives no PASS',
    (name, imitates) => {
      const { rows, program } = base(imitates);
      const without = check(rows);
      // the base alone fails: only the lookalike could make it pass
      expect(verdict(without, program)).toBe('FAIL');
      const withLookalike = check([...rows, [name, 5]]);
      expect(verdict(withLookalike, program)).not.toBe('PASS');
      const pess = (r: CheckResult) => r.programs.find((p) => p.programId === program)!.pessimistic;
      expect(pess(withLookalike).periodsCounted).toBe(pess(without).periodsCounted);
    },
  );

  it('names the leftover words as written: "Tư tưởng Hồ Chí Minh - Quân sự" leaves quân, sự', () => {
    const r = check([['Tư tưởng Hồ Chí Minh - Quân sự', 2]]);
    expect(r.rows[0]).toMatchObject({ state: 'uncertain', uncertain: ['near-match'], match: { ruleId: 'tthcm', by: 'keywords' } });
    expect(r.notices).toContainEqual({ code: 'row-near-match', args: { rowId: 1, ruleId: 'tthcm', leftover: ['quân', 'sự'] } });
    expect(check([['Đường lối cách mạng miền Nam', 3]]).notices).toContainEqual({
      code: 'row-near-match',
      args: { rowId: 1, ruleId: 'duong-loi', leftover: ['miền'] },
    });
  });

  it('a near match replacing a real module is REVIEW, never PASS, and names the row', () => {
    const rows = base('tthcm').rows;
    const r = check([...rows, ['Tư tưởng Hồ Chí Minh - Quân sự', 3]]);
    const so = r.programs.find((p) => p.programId === 'so-cap')!;
    expect(so.verdict).toBe('REVIEW');
    expect(so.decidingRows).toEqual([r.rows.length]);
  });

  it('exact names and codes are never near matches', () => {
    expect(check([['Tư tưởng Hồ Chí Minh', 2]]).rows[0]!.match).toEqual({ ruleId: 'tthcm', by: 'name', tiedWith: [] });
    expect(check([['Chính trị', 2]]).rows[0]!.match).toEqual({ ruleId: 'gdct', by: 'name', tiedWith: [] });
  });
});

describe('wrong FAIL fixed (issue 7): abbreviations, parts and attempts', () => {
  const match = (name: string) => check([[name, 2]]).rows[0]!.match;
  it.each([
    ['LS ĐCSVN', 'lich-su-dang'],
    ['LS Đảng CSVN', 'lich-su-dang'],
    ['Principles of Marxism and Leninism 1', 'nlcb-1'],
    ['Principles of Marxism and Leninism 2', 'nlcb-2'],
    ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 2 (lần 1)', 'nlcb-2'],
    ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin (lần 2)', 'nlcb'],
    ['NLCB (P1)', 'nlcb-1'],
    ['NLCB (P2)', 'nlcb-2'],
    ['Những NLCB của CN Mác-Lênin (phần thứ nhất)', 'nlcb-1'],
    ['Những NLCB của CN Mác-Lênin (phần thứ hai)', 'nlcb-2'],
    ['Tư tưởng Hồ Chí Minh (thi lại)', 'tthcm'],
    ['Triết học Mác-Lênin (học cải thiện)', 'triet-hoc'],
    ['Đường lối cách mạng của ĐCSVN (trả nợ)', 'duong-loi'],
  ])('"%s" matches %s fully', (name, ruleId) => {
    const m = match(name);
    expect(m?.ruleId).toBe(ruleId);
    expect(m?.leftover).toBeUndefined();
  });

  it('an attempt marker is never a part number: "… 2 (lần 1)" and "… (lần 2)" are different modules', () => {
    const r = check([
      ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 1', 2],
      ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin 2 (lần 1)', 3],
      ['Đường lối cách mạng của Đảng Cộng sản Việt Nam', 3],
      ['Tư tưởng Hồ Chí Minh', 2],
    ]);
    expect(r.rows.map((x) => x.match?.ruleId)).toEqual(['nlcb-1', 'nlcb-2', 'duong-loi', 'tthcm']);
    expect(r.programs[0]).toMatchObject({ verdict: 'PASS', pessimistic: { periodsCounted: 150, lessonsCovered: 16 } });
  });

  it('"(thi lại)" and "(học cải thiện)" are attempts of the module: counted once, the better one', () => {
    const r = checkTranscript(
      transcript([
        row('Tư tưởng Hồ Chí Minh', { credits: 2, creditUnit: 'credit', grade: '3' }),
        row('Tư tưởng Hồ Chí Minh (thi lại)', { credits: 2, creditUnit: 'credit', grade: '6' }),
        row('Triết học Mác-Lênin', { credits: 3, creditUnit: 'credit', grade: '5' }),
        row('Triết học Mác-Lênin (học cải thiện)', { credits: 3, creditUnit: 'credit', grade: '8' }),
      ]),
      rs,
      { asOf: '2020-06-01' },
    );
    expect(r.rows.map((x) => x.state)).toEqual(['not-counted', 'counted', 'not-counted', 'counted']);
    expect(r.rows.map((x) => x.notCounted ?? null)).toEqual(['failed', null, 'duplicate', null]);
    expect(r.programs[0]!.pessimistic.periodsCounted).toBe(75);
  });
});
