// A dossier's metadata file (`metadata.json`): a zod schema built from the rule set's vocabulary
// (rules/dossier-fields.json) with Vietnamese-friendly values, parsing, JSON Schema.

import * as z from 'zod';
import { InputError } from '../errors.js';
import type { Finding } from '../findings/words.js';
import { baseKey } from '../text/normalize.js';
import { jsonPath, locateJsonPath, readJsonDocument } from '../json-syntax.js';
import type { ChoiceField, DossierFields } from '../rules/types.js';

/** The one file name a dossier folder's metadata is read from. */
export const METADATA_FILE = 'metadata.json';

/**
 * A field that must be one of a fixed set of values, given in any accepted spelling: the values and spellings are
 * rule data (rules/dossier-fields.json), compared as `baseKey` (case, diacritics and punctuation ignored), so
 * "Lãnh đạo, quản lý" and "lanh-dao-quan-ly" are the same value. A leading "do" ("do cá nhân tự đi xin…", as the
 * appendix words it) is optional.
 */
function lookup(field: ChoiceField, text: string): string | undefined {
  const key = baseKey(text);
  return field.lookup.get(key) ?? (key.startsWith('do ') ? field.lookup.get(key.slice(3)) : undefined);
}

function choice(field: ChoiceField) {
  const { ids, name: what } = field;
  return z
    .string()
    .meta({
      description: `${what.en}: one of ${ids.join(', ')} (Vietnamese spellings accepted, case and diacritics ignored)`,
      examples: [...ids],
    })
    .transform((text, ctx): string => {
      const id = lookup(field, text);
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

/** `text` as an ISO date, or why it is not one: `YYYY-MM-DD` or the Vietnamese `dd/mm/yyyy`; 31/02 is refused. */
function isoDate(text: string): string | 'not-a-date' | 'not-real' {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(t);
  const vn = iso ? null : VN_DATE.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return 'not-a-date';
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return 'not-real';
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD`, or the Vietnamese `dd/mm/yyyy`; stored as ISO. Impossible dates (31/02) are refused. */
const date = (what: string) =>
  z
    .string()
    .meta({ description: `${what}: YYYY-MM-DD (dd/mm/yyyy also accepted)`, examples: ['2019-05-20', '20/05/2019'] })
    .transform((text, ctx): string => {
      const iso = isoDate(text);
      if (iso === 'not-a-date') {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a date; write YYYY-MM-DD`, params: { vi: `"${text}" không phải ngày; ghi theo dạng YYYY-MM-DD hoặc dd/mm/yyyy` } });
        return z.NEVER;
      }
      if (iso === 'not-real') {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a real calendar date`, params: { vi: `"${text}" không phải ngày có thật` } });
        return z.NEVER;
      }
      return iso;
    });

const text = (description: string) => z.string().trim().min(1).meta({ description });

/** A Party-member value: a boolean as it is, a yes/no word of the vocabulary, else undefined. */
function partyMemberOf(value: boolean | string, fields: DossierFields): boolean | undefined {
  return typeof value === 'boolean' ? value : fields.partyMember.get(baseKey(value));
}

/** A second-degree place that says "none": null, empty, or one of the vocabulary's words for none. */
function isNoPlace(value: string | null, fields: DossierFields): value is string | null {
  return value === null || value.trim() === '' || fields.secondDegreePlace.none.has(baseKey(value));
}

/** The metadata file's schema for a vocabulary: every field optional; unknown keys are refused (a typo must not pass silently). */
function buildSchema(fields: DossierFields) {
  const partyMember = z
  .union([z.boolean(), z.string()])
  .meta({ description: 'Party member: true/false, or "có"/"không"', examples: [true, false, 'có', 'không'] })
  .transform((value, ctx): boolean => {
    const b = partyMemberOf(value, fields);
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

  const places = fields.secondDegreePlace;
  const placeChoice = choice(places);
  const secondDegreePlace = z
  .union([z.null(), z.string()])
  .meta({
    description: `where a second degree / postgraduate study was done: ${places.ids.join(', ')}, or null for none`,
    examples: [...places.ids, null],
  })
  .transform((value, ctx): string | null => {
    if (isNoPlace(value, fields)) return null;
    const r = placeChoice.safeParse(value);
    if (!r.success) {
      const first = r.error.issues[0];
      ctx.addIssue({ code: 'custom', message: first?.message ?? 'invalid value', params: first?.code === 'custom' ? (first.params ?? {}) : {} });
      return z.NEVER;
    }
    return r.data;
  });

  return z
  .strictObject({
    $schema: z.string().optional(),
    id: text('the person or dossier identifier used by the centre').optional(),
    fullName: text('full name (họ và tên)').optional(),
    birthDate: date('birth date').optional(),
    unit: text('employer / unit (đơn vị công tác)').optional(),
    applicationDate: date('application date: the reference date of this dossier’s check').optional(),
    category: choice(fields.category).optional(),
    partyMember: partyMember.optional(),
    secondDegreePlace: secondDegreePlace.optional(),
    process: choice(fields.process).optional(),
    confirmingBody: choice(fields.confirmingBody).optional(),
  })
  .meta({
    title: 'llct dossier metadata',
    description: 'metadata.json of one dossier folder (llct batch): who the person is and the fields of the statistics table',
  });
}

/** The fields a metadata file may hold (besides `$schema`), in the schema's order. */
const METADATA_FIELDS = ['id', 'fullName', 'birthDate', 'unit', 'applicationDate', 'category', 'partyMember', 'secondDegreePlace', 'process', 'confirmingBody'] as const;

/** A dossier's metadata as read: values of the choice fields are the vocabulary's ids. */
export interface Metadata {
  id?: string;
  fullName?: string;
  /** ISO YYYY-MM-DD */
  birthDate?: string;
  unit?: string;
  /** ISO YYYY-MM-DD */
  applicationDate?: string;
  category?: string;
  partyMember?: boolean;
  /** null: explicitly none */
  secondDegreePlace?: string | null;
  process?: string;
  confirmingBody?: string;
}

/** One schema per vocabulary (a batch uses one rule set: built once). */
const schemas = new WeakMap<DossierFields, ReturnType<typeof buildSchema>>();
function schemaFor(fields: DossierFields): ReturnType<typeof buildSchema> {
  let schema = schemas.get(fields);
  if (!schema) schemas.set(fields, (schema = buildSchema(fields)));
  return schema;
}

/** The JSON Schema editors use to validate metadata.json (generated from the shipped vocabulary; committed as rules/schema/metadata.schema.json). */
function metadataJsonSchema(fields: DossierFields): Record<string, unknown> {
  return z.toJSONSchema(schemaFor(fields), { io: 'input' }) as Record<string, unknown>;
}

/** File name under `rules/schema/` and the text written there (same layout as the rule-file schemas). */
export const METADATA_SCHEMA_FILE = 'metadata.schema.json';

export function metadataJsonSchemaText(fields: DossierFields): string {
  return `${JSON.stringify(metadataJsonSchema(fields), null, 2)}\n`;
}

/** Parse a metadata file's text; throws InputError naming the file, the line:column and the JSON path of the first problem. */
export function parseMetadata(text: string, file: string, fields: DossierFields): Metadata {
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trim() === '') {
    throw new InputError({ code: 'metadata-empty', args: {}, file });
  }
  const parsed = readJsonDocument(body);
  if ('error' in parsed) {
    const { line, column, problem } = parsed.error;
    throw new InputError({ code: 'metadata-malformed', args: { line, column, problem }, file, place: { line, column } });
  }
  const raw: unknown = parsed.value;
  const fast = metadataFastPath.enabled ? metadataFast(raw, fields) : undefined;
  if (fast) return fast;
  const r = schemaFor(fields).safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = jsonPath(issue.path);
    // the place of the offending value (or key), or of its nearest parent when the key is missing
    const segments = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : [...issue.path];
    const { path: _keyPath, ...at } = locateJsonPath(body, parsed.tree(), segments as (string | number)[], issue.code === 'unrecognized_keys' ? 'key' : 'value');
    const place = { path: where, ...at };
    const finding: Finding =
      issue.code === 'unrecognized_keys'
        ? { code: 'metadata-unknown-field', args: { path: where, keys: issue.keys, known: [...METADATA_FIELDS] }, file, place }
        : issue.code === 'invalid_type'
          ? // never the validator's English inside a Vietnamese sentence
            { code: 'metadata-wrong-type', args: { path: where, expected: String(issue.expected) }, file, place }
          : {
              code: 'metadata-invalid',
              args: { path: where, en: issue.message, ...(issue.code === 'custom' && typeof issue.params?.vi === 'string' ? { vi: issue.params.vi } : {}) },
              file,
              place,
            };
    throw new InputError(finding);
  }
  return metadataRecord(r.data);
}

/**
 * A metadata value with every field as a key, in the schema's order (undefined where the file has none: JSON
 * leaves those out), so every dossier's metadata has one shape.
 */
function metadataRecord(m: Metadata): Metadata {
  return {
    id: m.id,
    fullName: m.fullName,
    birthDate: m.birthDate,
    unit: m.unit,
    applicationDate: m.applicationDate,
    category: m.category,
    partyMember: m.partyMember,
    secondDegreePlace: m.secondDegreePlace,
    process: m.process,
    confirmingBody: m.confirmingBody,
  };
}

/** A trimmed, non-empty text field (the schema's `text`). */
const textValue = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

/** A date field (the schema's `date`). */
const dateValue = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const iso = isoDate(v);
  return iso === 'not-a-date' || iso === 'not-real' ? undefined : iso;
};

/** A choice field's id for a value (the schema's `choice`). */
const choiceValue = (field: ChoiceField, v: unknown): string | undefined => (typeof v === 'string' ? lookup(field, v) : undefined);

/** A Party-member value (the schema's `partyMember`). */
const partyMemberValue = (v: unknown, fields: DossierFields): boolean | undefined =>
  typeof v === 'boolean' || typeof v === 'string' ? partyMemberOf(v, fields) : undefined;

/** A second-degree place (the schema's `secondDegreePlace`): null for none. */
const placeValue = (v: unknown, fields: DossierFields): string | null | undefined =>
  v !== null && typeof v !== 'string' ? undefined : isNoPlace(v, fields) ? null : lookup(fields.secondDegreePlace, v);

/** Tests turn the fast path off to compare it with the schema on the same inputs. */
export const metadataFastPath = { enabled: true };

const KNOWN_KEYS: ReadonlySet<string> = new Set(['$schema', ...METADATA_FIELDS]);

/**
 * The common case without zod: an object of known fields, each valid, read by the same helpers the schema uses
 * and built in the schema's key order. Anything else (an unknown key, a bad value, not an object) is undefined, and
 * the schema then finds the problem and words it, so errors stay exactly the schema's.
 */
function metadataFast(raw: unknown, fields: DossierFields): Metadata | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const obj = raw as Record<string, unknown>;
  for (const k in obj) if (!KNOWN_KEYS.has(k)) return undefined;
  if ('$schema' in obj && typeof obj.$schema !== 'string') return undefined;
  // each field read by the schema's helper when present (absent: undefined); a present value the helper refuses
  // sends the whole file to the schema. Read in the schema's order, into one literal: one shape.
  const id = 'id' in obj ? textValue(obj.id) : undefined;
  if (id === undefined && 'id' in obj) return undefined;
  const fullName = 'fullName' in obj ? textValue(obj.fullName) : undefined;
  if (fullName === undefined && 'fullName' in obj) return undefined;
  const birthDate = 'birthDate' in obj ? dateValue(obj.birthDate) : undefined;
  if (birthDate === undefined && 'birthDate' in obj) return undefined;
  const unit = 'unit' in obj ? textValue(obj.unit) : undefined;
  if (unit === undefined && 'unit' in obj) return undefined;
  const applicationDate = 'applicationDate' in obj ? dateValue(obj.applicationDate) : undefined;
  if (applicationDate === undefined && 'applicationDate' in obj) return undefined;
  const category = 'category' in obj ? choiceValue(fields.category, obj.category) : undefined;
  if (category === undefined && 'category' in obj) return undefined;
  const partyMember = 'partyMember' in obj ? partyMemberValue(obj.partyMember, fields) : undefined;
  if (partyMember === undefined && 'partyMember' in obj) return undefined;
  const secondDegreePlace = 'secondDegreePlace' in obj ? placeValue(obj.secondDegreePlace, fields) : undefined;
  if (secondDegreePlace === undefined && 'secondDegreePlace' in obj) return undefined;
  const process = 'process' in obj ? choiceValue(fields.process, obj.process) : undefined;
  if (process === undefined && 'process' in obj) return undefined;
  const confirmingBody = 'confirmingBody' in obj ? choiceValue(fields.confirmingBody, obj.confirmingBody) : undefined;
  if (confirmingBody === undefined && 'confirmingBody' in obj) return undefined;
  return { id, fullName, birthDate, unit, applicationDate, category, partyMember, secondDegreePlace, process, confirmingBody };
}
