// A dossier's metadata file (`metadata.json`): zod schema with Vietnamese-friendly values, parsing, JSON Schema.

import * as z from 'zod';
import { InputError } from '../errors.js';
import { baseKey } from '../text/normalize.js';
import { jsonPath, locateJsonPath, readJsonDocument } from '../json-syntax.js';

/** The one file name a dossier folder's metadata is read from. */
export const METADATA_FILE = 'metadata.json';

export const CATEGORIES = ['lanh-dao-quan-ly', 'quy-hoach', 'khac'] as const;
export const SECOND_DEGREE_PLACES = ['ngoai-he-thong', 'trong-he-thong', 'hv-bao-chi'] as const;
export const PROCESSES = ['theo-dot', 'theo-yeu-cau', 'co-so-dao-tao', 'ca-nhan'] as const;
export const CONFIRMING_BODIES = [
  'trung-tam-huyen',
  'truong-tinh',
  'hv-quoc-gia',
  'hv-khu-vuc-1',
  'hv-khu-vuc-2',
  'hv-khu-vuc-3',
  'hv-khu-vuc-4',
  'hv-bao-chi',
] as const;

export type Category = (typeof CATEGORIES)[number];
export type SecondDegreePlace = (typeof SECOND_DEGREE_PLACES)[number];
export type Process = (typeof PROCESSES)[number];
export type ConfirmingBody = (typeof CONFIRMING_BODIES)[number];

/**
 * Accepted spellings per canonical value, compared as `baseKey` (case, diacritics and punctuation ignored),
 * so "Lãnh đạo, quản lý" and "lanh-dao-quan-ly" are the same value. The canonical id is always accepted.
 */
const CATEGORY_ALIASES: Record<Category, string[]> = {
  'lanh-dao-quan-ly': [
    'lãnh đạo quản lý',
    'cán bộ lãnh đạo, quản lý',
    'lãnh đạo, quản lý từ cấp trưởng phòng trở lên',
    'cán bộ lãnh đạo, quản lý từ cấp trưởng phòng trở lên',
    'LĐQL',
    'leader',
    'manager',
  ],
  'quy-hoach': [
    'quy hoạch',
    'cán bộ quy hoạch',
    'lãnh đạo, quản lý quy hoạch',
    'cán bộ lãnh đạo, quản lý quy hoạch từ cấp trưởng phòng trở lên',
    'diện quy hoạch',
    'planned',
  ],
  khac: ['khác', 'đối tượng khác', 'other'],
};

const SECOND_DEGREE_ALIASES: Record<SecondDegreePlace, string[]> = {
  'ngoai-he-thong': ['ngoài hệ thống', 'ngoài hệ thống trường Đảng', 'outside'],
  'trong-he-thong': ['trong hệ thống', 'trong hệ thống trường Đảng', 'inside'],
  'hv-bao-chi': ['Học viện Báo chí và Tuyên truyền', 'HV Báo chí và Tuyên truyền', 'HV Báo chí', 'HVBCTT', 'AJC'],
};

/** Spellings meaning "no second degree / postgraduate study" (stored as null). */
const NONE_WORDS = ['không', 'không có', 'none', 'no'];

const PROCESS_ALIASES: Record<Process, string[]> = {
  'theo-dot': ['theo đợt', 'theo đợt, mỗi năm 1 lần', 'theo đợt mỗi năm một lần', 'yearly batch', 'batch'],
  'theo-yeu-cau': [
    'theo yêu cầu',
    'không theo đợt',
    'không theo đợt, theo yêu cầu của cán bộ',
    'theo yêu cầu của cán bộ',
    'on request',
  ],
  'co-so-dao-tao': [
    'cơ sở đào tạo',
    'do cơ sở đào tạo cấp',
    'do cơ sở đào tạo cấp kèm theo bằng tốt nghiệp',
    'training institution',
  ],
  'ca-nhan': ['cá nhân', 'cá nhân tự xin', 'cá nhân tự xin xác nhận', 'cá nhân tự đi xin xác nhận', 'tự đi xin xác nhận', 'tự xin xác nhận', 'self'],
};

const ROMAN = ['i', 'ii', 'iii', 'iv'] as const;

const BODY_ALIASES: Record<ConfirmingBody, string[]> = {
  'trung-tam-huyen': [
    'trung tâm huyện',
    'trung tâm BD chính trị huyện',
    'trung tâm bồi dưỡng chính trị huyện',
    'trung tâm chính trị huyện',
    'TTBDCT huyện',
    'district centre',
  ],
  'truong-tinh': [
    'trường tỉnh',
    'trường chính trị tỉnh',
    'trường chính trị tỉnh, thành phố',
    'trường chính trị',
    'provincial school',
  ],
  'hv-quoc-gia': [
    'học viện quốc gia',
    'Học viện Chính trị quốc gia Hồ Chí Minh',
    'Học viện Chính trị QG HCM',
    'HV CTQG HCM',
    'HVCTQG',
    'national academy',
  ],
  'hv-khu-vuc-1': [],
  'hv-khu-vuc-2': [],
  'hv-khu-vuc-3': [],
  'hv-khu-vuc-4': [],
  'hv-bao-chi': SECOND_DEGREE_ALIASES['hv-bao-chi'],
};
for (let n = 1; n <= 4; n++) {
  const id = `hv-khu-vuc-${n}` as ConfirmingBody;
  for (const num of [String(n), ROMAN[n - 1]!]) {
    for (const prefix of ['học viện chính trị', 'học viện CT', 'HV CT', 'HVCT', 'học viện', 'HV']) {
      BODY_ALIASES[id].push(`${prefix} khu vực ${num}`);
    }
    BODY_ALIASES[id].push(`khu vực ${num}`, `regional academy ${num}`);
  }
}

function aliasTable<T extends string>(aliases: Record<T, string[]>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [id, list] of Object.entries(aliases) as [T, string[]][]) {
    for (const spelling of [id, ...list]) table.set(baseKey(spelling), id);
  }
  return table;
}

/** Look a spelling up; a leading "do" ("do cá nhân tự đi xin…", as the appendix words it) is optional. */
function lookup<T>(table: Map<string, T>, text: string): T | undefined {
  const key = baseKey(text);
  return table.get(key) ?? (key.startsWith('do ') ? table.get(key.slice(3)) : undefined);
}

const PARTY_YES = ['có', 'đảng viên', 'là đảng viên', 'yes', 'true', 'x'];
const PARTY_NO = ['không', 'chưa', 'chưa là đảng viên', 'không phải đảng viên', 'no', 'false'];

/** A string field that must be one of a fixed set of values, given in any accepted spelling. */
function choice<T extends string>(ids: readonly T[], aliases: Record<T, string[]>, what: { en: string; vi: string }) {
  const table = aliasTable(aliases);
  return z
    .string()
    .meta({
      description: `${what.en}: one of ${ids.join(', ')} (Vietnamese spellings accepted, case and diacritics ignored)`,
      examples: [...ids],
    })
    .transform((text, ctx): T => {
      const id = lookup(table, text);
      if (id === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `"${text}" is not a known ${what.en}; use one of ${ids.join(', ')}`,
          params: { vi: `"${text}" không phải ${what.vi} hợp lệ; dùng một trong ${ids.join(', ')}` },
        });
        return z.NEVER;
      }
      return id;
    });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** `YYYY-MM-DD`, or the Vietnamese `dd/mm/yyyy`; stored as ISO. Impossible dates (31/02) are refused. */
const date = (what: string) =>
  z
    .string()
    .meta({ description: `${what}: YYYY-MM-DD (dd/mm/yyyy also accepted)`, examples: ['2019-05-20', '20/05/2019'] })
    .transform((text, ctx): string => {
      const t = text.trim();
      let y: number, m: number, d: number;
      const iso = ISO_DATE.exec(t);
      const vn = iso ? null : VN_DATE.exec(t);
      if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
      else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
      else {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a date; write YYYY-MM-DD`, params: { vi: `"${text}" không phải ngày; ghi theo dạng YYYY-MM-DD hoặc dd/mm/yyyy` } });
        return z.NEVER;
      }
      const probe = new Date(Date.UTC(y, m - 1, d));
      if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a real calendar date`, params: { vi: `"${text}" không phải ngày có thật` } });
        return z.NEVER;
      }
      return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    });

const partyTable = new Map<string, boolean>([
  ...PARTY_YES.map((s) => [baseKey(s), true] as const),
  ...PARTY_NO.map((s) => [baseKey(s), false] as const),
]);

const partyMember = z
  .union([z.boolean(), z.string()])
  .meta({ description: 'Party member: true/false, or "có"/"không"', examples: [true, false, 'có', 'không'] })
  .transform((value, ctx): boolean => {
    if (typeof value === 'boolean') return value;
    const b = partyTable.get(baseKey(value));
    if (b === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not yes/no; use true, false, "có" or "không"`,
        params: { vi: `"${value}" không phải có/không; dùng true, false, "có" hoặc "không"` },
      });
      return z.NEVER;
    }
    return b;
  });

const noneTable = new Set(NONE_WORDS.map(baseKey));
const placeChoice = choice(SECOND_DEGREE_PLACES, SECOND_DEGREE_ALIASES, { en: 'second-degree place', vi: 'nơi học văn bằng 2' });
const secondDegreePlace = z
  .union([z.null(), z.string()])
  .meta({
    description:
      'where a second degree / postgraduate study was done: ngoai-he-thong, trong-he-thong, hv-bao-chi, or null for none',
    examples: [...SECOND_DEGREE_PLACES, null],
  })
  .transform((value, ctx): SecondDegreePlace | null => {
    if (value === null || value.trim() === '' || noneTable.has(baseKey(value))) return null;
    const r = placeChoice.safeParse(value);
    if (!r.success) {
      const first = r.error.issues[0];
      ctx.addIssue({ code: 'custom', message: first?.message ?? 'invalid value', params: first?.code === 'custom' ? (first.params ?? {}) : {} });
      return z.NEVER;
    }
    return r.data;
  });

const text = (description: string) => z.string().trim().min(1).meta({ description });

/** The metadata file's schema: every field optional; unknown keys are refused (a typo must not pass silently). */
export const metadataSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: text('the person or dossier identifier used by the centre').optional(),
    fullName: text('full name (họ và tên)').optional(),
    birthDate: date('birth date').optional(),
    unit: text('employer / unit (đơn vị công tác)').optional(),
    applicationDate: date('application date: the reference date of this dossier’s check').optional(),
    category: choice(CATEGORIES, CATEGORY_ALIASES, { en: 'category', vi: 'đối tượng' }).optional(),
    partyMember: partyMember.optional(),
    secondDegreePlace: secondDegreePlace.optional(),
    process: choice(PROCESSES, PROCESS_ALIASES, { en: 'process', vi: 'quy trình xác nhận' }).optional(),
    confirmingBody: choice(CONFIRMING_BODIES, BODY_ALIASES, { en: 'confirming body', vi: 'cơ quan xác nhận' }).optional(),
  })
  .meta({
    title: 'llct dossier metadata',
    description: 'metadata.json of one dossier folder (llct batch): who the person is and the fields of the statistics table',
  });

/** The fields a metadata file may hold (besides `$schema`). */
export const METADATA_FIELDS = Object.keys(metadataSchema.shape).filter((k) => k !== '$schema');

export type Metadata = Omit<z.output<typeof metadataSchema>, '$schema'>;

/** The JSON Schema editors use to validate metadata.json (generated; committed as rules/schema/metadata.schema.json). */
export function metadataJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(metadataSchema, { io: 'input' }) as Record<string, unknown>;
}

/** File name under `rules/schema/` and the text written there (same layout as the rule-file schemas). */
export const METADATA_SCHEMA_FILE = 'metadata.schema.json';

export function metadataJsonSchemaText(): string {
  return `${JSON.stringify(metadataJsonSchema(), null, 2)}\n`;
}


/** Parse a metadata file's text; throws InputError naming the file, the line:column and the JSON path of the first problem. */
export function parseMetadata(text: string, file: string): Metadata {
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trim() === '') {
    throw new InputError(
      'the metadata file is empty; write the dossier fields as JSON ({ "fullName": "…" }) or remove the file',
      'tệp thông tin hồ sơ rỗng; ghi các trường dạng JSON ({ "fullName": "…" }) hoặc bỏ tệp đi',
      file,
    );
  }
  const parsed = readJsonDocument(body);
  if ('error' in parsed) {
    const { line, column, en, vi } = parsed.error;
    throw new InputError(`${en}; fix the file or remove it`, `${vi}; sửa tệp hoặc bỏ tệp đi`, file, { line, column });
  }
  const raw: unknown = parsed.value;
  const r = metadataSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = jsonPath(issue.path);
    const known = METADATA_FIELDS.join(', ');
    let en: string;
    let vi: string;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      en = `unknown field ${keys}; the fields are ${known}`;
      vi = `trường không có trong mẫu: ${keys}; các trường hợp lệ: ${known}`;
    } else if (issue.code === 'custom') {
      en = issue.message;
      vi = typeof issue.params?.vi === 'string' ? issue.params.vi : 'giá trị không hợp lệ';
    } else if (issue.code === 'invalid_type') {
      // never the validator's English inside a Vietnamese sentence
      const kinds: Record<string, [string, string]> = { string: ['text', 'văn bản'], boolean: ['true or false', 'true hoặc false'], number: ['a number', 'một số'] };
      const [kindEn, kindVi] = kinds[String(issue.expected)] ?? [String(issue.expected), String(issue.expected)];
      en = `wrong type: expected ${kindEn}`;
      vi = `sai kiểu dữ liệu: cần ${kindVi}`;
    } else {
      en = issue.message;
      vi = 'giá trị không hợp lệ';
    }
    // the place of the offending value (or key), or of its nearest parent when the key is missing
    const segments = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : [...issue.path];
    const { path: _keyPath, ...at } = locateJsonPath(body, parsed.tree(), segments as (string | number)[], issue.code === 'unrecognized_keys' ? 'key' : 'value');
    const place = { path: where, ...at };
    throw new InputError(`${where}: invalid metadata: ${en}`, `${where}: thông tin hồ sơ không hợp lệ: ${vi}`, file, place);
  }
  const { $schema: _ignored, ...metadata } = r.data;
  return metadata;
}
