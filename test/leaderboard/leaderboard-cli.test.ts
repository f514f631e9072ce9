import { readdir, readFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeLeaderboardRuns, XSS } from './site-fixture.js';
import type { LeaderboardData } from '../../src/leaderboard/types.js';

describe('jpeval leaderboard (real runs from a scripted server)', () => {
  let fx: Awaited<ReturnType<typeof makeLeaderboardRuns>>;
  let out: string;
  let data: LeaderboardData;
  beforeAll(async () => {
    fx = await makeLeaderboardRuns();
    out = path.join(fx.dir, 'board');
    const res = await runCli(['leaderboard', path.dirname(fx.run1), '--out', out]);
    // Labels drop the shared server URL when the model name is unique; the same model in two runs is told apart by run id.
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('4 model run(s) × 3 suite(s) from 2 run(s)');
    data = JSON.parse(await readFile(path.join(out, 'leaderboard.json'), 'utf8'));
  }, 120_000);

  const entry = (name: string, run?: string) => data.entries.find((e) => e.model.endsWith(`#${name}`) && (!run || e.run_id === path.basename(run)))!;

  it('labels: unique model names without the server URL; a model in two runs gets its run id', () => {
    expect(data.entries.map((e) => e.label).sort()).toEqual([`ace @ ${path.basename(fx.run1)}`, `ace @ ${path.basename(fx.run2)}`, 'half', 'wild']);
  });

  it('cells carry value, interval and n at full precision', () => {
    const half = entry('half');
    const cell = data.cells.find((c) => c.entry === half.id && c.suite === 'mini-mc')!;
    expect(cell).toMatchObject({ value: 0.5, n: 10, group: 0, complete: true });
    expect(cell.ci95[0]).toBeLessThan(0.5);
    expect(cell.ci95[1]).toBeGreaterThan(0.5);
  });

  it('keeps a run on a different item set apart, with the reason', () => {
    const groups = data.groups.filter((g) => g.suite === 'mini-mc');
    expect(groups).toHaveLength(2);
    expect(groups[0]!.entries).toHaveLength(3);
    expect(groups[1]!.reason).toBe('item set differs (6 vs 10 items)');
    const apart = data.summary.find((s) => s.entry === groups[1]!.entries[0])!;
    expect(apart.ranked).toBe(false);
    expect(data.summary_ranking.map((r) => r.entry)).not.toContain(apart.entry);
  });

  it('pairwise: exact McNemar on the discordant items, Holm within the suite, gained/lost items', () => {
    const g = data.groups.find((x) => x.suite === 'mini-mc' && x.group === 0)!;
    const ace = entry('ace', fx.run1).id;
    const half = entry('half').id;
    const wild = entry('wild').id;
    const find = (a: string, b: string) => g.pairwise.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))!;
    const ah = find(ace, half);
    // ace 10/10, half 5/10: 5 discordant items all for ace → p = 2/32.
    expect(ah.test).toBe('mcnemar');
    expect(ah.p).toBeCloseTo(2 / 32, 12);
    expect(Math.abs(ah.difference)).toBeCloseTo(0.5, 12);
    expect(ah.gained + ah.lost).toBe(5);
    // ace vs wild: 10 discordant → 2/1024; Holm over the three pairs.
    const aw = find(ace, wild);
    expect(aw.p).toBeCloseTo(2 / 1024, 12);
    expect(aw.p_holm).toBeCloseTo(3 * (2 / 1024), 12);
    expect(ah.p_holm).toBeCloseTo(Math.max(2 * (2 / 32), 3 * (2 / 1024)), 12);
    // Only ace–wild survives Holm (0.0059 < 0.05; the two 5-item pairs are at 0.125): ace ranks 1–2,
    // half 1–3, wild 2–3; ace and half tie, wild starts a new group.
    const bounds = (id: string) => g.ranking.find((r) => r.entry === id)!;
    expect([ace, half, wild].map((id) => [bounds(id).rank_best, bounds(id).rank_worst, bounds(id).tie_group])).toEqual([
      [1, 2, 1],
      [1, 3, 1],
      [2, 3, 2],
    ]);
  });

  it('throughput per model and suite; Markdown and CSV written from leaderboard.json', async () => {
    expect(data.throughput).toHaveLength(10);
    expect(data.throughput.every((t) => t.requests > 0 && t.latency_ms.p50 >= 0)).toBe(true);
    const md = await readFile(path.join(out, 'leaderboard.md'), 'utf8');
    expect(md).toContain('## Pairwise comparisons');
    expect(md).toContain('item set differs (6 vs 10 items)');
    expect(md).not.toContain('<img');
    const csv = await readFile(path.join(out, 'leaderboard.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^model,run_id,suite,category/);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 10);
  });

  it('escapes untrusted model output everywhere in the site', async () => {
    const files = ['index.html', 'items.html', 'compare.html'];
    for (const f of files) {
      const html = await readFile(path.join(out, f), 'utf8');
      expect(html).not.toContain(XSS);
      expect(html).not.toContain('<img');
    }
    const chunkDir = path.join(out, 'items', entry('wild').id);
    const chunks = await readdir(chunkDir);
    const text = (await Promise.all(chunks.map((c) => readFile(path.join(chunkDir, c), 'utf8')))).join('\n');
    expect(text).not.toContain('</script>');
    expect(text).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(text).toContain('富士山です');
  });

  it('a malformed samples line is an error naming file and line; a torn last line is skipped with a warning', async () => {
    await appendFile(path.join(fx.run2, 'samples.jsonl'), '{"schema_version":1,"run_id":"x"');
    const torn = await runCli(['leaderboard', fx.run2, '--out', path.join(fx.dir, 'b2')]);
    expect(torn.code).toBe(0);
    expect(torn.stderr).toMatch(/samples\.jsonl:7: torn last line skipped/);
    await appendFile(path.join(fx.run2, 'samples.jsonl'), '\n{}\n');
    const bad = await runCli(['leaderboard', fx.run2, '--out', path.join(fx.dir, 'b3')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/samples\.jsonl:7: not valid JSON/);
    const missing = await runCli(['leaderboard', path.join(fx.dir, 'nope'), '--out', path.join(fx.dir, 'b4')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope: no such directory');
  });
});
