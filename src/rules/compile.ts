// Compiles the texts of a rule set's JSON files into a RuleSet, collecting every problem before throwing.
// Each job lives in compile/: file listing, parsing and locating, grading, programs, dossier files, mapping, targets,
// examples.

import { join } from 'node:path';
import { RuleFileError, type RuleIssue } from '../errors.js';
import { compileDossierFiles } from './compile/dossier.js';
import { checkExamples } from './compile/examples.js';
import { listedByKind, resolveRulePath, ROOT_FILE, stripBom } from './compile/files.js';
import { checkRange, compileGrading } from './compile/grading.js';
import { compileMapping } from './compile/mapping.js';
import { compilePrograms } from './compile/programs.js';
import { msg, readFile, SourceFile, type Msg } from './compile/source.js';
import { mappingFileSchema, programFileSchema, ruleSetFileSchema, type MappingFile, type RuleSetFile } from './schema.js';
import type { LegalInstrument, RuleSet } from './types.js';

export { listedRuleFiles, resolveRulePath, ROOT_FILE } from './compile/files.js';
export type { Msg } from './compile/source.js';

/** Why a listed file could not be read: English only (older callers), or in both languages. */
export type Reason = string | Msg;
const reasonMsg = (r: Reason): Msg => (typeof r === 'string' ? msg(r, r) : r);

/**
 * Compile the rule set whose files (keyed by path relative to the rule directory) are given as text.
 * `unreadable` (optional, from the loader) names listed files that exist but could not be read, with the reason.
 */
export function compileRuleSet(
  files: Map<string, string>,
  dir: string,
  unreadable: ReadonlyMap<string, Reason> = new Map(),
): RuleSet {
  const issues: RuleIssue[] = [];
  const display = (rel: string) => (dir ? join(dir, rel) : rel);
  const absent = (rel: string, listed: string): Msg => {
    const reason = unreadable.get(rel);
    if (reason === undefined) {
      return msg(
        `listed file "${listed}" is missing (${display(rel)})`,
        `không tìm thấy tệp "${listed}" (${display(rel)})`,
      );
    }
    const { en, vi } = reasonMsg(reason);
    return msg(`listed file "${listed}" ${en} (${display(rel)})`, `tệp "${listed}" ${vi} (${display(rel)})`);
  };
  const texts = new Map<string, string>();
  for (const [k, v] of files) texts.set(resolveRulePath(k), stripBom(v));

  const rootText = texts.get(ROOT_FILE);
  if (rootText === undefined) {
    throw new RuleFileError([
      {
        file: display(ROOT_FILE),
        path: '$',
        message: `no ${ROOT_FILE}: a rule directory must hold ${ROOT_FILE}`,
        vi: `thiếu tệp ${ROOT_FILE}: thư mục bộ quy tắc phải có tệp ${ROOT_FILE}`,
      },
    ]);
  }
  const rootSrc = new SourceFile(display(ROOT_FILE), rootText);
  const root = readFile(rootSrc, ruleSetFileSchema, issues) as RuleSetFile | undefined;
  if (!root) {
    // Cross-references need a valid root; the files it seems to list are still checked on their own.
    const { programs, mapping } = listedByKind(rootText);
    for (const rel of programs) {
      const text = texts.get(rel);
      if (text !== undefined) readFile(new SourceFile(display(rel), text), programFileSchema, issues);
    }
    const text = mapping === undefined ? undefined : texts.get(mapping);
    if (mapping !== undefined && text !== undefined) readFile(new SourceFile(display(mapping), text), mappingFileSchema, issues);
    throw new RuleFileError(issues);
  }
  checkRange(rootSrc, ['effective'], root.effective, issues);
  const legalIds = new Map<string, number>();
  root.legalBasis.forEach((l, i) => {
    if (legalIds.has(l.id)) issues.push(rootSrc.issue(['legalBasis', i, 'id'], msg(`duplicate legal basis id "${l.id}"`, `trùng mã căn cứ pháp lý "${l.id}"`)));
    else legalIds.set(l.id, i);
  });
  const grading = compileGrading(rootSrc, root.grading, issues);

  const { programs, lessonIndex, complete } = compilePrograms(rootSrc, root, { texts, display, absent, legalIds }, issues);
  const dossier = compileDossierFiles(rootSrc, root, { texts, display, absent }, programs, issues);

  // --- mapping
  const ruleSetBase = {
    id: root.id,
    name: root.name,
    version: root.version,
    dir,
    effective: root.effective,
    periodsPerUnit: { credit: root.periodsPerUnit.credit, dvht: root.periodsPerUnit.dvht },
    grading,
    programs,
    lessonIndex,
    legalBasis: root.legalBasis.map(
      (l): LegalInstrument => ({
        id: l.id,
        date: l.date,
        title: l.title,
        effect: l.effect,
        provenance: { verified: l.verified, source: l.source },
      }),
    ),
    ...dossier,
  };
  const mapRel = resolveRulePath(root.mapping);
  const mapText = texts.get(mapRel);
  let mapping: MappingFile | undefined;
  let mapSrc: SourceFile | undefined;
  if (mapText === undefined) {
    issues.push(rootSrc.issue(['mapping'], absent(mapRel, root.mapping)));
  } else {
    mapSrc = new SourceFile(display(mapRel), mapText);
    mapping = readFile(mapSrc, mappingFileSchema, issues) as MappingFile | undefined;
  }
  if (!mapping || !mapSrc) throw new RuleFileError(issues);

  const compiled = compileMapping(mapSrc, mapping, issues, complete ? lessonIndex : undefined);
  const { clean, ...matching } = compiled;
  const ruleSet: RuleSet = { ...ruleSetBase, ...matching, mustNotMatch: mapping.mustNotMatch };
  // The examples test the matcher, so they are only meaningful on a mapping without problems of its own.
  if (clean) checkExamples(mapSrc, mapping, ruleSet, issues);
  if (issues.length > 0) throw new RuleFileError(issues);
  return ruleSet;
}
