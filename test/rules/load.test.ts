import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleFileError, type RuleIssue } from '../../src/errors.js';
import { wordFinding } from '../../src/findings/words.js';
import { defaultRulesDir, loadRuleSet } from '../../src/rules/load.js';
import { defaultFiles, toMap } from './builders.js';

const root = await mkdtemp(join(tmpdir(), 'llct-rules-'));
afterAll(() => rm(root, { recursive: true, force: true }));

let n = 0;
async function writeSet(edit: (files: Map<string, string | Uint8Array>) => void = () => {}): Promise<string> {
  const dir = join(root, `set${n++}`);
  const files: Map<string, string | Uint8Array> = toMap(defaultFiles());
  edit(files);
  for (const [rel, text] of files) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

async function loadIssues(dir: string): Promise<RuleIssue[]> {
  try {
    await loadRuleSet(dir);
  } catch (e) {
    if (e instanceof RuleFileError) return e.issues;
    throw e;
  }
  throw new Error('expected a RuleFileError');
}

describe('loadRuleSet', () => {
  it('loads a rule directory, or the path of its ruleset.json', async () => {
    const dir = await writeSet();
    expect((await loadRuleSet(dir)).programs.map((p) => p.id)).toEqual(['p1', 'p2']);
    const rs = await loadRuleSet(join(dir, 'ruleset.json'));
    expect(rs.dir).toBe(dir);
  });

  it('reports a missing directory and a directory without ruleset.json', async () => {
    expect(await loadIssues(join(root, 'nope'))).toEqual([
      { code: 'rules-dir-missing', args: { root: 'ruleset.json' }, file: join(root, 'nope'), place: { path: '$' } },
    ]);
    await mkdir(join(root, 'empty'));
    const [empty] = await loadIssues(join(root, 'empty'));
    expect(empty).toEqual({ code: 'root-not-here', args: { root: 'ruleset.json' }, file: join(root, 'empty', 'ruleset.json'), place: { path: '$' } });
    // the wording, once
    expect(wordFinding(empty!, 'vi')).toBe('không có tệp ruleset.json trong thư mục này; --rules cần thư mục chứa bộ quy tắc (có tệp ruleset.json)');
    expect(wordFinding(empty!, 'en')).toBe('no ruleset.json here; --rules expects a folder holding ruleset.json');
  });

  it('reports a missing program file and an unreadable one together, without crashing', async () => {
    const dir = await writeSet((files) => {
      files.delete('programs/p1.json');
      files.set('programs/p2.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    });
    const issues = await loadIssues(dir);
    expect(issues.map((i) => [i.file, i.place.path, i.code, i.args])).toEqual([
      [join(dir, 'ruleset.json'), '$.programs[0]', 'listed-missing', { listed: 'programs/p1.json', shown: join(dir, 'programs/p1.json') }],
      [
        join(dir, 'ruleset.json'),
        '$.programs[1]',
        'listed-unreadable',
        { listed: 'programs/p2.json', shown: join(dir, 'programs/p2.json'), reason: { kind: 'not-utf8' } },
      ],
    ]);
    expect(issues.map((i) => wordFinding(i, 'vi'))).toEqual([
      `không tìm thấy tệp "programs/p1.json" (${join(dir, 'programs/p1.json')})`,
      `tệp "programs/p2.json" không phải văn bản mã hóa UTF-8 (${join(dir, 'programs/p2.json')})`,
    ]);
  });

  it('reports an invalid ruleset.json with its place', async () => {
    const dir = await writeSet((files) => files.set('ruleset.json', '{\n  "id": "x",\n'));
    expect((await loadIssues(dir))[0]).toMatchObject({ file: join(dir, 'ruleset.json'), code: 'json-syntax', place: { line: 3 } });
  });
});

describe('defaultRulesDir', () => {
  it('is the package rules/ folder', () => {
    const dir = defaultRulesDir();
    expect(dir.endsWith('rules')).toBe(true);
    expect(existsSync(join(dir, 'ruleset.json'))).toBe(true);
  });
});
