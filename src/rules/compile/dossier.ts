// The dossier files compiled: the metadata vocabulary (dossier-fields.json) and the statistics table layout
// (statistics.json), with duplicate ids, ambiguous spellings and unknown values checked.

import type { RuleIssue } from '../../errors.js';
import { jsonPath } from '../../json-syntax.js';
import { baseKey } from '../../text/normalize.js';
import type { z } from 'zod';
import { dossierFieldsFileSchema, statisticsFileSchema, type DossierFieldsFile, type RuleSetFile, type StatisticsFile } from '../schema.js';
import type {
  ChoiceField,
  ChoiceFieldId,
  DossierFields,
  Program,
  RuleSet,
  StatisticsColumnDef,
  StatisticsLayout,
  StatisticsRowDef,
} from '../types.js';
import { resolveRulePath } from './files.js';
import { msg, readFile, SourceFile, type Msg } from './source.js';

const CHOICE_FIELDS: readonly ChoiceFieldId[] = ['category', 'secondDegreePlace', 'process', 'confirmingBody'];

/** A statistics column id of a program (as the summary names level columns). */
const levelColumnId = (programId: string): string => programId.replace(/[^A-Za-z0-9]+/g, '_');

function compileChoice(src: SourceFile, field: ChoiceFieldId, data: DossierFieldsFile[ChoiceFieldId], issues: RuleIssue[]): ChoiceField {
  const lookup = new Map<string, string>();
  const where = new Map<string, (string | number)[]>();
  const ids: string[] = [];
  data.values.forEach((v, i) => {
    if (ids.includes(v.id)) {
      issues.push(src.issue([field, 'values', i, 'id'], msg(`duplicate value "${v.id}" of ${field}`, `trùng giá trị "${v.id}" của ${field}`)));
      return;
    }
    ids.push(v.id);
    [v.id, ...v.spellings].forEach((spelling, k) => {
      const key = baseKey(spelling);
      const path = k === 0 ? [field, 'values', i, 'id'] : [field, 'values', i, 'spellings', k - 1];
      const other = lookup.get(key);
      if (key === '') {
        issues.push(src.issue(path, msg(`"${spelling}" has no letters or digits to compare`, `"${spelling}" không có chữ hoặc số để so sánh`)));
      } else if (other !== undefined && other !== v.id) {
        issues.push(
          src.issue(
            path,
            msg(
              `"${spelling}" already spells "${other}" (at ${jsonPath(where.get(key)!)}): a spelling names one value`,
              `"${spelling}" đã là cách viết của "${other}" (ở ${jsonPath(where.get(key)!)}): mỗi cách viết chỉ ứng với một giá trị`,
            ),
          ),
        );
      } else if (other === undefined) {
        lookup.set(key, v.id);
        where.set(key, path);
      }
    });
  });
  return { name: data.name, ids, lookup };
}

function compileDossierFields(src: SourceFile, data: DossierFieldsFile, issues: RuleIssue[]): DossierFields {
  const [category, secondDegreePlace, process, confirmingBody] = CHOICE_FIELDS.map((f) => compileChoice(src, f, data[f], issues)) as [
    ChoiceField,
    ChoiceField,
    ChoiceField,
    ChoiceField,
  ];
  const none = new Set<string>();
  data.secondDegreePlace.none.forEach((word, i) => {
    const key = baseKey(word);
    const value = secondDegreePlace.lookup.get(key);
    if (value !== undefined) {
      issues.push(
        src.issue(
          ['secondDegreePlace', 'none', i],
          msg(`"${word}" means "no second degree" and also spells "${value}"`, `"${word}" vừa có nghĩa "không có văn bằng 2" vừa là cách viết của "${value}"`),
        ),
      );
    }
    none.add(key);
  });
  const partyMember = new Map<string, boolean>();
  for (const answer of ['yes', 'no'] as const) {
    data.partyMember[answer].forEach((word, i) => {
      const key = baseKey(word);
      const before = partyMember.get(key);
      if (before !== undefined && before !== (answer === 'yes')) {
        issues.push(src.issue(['partyMember', answer, i], msg(`"${word}" is listed as both yes and no`, `"${word}" vừa là "có" vừa là "không"`)));
      } else partyMember.set(key, answer === 'yes');
    });
  }
  return { category, secondDegreePlace: { ...secondDegreePlace, none }, process, confirmingBody, partyMember };
}

/**
 * The table layout, checked against the vocabulary (a row may only name values it defines) and the programs (a
 * counting column may not take a level column's id).
 */
function compileStatistics(
  src: SourceFile,
  data: StatisticsFile,
  fields: DossierFields | undefined,
  programs: readonly Program[],
  issues: RuleIssue[],
): StatisticsLayout {
  const levelsAt = data.columns.flatMap((c, i) => (c.counts === 'levels' ? [i] : []));
  if (levelsAt.length !== 1) {
    issues.push(
      src.issue(
        levelsAt.length === 0 ? ['columns'] : ['columns', levelsAt[1]!],
        msg('the columns need exactly one {"counts": "levels"} entry (one column per program)', 'cần đúng một cột {"counts": "levels"} (mỗi chương trình một cột)'),
      ),
    );
  }
  const columnIds = new Map<string, string>(programs.map((p) => [levelColumnId(p.id), `program "${p.id}"`]));
  data.columns.forEach((c, i) => {
    if (c.counts === 'levels') return;
    const taken = columnIds.get(c.id);
    if (taken !== undefined) {
      issues.push(src.issue(['columns', i, 'id'], msg(`column id "${c.id}" is already used (${taken})`, `mã cột "${c.id}" đã được dùng (${taken})`)));
    } else columnIds.set(c.id, `columns[${i}]`);
  });

  const rowIds = new Set<string>();
  let depth = -1;
  const rows: StatisticsRowDef[] = data.rows.map((r, i) => {
    if (rowIds.has(r.id)) issues.push(src.issue(['rows', i, 'id'], msg(`duplicate row id "${r.id}"`, `trùng mã dòng "${r.id}"`)));
    rowIds.add(r.id);
    if (r.depth > depth + 1) {
      issues.push(
        src.issue(
          ['rows', i, 'depth'],
          msg(`depth ${r.depth} follows depth ${Math.max(depth, 0)}: a row is at most one level deeper than the row above (the first is 0)`, `cấp ${r.depth} đứng sau cấp ${Math.max(depth, 0)}: mỗi dòng sâu hơn dòng trên nhiều nhất một cấp (dòng đầu là 0)`),
        ),
      );
    }
    depth = r.depth;
    const when = r.when ?? {};
    if (fields) {
      for (const field of CHOICE_FIELDS) {
        const cond = when[field];
        if (cond === undefined || cond === 'stated') continue;
        cond.forEach((value, k) => {
          if (value !== null && !fields[field].ids.includes(value)) {
            issues.push(
              src.issue(
                ['rows', i, 'when', field, k],
                msg(`"${value}" is not a value of ${field}; use one of ${fields[field].ids.join(', ')}`, `"${value}" không phải giá trị của ${field}; dùng một trong ${fields[field].ids.join(', ')}`),
              ),
            );
          }
        });
      }
    }
    return { id: r.id, depth: r.depth, label: r.label, when };
  });
  const columns: StatisticsColumnDef[] = data.columns.map((c) =>
    c.counts === 'levels' ? { counts: 'levels' } : { id: c.id, counts: c.counts, label: c.label, ...(c.short ? { short: c.short } : {}) },
  );
  return { columns, rows };
}

/** What reading the dossier files needs from the orchestrator (as for programs). */
export interface DossierContext {
  texts: ReadonlyMap<string, string>;
  display: (rel: string) => string;
  absent: (rel: string, listed: string) => Msg;
}

/** The dossier files the root lists (each optional: a loaded rule set falls back to the shipped ones). */
export function compileDossierFiles(
  rootSrc: SourceFile,
  root: RuleSetFile,
  ctx: DossierContext,
  programs: readonly Program[],
  issues: RuleIssue[],
): Pick<RuleSet, 'dossierFields' | 'statistics'> {
  const read = <S extends z.ZodType>(key: 'dossierFields' | 'statistics', schema: S): { src: SourceFile; data: z.infer<S> } | undefined => {
    const listed = root[key];
    if (listed === undefined) return undefined;
    const rel = resolveRulePath(listed);
    const text = ctx.texts.get(rel);
    if (text === undefined) {
      issues.push(rootSrc.issue([key], ctx.absent(rel, listed)));
      return undefined;
    }
    const src = new SourceFile(ctx.display(rel), text);
    const data = readFile(src, schema, issues);
    return data === undefined ? undefined : { src, data };
  };
  const out: Pick<RuleSet, 'dossierFields' | 'statistics'> = {};
  const fields = read('dossierFields', dossierFieldsFileSchema);
  if (fields) out.dossierFields = compileDossierFields(fields.src, fields.data, issues);
  const stats = read('statistics', statisticsFileSchema);
  // a layout's values are checked against the rule set's own vocabulary (the shipped one is checked when shipped)
  if (stats) out.statistics = compileStatistics(stats.src, stats.data, out.dossierFields, programs, issues);
  return out;
}
