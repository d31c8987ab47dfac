// Reading decisions files: as Vietnamese Excel saves them (`;`, BOM, CRLF, decimal comma), JSON, and refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decisionError } from '../../src/decisions/messages.js';
import { readDecisions } from '../../src/decisions/read.js';
import { decisionsJsonSchemaText, isDecisionsFile } from '../../src/decisions/schema.js';

const HEAD = 'dossier;person;program;verdict;file;line;course_name;why;rule_suggested;action;value;reason;decided_by;date;reference';
const excel = (lines: string[]) => `\uFEFF${[HEAD, ...lines].join('\r\n')}\r\n`;

describe('reading a decisions file', () => {
  it('reads a worklist as Vietnamese Excel saves it: BOM, ";", CRLF, decimal comma, blank and unfilled lines', () => {
    const text = excel([
      '07;Lăng Văn Tuấn;so-cap;CẦN XEM XÉT;;;;kết luận;;;;;;;',
      '07;Lăng Văn Tuấn;so-cap;CẦN XEM XÉT;bang-diem.csv;4;Chủ nghĩa xã hội khoa học;không có số tiết;cnxhkh;Số tiết;"37,5";Bảng điểm gốc;Nguyễn Văn B;20/05/2024;BB số 12, họp 20/05/2024',
      '',
      ';;;;;;;;;;;;;;',
      '14;Hoàng Thị Yến;;;bang-diem.csv;5;Đường lối cách mạng của Đảng Cộng sản Việt Nam;điểm;;tính;;Quy chế cũ đạt từ 4,0;Trần C;2024-05-21;',
      '14;Hoàng Thị Yến;so-cap;;;;;;;Thay đổi;đạt;Hội đồng họp;Trần C;21/5/2024;',
    ]);
    const r = readDecisions(text, 'review.csv', { keyed: true });
    expect(r.problems).toEqual([]);
    expect(r.decisions.map((d) => [d.dossier, d.decision.action, d.decision.value, d.decision.origin.line])).toEqual([
      ['07', 'set-periods', 37.5, 3],
      ['14', 'count', null, 6],
      ['14', 'overturn', 'PASS', 7],
    ]);
    expect(r.decisions[0]!.decision).toMatchObject({
      target: { kind: 'row', row: { file: 'bang-diem.csv', line: 4, name: 'Chủ nghĩa xã hội khoa học' } },
      reason: 'Bảng điểm gốc',
      decidedBy: 'Nguyễn Văn B',
      date: '2024-05-20',
      reference: 'BB số 12, họp 20/05/2024',
    });
    expect(r.decisions[2]!.decision.date).toBe('2024-05-21');
  });

  it('reads a plain comma CSV and a JSON file the same way', () => {
    const csv = 'file,line,course_name,action,value,reason,decided_by,date\nt.csv,3,Triết học,set-grade,không đạt,sai điểm,A,2024-01-02\n';
    expect(readDecisions(csv, 'decisions.csv').decisions[0]!.decision).toMatchObject({ action: 'set-grade', value: 'fail' });
    const json = JSON.stringify({ decisions: [{ file: 't.json', line: '$.courses[2]', course_name: 'Triết học', action: 'ánh xạ', value: 'triet', reason: 'r', decided_by: 'A', date: '02/01/2024' }] }, null, 2);
    const r = readDecisions(json, 'decisions.json');
    expect(r.problems).toEqual([]);
    expect(r.decisions[0]!.decision).toMatchObject({ action: 'map', value: 'triet', target: { row: { path: '$.courses[2]' } }, origin: { file: 'decisions.json', line: 3, path: '$.decisions[0]' } });
  });

  it('refuses a decision without a reason, a decider or a date, naming the file and line', () => {
    const noReason = excel(['07;;;;bang-diem.csv;4;Triết học;;;tính;;;Nguyễn Văn B;20/05/2024;']);
    const p = readDecisions(noReason, 'review.csv').problems;
    expect(p).toEqual([{ code: 'missing-field', args: { field: 'reason' }, origin: { file: 'review.csv', line: 2 }, dossier: '07' }]);
    const e = decisionError(p[0]!);
    expect(`${e.file}:${e.place?.line}: ${e.vi}`).toBe('review.csv:2: quyết định thiếu lý do (cột reason); mỗi quyết định phải ghi lý do');
    expect(readDecisions(excel(['07;;;;bang-diem.csv;4;Triết học;;;tính;;lý do;;20/05/2024;']), 'r.csv').problems[0]!.args).toEqual({ field: 'decided_by' });
    expect(readDecisions(excel(['07;;;;bang-diem.csv;4;Triết học;;;tính;;lý do;B;;']), 'r.csv').problems[0]!.args).toEqual({ field: 'date' });
    expect(readDecisions(excel(['07;;;;bang-diem.csv;4;Triết học;;;tính;;lý do;B;31/02/2024;']), 'r.csv').problems[0]!.code).toBe('bad-date');
  });

  it('refuses unknown actions, bad values and lines without a dossier in a batch-wide file', () => {
    const codes = (line: string, keyed = false) => readDecisions(excel([line]), 'r.csv', { keyed }).problems.map((p) => p.code);
    expect(codes('07;;;;t.csv;4;Triết học;;;phê duyệt;;r;B;20/05/2024;')).toEqual(['unknown-action']);
    expect(codes('07;;;;t.csv;4;Triết học;;;số tiết;ba mươi;r;B;20/05/2024;')).toEqual(['bad-value']);
    expect(codes('07;;;;t.csv;x;Triết học;;;tính;;r;B;20/05/2024;')).toEqual(['bad-line']);
    expect(codes('07;;so-cap;;t.csv;4;Triết học;;;overturn;PASS;r;B;20/05/2024;')).toEqual(['target-mismatch']);
    expect(codes(';;;;t.csv;4;Triết học;;;tính;;r;B;20/05/2024;', true)).toEqual(['no-dossier']);
    expect(readDecisions('a,b\n1,2\n', 'd.csv').problems[0]!.code).toBe('no-header');
  });

  it('recognises the decisions files a dossier folder may hold', () => {
    expect(isDecisionsFile('decisions.csv')).toBe(true);
    expect(isDecisionsFile('Decisions.JSON')).toBe(true);
    expect(isDecisionsFile('bang-diem.csv')).toBe(false);
  });

  it('the committed JSON Schema is the one generated from the zod schema (npm run schemas)', () => {
    expect(readFileSync('rules/schema/decisions.schema.json', 'utf8')).toBe(decisionsJsonSchemaText());
  });
});
