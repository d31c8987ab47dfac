// End-to-end: the rule-authoring commands (explain, show, diff, init), spawned; one snapshot per command line.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnBin, type Ran } from './helpers.js';

/** Spawn the bin in `cwd` (paths in the output stay relative, so snapshots are stable). */
function spawnIn(cwd: string, args: readonly string[]): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const snapshot = async (name: string, args: readonly string[], input?: string, cwd?: string) => {
  const r = cwd ? spawnIn(cwd, args) : spawnBin([...args], { NO_COLOR: '1' }, input);
  const stderr = r.stderr ? `\n--- stderr ---\n${r.stderr}` : '';
  await expect(`$ llct ${args.map((a) => (/[\s"]/u.test(a) ? JSON.stringify(a) : a)).join(' ')}\n\n${r.stdout}${stderr}\nExit code: ${r.code}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);
  return r;
};

describe('rules explain (spawned)', () => {
  const commands: [string, string[]][] = [
    ['rules-help', ['rules', '--help']],
    ['rules-help-en', ['rules', '--help', '--lang', 'en']],
    ['rules-explain', ['rules', 'explain', 'Triết học Mác - Lênin (3 TC)']],
    ['rules-explain-en', ['rules', 'explain', 'Tư tưởng HCM học kì 2', '--lang', 'en']],
    ['rules-explain-unmatched', ['rules', 'explain', 'Lịch sử triết học Mác-Lênin']],
    ['rules-explain-near', ['rules', 'explain', 'Tư tưởng Hồ Chí Minh - Quân sự']],
    ['rules-explain-attempt-en', ['rules', 'explain', 'Triết học Mác-Lênin (học lại lần 2)', '--lang', 'en']],
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

describe('rules diff (spawned)', () => {
  /** A folder holding the shipped rules (cu), a copy with the tthcm rule losing its sơ cấp lessons (moi), the dossiers (ho-so). */
  function workspace(): string {
    const cwd = mkdtempSync(join(tmpdir(), 'llct-diff-'));
    symlinkSync(join(ROOT, 'rules'), join(cwd, 'cu'));
    symlinkSync(join(ROOT, 'fixtures/dossiers/sample'), join(cwd, 'ho-so'));
    cpSync(join(ROOT, 'rules'), join(cwd, 'moi'), { recursive: true });
    const file = join(cwd, 'moi/mapping.json');
    const mapping = JSON.parse(readFileSync(file, 'utf8')) as { rules: { id: string; targets: string[] }[] };
    const rule = mapping.rules.find((r) => r.id === 'tthcm')!;
    // TTHCM feeds SC01, SC08, SC12 (§5); without them it no longer counts towards sơ cấp at all
    rule.targets = rule.targets.filter((t) => !t.startsWith('SC'));
    writeFileSync(file, JSON.stringify(mapping, null, 2));
    return cwd;
  }

  it.each([
    ['rules-diff-same', ['rules', 'diff', '--old', 'cu', '--new', 'cu', 'ho-so', '--as-of', '2021-01-01'], 0],
    ['rules-diff-same-en', ['rules', 'diff', '--old', 'cu', '--new', 'cu', 'ho-so', '--as-of', '2021-01-01', '--lang', 'en'], 0],
    ['rules-diff-edited', ['rules', 'diff', '--old', 'cu', '--new', 'moi', 'ho-so', '--as-of', '2021-01-01', '--out', 'thay-doi.csv'], 1],
    ['rules-diff-edited-en', ['rules', 'diff', '--old', 'cu', '--new', 'moi', 'ho-so', '--as-of', '2021-01-01', '--lang', 'en'], 1],
    ['rules-diff-no-old', ['rules', 'diff', 'ho-so'], 2],
  ] as const)('%s', async (name, args, code) => {
    const cwd = workspace();
    const r = await snapshot(name, [...args], undefined, cwd);
    expect(r.code).toBe(code);
    if (args.includes('--out')) {
      await expect(readFileSync(join(cwd, 'thay-doi.csv'), 'utf8')).toMatchFileSnapshot('./__snapshots__/rules-diff-edited.csv');
    }
  });

  it('--format json lists the same dossiers with English ids', () => {
    const cwd = workspace();
    const r = spawnIn(cwd, ['rules', 'diff', '--old', 'cu', '--new', 'moi', 'ho-so', '--as-of', '2021-01-01', '--format', 'json']);
    const diff = JSON.parse(r.stdout) as { changed: { dossier: string; rules: string[] }[]; transitions: { programId: string; from: string; to: string }[] };
    expect(r.code).toBe(1);
    expect(diff.changed.length).toBe(12);
    expect(new Set(diff.changed.flatMap((d) => d.rules))).toEqual(new Set(['tthcm']));
    expect(diff.transitions).toContainEqual({ programId: 'so-cap', from: 'PASS', to: 'FAIL', dossiers: 8 });
  });

  it('reads spreadsheet dossiers and the checking options as batch does (--level)', () => {
    const cwd = workspace();
    const corpus = join(cwd, 'bang-tinh');
    cpSync(join(ROOT, 'fixtures/transcripts/era-2019.xlsx'), join(corpus, 'a/bang-diem.xlsx'));
    const r = spawnIn(cwd, ['rules', 'diff', '--old', 'cu', '--new', 'moi', 'bang-tinh', '--level', 'so-cap', '--format', 'json', '--as-of', '2021-01-01']);
    const diff = JSON.parse(r.stdout) as { changed: { dossier: string; programs: { programId: string }[]; rules: string[] }[] };
    expect(r.code, r.stderr).toBe(1);
    expect(diff.changed).toMatchObject([{ dossier: 'a', programs: [{ programId: 'so-cap' }], rules: ['tthcm'] }]);
  });
});
