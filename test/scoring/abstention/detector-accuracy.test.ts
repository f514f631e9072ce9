import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectAbstention, type AbstentionLabel } from '../../../src/scoring/abstention/index.js';

/** Hand-labelled responses (our own writing): label<TAB>response, `#` comments. */
function labelled(): { label: AbstentionLabel; response: string; line: number }[] {
  const text = readFileSync(new URL('./labelled-responses.tsv', import.meta.url), 'utf8');
  return text.split('\n').flatMap((row, i) => {
    if (row.trim() === '' || row.startsWith('#')) return [];
    const [label, response] = row.split('\t');
    return [{ label: label as AbstentionLabel, response: response!, line: i + 1 }];
  });
}

describe('abstention detector on the hand-labelled responses', () => {
  it('has ≥ 200 labelled responses covering all three labels', () => {
    const rows = labelled();
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const l of ['abstain', 'attempt', 'hedged_attempt']) expect(rows.filter((r) => r.label === l).length).toBeGreaterThanOrEqual(40);
  });

  it('precision and recall of `abstain` are both ≥ 0.95 (printed)', async () => {
    const rows = labelled();
    let tp = 0, fp = 0, fn = 0, agree = 0;
    const misses: string[] = [];
    for (const r of rows) {
      const { label, cues } = await detectAbstention(r.response);
      if (label === r.label) agree++;
      if (label === 'abstain' && r.label === 'abstain') tp++;
      else if (label === 'abstain') fp++;
      else if (r.label === 'abstain') fn++;
      if (label !== r.label) misses.push(`  line ${r.line}: gold ${r.label}, got ${label} (${cues.join(' ')}): ${r.response}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`abstention detector on ${rows.length} labelled responses: abstain precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn}); three-way agreement ${(agree / rows.length).toFixed(3)} (${agree}/${rows.length})`);
    if (misses.length) console.log(`disagreements:\n${misses.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
