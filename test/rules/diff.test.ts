// rules diff over the shipped dossier fixtures: an edited rule changes exactly the dossiers that use it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDossiers } from '../../src/batch/discover.js';
import { dossierFacts } from '../../src/batch/evaluate.js';
import { readDossierFiles } from '../../src/batch/read-dossier.js';
import { scanBatchFolder } from '../../src/batch/scan.js';
import { buildSummaryRow } from '../../src/batch/summary.js';
import { diffCorpus, type DiffSide } from '../../src/rules/diff.js';
import { defaultRulesDir, loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';

const CORPUS = 'fixtures/dossiers/sample';
const shipped = await loadRuleSet();
const dossiers = discoverDossiers(await scanBatchFolder(CORPUS));

function sides(ruleSet: RuleSet): DiffSide[] {
  return dossiers.map((d) => {
    const facts = dossierFacts(readDossierFiles(CORPUS, d), { ruleSet, check: {}, defaultAsOf: '2021-01-01', read: {} });
    return { summary: buildSummaryRow(facts, 'en'), result: facts.result };
  });
}

/** A copy of the shipped rules with one mapping rule edited. */
async function edited(ruleId: string, edit: (rule: Record<string, unknown>) => void): Promise<RuleSet> {
  const dir = mkdtempSync(join(tmpdir(), 'llct-diff-'));
  cpSync(defaultRulesDir(), dir, { recursive: true });
  const file = join(dir, 'mapping.json');
  const mapping = JSON.parse(readFileSync(file, 'utf8')) as { rules: Record<string, unknown>[] };
  edit(mapping.rules.find((r) => r.id === ruleId)!);
  writeFileSync(file, JSON.stringify(mapping, null, 2));
  return loadRuleSet(dir);
}

const oldSides = sides(shipped);
/** Dossiers with a row that the rule matches and that counts (surely or optimistically) under the shipped rules. */
const using = (ruleId: string) =>
  oldSides.filter((s) => s.result?.rows.some((r) => r.match?.ruleId === ruleId && r.state !== 'not-counted')).map((s) => s.summary.dossier);

describe('rules diff', () => {
  it('identical rule sets: no change', () => {
    const diff = diffCorpus(oldSides.map((s, i) => ({ old: s, new: sides(shipped)[i]! })));
    expect(diff).toMatchObject({ dossiers: dossiers.length, changed: [], verdictChanges: 0, transitions: [] });
  });

  it('one rule losing target lessons changes exactly the dossiers that count a row by that rule', async () => {
    const next = sides(await edited('tthcm', (r) => (r.targets = (r.targets as string[]).filter((t) => !t.startsWith('SC')))));
    const diff = diffCorpus(oldSides.map((s, i) => ({ old: s, new: next[i]! })));
    expect(using('tthcm').length).toBeGreaterThanOrEqual(5);
    expect(diff.changed.map((d) => d.dossier)).toEqual(using('tthcm'));
    for (const d of diff.changed) {
      expect(d.rules).toEqual(['tthcm']);
      expect(d.rows.every((r) => r.old.ruleId === 'tthcm')).toBe(true);
      expect(d.programs.map((p) => p.programId)).toEqual(['so-cap']);
    }
    expect(diff.verdictChanges).toBeGreaterThan(0);
    expect(diff.transitions.reduce((n, t) => n + t.dossiers, 0)).toBe(diff.verdictChanges);
  });

  it('an edit that changes no decision (examples only) changes nothing', async () => {
    const next = sides(await edited('lich-su-dang', (r) => (r.examples = [])));
    const unchanged = diffCorpus(oldSides.map((s, i) => ({ old: s, new: next[i]! })));
    expect(unchanged.changed).toEqual([]);
  });
});
