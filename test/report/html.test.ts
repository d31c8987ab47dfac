import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { CheckResult } from '../../src/coverage/types.js';
import { escapeHtml, renderHtml, renderHtmlError, type HtmlOptions } from '../../src/report/html.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { readTranscriptFile } from '../../src/transcript/read-file.js';
import { passingResult, reviewResult, row, ruleSet } from './builders.js';
import { attr, Doc, elements, expectSelfContained, expectValid, textOf } from './html-helpers.js';

/** Every structural promise of the report, checked against the result it was rendered from. */
function expectComplete(doc: Doc, result: CheckResult, rs: RuleSet): void {
  for (const p of result.programs) {
    expect(doc.find((e) => e.tagName === 'section' && attr(e, 'data-program') === p.programId), `section of ${p.programId}`).toHaveLength(1);
    const conclusion = doc.find((e) => e.tagName === 'tr' && attr(e, 'data-program') === p.programId && attr(e, 'data-verdict') === (p.computedVerdict ?? p.verdict));
    expect(conclusion, `conclusion row of ${p.programId}`).toHaveLength(1);
    const section = doc.find((e) => e.tagName === 'section' && attr(e, 'data-program') === p.programId)[0]!;
    const bars = elements(section).filter((e) => e.tagName === 'svg' && attr(e, 'class') === 'bar');
    for (const s of p.pessimistic.subjects) {
      const bar = bars.filter((e) => attr(e, 'data-subject') === s.subjectId);
      expect(bar, `bar of ${p.programId}/${s.subjectId}`).toHaveLength(1);
      expect(Number(attr(bar[0]!, 'data-required'))).toBe(s.periodsRequired);
      expect(Number(attr(bar[0]!, 'data-counted'))).toBe(s.periodsCounted);
      expect(textOf(bar[0]!)).not.toBe('');
    }
    if (p.policy === 'course') {
      expect(bars.filter((e) => attr(e, 'data-total') === p.programId)).toHaveLength(1);
      const def = rs.programs.find((x) => x.id === p.programId)!;
      for (const l of def.lessons.filter((x) => !x.implicit)) {
        expect(elements(section).filter((e) => attr(e, 'data-lesson') === l.id), `lesson ${l.id}`).toHaveLength(1);
      }
    }
  }
  for (const r of result.rows) {
    const found = doc.find((e) => attr(e, 'data-row') === String(r.rowId) && attr(e, 'data-state') === r.state);
    expect(found, `row ${r.rowId} (${r.state})`).toHaveLength(1);
    expect(textOf(found[0]!)).toContain(r.name);
    if (r.state === 'counted') expect(found[0]!.tagName).toBe('tr');
  }
  const codes = doc.byAttr('data-notice').map((e) => attr(e, 'data-notice'));
  expect(codes.sort()).toEqual(result.notices.map((n) => n.code).sort());
}

describe('renderHtml: structure', () => {
  const rs = ruleSet();
  for (const [name, result] of [
    ['passing', passingResult()],
    ['review', reviewResult()],
  ] as const) {
    const html = renderHtml(result, rs, { lang: 'vi', files: ['bang-diem.csv'] });
    const doc = new Doc(html);
    it(`${name}: every program, subject bar, row and notice is present`, () => expectComplete(doc, result, rs));
    // html-validate loads its rule set on first use: slow on a busy machine
    it(`${name}: is valid HTML`, async () => expectValid(html), 60_000);
    it(`${name}: names no external URL and needs no script`, () => expectSelfContained(doc));
  }

  it('is Vietnamese by default and English with lang en', () => {
    const vi = new Doc(renderHtml(passingResult(), rs, { lang: 'vi' }));
    expect(attr(vi.tag('html')[0]!, 'lang')).toBe('vi');
    expect(textOf(vi.tag('body')[0]!)).toContain('ĐẠT');
    expect(textOf(vi.tag('body')[0]!)).toContain('NGƯỜI KIỂM TRA');
    const en = new Doc(renderHtml(passingResult(), rs, { lang: 'en' }));
    expect(attr(en.tag('html')[0]!, 'lang')).toBe('en');
    expect(textOf(en.tag('body')[0]!)).toContain('CHECKED BY');
    expect(textOf(en.tag('body')[0]!)).not.toContain('NGƯỜI KIỂM TRA');
  });

  it('has the header an officer files: person, dossier, files, rule set and version, reference date, effective status', () => {
    const doc = new Doc(
      renderHtml(reviewResult(), rs, { lang: 'vi', files: ['a.csv', 'b.csv'], person: { name: 'Lê Văn Cường', birthDate: '2001-09-15' }, dossier: 'CB-001' }),
    );
    const head = textOf(doc.tag('header')[0]!);
    for (const s of ['Lê Văn Cường', '15/09/2001', 'CB-001', 'a.csv', 'b.csv', 'Bộ quy tắc thử', 'test-rules', 'phiên bản 1.0', '01/03/2024']) expect(head).toContain(s);
    // 2024 is past the rule set's end: the header says so, once, next to the period
    expect(doc.byAttr('data-effective', 'outside')).toHaveLength(1);
    expect(doc.html).toContain('@top-right { content: "CB-001"; }');
  });

  it('shows the lessons covered, uncertain and not covered', () => {
    const result = reviewResult();
    result.programs[0]!.optimistic.subjects = [
      { ...result.programs[0]!.pessimistic.subjects[0]! },
      { ...result.programs[0]!.pessimistic.subjects[1]!, lessonsCovered: ['SC03'], lessonsMissing: ['SC04'] },
    ];
    const doc = new Doc(renderHtml(result, rs, { lang: 'vi' }));
    const state = (id: string) => attr(doc.byAttr('data-lesson', id)[0]!, 'data-state');
    expect([state('SC01'), state('SC02'), state('SC03'), state('SC04')]).toEqual(['covered', 'missing', 'uncertain', 'missing']);
  });

  it('says each caveat once however many programs it concerns', () => {
    const result = passingResult();
    result.notices = ['so-cap', 'trung-cap'].flatMap((programId) => [
      { code: 'unverified-rules' as const, args: { programId, program: true, policy: false, subjects: [], lessons: [], rules: ['triet'] } },
      { code: 'outside-effective-period' as const, args: { asOf: '2024-03-01', from: '2013-01-14', to: '2021-07-08', programId } },
    ]);
    const doc = new Doc(renderHtml(result, rs, { lang: 'vi' }));
    const body = textOf(doc.tag('body')[0]!);
    expect(body.split('dữ liệu tái dựng').length - 1).toBe(1);
    expect(body.split('nằm ngoài thời gian áp dụng của quy định').length - 1).toBe(1);
    expect(body.split('«Triết học Mác-Lênin»').length - 1).toBe(1);
    expect(doc.byAttr('data-notice', 'unverified-rules')).toHaveLength(2);
    expect(doc.byAttr('data-notice', 'outside-effective-period')).toHaveLength(2);
  });

  it('shows the decided verdict beside the computed one when decisions exist', async () => {
    const html = renderHtml(reviewResult(), rs, {
      lang: 'vi',
      decisions: {
        verdicts: { 'so-cap': 'PASS' },
        applied: [{ target: '[2] Tư tưởng Hồ Chí Minh', decision: 'đặt số tiết 30', reason: 'bảng điểm gốc ghi 2 ĐVHT', by: 'Nguyễn Văn B', date: '2024-03-02', minutes: 'BB 12/2024' }],
      },
    });
    const doc = new Doc(html);
    const row = doc.find((e) => e.tagName === 'tr' && attr(e, 'data-program') === 'so-cap' && attr(e, 'data-verdict') !== undefined)[0]!;
    expect(attr(row, 'data-verdict')).toBe('REVIEW');
    expect(attr(row, 'data-decided')).toBe('PASS');
    expect(textOf(row)).toContain('CẦN XEM XÉT');
    expect(textOf(row)).toContain('ĐẠT');
    expect(doc.byAttr('data-decision')).toHaveLength(1);
    expect(textOf(doc.byAttr('data-decision')[0]!)).toContain('BB 12/2024');
    await expectValid(html);
  });

  it('shows the decisions a check applied: the computed verdict, the final one, and each decision with who, when and why', async () => {
    const result = reviewResult();
    result.programs[0]!.verdict = 'PASS';
    result.programs[0]!.computedVerdict = 'REVIEW';
    const origin = { file: 'decisions.csv', line: 2 };
    result.decisions = [
      {
        decision: { action: 'set-periods', value: 30, origin, target: { kind: 'row', row: { file: 'bang-diem.csv', line: 3, name: 'Tư tưởng Hồ Chí Minh' } }, reason: 'bảng điểm gốc ghi 2 ĐVHT', decidedBy: 'Nguyễn Văn B', date: '2024-03-02', reference: 'BB 12/2024' },
        rowId: 2,
        programId: null,
        rowsChanged: [2],
      },
    ];
    const html = renderHtml(result, rs, { lang: 'vi' });
    const doc = new Doc(html);
    const row = doc.find((e) => e.tagName === 'tr' && attr(e, 'data-program') === 'so-cap' && attr(e, 'data-decided') !== undefined)[0]!;
    expect([attr(row, 'data-verdict'), attr(row, 'data-decided')]).toEqual(['REVIEW', 'PASS']);
    const decision = textOf(doc.byAttr('data-decision')[0]!);
    for (const s of ['[2] Tư tưởng Hồ Chí Minh', 'số tiết = 30', 'bảng điểm gốc ghi 2 ĐVHT', 'Nguyễn Văn B', '02/03/2024', 'BB 12/2024']) expect(decision).toContain(s);
    await expectValid(html);
    // without decisions there is no decided column
    expect(new Doc(renderHtml(reviewResult(), rs, { lang: 'vi' })).byAttr('data-decided')).toEqual([]);
  }, 60_000);

  it('has a sign-off block and A4 print rules with a running header and page numbers', () => {
    const html = renderHtml(passingResult(), rs, { lang: 'vi', dossier: 'CB-001' });
    const doc = new Doc(html);
    const signoff = textOf(doc.find((e) => attr(e, 'class') === 'signoff')[0]!);
    for (const s of ['NGƯỜI KIỂM TRA', 'NGƯỜI DUYỆT', 'Ngày', '(Ký, ghi rõ họ tên)']) expect(signoff).toContain(s);
    expect(html).toContain('size: A4 portrait');
    expect(html).toMatch(/counter\(page\)[^;]*counter\(pages\)/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/tr, [^{]*\{ break-inside: avoid; \}/);
  });
});

describe('renderHtml: escaping', () => {
  const rs = ruleSet();
  const evil = '<script>alert(1)</script> & "x" \'y\' </style><b>';
  const result = passingResult();
  result.rows.push(row({ rowId: 5, name: evil, code: '<i>', state: 'not-counted', notCounted: 'unmatched', source: { file: '"><img src=x>.csv', line: 6 } }));
  const html = renderHtml(result, rs, { lang: 'vi', person: { name: evil, id: '</title>' }, dossier: '</style><script>x</script>\\"', files: ['<a href="http://x">.csv'] });
  const doc = new Doc(html);

  it('keeps user text as text: no element, attribute or style comes from a name', async () => {
    expect(doc.tag('script')).toEqual([]);
    expect(doc.tag('img')).toEqual([]);
    expect(doc.tag('i')).toEqual([]);
    expect(doc.tag('style')).toHaveLength(1);
    expect(doc.find((e) => e.tagName === 'a')).toEqual([]);
    expect(textOf(doc.byAttr('data-row', '5')[0]!)).toContain(evil);
    expect(textOf(doc.tag('header')[0]!)).toContain(evil);
    expect(textOf(doc.tag('title')[0]!)).toContain('</style><script>x</script>');
    await expectValid(html);
  });

  it('escapes the five HTML characters and replaces characters HTML forbids', () => {
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
    expect(escapeHtml('a\u0000b\u0007c\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(escapeHtml('Nguyễn 😀')).toBe('Nguyễn 😀');
  });
});

describe('renderHtmlError', () => {
  it('is a valid standalone page naming the dossier and the error', async () => {
    const html = renderHtmlError('vi', '11-csv-hong', { code: 'transcript-invalid', message: 'bang-diem.csv, dòng 3: thiếu cột <Tên>' }, ['ignored-files: a.pdf']);
    const doc = new Doc(html);
    expect(doc.byAttr('data-error', 'transcript-invalid')).toHaveLength(1);
    expect(textOf(doc.tag('body')[0]!)).toContain('thiếu cột <Tên>');
    expectSelfContained(doc);
    await expectValid(html);
  });
});

describe('renderHtml on every shipped transcript fixture (real rule set and engine)', async () => {
  const rs = await loadRuleSet();
  const dir = 'fixtures/transcripts';
  const files = readdirSync(dir).filter((f) => /\.(csv|json)$/.test(f));
  it('covers the fixtures', () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(f, async () => {
      const transcript = await readTranscriptFile(`${dir}/${f}`);
      for (const asOf of ['2016-09-01', '2024-01-01']) {
        const result = checkTranscript(transcript, rs, { asOf });
        const options: HtmlOptions = { lang: 'vi', files: [f], toolVersion: '0.0.0', ...(transcript.person ? { person: transcript.person } : {}) };
        const html = renderHtml(result, rs, options);
        const doc = new Doc(html);
        expectComplete(doc, result, rs);
        expectSelfContained(doc);
        await expectValid(html);
      }
    }, 60_000);
  }
});
