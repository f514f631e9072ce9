import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/datasets/types.js';
import { runRecordSchema } from '../../src/results/schema.js';
import { goldAnswer } from '../../src/suites/choices.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import { itemVars } from '../../src/suites/render.js';
import type { Suite } from '../../src/suites/schema.js';
import { renderTemplate } from '../../src/suites/template.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { projectRoot, runCli } from '../helpers/run-cli.js';

/**
 * Every public suite whose data is under ../shared/datasets, end to end through the real CLI
 * against a loopback server that answers each item with its gold answer (found by the item's
 * rendered question, which every prompt ends with). A model that answers perfectly must score
 * perfectly: this catches any break between prompt, extraction, gold mapping and metric.
 */
const shared = process.env.JPEVAL_SHARED_DATASETS ?? path.resolve(projectRoot, '../shared/datasets');
const LIMIT = 12;

function goldText(suite: Suite, item: Item): string {
  if (suite.task === 'extraction' && item.references.length > 1 && suite.metrics.some((m) => m.name === 'set_f1')) return item.references.join('\n');
  return goldAnswer(suite, item);
}

describe.skipIf(!existsSync(shared))('public suites end to end on ../shared/datasets', () => {
  let server: FakeServer;
  let suites: Suite[] = [];
  /** Suites whose few-shot split is not in the shared copy (e.g. JNLI train): run zero-shot. */
  const zeroShot = new Set<string>();
  const answers: { question: string; gold: string }[] = [];
  beforeAll(async () => {
    for (const suite of await loadAllSuites()) {
      if (suite.source.kind !== 'upstream') continue;
      let items: Item[];
      try {
        items = (await loadSuiteItems(suite, { dataDir: shared, limit: LIMIT })).items;
      } catch {
        continue; // data absent for this suite
      }
      suites.push(suite);
      const fewshot = suite.dataset.fewshot_split;
      if (suite.prompt.shots > 0 && fewshot && fewshot !== suite.dataset.split) {
        await loadSuiteItems(suite, { dataDir: shared, split: fewshot, limit: 1 }).catch(() => zeroShot.add(suite.name));
      }
      for (const item of items) answers.push({ question: renderTemplate(suite.prompt.template, itemVars(suite, item), suite.name), gold: goldText(suite, item) });
    }
    // longest questions first, so a question that is a suffix of another never shadows it
    answers.sort((a, b) => b.question.length - a.question.length);
    server = await startFakeOpenAIServer({
      respond: (req) => {
        // judge requests (upstream MT-Bench judge template) get a perfect rating
        if (req.prompt.includes('[アシスタントの回答の開始]')) return '評価：[[10]]';
        return { text: answers.find((a) => req.prompt.trimEnd().endsWith(a.question.trimEnd()))?.gold ?? 'unknown' };
      },
    });
  });
  afterAll(async () => server?.close());

  it('a model that answers every item with its gold answer scores perfectly on every suite', async () => {
    expect(suites.length).toBeGreaterThan(10);
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-e2e-'));
    const runs = [suites.filter((x) => !zeroShot.has(x.name)), suites.filter((x) => zeroShot.has(x.name))].filter((g) => g.length);
    const results = [];
    for (const [i, group] of runs.entries()) {
      const dir = path.join(out, String(i));
      const args = ['run', '-m', `${server.url}#fake-model`, '--judge', `${server.url}#fake-model`, '--data-dir', shared, '--limit', String(LIMIT), '--mc-mode', 'generate', '--out', dir, '--progress', 'none'];
      if (group.some((x) => zeroShot.has(x.name))) args.push('--shots', '0');
      for (const x of group) args.push('-s', x.name);
      const res = await runCli(args, { timeoutMs: 300_000 });
      expect(res.stderr).not.toContain('internal error');
      const [runId] = await readdir(dir);
      expect(runId, res.stderr).toBeDefined();
      results.push(...runRecordSchema.parse(JSON.parse(await readFile(path.join(dir, runId!, 'run.json'), 'utf8'))).results);
      expect(res.code, res.stdout).toBe(0);
      expect(res.stdout).toMatch(/OVERALL/);
    }
    const run = { results };
    expect(run.results.map((r) => r.suite).sort()).toEqual(suites.map((s) => s.name).sort());
    for (const r of run.results) {
      expect.soft(r.n, r.suite).toBe(LIMIT);
      expect(r.complete, r.suite).toBe(true);
      expect.soft(r.primary_metric, r.suite).not.toBe('');
      const value = r.metrics[r.primary_metric]!.value!;
      expect.soft(value, `${r.suite} ${r.primary_metric}`).toBeCloseTo(r.primary_metric === 'bleu' ? 100 : 1, 6);
    }
  }, 300_000);
});
