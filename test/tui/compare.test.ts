import { describe, expect, it } from 'vitest';
import { compareRuns, pairSuites } from '../../src/tui/compare.js';
import { exactMcNemarP as mcnemarExactP } from '../../src/stats/mcnemar.js';
import { readRunView, samplesFile } from '../../src/tui/results-source.js';
import { ITEMS_A, ITEMS_B, tempRoot, writeRun } from './fixtures.js';

describe('comparing two runs', () => {
  it('pairs suites, counts gained and lost items and gives the McNemar p', async () => {
    const root = await tempRoot();
    const a = await writeRun(root, 'a', [{ model: 'old-model', suite: 'qa', items: ITEMS_A }]);
    const b = await writeRun(root, 'b', [{ model: 'new-model', suite: 'qa', items: ITEMS_B }]);
    const [ra, rb] = [await readRunView(a), await readRunView(b)];
    const cmp = await compareRuns(ra, samplesFile(a), rb, samplesFile(b));
    expect(cmp.diffs).toHaveLength(1);
    const d = cmp.diffs[0]!;
    // A correct: q1, q4.  B correct: q2, q4, q5, q6.  Gained q2, q5, q6; lost q1.
    expect(d).toMatchObject({ suite: 'qa', modelA: 'old-model', modelB: 'new-model', paired: 6, gained: 3, lost: 1 });
    expect(d.p).toBeCloseTo(mcnemarExactP(3, 1), 12);
    expect(d.p).toBeCloseTo(0.625, 12); // 2·(1+4)/16
    expect(d.valueA).toBeCloseTo(2 / 5, 12);
    expect(d.delta).toBeCloseTo(4 / 6 - 2 / 5, 12);
    expect(cmp.flips[0]!.map((f) => `${f.itemId}:${f.outcomeA}>${f.outcomeB}`)).toEqual(['q1:correct>incorrect', 'q2:incorrect>correct', 'q5:incorrect>correct', 'q6:error>correct']);
  });

  it('pairs by model when both runs have several models on a suite', async () => {
    const root = await tempRoot();
    const a = await readRunView(await writeRun(root, 'a', [{ model: 'x', suite: 'qa', items: ITEMS_A }, { model: 'y', suite: 'qa', items: ITEMS_A }, { model: 'x', suite: 'only-a', items: ITEMS_A }]));
    const b = await readRunView(await writeRun(root, 'b', [{ model: 'y', suite: 'qa', items: ITEMS_B }, { model: 'z', suite: 'qa', items: ITEMS_B }]));
    expect(pairSuites(a, b).map((p) => `${p.suite}:${p.a.model}>${p.b.model}`)).toEqual(['qa:y>y']);
  });
});
