// The dossier files compiled: the metadata vocabulary (dossier-fields.json) and the statistics table layout
// (statistics.json), with duplicate ids, ambiguous spellings and unknown values checked.

import type { Absent, RuleIssue, RuleIssueArgs } from '../../findings/rule-issues.js';
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
import { readFile, SourceFile } from './source.js';

const CHOICE_FIELDS: readonly ChoiceFieldId[] = ['category', 'secondDegreePlace', 'process', 'confirmingBody'];

/** A statistics column id of a program (as the summary names level columns). */
const levelColumnId = (programId: string): string => programId.replace(/[^A-Za-z0-9]+/g, '_');

function compileChoice(src: SourceFile, field: ChoiceFieldId, data: DossierFieldsFile[ChoiceFieldId], issues: RuleIssue[]): ChoiceField {
  const lookup = new Map<string, string>();
  const where = new Map<string, (string | number)[]>();
  const ids: string[] = [];
  data.values.forEach((v, i) => {
    if (ids.includes(v.id)) {
      issues.push(src.issue([field, 'values', i, 'id'], 'duplicate-choice-value', { field, value: v.id }));
      return;
    }
    ids.push(v.id);
    [v.id, ...v.spellings].forEach((spelling, k) => {
      const key = baseKey(spelling);
      const path = k === 0 ? [field, 'values', i, 'id'] : [field, 'values', i, 'spellings', k - 1];
      const other = lookup.get(key);
      if (key === '') {
        issues.push(src.issue(path, 'spelling-empty', { spelling }));
      } else if (other !== undefined && other !== v.id) {
        issues.push(src.issue(path, 'spelling-taken', { spelling, other, first: jsonPath(where.get(key)!) }));
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
      issues.push(src.issue(['secondDegreePlace', 'none', i], 'none-word-spells', { word, value }));
    }
    none.add(key);
  });
  const partyMember = new Map<string, boolean>();
  for (const answer of ['yes', 'no'] as const) {
    data.partyMember[answer].forEach((word, i) => {
      const key = baseKey(word);
      const before = partyMember.get(key);
      if (before !== undefined && before !== (answer === 'yes')) {
        issues.push(src.issue(['partyMember', answer, i], 'party-yes-and-no', { word }));
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
    issues.push(src.issue(levelsAt.length === 0 ? ['columns'] : ['columns', levelsAt[1]!], 'levels-column-count', {}));
  }
  type Owner = RuleIssueArgs['column-id-taken']['owner'];
  const columnIds = new Map<string, Owner>(programs.map((p) => [levelColumnId(p.id), { kind: 'program', id: p.id }]));
  data.columns.forEach((c, i) => {
    if (c.counts === 'levels') return;
    const taken = columnIds.get(c.id);
    if (taken !== undefined) {
      issues.push(src.issue(['columns', i, 'id'], 'column-id-taken', { id: c.id, owner: taken }));
    } else columnIds.set(c.id, { kind: 'column', index: i });
  });

  const rowIds = new Set<string>();
  let depth = -1;
  const rows: StatisticsRowDef[] = data.rows.map((r, i) => {
    if (rowIds.has(r.id)) issues.push(src.issue(['rows', i, 'id'], 'duplicate-row-id', { id: r.id }));
    rowIds.add(r.id);
    if (r.depth > depth + 1) {
      issues.push(src.issue(['rows', i, 'depth'], 'row-depth-jump', { depth: r.depth, above: Math.max(depth, 0) }));
    }
    depth = r.depth;
    const when = r.when ?? {};
    if (fields) {
      for (const field of CHOICE_FIELDS) {
        const cond = when[field];
        if (cond === undefined || cond === 'stated') continue;
        cond.forEach((value, k) => {
          if (value !== null && !fields[field].ids.includes(value)) {
            issues.push(src.issue(['rows', i, 'when', field, k], 'row-unknown-value', { value, field, values: fields[field].ids }));
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
  absent: (rel: string, listed: string) => Absent;
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
      const a = ctx.absent(rel, listed);
      issues.push(rootSrc.issue([key], a.code, a.args));
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
