import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import { promptText, renderPrompt } from '../../src/suites/render.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { readRun } from '../helpers/read-run.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The industrial suites through the real CLI: a loopback server that answers every item with its
 * gold (in the form the item's checker accepts) scores exactly 1.0 on every suite; the same --seed
 * gives the same generated items and prompts, another seed other ones; the default model runs them.
 */
const SEED = 7;
const GEN = 12;
const suites = (await loadAllSuites()).filter((s) => s.name.startsWith('ind-') && ['ind-unit-calc', 'ind-plc-st', 'ind-fmea', 'ind-phys-commonsense', 'ind-exam-style'].includes(s.name));

/** Prompt → gold answer text, for every item the run will see. */
async function goldByPrompt(): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const suite of suites) {
    const { items } = await loadSuiteItems(suite, { seed: SEED, generatedCount: GEN });
    for (const item of items) {
      const gold = item.goldIndex !== undefined ? String(item.goldIndex + 1) : (item.references[0] as string);
      map.set(promptText(renderPrompt(suite, item, [])), gold);
    }
  }
  return map;
}

describe('jpeval run --suite "ind-*"', () => {
  let dir: string;
  let server: FakeServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-ind-'));
    const golds = await goldByPrompt();
    server = await startFakeOpenAIServer({ models: ['gold'], respond: (req) => golds.get(req.prompt) ?? 'unknown prompt' });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a server answering the gold scores exactly 1.0 on every industrial suite and every exam passes', async () => {
    const out = path.join(dir, 'gold');
    const res = await runCli(['run', '-m', `${server.url}#gold`, '-s', 'ind-unit-calc', '-s', 'ind-plc-st', '-s', 'ind-fmea', '-s', 'ind-phys-commonsense', '-s', 'ind-exam-style', '--mc-mode', 'generate', '--seed', String(SEED), '--gen-count', String(GEN), '--out', out]);
    expect(res.stderr).not.toContain('internal error');
    expect(res.code).toBe(0);
    const { run, samples } = await readRun(out);
    expect(run.results.map((r) => r.suite).sort()).toEqual(suites.map((s) => s.name).sort());
    for (const result of run.results) {
      for (const [name, summary] of Object.entries(result.metrics)) expect(summary.value, `${result.suite} ${name}`).toBe(1);
    }
    expect(samples.every((s) => s.outcome === 'correct')).toBe(true);
    const plc = samples.find((s) => s.suite === 'ind-plc-st')!;
    expect(String(plc.gold)).toContain('END_PROGRAM');
    const calc = run.results.find((r) => r.suite === 'ind-unit-calc')!;
    expect(calc.n).toBe(115 + GEN);
  }, 180_000);

  it('the same --seed gives the same generated items and prompts; another seed other ones', async () => {
    const prompts: string[][] = [];
    for (const [k, seed] of [[0, SEED], [1, SEED], [2, SEED + 1]] as const) {
      const out = path.join(dir, `seed-${k}`);
      const res = await runCli(['run', '-m', `${server.url}#gold`, '-s', 'ind-unit-calc', '-s', 'ind-fmea', '--mc-mode', 'generate', '--seed', String(seed), '--gen-count', '5', '--out', out]);
      expect(res.code).toBe(0);
      const { samples } = await readRun(out);
      prompts.push(samples.filter((s) => s.item_id.startsWith('g')).map((s) => `${s.item_id}\n${String(s.prompt)}`).sort());
    }
    expect(prompts[0]).toHaveLength(10);
    expect(prompts[1]).toEqual(prompts[0]);
    expect(prompts[2]).not.toEqual(prompts[0]);
  }, 120_000);

  it('runs on the default model (log-likelihood for the choice suites, generation otherwise)', async () => {
    const out = path.join(dir, 'default');
    const res = await runCli(['run', '-s', 'ind-*', '--limit', '6', '--gen-count', '3', '--out', out]);
    expect(res.stderr).not.toContain('internal error');
    expect(res.code).toBe(0);
    const { run } = await readRun(out);
    const modes = Object.fromEntries(run.results.map((r) => [r.suite, r.mode]));
    expect(modes['ind-exam-style']).toBe('loglikelihood');
    expect(modes['ind-phys-commonsense']).toBe('loglikelihood');
    for (const r of run.results) expect(r.n).toBe(6);
  }, 180_000);
});
