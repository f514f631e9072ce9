import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectAbstention, type AbstentionLabel } from '../../../src/scoring/abstention/index.js';

/**
 * Held-out responses, written after the lexicon was fixed and never used to tune it, so these
 * figures estimate how the detector does on unseen phrasing (the development set's are printed
 * by detector-accuracy.test.ts). The bound is looser than the development target on purpose.
 */
describe('abstention detector on held-out responses', () => {
  it('prints precision and recall of `abstain`; both ≥ 0.85', async () => {
    const rows = readFileSync(new URL('./heldout-responses.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((r) => r.trim() !== '' && !r.startsWith('#'))
      .map((r) => r.split('\t') as [AbstentionLabel, string]);
    let tp = 0, fp = 0, fn = 0, agree = 0;
    const misses: string[] = [];
    for (const [gold, response] of rows) {
      const { label } = await detectAbstention(response);
      if (label === gold) agree++;
      else misses.push(`  gold ${gold}, got ${label}: ${response}`);
      if (label === 'abstain' && gold === 'abstain') tp++;
      else if (label === 'abstain') fp++;
      else if (gold === 'abstain') fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`held-out (${rows.length} responses): abstain precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn}); three-way agreement ${agree}/${rows.length}`);
    if (misses.length) console.log(misses.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
