import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResumeState, resumeDifferences, resumeKey } from '../../src/runner/resume.js';
import { buildSuiteResult, type FinishedItem } from '../../src/runner/suite-result.js';
import type { DatasetProvenance } from '../../src/results/types.js';

const line = (id: string, outcome = 'correct', model = 'm', suite = 's') =>
  JSON.stringify({ item_id: id, model, suite, outcome, score: { outcome, values: { exact_match: outcome === 'correct' ? 1 : 0 }, stats: {}, flags: [] }, timing: [], usage: {}, output_chars: 1 });

describe('loadResumeState', () => {
  it('keeps finished items once, drops a torn last line, failed items and duplicates, and rewrites the file', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'jpeval-resume-')), 'samples.jsonl');
    await writeFile(file, [line('a'), line('b', 'error'), line('c', 'incorrect'), line('a'), line('d', 'correct', 'm2'), line('e').slice(0, 30)].join('\n'));
    const state = await loadResumeState(file);
    expect(state.kept).toBe(3);
    expect(state.dropped).toEqual({ torn: 1, errors: 1, duplicates: 1, unreadable: 0 });
    expect([...state.done.get(resumeKey('m', 's'))!.keys()]).toEqual(['a', 'c']);
    expect([...state.done.get(resumeKey('m2', 's'))!.keys()]).toEqual(['d']);
    const rewritten = (await readFile(file, 'utf8')).split('\n');
    expect(rewritten.filter(Boolean).map((l) => JSON.parse(l).item_id)).toEqual(['a', 'c', 'd']);
    expect(rewritten.at(-1)).toBe(''); // ends with a newline: appends start on a fresh line
  });

  it('leaves an intact file untouched', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'jpeval-resume-')), 'samples.jsonl');
    const text = `${line('a')}\n${line('b')}\n`;
    await writeFile(file, text);
    expect((await loadResumeState(file)).dropped).toEqual({ torn: 0, errors: 0, duplicates: 0, unreadable: 0 });
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('resumeDifferences', () => {
  const datasets: DatasetProvenance[] = [{ suite: 's', split: 'valid', files: [{ path: '/d/a.jsonl', sha256: 'aaaa', records: 3, skipped: 0 }], suite_file_sha256: 'ffff' }];
  const config = { models: [{ id: 'm', concurrency: 4, settings: { dtype: 'fp32', threads: 2 } }], suites: ['s@1'], seed: 1, shots: 0, limit: null, shard: null };
  it('allows speed-only changes and names every other difference', () => {
    expect(resumeDifferences({ config, datasets }, { config: { ...config, models: [{ id: 'm', concurrency: 32, settings: { dtype: 'fp32', threads: 8 } }] }, datasets })).toEqual([]);
    const diffs = resumeDifferences(
      { config, datasets },
      {
        config: { ...config, seed: 2, shots: 3, suites: ['s@2'], models: [{ id: 'm', settings: { dtype: 'q8' } }] },
        datasets: [{ ...datasets[0]!, files: [{ ...datasets[0]!.files[0]!, sha256: 'bbbb' }] }],
      },
    );
    expect(diffs.join('\n')).toMatch(/model m settings: run has .*fp32.*q8/);
    expect(diffs.join('\n')).toMatch(/suites \(name@version\): run has \["s@1"\], this command has \["s@2"\]/);
    expect(diffs.join('\n')).toMatch(/shots: run has 0, this command has 3/);
    expect(diffs.join('\n')).toMatch(/seed: run has 1, this command has 2/);
    expect(diffs.join('\n')).toMatch(/dataset of s: run read .*aaaa.*this command reads .*bbbb/);
  });
  it('names a few-shot difference as such, not as the (unchanged) test files', () => {
    const withShots: DatasetProvenance[] = [{ ...datasets[0]!, fewshot: { split: 'valid', files: datasets[0]!.files, held_out: 2 } }];
    const diffs = resumeDifferences({ config, datasets }, { config: { ...config, shots: 2 }, datasets: withShots });
    expect(diffs).toHaveLength(2);
    expect(diffs[1]).toMatch(/^few-shot examples of s: run read \(not set\), this command reads \["\/d\/a.jsonl@aaaa"\]/);
    expect(diffs.join('\n')).not.toMatch(/dataset of s/);
  });
});

describe('buildSuiteResult', () => {
  it('gives the same scores and intervals whatever order items finished in', () => {
    const items: FinishedItem[] = Array.from({ length: 40 }, (_, i) => ({
      item_id: `i${i}`,
      score: { outcome: i % 3 ? 'correct' : 'incorrect', values: { exact_match: i % 3 ? 1 : 0 }, stats: {}, flags: [] },
      timing: [{ startedAt: i, endedAt: i + 1, latencyMs: 1, attempts: 1 }],
      usage: {},
      output_chars: 1,
    }));
    const input = { suite: { name: 's', version: 1, category: 'QA', metrics: ['exact_match'] }, modelId: 'm', mode: 'generate' as const, shots: 0, seed: 7, skipped: 0, judged: false, total: 40, stopped: false };
    const a = buildSuiteResult(input as never, items);
    const b = buildSuiteResult(input as never, [...items].reverse());
    expect(b.metrics).toEqual(a.metrics);
    expect(a.metrics.exact_match!.ci95[0]).toBeLessThan(a.metrics.exact_match!.value!);
    expect(a.complete).toBe(true);
    expect(buildSuiteResult({ ...input, total: 41 } as never, items).complete).toBe(false);
  });
});
