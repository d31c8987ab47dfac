import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { displayWidth, table } from '../../src/report/format.js';
import type { Styles } from '../../src/report/styles.js';
import { passingResult, reviewResult, ruleSet } from './builders.js';

describe('renderText (Vietnamese)', () => {
  const text = renderText(passingResult(), ruleSet(), { lang: 'vi', files: ['bang-diem.csv'] });

  it('leads with the highest level passed', () => {
    const lines = text.split('\n');
    const conclusion = lines.findIndex((l) => l.startsWith('Kết luận:'));
    expect(lines[conclusion]).toBe('Kết luận: tương đương trình độ SƠ CẤP LÝ LUẬN CHÍNH TRỊ.');
    expect(conclusion).toBeLessThan(lines.findIndex((l) => l.startsWith('Sơ cấp lý luận chính trị:')));
  });

  it('shows the header: files, rule set, reference date', () => {
    expect(text).toContain('Bảng điểm:       bang-diem.csv');
    expect(text).toContain('Bộ quy tắc thử — test-rules, phiên bản 1.0');
    expect(text).toContain('Ngày tham chiếu: 01/05/2020');
  });

  it('gives each program a verdict with periods and lessons against the minimums', () => {
    expect(text).toContain('Sơ cấp lý luận chính trị: ĐẠT');
    expect(text).toContain('Tính được 75 tiết (tối thiểu 32 trong tổng 40 tiết) và 3/4 bài (tối thiểu 3).');
    expect(text).toContain('Trung cấp lý luận chính trị: KHÔNG ĐẠT');
    expect(text).toContain('Đạt 0/2 môn bắt buộc');
    expect(text).toContain('Còn thiếu 51 tiết ở 2 môn.');
  });

  it('has a per-subject table with missing periods and the missing lessons by title', () => {
    expect(text).toMatch(/^ +60 +48 +0 +48 +Không đạt +Xây dựng Đảng$/m);
    expect(text).toMatch(/^ +20 +30 +0 +1\/2 +Tư tưởng Hồ Chí Minh$/m);
    expect(text).toContain('SC04  Đại đoàn kết toàn dân tộc');
    // a subject without a lesson list is not repeated as a "missing lesson"
    expect(text).not.toMatch(/^ +TC-XDD +Xây dựng Đảng$/m);
  });

  it('lists the rows used with rule, periods, how they were obtained and the lessons fed', () => {
    expect(text).toContain('[1] Triết học Mác-Lênin (bang-diem.csv, dòng 2)');
    expect(text).toContain('quy tắc: Triết học Mác-Lênin (khớp theo tên) · 45 tiết (3 TC × 15) · điểm 7,5 (đạt)');
    expect(text).toContain('tính vào: Sơ cấp lý luận chính trị: SC01 22,5 tiết, SC02 22,5 tiết; Trung cấp lý luận chính trị: TC-TH 45 tiết');
    expect(text).toContain('30 tiết (số tiết ghi trên bảng điểm)');
  });

  it('lists the rows not used with reasons', () => {
    expect(text).toContain('Các dòng không được tính (2):');
    expect(text).toContain('[3] Giáo dục thể chất (bang-diem.csv, dòng 4): không khớp quy tắc nào');
    expect(text).toContain('[4] Triết học Mác-Lênin (bang-diem.csv, dòng 5): không đạt (điểm 3)');
  });

  it('shows the unverified-data notice in words an officer can act on', () => {
    expect(text).toContain('Lưu ý:');
    expect(text).toContain('Sơ cấp lý luận chính trị: kết quả dựa trên dữ liệu tái dựng, chưa được đối chiếu với văn bản chính thức (danh mục 2 bài; quy tắc ánh xạ «');
    // trung cấp used only verified data here
    expect(text).not.toContain('Trung cấp lý luận chính trị: kết quả dựa trên dữ liệu tái dựng');
  });

  it('names standard input in words', () => {
    expect(renderText(passingResult(), ruleSet(), { lang: 'vi', files: ['-'] })).toContain('Bảng điểm:       (đầu vào chuẩn)');
  });

  it('has no trailing spaces and no colour codes by default', () => {
    expect(text).not.toMatch(/ +$/m);
    expect(text).not.toContain('\u001b[');
  });
});

describe('renderText: REVIEW', () => {
  const vi = renderText(reviewResult(), ruleSet(), { lang: 'vi' });
  const en = renderText(reviewResult(), ruleSet(), { lang: 'en' });

  it('names the deciding rows and what each evaluation gives', () => {
    expect(vi).toContain('Kết luận: chưa xác định được — cần cán bộ xem xét thêm đối với: Sơ cấp lý luận chính trị.');
    expect(vi).toContain('Sơ cấp lý luận chính trị: CẦN XEM XÉT');
    expect(vi).toContain('[2] Tư tưởng Hồ Chí Minh (bang-diem.csv, dòng 3): không có số tín chỉ hoặc số tiết');
    expect(vi).toMatch(/Xét theo hướng bất lợi: KHÔNG ĐẠT — 15 tiết \(tối thiểu 32\), 1\/4 bài/);
    expect(vi).toMatch(/Xét theo hướng có lợi: +ĐẠT — 35 tiết \(tối thiểu 32\), 3\/4 bài/);
    expect(vi).toContain('Còn thiếu 17 tiết và 2 bài so với mức tối thiểu.');
  });

  it('shows the effective-period notice when the reference date is outside', () => {
    expect(vi).toContain('Ngày tham chiếu 01/03/2024 nằm ngoài thời gian áp dụng của chương trình Sơ cấp lý luận chính trị (từ 14/01/2013 đến hết 08/07/2021)');
    expect(vi.split('\n')[vi.split('\n').findIndex((l) => l.startsWith('Kết luận:')) + 1]).toBe(
      '(Ngày tham chiếu nằm ngoài thời gian áp dụng của quy định — kết quả chỉ để tham khảo, xem phần Lưu ý.)',
    );
    expect(renderText(passingResult(), ruleSet(), { lang: 'vi' })).not.toContain('nằm ngoài thời gian áp dụng');
    expect(en).toContain('The reference date 2024-03-01 is outside the period in which the program Elementary political theory applies (from 2013-01-14 to 2021-07-08 inclusive)');
  });

  it('renders the core notices and uncertain rows in English', () => {
    expect(en).toContain('Conclusion: undecided — needs an officer\'s review for: Elementary political theory.');
    expect(en).toContain('Elementary political theory: NEEDS REVIEW');
    expect(en).toContain('Pessimistic reading: FAIL — 15 periods (minimum 32), 1/4 lessons');
    expect(en).toContain('Optimistic reading:  PASS — 35 periods (minimum 32), 3/4 lessons');
    expect(en).toContain('Uncertain rows — counted only in the favourable evaluation (1):');
    expect(en).toContain('SC03 (periods unknown)');
    expect(en).toContain('Periods converted at 1 credit = 15 periods, 1 ĐVHT = 15 periods');
  });
});

describe('renderText (English)', () => {
  const en = renderText(passingResult(), ruleSet(), { lang: 'en' });
  it('uses English words and names', () => {
    expect(en).toContain('Conclusion: equivalent to ELEMENTARY POLITICAL THEORY.');
    expect(en).toContain('Elementary political theory: PASS');
    expect(en).toContain('Intermediate political theory: FAIL');
    expect(en).toContain('Counted 75 periods (minimum 32 of 40) and 3/4 lessons (minimum 3).');
    expect(en).toContain('SC04  EN Đại đoàn kết toàn dân tộc');
    expect(en).toContain('grade 7.5 (pass)');
    expect(en).not.toContain('tiết');
  });
});

describe('renderText colour', () => {
  const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;
  const styles: Styles = { bold: tag('b'), dim: tag('d'), pass: tag('pass'), fail: tag('fail'), review: tag('review'), warn: tag('warn') };
  it('colours verdicts through the injected styles', () => {
    const text = renderText(passingResult(), ruleSet(), { lang: 'vi', color: styles });
    expect(text).toContain('<pass><b>ĐẠT</b></pass>');
    expect(text).toContain('<fail><b>KHÔNG ĐẠT</b></fail>');
  });
});

describe('table layout', () => {
  it('aligns Vietnamese text by display width and ignores colour codes', () => {
    const lines = table([{ header: 'Môn' }, { header: 'Số tiết', align: 'right' }, { header: 'x' }], [
      ['Triết học', '60', 'a'],
      ['\u001b[31mĐảng\u001b[39m', '5', 'b'],
    ]);
    expect(lines.map((l) => displayWidth(l.slice(0, -1)))).toEqual([20, 20, 20]);
    expect(displayWidth('Tiếng Việt')).toBe(10);
    expect(displayWidth('Tie\u0302\u0301ng')).toBe(5);
  });
});
