// review.xlsx: the worklist as a workbook (drop-down list of actions), filled in Excel and read back by --decisions
// with the same result as the filled-in review.csv.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelDate } from '../../src/report/xlsx.js';
import { runIn } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-review-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const input = join(tmp, 'ho-so');
cpSync('fixtures/dossiers/sample', input, { recursive: true });

/** action, value, reason, decided_by, date (ISO: typed as an Excel date in the workbook), reference. */
const FILLED: Record<string, string[]> = {
  '07-thieu-tin-chi:4': ['số tiết', '45', 'Bảng điểm gốc ghi 3 tín chỉ', 'Nguyễn Văn B', '2024-05-20', 'BB số 12'],
  '07-thieu-tin-chi:5': ['số tiết', '30', 'Giấy xác nhận của trường', 'Nguyễn Văn B', '2024-05-20', ''],
  '14-diem-4-5:5': ['tính', '', 'Quy chế niên chế 2010: đạt từ 4,0', 'Trần Thị C', '2024-05-21', 'BB số 13'],
};
const ACTION_COLUMNS = ['action', 'value', 'reason', 'decided_by', 'date', 'reference'];

describe('review.xlsx round trip', () => {
  const first = join(tmp, 'kq-1');
  let sheet: XLSX.WorkSheet;
  let rows: unknown[][];
  beforeAll(async () => {
    await runIn(['batch', input, '-o', first, '--jobs', '1', '-q']);
    const wb = XLSX.read(readFileSync(join(first, 'review.xlsx')), { type: 'buffer' });
    sheet = wb.Sheets[wb.SheetNames[0]!]!;
    rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  });

  it('holds the worklist with Vietnamese titles and a drop-down list of actions', () => {
    expect(rows[0]).toEqual(['Hồ sơ', 'Người học', 'Chương trình', 'Kết luận tính được', 'Tệp', 'Trang tính', 'Dòng', 'Tên học phần', 'Cần xem xét vì', 'Quy tắc gợi ý', 'Quyết định', 'Giá trị', 'Lý do', 'Người quyết định', 'Ngày', 'Căn cứ']);
    const csvLines = parse(readFileSync(join(first, 'review.csv'), 'utf8').replace(/^\uFEFF/u, ''), { delimiter: ';', skip_empty_lines: true }) as string[][];
    expect(rows.length).toBe(csvLines.length);
    const zip = XLSX.CFB.read(readFileSync(join(first, 'review.xlsx')), { type: 'buffer' });
    const xml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString('utf8');
    expect(xml).toContain(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="K2:K${rows.length}"><formula1>"tính,loại,số tiết,điểm,ánh xạ,xác nhận,thay đổi"</formula1>`);
  });

  it('filled in (dates typed as dates) it gives the same decided results as the filled-in review.csv', async () => {
    // the workbook, as an officer fills it in Excel
    const header = rows[0] as string[];
    const at = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });
    const col = (id: string) => ['action', 'value', 'reason', 'decided_by', 'date', 'reference'].indexOf(id) + header.indexOf('Quyết định');
    rows.forEach((row, r) => {
      const fill = FILLED[`${String(row[0])}:${String(row[6])}`];
      if (!fill || r === 0) return;
      ACTION_COLUMNS.forEach((id, k) => {
        const v = fill[k]!;
        if (v === '') return;
        sheet[at(r, col(id))] = id === 'date' ? { t: 'n', v: excelDate(v)!, z: 'dd/mm/yyyy' } : id === 'value' ? { t: 'n', v: Number(v) } : { t: 's', v };
      });
    });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Cần xem xét');
    writeFileSync(join(tmp, 'quyet-dinh.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    // the same decisions in review.csv
    const csvRows = parse(readFileSync(join(first, 'review.csv'), 'utf8').replace(/^\uFEFF/u, ''), { delimiter: ';', columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const r of csvRows) {
      const fill = FILLED[`${r.dossier}:${r.line}`];
      if (fill) ACTION_COLUMNS.forEach((id, k) => (r[id] = fill[k]!));
    }
    writeFileSync(join(tmp, 'quyet-dinh.csv'), stringify(csvRows, { header: true }));

    const fromXlsx = await runIn(['batch', input, '-o', join(tmp, 'kq-xlsx'), '--jobs', '1', '-q', '--decisions', join(tmp, 'quyet-dinh.xlsx')]);
    const fromCsv = await runIn(['batch', input, '-o', join(tmp, 'kq-csv'), '--jobs', '1', '-q', '--decisions', join(tmp, 'quyet-dinh.csv')]);
    expect(fromXlsx.stderr).toBe(fromCsv.stderr);
    expect(fromXlsx.code).toBe(fromCsv.code);
    const summary = (d: string) => readFileSync(join(tmp, d, 'summary.csv'), 'utf8');
    expect(summary('kq-xlsx')).toBe(summary('kq-csv'));
    const totals = JSON.parse(readFileSync(join(tmp, 'kq-xlsx', 'summary.json'), 'utf8')).totals;
    expect(totals).toMatchObject({ decided: 2 });
  });
});
