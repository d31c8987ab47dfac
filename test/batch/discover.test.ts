import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDossiers, discoverUnlisted, isTranscriptFile, type FolderEntry } from '../../src/batch/discover.js';
import { listDossier, scanBatchFolder, scanBatchTop } from '../../src/batch/scan.js';

const file = (name: string): FolderEntry => ({ name, kind: 'file' });
const dir = (name: string, children: FolderEntry[]): FolderEntry => ({ name, kind: 'dir', children });

describe('discoverDossiers', () => {
  it('makes one dossier per sub-folder and per top-level transcript, sorted by name', () => {
    const ds = discoverDossiers([
      file('zeta.csv'),
      dir('b-person', [file('metadata.json'), file('2-second.csv'), file('1-first.json'), file('scan.pdf')]),
      dir('a-person', [file('bang-diem.tsv')]),
      file('notes.md'),
      file('.DS_Store'),
    ]);
    expect(ds.map((d) => [d.index, d.name, d.kind])).toEqual([
      [0, 'a-person', 'folder'],
      [1, 'b-person', 'folder'],
      [2, 'notes.md', 'unsupported'],
      [3, 'zeta.csv', 'file'],
    ]);
    expect(ds[1]).toMatchObject({
      transcripts: ['b-person/1-first.json', 'b-person/2-second.csv'],
      metadata: 'b-person/metadata.json',
      ignored: ['b-person/scan.pdf'],
    });
    expect(ds[3]).toMatchObject({ transcripts: ['zeta.csv'], metadata: null });
  });

  it('keeps a folder without transcripts as a dossier (it fails later with a reason)', () => {
    const ds = discoverDossiers([dir('empty', []), dir('only-scan', [file('form.pdf'), dir('nested', [])])]);
    expect(ds.map((d) => [d.name, d.transcripts.length])).toEqual([
      ['empty', 0],
      ['only-scan', 0],
    ]);
    expect(ds[1]!.ignored).toEqual(['only-scan/form.pdf']);
  });

  it('names every file of nested folders: transcript-looking ones apart (not read, not merged), the others ignored', () => {
    const [d] = discoverDossiers([
      dir('p', [
        file('bang-diem.csv'),
        file('Thumbs.db'),
        dir('scan', [file('ho-so.pdf'), file('desktop.ini')]),
        dir('bằng 2', [file('bang diem 2.csv'), file('.~lock.x#'), dir('cu', [file('old.json'), file('metadata.json')])]),
        dir('deep', [dir('deeper', [])]),
        { name: 'locked', kind: 'dir', children: [], unreadable: 'EACCES' },
        { name: 'too-deep', kind: 'dir' },
      ]),
    ]);
    expect(d).toMatchObject({
      transcripts: ['p/bang-diem.csv'],
      nested: ['p/bằng 2/bang diem 2.csv', 'p/bằng 2/cu/old.json'],
      ignored: ['p/bằng 2/cu/metadata.json', 'p/locked/', 'p/scan/ho-so.pdf', 'p/too-deep/'],
    });
  });

  it('keeps every non-transcript top-level file as an unsupported dossier; skips hidden and system files', () => {
    const ds = discoverDossiers([
      file('metadata.json'),
      file('b.docx'),
      file('scan.pdf'),
      file('.hidden.csv'),
      file('~$lock.csv'),
      file('.DS_Store'),
      file('Thumbs.db'),
      file('desktop.ini'),
      { name: 'dangling.csv', kind: 'other' },
    ]);
    expect(ds.map((d) => [d.name, d.kind])).toEqual([
      ['b.docx', 'unsupported'],
      ['dangling.csv', 'file'],
      ['metadata.json', 'unsupported'],
      ['scan.pdf', 'unsupported'],
    ]);
    expect(ds[0]).toMatchObject({ transcripts: [], metadata: null, ignored: [], nested: [] });
  });

  it('is independent of listing order', () => {
    const entries = [file('b.csv'), dir('a', [file('x.csv')]), file('C.json')];
    expect(discoverDossiers(entries)).toEqual(discoverDossiers([...entries].reverse()));
  });

  it('recognises transcript extensions case-insensitively', () => {
    expect(['a.CSV', 'b.tsv', 'c.txt', 'd.Json', 'e.XLSX', 'f.xls', 'g.ods'].every(isTranscriptFile)).toBe(true);
    expect(['a.pdf', 'b.docx', '.csv', '.xlsx'].some(isTranscriptFile)).toBe(false);
  });
});

describe('scanBatchFolder', () => {
  it('lists the sample fixture: 16 dossiers, one of them a lone file', async () => {
    const ds = discoverDossiers(await scanBatchFolder('fixtures/dossiers/sample'));
    expect(ds).toHaveLength(16);
    expect(ds.filter((d) => d.kind === 'file').map((d) => d.name)).toEqual(['nguyen-thi-lan.csv']);
    expect(ds.find((d) => d.name === '04-bang-hai')!.transcripts).toHaveLength(2);
  });

  it('refuses a path that is not a folder, saying what it is instead', async () => {
    await expect(scanBatchFolder('fixtures/dossiers/sample/nguyen-thi-lan.csv')).rejects.toMatchObject({ kind: 'usage', vi: expect.stringContaining('đây là một tệp, không phải thư mục') });
    await expect(scanBatchFolder('fixtures/dossiers/no-such-folder')).rejects.toMatchObject({ kind: 'system', code: 'ENOENT', vi: 'không đọc được thư mục: không có tệp hoặc thư mục này; kiểm tra lại đường dẫn' });
  });

  it('listing each dossier folder later (as a batch does, on its worker) gives the same dossiers in the same order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llct-lazy-'));
    try {
      cpSync('fixtures/dossiers/sample', root, { recursive: true });
      // a nested folder deeper than the listing goes, a hidden file, a decisions file, an unsupported top-level file
      mkdirSync(join(root, '01-x', 'a', 'b', 'c', 'd', 'e'), { recursive: true });
      writeFileSync(join(root, '01-x', 'a', 'b', 'old.csv'), 'x');
      writeFileSync(join(root, '01-x', '.hidden.csv'), 'x');
      writeFileSync(join(root, '01-x', 'decisions.csv'), 'x');
      writeFileSync(join(root, 'scan.pdf'), 'x');
      const eager = discoverDossiers(await scanBatchFolder(root));
      const unlisted = discoverUnlisted(scanBatchTop(root));
      expect(unlisted.map((d) => d.name)).toEqual(eager.map((d) => d.name));
      expect(unlisted.filter((d) => d.kind === 'folder').every((d) => d.unlisted === true && d.transcripts.length === 0)).toBe(true);
      expect(unlisted.map((d) => listDossier(root, d))).toEqual(eager);
      // a folder gone by the time it is listed fails on its own row, like an unreadable one
      rmSync(join(root, '01-x'), { recursive: true });
      const gone = listDossier(root, unlisted.find((d) => d.name === '01-x')!);
      expect(gone).toMatchObject({ name: '01-x', kind: 'folder', transcripts: [], unreadable: 'ENOENT' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
