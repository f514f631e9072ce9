/**
 * Few-shot examples never come from the evaluated items, for every suite: jpeval's own (always),
 * public ones when the shared datasets are present. Each suite is loaded the way a run loads it,
 * with its own shots and with shots forced to 3 (as `--shots 3` would), and every example of every
 * item's prompt is checked against every evaluated item, by id and by content.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/datasets/types.js';
import { loadSuite, type RunOptions } from '../../src/runner/run.js';
import { selectShots } from '../../src/suites/render.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import type { Suite } from '../../src/suites/schema.js';
import { MissingDataError } from '../../src/util/errors.js';
import { projectRoot } from '../helpers/run-cli.js';

const shared = process.env.JPEVAL_SHARED_DATASETS ?? path.resolve(projectRoot, '../shared/datasets');
const SEED = 1234;

/** What a reader of the prompt sees of an item: its fields except the id, its choices and answers. */
function contentKey(suite: Suite, item: Item): string {
  const vars = Object.fromEntries(Object.entries(item.vars).filter(([k]) => k !== suite.dataset.fields.id && k !== 'id'));
  return JSON.stringify([vars, item.choices ?? null, item.references, item.goldValue ?? null]);
}

function options(suite: Suite, shots: number | undefined): RunOptions {
  return {
    models: [],
    suites: [suite],
    outDir: '/nonexistent',
    ...(suite.source.kind === 'upstream' ? { dataDir: shared } : {}),
    ...(shots !== undefined ? { shots } : {}),
    seed: SEED,
    concurrency: 1,
    batchSize: 1,
    mcMode: 'suite',
    config: {},
  };
}

async function leaks(suite: Suite, shots: number | undefined): Promise<string[]> {
  let loaded;
  try {
    loaded = await loadSuite(suite, options(suite, shots), () => {});
  } catch (err) {
    if (err instanceof MissingDataError) return []; // data not present: nothing is evaluated
    throw err;
  }
  // Ids are comparable only within one split (upstream train and test files may both number from 1).
  const sameSplit = !loaded.provenance.fewshot || loaded.provenance.fewshot.split === loaded.provenance.split;
  const ids = new Set(sameSplit ? loaded.items.map((i) => i.id) : []);
  const contents = new Set(loaded.items.map((i) => contentKey(suite, i)));
  const found: string[] = [];
  for (const item of loaded.items) {
    for (const ex of selectShots(suite, loaded.pool, item, loaded.shots, SEED)) {
      if (ids.has(ex.id) || contents.has(contentKey(suite, ex))) found.push(`${suite.name}: example ${ex.id} in the prompt of ${item.id} is an evaluated item`);
    }
  }
  return found;
}

describe('few-shot examples never come from the evaluated items', () => {
  let suites: Suite[];
  beforeAll(async () => {
    suites = await loadAllSuites();
  });

  it("jpeval's own suites: examples come from their own example files, with the suite's shots and with --shots 3", async () => {
    // The linguistic suites ship example files; the hallucination and industrial ones run zero-shot
    // (their own shots, checked below) or hold items out when --shots asks for some.
    const own = suites.filter((s) => s.source.kind === 'builtin' && s.category === 'LING');
    expect(own.length).toBeGreaterThanOrEqual(8);
    for (const suite of suites.filter((s) => s.source.kind === 'builtin' && s.category !== 'LING')) {
      expect(await leaks(suite, undefined), suite.name).toEqual([]);
    }
    for (const suite of own) {
      expect(suite.dataset.fewshot_split, suite.name).toBe('fewshot');
      expect(await leaks(suite, undefined)).toEqual([]);
      const loaded = await loadSuite(suite, options(suite, 3), () => {});
      expect(loaded.shots, suite.name).toBe(3);
      expect(loaded.provenance.fewshot?.files[0]?.path, suite.name).toContain(`fewshot/${suite.name}.jsonl`);
      expect(await leaks(suite, 3)).toEqual([]);
    }
  });

  it.skipIf(!existsSync(shared))('public suites (shared datasets): with their own shots and with --shots 3', { timeout: 600_000 }, async () => {
    const found: string[] = [];
    for (const suite of suites.filter((s) => s.source.kind === 'upstream' && !s.dataset.generator)) {
      found.push(...(await leaks(suite, undefined)), ...(await leaks(suite, 3)));
    }
    expect(found).toEqual([]);
  });

  it('a suite with no example split holds its first items out as examples instead of evaluating them', async () => {
    const keigo = suites.find((s) => s.name === 'ja-keigo')!;
    const noExamples: Suite = { ...keigo, dataset: { ...keigo.dataset, fewshot_split: undefined } };
    const loaded = await loadSuite(noExamples, options(noExamples, 2), () => {});
    expect(loaded.provenance.fewshot).toMatchObject({ split: 'test', held_out: 2 });
    const all = (await loadSuite(keigo, options(keigo, 0), () => {})).items;
    expect(loaded.pool.map((i) => i.id)).toEqual(all.slice(0, 2).map((i) => i.id));
    expect(loaded.items.map((i) => i.id)).toEqual(all.slice(2).map((i) => i.id));
    expect(await leaks(noExamples, 2)).toEqual([]);
  });
});
