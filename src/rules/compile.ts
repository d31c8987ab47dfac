// Compiles the texts of a rule set's JSON files into a RuleSet, collecting every problem before throwing.
// Each job lives in compile/: file listing, parsing and locating, grading, programs, dossier files, mapping, targets,
// examples.

import { join } from 'node:path';
import { RuleFileError } from '../errors.js';
import { ruleIssue, type Absent, type ReadFailure, type RuleIssue } from '../findings/rule-issues.js';
import { compileDossierFiles } from './compile/dossier.js';
import { checkExamples } from './compile/examples.js';
import { listedByKind, resolveRulePath, ROOT_FILE, stripBom } from './compile/files.js';
import { checkRange, compileGrading } from './compile/grading.js';
import { compileMapping } from './compile/mapping.js';
import { compilePrograms } from './compile/programs.js';
import { readFile, SourceFile } from './compile/source.js';
import { mappingFileSchema, programFileSchema, ruleSetFileSchema, type MappingFile, type RuleSetFile } from './schema.js';
import type { LegalInstrument, RuleSet } from './types.js';

export { listedRuleFiles, resolveRulePath, ROOT_FILE } from './compile/files.js';

/**
 * Compile the rule set whose files (keyed by path relative to the rule directory) are given as text.
 * `unreadable` (optional, from the loader) names listed files that exist but could not be read, with the reason.
 */
export function compileRuleSet(
  files: Map<string, string>,
  dir: string,
  unreadable: ReadonlyMap<string, ReadFailure> = new Map(),
): RuleSet {
  const issues: RuleIssue[] = [];
  const display = (rel: string) => (dir ? join(dir, rel) : rel);
  const absent = (rel: string, listed: string): Absent => {
    const reason = unreadable.get(rel);
    const shown = display(rel);
    return reason === undefined
      ? { code: 'listed-missing', args: { listed, shown } }
      : { code: 'listed-unreadable', args: { listed, shown, reason } };
  };
  const texts = new Map<string, string>();
  for (const [k, v] of files) texts.set(resolveRulePath(k), stripBom(v));

  const rootText = texts.get(ROOT_FILE);
  if (rootText === undefined) {
    throw new RuleFileError([ruleIssue(display(ROOT_FILE), 'root-missing', { root: ROOT_FILE })]);
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
    if (legalIds.has(l.id)) issues.push(rootSrc.issue(['legalBasis', i, 'id'], 'duplicate-legal-basis', { id: l.id }));
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
    const a = absent(mapRel, root.mapping);
    issues.push(rootSrc.issue(['mapping'], a.code, a.args));
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
