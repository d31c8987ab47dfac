// The text and HTML renderers keep pieces they wrote (subject tables and rows, notices in words) and reuse them for
// the next report showing the same values: a reused piece must be exactly what writing it afresh gives.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { CheckResult } from '../../src/coverage/types.js';
import type { Lang } from '../../src/lang.js';
import { renderHtml } from '../../src/report/html.js';
import type { Styles } from '../../src/report/styles.js';
import { renderText } from '../../src/report/text.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { readTranscriptFile } from '../../src/transcript/read-file.js';

const marked = (tag: string) => (s: string) => `<${tag}>${s}</${tag}>`;
const coloured: Styles = { bold: marked('b'), dim: marked('d'), pass: marked('p'), fail: marked('f'), review: marked('r'), warn: marked('w') };

function reports(results: CheckResult[], ruleSet: RuleSet, lang: Lang): string[] {
  return results.map(
    (r) =>
      renderText(r, ruleSet, { lang }) +
      renderText(r, ruleSet, { lang, color: coloured }) +
      renderHtml(r, ruleSet, { lang, dossier: 'd', toolVersion: '0.0.0' }),
  );
}

describe('pieces reused across reports', async () => {
  // two loads of the rule set: two separate sets of kept pieces
  const first = await loadRuleSet();
  const second = await loadRuleSet();
  const dir = 'fixtures/transcripts';
  const results: CheckResult[] = [];
  for (const f of readdirSync(dir).filter((x) => /\.(csv|json)$/.test(x))) {
    const transcript = await readTranscriptFile(`${dir}/${f}`);
    for (const asOf of ['2010-01-01', '2016-09-01', '2024-06-01']) results.push(checkTranscript(transcript, first, { asOf }));
  }

  it('covers results of several kinds', () => expect(results.length).toBeGreaterThan(20));

  for (const lang of ['vi', 'en'] as const) {
    it(`are what writing afresh gives, whatever the order (${lang})`, () => {
      // each report once in order, then again (every piece reused), against the reports in reverse order under the
      // other load (each piece written by whichever report needs it first)
      const inOrder = reports(results, first, lang);
      expect(reports(results, first, lang)).toEqual(inOrder);
      expect(reports([...results].reverse(), second, lang).reverse()).toEqual(inOrder);
    }, 60_000);
  }
});
