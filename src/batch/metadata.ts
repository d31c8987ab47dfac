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

const text = (description: string) => z.string().trim().min(1).meta({ description });

/** The metadata file's schema for a vocabulary: every field optional; unknown keys are refused (a typo must not pass silently). */
function buildSchema(fields: DossierFields) {
  const partyTable = fields.partyMember;
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

  const places = fields.secondDegreePlace;
  const noneTable = places.none;
  const placeChoice = choice(places);
  const secondDegreePlace = z
  .union([z.null(), z.string()])
  .meta({
    description: `where a second degree / postgraduate study was done: ${places.ids.join(', ')}, or null for none`,
    examples: [...places.ids, null],
  })
  .transform((value, ctx): string | null => {
    if (value === null || value.trim() === '' || noneTable.has(baseKey(value))) return null;
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
  const { $schema: _ignored, ...metadata } = r.data;
  return metadata;
}
