import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAICompatibleBackend } from '../../src/models/openai-compatible.js';
import { parseModelSpec, type RemoteModelSpec } from '../../src/models/spec.js';
import { prepareScoring } from '../../src/scoring/scorers.js';
import { scoreItem } from '../../src/scoring/score-item.js';
import type { GraderModel } from '../../src/scoring/types.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { makeItem } from './helpers.js';

const SUITE = {
  name: 'mini-judge',
  task: 'generation' as const,
  answer: { extractor: 'raw', options: {} },
  metrics: [{ name: 'judge', options: { templates: 'judge_prompts.jsonl', template: 'plain', question_field: 'question' } }],
};

describe('the judge scorer', () => {
  let server: FakeServer;
  let dataRoot: string;
  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), 'jpeval-judge-scorer-'));
    await mkdir(dataRoot, { recursive: true });
    await writeFile(path.join(dataRoot, 'judge_prompts.jsonl'), `${JSON.stringify({ name: 'plain', prompt_template: '{question}\\n{answer}\\n[[n]]で評価' })}\n`);
    server = await startFakeOpenAIServer({
      models: ['judge'],
      // The "slow" answer keeps the judge busy for a minute: only cancellation ends it early.
      respond: (req) => (req.prompt.includes('遅い') ? { text: '[[5]]', delayMs: 60_000 } : '評価：[[8]]'),
    });
  });
  afterAll(async () => server?.close());

  const grader = async (): Promise<GraderModel> => {
    const spec = parseModelSpec(`${server.url}#judge`) as RemoteModelSpec;
    const backend = await createOpenAICompatibleBackend(spec, { concurrency: 2, timeoutMs: 120_000, maxRetries: 3, settings: {} });
    return { role: 'judge', id: spec.id, generate: (r) => backend.generate(r) };
  };

  it('without a grader: unscored, value null, flag needs_judge, no request', async () => {
    const before = server.requests.length;
    const { score } = await scoreItem(SUITE, makeItem({ vars: { question: '質問' } }), '答え');
    expect(score).toEqual({ outcome: 'unscored', values: { judge: null }, stats: {}, flags: ['needs_judge'] });
    expect(server.requests.length).toBe(before);
  });

  it('with a grader: rating / scale, verdict in details', async () => {
    const g = await grader();
    const runtime = await prepareScoring(SUITE, { dataRoot, graders: { judge: g } });
    const { score } = await scoreItem(SUITE, makeItem({ vars: { question: '質問' } }), '答え', {}, runtime);
    expect(score.outcome).toBe('correct');
    expect(score.values).toEqual({ judge: 0.8 });
    expect(score.details?.judge).toMatchObject({ model: g.id, template: 'plain', rating: 8, output: '評価：[[8]]' });
  });

  it('a judge request is cancelled by the abort signal (Ctrl-C), not waited for', async () => {
    const runtime = await prepareScoring(SUITE, { dataRoot, graders: { judge: await grader() } });
    const controller = new AbortController();
    const started = Date.now();
    const scoring = scoreItem(SUITE, makeItem({ vars: { question: '遅い質問' } }), '答え', {}, { ...runtime, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(scoring).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a missing judge prompt file fails in prepare, naming the file', async () => {
    const other = { ...SUITE, metrics: [{ name: 'judge', options: { templates: 'nope.jsonl', template: 'plain', question_field: 'q' } }] };
    await expect(prepareScoring(other, { dataRoot, graders: { judge: await grader() } })).rejects.toThrow(/nope\.jsonl not found/);
  });
});
