// `rules explain` and `check` choose the same rule for every row of every fixture transcript (issue 13).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import { KnownError } from '../../src/errors.js';
import { explainName } from '../../src/coverage/explain.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { loadJsonReader, parseTranscript } from '../../src/transcript/parse.js';
import { loadSpreadsheetLibrary } from '../../src/transcript/spreadsheet.js';
import type { Transcript } from '../../src/transcript/types.js';

const rs = await loadRuleSet();
await loadSpreadsheetLibrary();
await loadJsonReader();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(csv|tsv|txt|json|xlsx|xls|ods)$/iu.test(n) && n !== 'metadata.json' ? [p] : [];
  });
}

/** Every fixture that parses (in UTF-8 or, failing that, windows-1258); broken fixtures have no rows to compare. */
function transcripts(): { file: string; transcript: Transcript }[] {
  const out: { file: string; transcript: Transcript }[] = [];
  for (const file of files('fixtures')) {
    const bytes = readFileSync(file);
    for (const encoding of [undefined, 'windows-1258'] as const) {
      try {
        out.push({ file, transcript: parseTranscript(bytes, file, encoding ? { encoding } : {}) });
        break;
      } catch (e) {
        if (!(e instanceof KnownError)) throw e;
      }
    }
  }
  return out;
}

describe('rules explain agrees with check', () => {
  const all = transcripts();

  it('reads enough fixture transcripts to mean something', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.reduce((n, t) => n + t.transcript.rows.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it.each(all.map((t) => [t.file, t.transcript] as const))('%s: same key and same rule on every row', (_file, transcript) => {
    const result = checkTranscript(transcript, rs, { asOf: '2020-06-01' });
    for (const outcome of result.rows) {
      const row = transcript.rows.find((r) => r.id === outcome.rowId)!;
      const ex = explainName(rs, row.name, row.code);
      expect({ name: row.name, key: ex.steps.key, match: ex.match }).toEqual({ name: row.name, key: outcome.key, match: outcome.match });
    }
  });
});

describe('explainName', () => {
  it('records each normalisation step, the abbreviation applied and the exact-name winner', () => {
    const ex = explainName(rs, 'Tư tưởng HCM');
    expect(ex.steps).toMatchObject({ lower: 'tư tưởng hcm', plain: 'tu tuong hcm', key: 'tu tuong ho chi minh' });
    expect(ex.steps.expanded).toContainEqual({ from: 'hcm', to: 'ho chi minh' });
    expect(ex.match).toMatchObject({ ruleId: 'tthcm', by: 'name' });
    expect(ex.feeds.map((f) => f.programId)).toEqual(['so-cap', 'trung-cap', 'cao-cap']);
    for (const f of ex.feeds) expect(f.lessons.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 9);
  });

  it('lists keyword candidates with found, missed and excluded words', () => {
    const ex = explainName(rs, 'Lịch sử triết học Mác-Lênin');
    expect(ex.match).toBeNull();
    const th = ex.candidates.keywords.find((k) => k.ruleId === 'triet-hoc')!;
    expect(th.specificity).toBe(-1);
    expect(th.sets[0]).toMatchObject({ found: ['triet hoc', 'mac lenin'], missed: [], excludedBy: ['lich su'], matched: false });
    expect(ex.suggestions).toHaveLength(3);
  });

  it('reads a term number as an attempt marker, never a part', () => {
    expect(explainName(rs, 'Tư tưởng HCM học kì 2').number).toEqual({ kind: 'attempt', words: 'ki 2' });
    expect(explainName(rs, 'Triết học 2').number).toMatchObject({ kind: 'part', part: 2, base: 'triet hoc' });
  });

  it('a code beats keywords', () => {
    const code = rs.rules.find((r) => r.match.codes.length > 0);
    if (!code) return;
    const ex = explainName(rs, 'Môn gì đó', code.match.codes[0]);
    expect(ex.match).toMatchObject({ ruleId: code.id, by: 'code' });
  });
});

describe('explainName with near matches, attempts and typical periods', () => {
  it('names the leftover words of a near match as written, from the same match check makes', () => {
    const ex = explainName(rs, 'Tư tưởng Hồ Chí Minh - Quân sự');
    expect(ex.match).toMatchObject({ ruleId: 'tthcm', by: 'keywords', leftover: ['quan', 'su'] });
    expect(ex.leftover).toEqual(['quân', 'sự']);
  });

  it('records the attempt markers removed before matching', () => {
    const ex = explainName(rs, 'Triết học Mác-Lênin (học lại lần 2)');
    expect(ex.steps.attempts).toEqual(['hoc lai', 'lan 2']);
    expect(ex.steps.key).toBe('triet hoc mac lenin');
    expect(ex.match).toMatchObject({ ruleId: 'triet-hoc', by: 'name' });
  });

  it("gives the rule's typicalPeriods and what the optimistic reading assumes per lesson", () => {
    const ex = explainName(rs, 'Tư tưởng Hồ Chí Minh');
    const rule = rs.rules.find((r) => r.id === 'tthcm')!;
    expect(ex.typicalPeriods).toBe(rule.typicalPeriods);
    for (const f of ex.feeds) expect(f.lessons.reduce((s, l) => s + l.assumed, 0)).toBeCloseTo(rule.typicalPeriods!, 9);
  });
});
