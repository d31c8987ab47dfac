// Officer decisions end to end: batch → review.csv → filled as Vietnamese Excel saves it → batch --decisions;
// stale, unsigned and contradictory decisions refused; decisions never touch an input file.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import '../fast-check-seed.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverDossiers } from '../../src/batch/discover.js';
import { evaluateDossier, type DossierDecisions, type EvaluateContext } from '../../src/batch/evaluate.js';
import { readDossierFiles } from '../../src/batch/read-dossier.js';
import { scanBatchFolder } from '../../src/batch/scan.js';
import { readDecisions } from '../../src/decisions/read.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { runIn } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-decisions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const input = join(tmp, 'ho-so');
cpSync('fixtures/dossiers/sample', input, { recursive: true });

/** Every file below a folder with the hash of its bytes (and its mtime), to prove nothing was written there. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, `${rel}${name}/`);
      else out[`${rel}${name}`] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${s.mtimeMs}`;
    }
  };
  walk(dir, '');
  return out;
}

const csv = (text: string, delimiter = ','): Record<string, string>[] =>
  parse(text.replace(/^\uFEFF/u, ''), { columns: true, delimiter, skip_empty_lines: true }) as Record<string, string>[];
const byDossier = (rows: Record<string, string>[]) => Object.fromEntries(rows.map((r) => [r.dossier, r]));

/** What an officer types into the worklist, keyed by dossier and line (`program` for the verdict line). */
const FILLED: Record<string, string[]> = {
  '07-thieu-tin-chi:4': ['Số tiết', '45,0', 'Bảng điểm gốc ghi 3 tín chỉ', 'Nguyễn Văn B', '20/05/2024', 'BB số 12/BB-HĐ, họp 20/05/2024'],
  '07-thieu-tin-chi:5': ['số tiết', '30', 'Giấy xác nhận của trường', 'Nguyễn Văn B', '20/05/2024', ''],
  '14-diem-4-5:5': ['tính', '', 'Quy chế niên chế 2010: đạt từ 4,0', 'Trần Thị C', '2024-05-21', 'BB số 13'],
};

/** The worklist as Vietnamese Excel saves it after editing: BOM, ';', CRLF, decimal comma, blank rows left in. */
function fillAsExcel(review: string): string {
  const rows = csv(review, ';');
  const header = Object.keys(rows[0]!);
  const lines = [header.join(';')];
  for (const r of rows) {
    const fill = FILLED[`${r.dossier}:${r.line}`];
    if (fill) [r.action, r.value, r.reason, r.decided_by, r.date, r.reference] = fill;
    lines.push(header.map((h) => (/[;"]/u.test(r[h]!) ? `"${r[h]!.replace(/"/gu, '""')}"` : r[h])).join(';'));
    lines.push(';'.repeat(header.length - 1));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n\r\n`;
}

describe('the review round trip: batch → review.csv → Excel → batch --decisions', () => {
  const before = tree(input);
  const first = join(tmp, 'ket-qua-1');
  const second = join(tmp, 'ket-qua-2');
  const filled = join(tmp, 'quyet-dinh.csv');
  let review = '';
  let ran: { code: number; stderr: string };
  beforeAll(async () => {
    await runIn(['batch', input, '--out', first, '--jobs', '1', '-q', '--reports', 'text']);
    review = readFileSync(join(first, 'review.csv'), 'utf8');
    writeFileSync(filled, fillAsExcel(review));
    ran = await runIn(['batch', input, '--out', second, '--jobs', '1', '-q', '--decisions', filled, '--reports', 'json,text']);
  });

  it('writes review.csv: one line per REVIEW program and per row deciding it, decision columns empty, in the Excel form', () => {
    expect(review.startsWith('\uFEFFdossier;person;program;verdict;file;sheet;line;course_name;why;rule_suggested;action;value;reason;decided_by;date;reference\r\n')).toBe(true);
    const rows = csv(review, ';');
    expect(rows.map((r) => [r.dossier, r.program, r.file, r.line, r.course_name, r.rule_suggested])).toEqual([
      ['07-thieu-tin-chi', 'so-cap', '', '', '', ''],
      ['07-thieu-tin-chi', 'so-cap', 'bang-diem.csv', '4', 'Chủ nghĩa xã hội khoa học', 'cnxhkh'],
      ['07-thieu-tin-chi', 'so-cap', 'bang-diem.csv', '5', 'Lịch sử Đảng Cộng sản Việt Nam', 'lich-su-dang'],
      ['14-diem-4-5', 'so-cap', '', '', '', ''],
      ['14-diem-4-5', 'so-cap', 'bang-diem.csv', '5', 'Đường lối cách mạng của Đảng Cộng sản Việt Nam', 'duong-loi'],
    ]);
    expect(rows[1]).toMatchObject({ person: 'Lăng Văn Tuấn', why: 'không có số tín chỉ hoặc số tiết', action: '', reason: '', decided_by: '', date: '' });
    expect(rows[4]!.why).toContain('điểm nằm trong khoảng chưa chắc đạt');
  });

  it('reads the filled worklist back: those dossiers are final, computed verdicts kept beside', () => {
    expect(ran.code).toBe(2); // the four broken sample dossiers, as before
    const rows = byDossier(csv(readFileSync(join(second, 'summary.csv'), 'utf8')));
    expect(rows['07-thieu-tin-chi']).toMatchObject({ so_cap_verdict: 'PASS', so_cap_verdict_computed: 'REVIEW', highest_passed: 'so-cap', decisions: '2' });
    expect(rows['14-diem-4-5']).toMatchObject({ so_cap_verdict: 'PASS', so_cap_verdict_computed: 'REVIEW', highest_passed: 'so-cap', decisions: '1' });
  });

  it('leaves every other dossier exactly as it was', () => {
    const a = byDossier(csv(readFileSync(join(first, 'summary.csv'), 'utf8')));
    const b = byDossier(csv(readFileSync(join(second, 'summary.csv'), 'utf8')));
    for (const d of Object.keys(a).filter((x) => x !== '07-thieu-tin-chi' && x !== '14-diem-4-5')) {
      expect(b[d]).toEqual(a[d]);
      expect(readFileSync(join(second, 'reports', `${d}.txt`), 'utf8')).toBe(readFileSync(join(first, 'reports', `${d}.txt`), 'utf8'));
    }
  });

  it('counts final verdicts in the statistics and says how many officers decided', () => {
    const stats = (dir: string) => byRow(csv(readFileSync(join(dir, 'statistics.csv'), 'utf8')));
    const byRow = (rows: Record<string, string>[]) => Object.fromEntries(rows.map((r) => [r.row, r]));
    expect(stats(first).category).toMatchObject({ dossiers: '16', confirmed: '9', so_cap: '9', review: '2', decided: '0' });
    expect(stats(second).category).toMatchObject({ dossiers: '16', confirmed: '11', so_cap: '11', review: '0', decided: '2' });
    const totals = JSON.parse(readFileSync(join(second, 'summary.json'), 'utf8')).totals;
    expect(totals).toMatchObject({ passed: 11, review: 0, decided: 2 });
  });

  it('shows the decisions in the dossier reports: who, when, why, reference, rows changed', () => {
    const text = readFileSync(join(second, 'reports', '07-thieu-tin-chi.txt'), 'utf8');
    expect(text).toContain('Kết quả tính từ bảng điểm: CẦN XEM XÉT; kết luận sau quyết định của cán bộ: ĐẠT.');
    expect(text).toContain('bang-diem.csv, dòng 4 «Chủ nghĩa xã hội khoa học»: số tiết = 45 — Nguyễn Văn B, ngày 20/05/2024, căn cứ BB số 12/BB-HĐ, họp 20/05/2024');
    expect(text).toContain('lý do: Bảng điểm gốc ghi 3 tín chỉ');
    // the lean JSON report (reports.jsonl, and the file asked for with --reports json): ids and the officer's words
    const json = JSON.parse(readFileSync(join(second, 'reports', '07-thieu-tin-chi.json'), 'utf8')).report;
    expect(json.schemaVersion).toBe(3);
    expect(json.programs[0]).toMatchObject({ id: 'so-cap', verdict: 'PASS', computedVerdict: 'REVIEW' });
    expect(json.decisions[0]).toMatchObject({
      rowId: 3,
      action: 'set-periods',
      value: 45,
      decidedBy: 'Nguyễn Văn B',
      date: '2024-05-20',
      reference: 'BB số 12/BB-HĐ, họp 20/05/2024',
      rowsChanged: [3],
    });
    expect(json.decisions[0].origin).toMatch(/quyet-dinh\.csv:\d+$/u);
    expect(json.decisions[0].reason).toContain('Bảng điểm gốc ghi 3 tín chỉ');
    // nothing left to decide for those two: the new worklist has only the header
    expect(readFileSync(join(second, 'review.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('never modifies an input file (the dossier folder’s bytes are the same before and after)', () => {
    expect(tree(input)).toEqual(before);
  });
});

describe('refusals are loud', () => {
  const dossier = join(tmp, 'stale');
  const out = join(tmp, 'stale-out');
  const decisions = join(tmp, 'stale.csv');
  const head = 'dossier;file;line;course_name;action;value;reason;decided_by;date;reference';
  const line = (d: string, rest: string) => `${d};${rest}`;
  beforeAll(() => {
    cpSync('fixtures/dossiers/sample', dossier, { recursive: true });
    // the transcript changed since the decision: line 4 now holds another course
    const t = join(dossier, '07-thieu-tin-chi', 'bang-diem.csv');
    writeFileSync(t, readFileSync(t, 'utf8').replace('3,PHI1002,Chủ nghĩa xã hội khoa học,,7.5', '3,PHI1002,Chủ nghĩa xã hội,,7.5'));
    writeFileSync(
      decisions,
      `\uFEFF${[head, line('07-thieu-tin-chi', 'bang-diem.csv;4;Chủ nghĩa xã hội khoa học;số tiết;45;r;B;20/05/2024;'), line('14-diem-4-5', 'bang-diem.csv;5;Đường lối cách mạng của Đảng Cộng sản Việt Nam;tính;;r;B;20/05/2024;')].join('\r\n')}\r\n`,
    );
  });

  it('a stale decision (the transcript line changed) fails its dossier naming the decisions file and line; the others go on', async () => {
    const ran = await runIn(['batch', dossier, '--out', out, '--jobs', '1', '-q', '--decisions', decisions]);
    expect(ran.code).toBe(2);
    const rows = byDossier(csv(readFileSync(join(out, 'summary.csv'), 'utf8')));
    expect(rows['07-thieu-tin-chi']).toMatchObject({ error_code: 'decisions-invalid' });
    expect(rows['07-thieu-tin-chi']!.error).toBe(
      `${decisions}:2: dòng 07-thieu-tin-chi/bang-diem.csv:4 nay là "Chủ nghĩa xã hội", không phải "Chủ nghĩa xã hội khoa học" như khi ra quyết định (bảng điểm đã thay đổi); xem lại quyết định`,
    );
    expect(rows['14-diem-4-5']).toMatchObject({ so_cap_verdict: 'PASS', so_cap_verdict_computed: 'REVIEW', error_code: '' });
    expect(rows['01-pre2008-lanh-dao']).toMatchObject({ so_cap_verdict: 'PASS', error_code: '' });
  });

  it('check refuses a stale decision with one line naming the decisions file and line, exit 2', async () => {
    const d = join(tmp, 'check-stale.csv');
    writeFileSync(d, `${head}\n;bang-diem.csv;4;Chủ nghĩa xã hội khoa học;số tiết;45;r;B;20/05/2024;\n`);
    const ran = await runIn(['check', join(dossier, '07-thieu-tin-chi', 'bang-diem.csv'), '--decisions', d, '--lang', 'en']);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain(`${d}:2: row `);
    expect(ran.stderr).toContain('is now "Chủ nghĩa xã hội", not "Chủ nghĩa xã hội khoa học"');
  });

  it('refuses a decision without a reason', async () => {
    const d = join(tmp, 'no-reason.csv');
    writeFileSync(d, `${head}\n;bang-diem.csv;5;Lịch sử Đảng Cộng sản Việt Nam;số tiết;30;;Nguyễn Văn B;20/05/2024;\n`);
    const ran = await runIn(['check', 'fixtures/dossiers/sample/07-thieu-tin-chi/bang-diem.csv', '--decisions', d]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim()).toBe(`llct: ${d}:2: quyết định thiếu lý do (cột reason); mỗi quyết định phải ghi lý do`);
  });

  it('refuses two contradictory decisions about one row, naming both lines', async () => {
    const d = join(tmp, 'contradict.csv');
    const row = ';bang-diem.csv;5;Lịch sử Đảng Cộng sản Việt Nam';
    writeFileSync(d, `${head}\n${row};số tiết;30;r;B;20/05/2024;\n\n${row};loại;;r2;C;21/05/2024;\n`);
    const ran = await runIn(['check', 'fixtures/dossiers/sample/07-thieu-tin-chi/bang-diem.csv', '--decisions', d, '--lang', 'en']);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim()).toBe(`llct: ${d}:4: contradicts the decision at ${d}:2 about the same row or program; keep one of them`);
  });

  it('refuses a batch-wide decision naming a dossier not in the batch, and a decisions file inside --out', async () => {
    const d = join(tmp, 'unknown.csv');
    writeFileSync(d, `${head}\nkhong-co;bang-diem.csv;5;X;tính;;r;B;20/05/2024;\n`);
    const ran = await runIn(['batch', 'fixtures/dossiers/sample', '--jobs', '1', '--decisions', d]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`${d}:2: quyết định ghi hồ sơ "khong-co" nhưng đợt này không có hồ sơ đó`);
    const inside = await runIn(['batch', 'fixtures/dossiers/sample', '--jobs', '1', '--out', join(tmp, 'ket-qua-1'), '--force', '--decisions', join(tmp, 'ket-qua-1', 'review.csv')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('nằm trong thư mục --out');
  });

  it('a decisions.csv inside a dossier folder is read as decisions, never as a transcript', async () => {
    const folder = join(tmp, 'own');
    cpSync('fixtures/dossiers/sample/14-diem-4-5', join(folder, '14-diem-4-5'), { recursive: true });
    writeFileSync(join(folder, '14-diem-4-5', 'decisions.csv'), `${head}\n;bang-diem.csv;5;Đường lối cách mạng của Đảng Cộng sản Việt Nam;tính;;r;B;20/05/2024;\n`);
    const ran = await runIn(['batch', folder, '--jobs', '1', '--format', 'csv']);
    expect(ran.code).toBe(0);
    expect(csv(ran.stdout)[0]).toMatchObject({ files: '14-diem-4-5/bang-diem.csv', so_cap_verdict: 'PASS', so_cap_verdict_computed: 'REVIEW', decisions: '1' });
  });
});

describe('a decision never changes any other dossier', () => {
  it('evaluating with decisions for some dossiers leaves every other dossier’s outcome identical', async () => {
    const root = 'fixtures/dossiers/sample';
    const ruleSet = await loadRuleSet();
    const dossiers = discoverDossiers(await scanBatchFolder(root));
    const files = dossiers.map((d) => readDossierFiles(root, d));
    const ctx: EvaluateContext = { ruleSet, check: {}, defaultAsOf: '2021-01-15', read: {}, lang: 'vi', reports: false, toolVersion: 't', worklist: true };
    const baseline = files.map((f) => evaluateDossier(f, ctx));
    // every decision an officer could take on the worklist's rows (and on each program's verdict)
    const candidates = baseline.flatMap((o) =>
      (o.review ?? []).flatMap((r) => {
        const [dossier, , program, , file, , line, name] = r;
        const sign = ';r;B;20/05/2024;';
        return file
          ? [`${dossier};${file};${line};${name};;loại;${sign}`, `${dossier};${file};${line};${name};;số tiết;60${sign}`, `${dossier};${file};${line};${name};;điểm;đạt${sign}`]
          : [`${dossier};;;;${program};thay đổi;đạt${sign}`, `${dossier};;;;${program};thay đổi;không đạt${sign}`];
      }),
    );
    expect(candidates.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.subarray(candidates, { minLength: 1, maxLength: 3 }), (picked) => {
        const text = `dossier;file;line;course_name;program;action;value;reason;decided_by;date;reference\n${picked.join('\n')}\n`;
        const read = readDecisions(text, 'd.csv', { keyed: true });
        expect(read.problems).toEqual([]);
        const decisions: Record<string, DossierDecisions> = {};
        for (const d of read.decisions) (decisions[d.dossier!] ??= { decisions: [], problem: null }).decisions.push(d.decision);
        files.forEach((f, i) => {
          if (decisions[f.dossier.name]) return;
          expect(evaluateDossier(f, { ...ctx, decisions })).toEqual(baseline[i]);
        });
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
