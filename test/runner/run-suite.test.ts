import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult, ModelBackend } from '../../src/models/types.js';
import type { SampleRecord } from '../../src/results/types.js';
import { RunEvents } from '../../src/runner/events.js';
import { loadSuite, type RunOptions } from '../../src/runner/run.js';
import { runSuite } from '../../src/runner/run-suite.js';
import { prepareScoring } from '../../src/scoring/scorers.js';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { dataRootFor } from '../../src/suites/resolve-split.js';
import { miniJudgeSuite } from '../helpers/judge-suite.js';

const SUITE = miniJudgeSuite(`judge:
  templates: judged/judge_prompts.jsonl
  template: plain
  question_field: question
  scale: 10
metrics: []
`);

const timing = () => ({ startedAt: 0, endedAt: 1, latencyMs: 1, attempts: 1 });
const result = (text: string): GenerateResult => ({ text, usage: {}, timing: timing() });

describe('runSuite', () => {
  it('Ctrl-C while judging: the outputs being judged are kept with a null value, not counted as 0 in the partial result', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-run-suite-'));
    await mkdir(path.join(dir, 'data/judged'), { recursive: true });
    await writeFile(path.join(dir, 'mini-judge.yaml'), SUITE);
    const questions = ['g1', 'g2', 'g3'].map((id) => ({ id, category: 'writing', question: `質問${id}`, reference: '-' }));
    await writeFile(path.join(dir, 'data/judged/questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
    await writeFile(path.join(dir, 'data/judged/judge_prompts.jsonl'), JSON.stringify({ name: 'plain', prompt_template: '{question}\n{answer}' }));
    const suite = await loadSuiteFile(path.join(dir, 'mini-judge.yaml'));
    const dataDir = path.join(dir, 'data');
    const opts: RunOptions = { models: [], suites: [suite], outDir: dir, dataDir, seed: 1234, concurrency: 3, batchSize: 1, mcMode: 'suite', config: {} };
    const loaded = await loadSuite(suite, opts, () => {});

    const controller = new AbortController();
    let waiting = 0;
    const backend: ModelBackend = {
      id: () => 'answerer',
      capabilities: () => ({ chat: true }) as ReturnType<ModelBackend['capabilities']>,
      info: async () => ({ id: 'answerer', backend: 'fake', model: 'answerer', settings: {} }),
      generate: async (req: GenerateRequest) => result(`回答:${JSON.stringify(req.prompt)}`),
      loglikelihood: async () => [],
      close: async () => {},
    };
    // g1 is rated 8 at once; the others' verdicts never come: Ctrl-C arrives while they are awaited.
    let rated = false;
    const judge = {
      role: 'judge',
      id: 'judge',
      generate: (req: GenerateRequest): Promise<GenerateResult> => {
        const text = JSON.stringify(req.prompt);
        if (text.includes('質問g1')) {
          rated = true;
          return Promise.resolve(result('[[8]]'));
        }
        waiting += 1;
        return new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
      },
    };
    const scoring = await prepareScoring(suite, { dataRoot: dataRootFor(suite, dataDir), graders: { judge } });
    const events = new RunEvents();
    const samples: SampleRecord[] = [];
    events.subscribe((e) => {
      if (e.type === 'item_finished') samples.push(e.sample);
    });
    const stopper = setInterval(() => {
      if (rated && waiting === 2 && samples.length === 1) controller.abort();
    }, 5);
    const res = await runSuite({
      runId: 'r',
      backend,
      modelId: 'answerer',
      suite,
      items: async function* () {
        yield* loaded.items;
      },
      total: loaded.items.length,
      fewshotPool: loaded.pool,
      shots: 0,
      seed: 1234,
      mode: 'generate',
      concurrency: 3,
      batchSize: 1,
      scoring,
      skipped: 0,
      events,
      signal: controller.signal,
    }).finally(() => clearInterval(stopper));

    expect(samples.map((s) => s.item_id).sort()).toEqual(['g1', 'g2', 'g3']);
    for (const s of samples.filter((x) => x.item_id !== 'g1')) {
      expect(s.raw_output).not.toBe('');
      expect(s.score).toMatchObject({ outcome: 'unscored', values: { judge: null }, flags: ['scoring_interrupted'] });
    }
    // Only g1 was judged: the partial mean is its rating, not (0.8 + 0 + 0) / 3.
    expect(res.complete).toBe(false);
    expect(res.metrics.judge).toMatchObject({ value: 0.8, n: 1 });
    expect(res.flags).toEqual({ scoring_interrupted: 2 });
  });
});
