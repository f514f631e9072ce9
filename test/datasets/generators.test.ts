import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generators } from '../../src/datasets/generators/index.js';
import { pick, recordRng } from '../../src/datasets/generators/seeded.js';
import type { ItemGenerator } from '../../src/datasets/generators/types.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { promptText, renderPrompt } from '../../src/suites/render.js';
import { suiteSchema, type Suite } from '../../src/suites/schema.js';

/** A generator for these tests only: arithmetic questions whose operands come from the record PRNG. */
const testGenerator: ItemGenerator = {
  name: 'test-sums',
  version: 3,
  description: 'a + b questions (tests only)',
  generate(seed, count) {
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng('test-sums', seed, i);
      const a = Math.floor(rng() * 100);
      const b = Math.floor(rng() * 100);
      const template = pick(rng, ['plain', 'kanji']);
      return { question: template === 'plain' ? `${a}+${b}は？` : `${a}と${b}の和は？`, answer: String(a + b), template };
    });
  },
};
const badGenerator: ItemGenerator = { name: 'test-bad-id', version: 1, description: 'sets ids', generate: (_s, n) => Array.from({ length: n }, (_, i) => ({ id: `x${i}`, question: 'q', answer: 'a' })) };
generators.register(testGenerator.name, testGenerator);
generators.register(badGenerator.name, badGenerator);

async function makeSuite(frozen: string[], generator: Record<string, unknown> = { name: 'test-sums', count: 20 }): Promise<{ suite: Suite; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-gen-'));
  await writeFile(path.join(dataDir, 'frozen.jsonl'), frozen.map((l) => `${l}\n`).join(''));
  const suite = suiteSchema.parse({
    name: 'gen-test',
    version: 1,
    title: 'generated',
    source: { kind: 'upstream' },
    category: 'TEST',
    task: 'short_answer',
    dataset: { loader: 'generator', generator, splits: { test: 'frozen.jsonl' }, split: 'test', fields: { id: 'id', gold: 'answer', cluster: 'template' } },
    prompt: { template: '問題：{{question}}\n答え：' },
    metrics: ['exact_match'],
  });
  return { suite: { ...suite, file: '/virtual/gen-test.yaml', sha256: '0'.repeat(64) }, dataDir };
}

const FROZEN = ['{"id":"f-001","question":"1+1は？","answer":"2","template":"plain"}', '{"id":"f-002","question":"2と3の和は？","answer":"5","template":"kanji"}'];

describe('generator suites', () => {
  it('append generated items to the frozen set, with stable ids, clusters and provenance', async () => {
    const { suite, dataDir } = await makeSuite(FROZEN);
    const loaded = await loadSuiteItems(suite, { dataDir, seed: 7 });
    expect(loaded.items).toHaveLength(22);
    expect(loaded.items.slice(0, 3).map((i) => i.id)).toEqual(['f-001', 'f-002', 'g7-0000']);
    expect(loaded.items.at(-1)!.id).toBe('g7-0019');
    expect(loaded.items[2]!.cluster).toMatch(/^(plain|kanji)$/);
    expect(loaded.items[2]!.origin).toEqual({ file: 'generator:test-sums@3', line: 1 });
    expect(loaded.generator).toMatchObject({ name: 'test-sums', version: 3, seed: 7, count: 20 });
    expect(loaded.generator!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('give byte-identical items and prompts for the same seed, different ones for another seed', async () => {
    const { suite, dataDir } = await makeSuite(FROZEN);
    const render = async (seed: number): Promise<string> => {
      const { items, generator } = await loadSuiteItems(suite, { dataDir, seed });
      return JSON.stringify({ items: items.map((i) => ({ ...i, origin: i.origin.line })), prompts: items.map((i) => promptText(renderPrompt(suite, i, []))), hash: generator!.sha256 });
    };
    const a = await render(42);
    expect(await render(42)).toBe(a);
    const b = await render(43);
    expect(b).not.toBe(a);
    expect(JSON.parse(b).prompts.slice(0, 2)).toEqual(JSON.parse(a).prompts.slice(0, 2)); // frozen items never move
  });

  it('honour --gen-count (0 = frozen only) and --limit, frozen items first', async () => {
    const { suite, dataDir } = await makeSuite(FROZEN);
    expect((await loadSuiteItems(suite, { dataDir, seed: 1, generatedCount: 0 })).items.map((i) => i.id)).toEqual(['f-001', 'f-002']);
    const five = await loadSuiteItems(suite, { dataDir, seed: 1, generatedCount: 5 });
    const all = await loadSuiteItems(suite, { dataDir, seed: 1 });
    expect(five.items.map((i) => i.vars.question)).toEqual(all.items.slice(0, 7).map((i) => i.vars.question));
    expect((await loadSuiteItems(suite, { dataDir, seed: 1, limit: 3 })).items.map((i) => i.id)).toEqual(['f-001', 'f-002', 'g1-0000']);
  });

  it('run with no frozen set when the split lists no files', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-gen-'));
    const parsed = suiteSchema.parse({
      name: 'gen-only', version: 1, title: 't', source: { kind: 'upstream' }, category: 'TEST', task: 'short_answer',
      dataset: { loader: 'generator', generator: { name: 'test-sums', count: 4 }, splits: { test: [] }, split: 'test', fields: { id: 'id', gold: 'answer' } },
      prompt: { template: '{{question}}' }, metrics: ['exact_match'],
    });
    const { items } = await loadSuiteItems({ ...parsed, file: '/v.yaml', sha256: '' }, { dataDir, seed: 9 });
    expect(items.map((i) => i.id)).toEqual(['g9-0000', 'g9-0001', 'g9-0002', 'g9-0003']);
  });

  it('reject frozen ids of the generated form, generators that set ids, and unknown generators', async () => {
    const clash = await makeSuite(['{"id":"g7-0001","question":"q","answer":"a","template":"plain"}']);
    await expect(loadSuiteItems(clash.suite, { dataDir: clash.dataDir, seed: 7 })).rejects.toThrow(/reserved for generated items/);
    const bad = await makeSuite(FROZEN, { name: 'test-bad-id' });
    await expect(loadSuiteItems(bad.suite, { dataDir: bad.dataDir })).rejects.toThrow(/must not set `id`/);
    const unknown = await makeSuite(FROZEN, { name: 'no-such-generator' });
    await expect(loadSuiteItems(unknown.suite, { dataDir: unknown.dataDir })).rejects.toThrow(/unknown item generator "no-such-generator"/);
  });

  it('are validated: generator section exactly with loader generator, ids from "id"', () => {
    const base = { name: 'x', version: 1, title: 't', source: { kind: 'builtin' }, category: 'T', task: 'short_answer', prompt: { template: 'q' }, metrics: ['exact_match'] };
    const ds = { splits: { test: 'a.jsonl' }, split: 'test', fields: { id: 'id', gold: 'answer' } };
    expect(suiteSchema.safeParse({ ...base, dataset: { ...ds, loader: 'generator' } }).success).toBe(false);
    expect(suiteSchema.safeParse({ ...base, dataset: { ...ds, loader: 'jsonl', generator: { name: 'g' } } }).success).toBe(false);
    expect(suiteSchema.safeParse({ ...base, dataset: { ...ds, loader: 'jsonl', splits: { test: [] } } }).success).toBe(false);
    expect(suiteSchema.safeParse({ ...base, dataset: { ...ds, loader: 'generator', generator: { name: 'g' }, fields: { id: 'key', gold: 'answer' } } }).success).toBe(false);
    const ok = suiteSchema.parse({ ...base, dataset: { ...ds, loader: 'generator', generator: { name: 'g' } } });
    expect(ok.dataset.generator).toEqual({ name: 'g', count: 100 });
  });
});
