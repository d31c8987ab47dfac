import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metadataJsonSchemaText, parseMetadata } from '../../src/batch/metadata.js';
import { formatPlace, InputError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/rules/load.js';

/** The shipped vocabulary (rules/dossier-fields.json). */
const fields = (await loadRuleSet()).dossierFields!;

const parse = (o: unknown) => parseMetadata(JSON.stringify(o), 'metadata.json', fields);

function errorOf(o: unknown): InputError {
  try {
    parse(o);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseMetadata', () => {
  it('accepts canonical ids', () => {
    expect(
      parse({
        id: 'X1',
        fullName: 'Nguyễn Văn A',
        applicationDate: '2019-05-20',
        category: 'lanh-dao-quan-ly',
        partyMember: true,
        secondDegreePlace: 'hv-bao-chi',
        process: 'theo-dot',
        confirmingBody: 'hv-khu-vuc-4',
      }),
    ).toEqual({
      id: 'X1',
      fullName: 'Nguyễn Văn A',
      applicationDate: '2019-05-20',
      category: 'lanh-dao-quan-ly',
      partyMember: true,
      secondDegreePlace: 'hv-bao-chi',
      process: 'theo-dot',
      confirmingBody: 'hv-khu-vuc-4',
    });
  });

  it('accepts Vietnamese spellings, whatever the case, diacritics and punctuation', () => {
    expect(
      parse({
        category: 'Lãnh đạo, quản lý',
        partyMember: 'Có',
        secondDegreePlace: 'Ngoài hệ thống trường Đảng',
        process: 'Không theo đợt, theo yêu cầu của cán bộ',
        confirmingBody: 'Học viện Chính trị khu vực III',
        birthDate: '05/09/1980',
      }),
    ).toEqual({
      category: 'lanh-dao-quan-ly',
      partyMember: true,
      secondDegreePlace: 'ngoai-he-thong',
      process: 'theo-yeu-cau',
      confirmingBody: 'hv-khu-vuc-3',
      birthDate: '1980-09-05',
    });
    expect(parse({ category: 'QUY HOACH', partyMember: 'chưa là đảng viên' })).toEqual({ category: 'quy-hoach', partyMember: false });
    expect(parse({ category: 'đối tượng khác', partyMember: 'không' })).toEqual({ category: 'khac', partyMember: false });
    expect(parse({ process: 'Do cá nhân tự đi xin xác nhận' })).toEqual({ process: 'ca-nhan' });
    expect(parse({ process: 'do cơ sở đào tạo cấp kèm theo bằng tốt nghiệp' })).toEqual({ process: 'co-so-dao-tao' });
    expect(parse({ confirmingBody: 'Trường chính trị tỉnh, thành phố' })).toEqual({ confirmingBody: 'truong-tinh' });
    expect(parse({ confirmingBody: 'HV CTQG HCM' })).toEqual({ confirmingBody: 'hv-quoc-gia' });
  });

  it('reads "none" spellings of the second-degree place as null', () => {
    expect(parse({ secondDegreePlace: 'không' })).toEqual({ secondDegreePlace: null });
    expect(parse({ secondDegreePlace: '' })).toEqual({ secondDegreePlace: null });
    expect(parse({ secondDegreePlace: null })).toEqual({ secondDegreePlace: null });
  });

  it('allows $schema and drops it', () => {
    expect(parse({ $schema: '../schema.json', id: 'A' })).toEqual({ id: 'A' });
  });

  it('names the JSON path and the accepted values of a bad value, in both languages', () => {
    const e = errorOf({ category: 'giám đốc' });
    expect(e.place).toEqual({ path: '$.category', line: 1, column: 13 });
    expect(e.message).toContain('$.category: invalid metadata');
    expect(e.message).toContain('lanh-dao-quan-ly, quy-hoach, khac');
    expect(e.vi).toContain('"giám đốc" không phải đối tượng hợp lệ');
  });

  it('refuses unknown fields (a typo must not pass silently)', () => {
    const e = errorOf({ fulName: 'A' });
    expect(e.finding).toMatchObject({ code: 'metadata-unknown-field', args: { path: '$', keys: ['fulName'] } });
    expect(e.message).toContain('"fulName"');
    expect(e.vi).toContain('fullName');
  });

  it('refuses impossible dates and bad yes/no values', () => {
    expect(errorOf({ applicationDate: '2019-02-30' }).place).toMatchObject({ path: '$.applicationDate' });
    expect(errorOf({ applicationDate: 'May 2019' }).place).toMatchObject({ path: '$.applicationDate' });
    expect(errorOf({ partyMember: 'maybe' }).place).toMatchObject({ path: '$.partyMember' });
    expect(errorOf({ partyMember: 'maybe' }).finding).toMatchObject({ code: 'metadata-invalid', args: { path: '$.partyMember' } });
  });

  it('reports malformed JSON as an InputError naming the file', () => {
    expect(() => parseMetadata('{ "id": ', 'x/metadata.json', fields)).toThrow(InputError);
  });

  const thrown = (text: string): InputError => {
    try {
      parseMetadata(text, 'x/metadata.json', fields);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  };

  it('gives a JSON syntax error its line and column and a reason in Vietnamese and English', () => {
    const e = thrown('{ "id": "A", fullName: "B" }');
    expect(e.place).toEqual({ line: 1, column: 14 });
    expect(formatPlace(e.file, e.place)).toBe('x/metadata.json:1:14');
    expect(e.vi).toBe('JSON sai cú pháp ở dòng 1, cột 14: thiếu tên thuộc tính trong ngoặc kép ("tên": …); sửa tệp hoặc bỏ tệp đi');
    expect(e.message).toBe('malformed JSON at line 1, column 14: a property name in double quotes is expected ("name": …); fix the file or remove it');
    expect(e.vi).not.toMatch(/position|Expected/u);
    // the line counts from the file's start; a BOM is not a column
    const trailing = thrown('\uFEFF{\n  "id": "A",\n  "fullName": "B",\n}\n');
    expect(trailing.place).toEqual({ line: 4, column: 1 });
    expect(trailing.vi).toContain("dư dấu phẩy trước '}'");
    expect(thrown('{ "id": "A" } x').vi).toContain('có chữ thừa');
    expect(thrown('{ "id": “A” }').vi).toContain('dấu ngoặc cong “');
    expect(thrown("{ 'id': 'A' }").vi).toContain('dấu ngoặc đơn');
    expect(thrown('{ "id": "A" "fullName": "B" }').vi).toContain("thiếu dấu ','");
    expect(thrown('   \n').vi).toContain('tệp thông tin hồ sơ rỗng');
  });

  it('places a schema error on the line of the offending value (or key)', () => {
    const e = thrown('{\n  "id": "A",\n  "category": "giám đốc"\n}');
    expect(e.place).toEqual({ path: '$.category', line: 3, column: 15 });
    expect(formatPlace(e.file, e.place)).toBe('x/metadata.json:3:15');
    expect(e.vi).toMatch(/^\$\.category: thông tin hồ sơ không hợp lệ: "giám đốc"/u);
    expect(thrown('{\n  "id": "A",\n  "fulName": "B"\n}').place).toEqual({ path: '$', line: 3, column: 3 });
  });
});

describe('metadata JSON Schema', () => {
  it('matches the committed rules/schema/metadata.schema.json (run the schema generator after changing the zod schema)', () => {
    expect(readFileSync('rules/schema/metadata.schema.json', 'utf8')).toBe(metadataJsonSchemaText(fields));
  });
});
