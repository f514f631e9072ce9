import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/datasets/types.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import { renderPrompt } from '../../src/suites/render.js';
import { startFakeOpenAIServer, type FakeRequest, type FakeServer } from '../helpers/fake-openai-server.js';
import { readRun } from '../helpers/read-run.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The industrial suites through the real CLI against a loopback OpenAI-compatible server: a server
 * that answers every gold answer scores exactly 1.0; one that answers unsafe / broken answers gets
 * the expected buckets and error codes; the same --seed gives the same items and prompts.
 */
const SUITES = ['ind-factory-plan', 'ind-safe-stop', 'ind-procedure-order'];
const SEED = 77;
const GEN = 12;
const all = await loadAllSuites();
const suites = SUITES.map((name) => all.find((s) => s.name === name)!);

/** The item each user message belongs to, rendered in-process exactly as the CLI renders it. */
async function itemsByPrompt(): Promise<Map<string, Item>> {
  const map = new Map<string, Item>();
  for (const suite of suites) {
    for (const item of (await loadSuiteItems(suite, { seed: SEED, generatedCount: GEN })).items) {
      const prompt = renderPrompt(suite, item, []);
      if (prompt.kind !== 'chat') throw new Error('ind suites are chat suites');
      map.set(prompt.messages.at(-1)!.content, item);
    }
  }
  return map;
}

const lastUser = (req: FakeRequest): string => req.messages!.at(-1)!.content;
type Plan = { skill: string; args: Record<string, string> }[];

/** Broken answers: plans without lock-out, a bare "execute" for every request, procedures reversed. */
function unsafeAnswer(item: Item): string {
  const gold = JSON.parse(item.references[0]!) as { plan?: Plan; order?: string[]; flagged?: string[]; decision?: string };
  if (item.vars.side !== undefined) return JSON.stringify({ decision: 'execute', reason: '指示どおり実行します', plan: [] });
  if (gold.plan) return `計画です。\n\`\`\`json\n${JSON.stringify({ plan: gold.plan.filter((s) => s.skill !== 'apply_loto' && s.skill !== 'remove_loto') })}\n\`\`\``;
  return JSON.stringify({ order: [...gold.order!].reverse(), flagged: gold.flagged });
}

async function runAgainst(respond: (item: Item) => string, seed = SEED): Promise<Awaited<ReturnType<typeof readRun>>> {
  const items = await itemsByPrompt();
  const server: FakeServer = await startFakeOpenAIServer({
    respond: (req) => {
      const item = items.get(lastUser(req));
      return item ? respond(item) : 'unknown prompt';
    },
  });
  try {
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-ind-'));
    const args = ['run', '-m', `${server.url}#fake-model`, ...SUITES.flatMap((s) => ['--suite', s]), '--seed', String(seed), '--gen-count', String(GEN), '--out', out, '--progress', 'none'];
    const res = await runCli(args, { timeoutMs: 120_000 });
    expect(res.code, res.stderr).toBe(0);
    return await readRun(out);
  } finally {
    await server.close();
  }
}

describe('ind suites through the CLI (loopback server)', () => {
  let gold: Awaited<ReturnType<typeof readRun>>;
  beforeAll(async () => {
    gold = await runAgainst((item) => item.references[0]!);
  }, 180_000);
  afterAll(() => undefined);

  it('gold answers score exactly 1.0, every item correct', () => {
    const byName = Object.fromEntries(gold.run.results.map((r) => [r.suite, r]));
    expect(byName['ind-factory-plan']!.metrics.plan_goal_success!.value).toBe(1);
    expect(byName['ind-factory-plan']!.metrics.plan_executable_rate!.value).toBe(1);
    expect(byName['ind-factory-plan']!.metrics.plan_length_ratio!.value).toBe(1);
    expect(byName['ind-safe-stop']!.metrics.safe_decision!.value).toBe(1);
    expect(byName['ind-safe-stop']!.metrics.unsafe_execution_rate!.value).toBe(0);
    expect(byName['ind-safe-stop']!.metrics.over_refusal_rate!.value).toBe(0);
    expect(byName['ind-procedure-order']!.metrics.procedure_exact!.value).toBe(1);
    expect(byName['ind-procedure-order']!.metrics.procedure_tau!.value).toBe(1);
    for (const r of gold.run.results) {
      expect(r.n, r.suite).toBe((r.suite === 'ind-safe-stop' ? 32 : 36) + GEN);
      expect(r.outcomes.correct, r.suite).toBe(r.n);
      expect(r.complete).toBe(true);
    }
  });

  it('run.json records the generator provenance; samples carry cluster, gold and bucket details', () => {
    const ds = gold.run.datasets.find((d) => d.suite === 'ind-factory-plan')!;
    expect(ds.generator).toMatchObject({ name: 'ind-factory-plan', version: 2, seed: SEED, count: GEN });
    const sample = gold.samples.find((s) => s.item_id === `g${SEED}-0000` && s.suite === 'ind-factory-plan')!;
    expect(sample.cluster).toMatch(/^[a-z-]+$/);
    expect(JSON.parse(String(sample.gold))).toHaveProperty('plan');
    expect(JSON.stringify(sample.score)).toContain('"bucket":"correct"');
  });

  it('the same seed gives identical items and prompts; another seed gives other generated items', async () => {
    const again = await runAgainst((item) => item.references[0]!);
    const prompts = (r: typeof gold) => JSON.stringify(r.samples.map((s) => [s.suite, s.item_id, s.prompt]).sort());
    expect(prompts(again)).toBe(prompts(gold));
    expect(again.run.datasets.map((d) => d.generator?.sha256)).toEqual(gold.run.datasets.map((d) => d.generator?.sha256));
    const other = await loadSuiteItems(suites[0]!, { seed: SEED + 1, generatedCount: GEN });
    const generatedPrompts = (items: Item[]) => items.filter((i) => i.id.startsWith('g')).map((i) => JSON.stringify(renderPrompt(suites[0]!, i, [])));
    expect(generatedPrompts(other.items)).not.toEqual(generatedPrompts((await loadSuiteItems(suites[0]!, { seed: SEED, generatedCount: GEN })).items));
  }, 180_000);

  it('unsafe and broken answers get the expected buckets and error codes', async () => {
    const bad = await runAgainst(unsafeAnswer);
    const byName = Object.fromEntries(bad.run.results.map((r) => [r.suite, r]));
    // Safe-stop: executing everything with no plan → every unsafe request is an unsafe execution.
    expect(byName['ind-safe-stop']!.metrics.unsafe_execution_rate!.value).toBe(1);
    expect(byName['ind-safe-stop']!.metrics.over_refusal_rate!.value).toBe(0);
    expect(byName['ind-safe-stop']!.metrics.safe_decision!.value).toBe(0);
    // Factory plans without lock-out: maintenance breaks service_without_loto (goal still reached).
    const loto = bad.samples.filter((s) => s.suite === 'ind-factory-plan' && String(s.gold).includes('apply_loto'));
    expect(loto.length).toBeGreaterThan(5);
    for (const s of loto) {
      expect(s.outcome).toBe('incorrect');
      const details = (s.score as { details?: Record<string, Record<string, unknown>> }).details!.plan_goal_success!;
      expect(details).toMatchObject({ bucket: 'wrong', code: 'invariant_violated', goal_reached: true, violation: { invariant: 'service_without_loto' } });
    }
    expect(byName['ind-factory-plan']!.flags['error:invariant_violated']).toBe(loto.length);
    // Reversed procedures: every precedence pair discordant → τ = −1 → partial credit 0.
    expect(byName['ind-procedure-order']!.metrics.procedure_tau!.value).toBe(0);
    expect(byName['ind-procedure-order']!.flags['error:precedence_violated']).toBe(byName['ind-procedure-order']!.n);
  }, 180_000);
});

describe('ind suites on the embedded default model (generation mode)', () => {
  it("`jpeval run --suite 'ind-*'` completes, and every item lands in a bucket with its reason", async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-ind-default-'));
    const res = await runCli(['run', '--suite', 'ind-*', '--limit', '3', '--out', out, '--progress', 'none'], { timeoutMs: 170_000 });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/ind-factory-plan\s+IND\s+plan_goal_success/);
    const { run, samples } = await readRun(out);
    expect(run.models[0]).toMatchObject({ id: 'default' });
    for (const name of SUITES) {
      const result = run.results.find((r) => r.suite === name)!;
      expect(result.n).toBe(3);
      expect(result.mode).toBe('generate');
    }
    for (const s of samples.filter((x) => SUITES.includes(x.suite))) {
      const details = Object.values((s.score as { details?: Record<string, Record<string, unknown>> }).details ?? {});
      expect(details.length, s.item_id).toBeGreaterThan(0);
      expect(['correct', 'wrong', 'unparseable', 'refused']).toContain(details[0]!.bucket);
      expect(typeof details[0]!.reason).toBe('string');
    }
  }, 180_000);
});
