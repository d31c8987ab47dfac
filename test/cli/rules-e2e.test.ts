// End-to-end: the rule-authoring commands (explain, show, diff, init), spawned; one snapshot per command line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnBin, type Ran } from './helpers.js';

/** Spawn the bin in `cwd` (paths in the output stay relative, so snapshots are stable). */
function spawnIn(cwd: string, args: string[]): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const snapshot = async (name: string, args: string[], input?: string, cwd?: string) => {
  const r = cwd ? spawnIn(cwd, args) : spawnBin(args, { NO_COLOR: '1' }, input);
  const stderr = r.stderr ? `\n--- stderr ---\n${r.stderr}` : '';
  await expect(`$ llct ${args.map((a) => (/[\s"]/u.test(a) ? JSON.stringify(a) : a)).join(' ')}\n\n${r.stdout}${stderr}\nExit code: ${r.code}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);
  return r;
};

describe('rules explain (spawned)', () => {
  const commands: [string, string[]][] = [
    ['rules-explain', ['rules', 'explain', 'Triết học Mác - Lênin (3 TC)']],
    ['rules-explain-en', ['rules', 'explain', 'Tư tưởng HCM học kì 2', '--lang', 'en']],
    ['rules-explain-unmatched', ['rules', 'explain', 'Lịch sử triết học Mác-Lênin']],
    ['rules-explain-unmatched-en', ['rules', 'explain', 'Pháp luật đại cương', '--lang', 'en']],
    ['rules-explain-table', ['rules', 'explain', 'Triết học Mác - Lênin (3 TC)', 'KTCT', 'Kỹ năng mềm']],
    ['rules-explain-table-en', ['rules', 'explain', 'CNXHKH', 'Đường lối CM của ĐCSVN', 'Quản trị học', '--lang', 'en']],
    ['rules-explain-json', ['rules', 'explain', 'Tư tưởng HCM', '--format', 'json']],
    ['rules-explain-code-many', ['rules', 'explain', 'A', 'B', '--code', 'X']],
  ];
  it.each(commands)('%s', async (name, args) => {
    await snapshot(name, args);
  });

  it('reads names from stdin, one per line', async () => {
    const r = await snapshot('rules-explain-stdin-csv', ['rules', 'explain', '-', '--format', 'csv'], 'Tư tưởng HCM\n\nCNXHKH\r\nKỹ năng mềm\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });
});

describe('rules show (spawned)', () => {
  const commands: [string, string[]][] = [
    ['rules-show', ['rules', 'show']],
    ['rules-show-en', ['rules', 'show', 'trung-cap', '--lang', 'en']],
    ['rules-show-csv', ['rules', 'show', 'so-cap', '--format', 'csv']],
    ['rules-show-unknown', ['rules', 'show', 'dai-hoc', '--lang', 'en']],
  ];
  it.each(commands)('%s', async (name, args) => {
    await snapshot(name, args);
  });

  it('--format json carries every program with its provenance', () => {
    const r = spawnBin(['rules', 'show', '--format', 'json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { schemaVersion: number; programs: { id: string; policy: { kind: string }; subjects: { lessons: { rules: string[] }[] }[] }[] };
    expect(view.schemaVersion).toBe(1);
    expect(view.programs.map((p) => p.id)).toEqual(['so-cap', 'trung-cap', 'cao-cap']);
    expect(view.programs[0]!.policy.kind).toBe('course');
  });
});

describe('rules init (spawned)', () => {
  it.each([
    ['rules-init', 'vi'],
    ['rules-init-en', 'en'],
  ])('%s: writes a rule set that rules check passes and check uses on a fixture', async (name, lang) => {
    const cwd = mkdtempSync(join(tmpdir(), 'llct-init-'));
    await snapshot(name, ['rules', 'init', 'quy-tac', '--lang', lang], undefined, cwd);
    const checked = spawnIn(cwd, ['rules', 'check', '--rules', 'quy-tac', '--lang', lang]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/my-centre/);
    const json = spawnIn(cwd, ['check', join(ROOT, 'fixtures/transcripts/era-2019.csv'), '--rules', 'quy-tac', '--as-of', '2021-01-01', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { ruleSet: { id: string }; programs: { id: string; verdict: string }[]; rows: { match: { ruleId: string } | null }[] };
    expect(json.code).toBe(0);
    expect(report.ruleSet.id).toBe('my-centre');
    expect(report.programs).toMatchObject([{ id: 'so-cap-mau', verdict: 'PASS' }]);
    expect(report.rows.filter((r) => r.match).map((r) => r.match!.ruleId)).toEqual(['triet-hoc']);
    // the files link their schemas for editor completion, and the schemas are there
    const root = JSON.parse(readFileSync(join(cwd, 'quy-tac/ruleset.json'), 'utf8')) as { $schema: string };
    expect(readFileSync(join(cwd, 'quy-tac', root.$schema), 'utf8')).toMatch(/"\$schema"/);
  });

  it('refuses a folder that is not empty', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'llct-init-'));
    writeFileSync(join(cwd, 'ghi-chu.txt'), 'x');
    await snapshot('rules-init-not-empty', ['rules', 'init', '.'], undefined, cwd);
    expect(readFileSync(join(cwd, 'ghi-chu.txt'), 'utf8')).toBe('x');
  });
});
