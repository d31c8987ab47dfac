// End-to-end: the rule-authoring commands (explain, show, diff, init), spawned; one snapshot per command line.
import { describe, expect, it } from 'vitest';
import { spawnBin } from './helpers.js';

const snapshot = async (name: string, args: string[], input?: string) => {
  const r = spawnBin(args, { NO_COLOR: '1' }, input);
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
