import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeMetric } from '../../src/scoring/aggregate.js';
import { extractChoice } from '../../src/scoring/extractors/choice.js';
import { metrics } from '../../src/scoring/metrics/index.js';
import type { MeanMetric, CorpusMetric } from '../../src/scoring/types.js';
import { makeItem, CTX } from './helpers.js';

// Real JGLUE files, read in place (never copied into the project); skipped when absent.
// describe() bodies run even when skipped, so reads go through this guard.
const readIfPresent = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = process.env['JPEVAL_SHARED_DATASETS'] ?? path.resolve(projectRoot, '../shared/datasets');
const jglue = path.join(sharedDir, 'jglue');
const jsquadFile = path.join(jglue, 'jsquad-v1.1/valid-v1.1.json');
const jstsFile = path.join(jglue, 'jsts-v1.1/valid-v1.1.json');
const jcqaFile = path.join(jglue, 'jcommonsenseqa-v1.1/valid-v1.1.json');

const mean = (name: string) => metrics.get(name) as MeanMetric;

describe.skipIf(!existsSync(jsquadFile))('JSQuAD valid (real data)', () => {
  interface Qa { question: string; answers: { text: string }[] }
  const data = JSON.parse(readIfPresent(jsquadFile) || '{"data":[]}') as { data: { paragraphs: { context: string; qas: Qa[] }[] }[] };
  const qas = data.data.flatMap((d) => d.paragraphs.flatMap((p) => p.qas.map((qa) => ({ qa, context: p.context })))).slice(0, 500);

  it('gold answers score 1 on exact_match, char_f1, token_f1 and rouge_l against themselves', async () => {
    for (const { qa } of qas) {
      const refs = qa.answers.map((a) => a.text);
      const input = { prediction: refs[0] as string, raw: refs[0] as string, item: makeItem({ references: refs }) };
      for (const name of ['exact_match', 'char_f1', 'token_f1', 'rouge_l']) {
        expect(await mean(name).score(input, CTX), `${name} on ${refs[0]}`).toBe(1);
      }
    }
  });

  it('answering with the question stays within [0, 1] and well below 1 on average', async () => {
    let sum = 0;
    const t0 = performance.now();
    for (const { qa } of qas) {
      const input = { prediction: qa.question, raw: qa.question, item: makeItem({ references: qa.answers.map((a) => a.text) }) };
      const v = (await mean('token_f1').score(input, CTX)) as number;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      sum += v;
    }
    console.log(`token_f1 on ${qas.length} JSQuAD items: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(sum / qas.length).toBeLessThan(0.5);
  });
});

describe.skipIf(!existsSync(jstsFile))('JSTS valid (real data)', () => {
  const golds = readIfPresent(jstsFile).trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { label: number }).label);

  it('gold against itself: pearson = spearman = 1; bootstrap over 1457 items is quick', () => {
    const stats = golds.map((g) => [g, g]);
    for (const name of ['pearson', 'spearman']) {
      const m = metrics.get(name) as CorpusMetric;
      expect(m.reduce(stats)).toBeCloseTo(1, 12);
    }
    const t0 = performance.now();
    const s = summarizeMetric(metrics.get('spearman'), stats.map(([g], i) => [g as number, (g as number) + ((i * 37) % 7) / 7]), { seed: 1 });
    console.log(`spearman bootstrap (1000 resamples × ${golds.length}): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(s.ci95[0]).toBeLessThanOrEqual(s.value);
  });
});

describe.skipIf(!existsSync(jcqaFile))('JCommonsenseQA valid (real data)', () => {
  const records = readIfPresent(jcqaFile).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  it('answering with the gold choice text, or "label. text", maps to the gold label', () => {
    for (const r of records) {
      const choices = [0, 1, 2, 3, 4].map((i) => String(r[`choice${i}`]));
      const gold = r['label'] as number;
      const labels = choices.map((_, i) => String(i));
      const item = makeItem({ choices, goldIndex: gold });
      // A choice text equal to another choice's label would be ambiguous; JCommonsenseQA has none.
      expect(extractChoice(choices[gold] as string, item, labels)).toBe(String(gold));
      expect(extractChoice(`${gold}. ${choices[gold]}`, item, labels)).toBe(String(gold));
    }
  });
});
