import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema, sampleRecordSchema } from '../../src/results/schema.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A judge-scored generation suite (MT-Bench style) with our own questions and judge template:
 * the judge model rates each answer, and the suite reports the mean rating / scale.
 */
const SUITE = `name: mini-judge
version: 1
title: Mini judge
source: { kind: upstream, benchmark: MINI }
category: GEN
task: generation
dataset:
  loader: jsonl
  splits: { test: judged/questions.jsonl }
  split: test
  fields: { id: id, gold: reference, gold_type: text }
prompt:
  format: chat
  template: "{{question}}"
judge:
  templates: judged/judge_prompts.jsonl
  template: plain
  reference_template: with-ref
  reference_categories: [reasoning]
  question_field: question
  reference_field: reference
  scale: 10
metrics: []
`;
const QUESTIONS = [
  { id: 'g1', category: 'writing', question: '春の朝を短く描写してください。', reference: '-' },
  { id: 'g2', category: 'reasoning', question: '三人で十二個のみかんを分けると一人何個ですか。', reference: '四個' },
  { id: 'g3', category: 'writing', question: '雨の日の楽しみ方を一つ挙げてください。', reference: '-' },
];
const TEMPLATES = [
  { name: 'plain', system_prompt: 'あなたは公平な審査員です。', prompt_template: '[質問]\n{question}\n[回答]\n{answer}\n評価を[[数字]]で。' },
  { name: 'with-ref', system_prompt: 'あなたは公平な審査員です。', prompt_template: '[質問]\n{question}\n[参考]\n{ref_answer_1}\n[回答]\n{answer}\n評価を[[数字]]で。' },
];

describe('jpeval run --judge', () => {
  let server: FakeServer;
  let dir: string;
  const judgePrompts: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jpeval-judge-'));
    await mkdir(path.join(dir, 'suites'));
    await mkdir(path.join(dir, 'data/judged'), { recursive: true });
    await writeFile(path.join(dir, 'suites/mini-judge.yaml'), SUITE);
    await writeFile(path.join(dir, 'data/judged/questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
    await writeFile(path.join(dir, 'data/judged/judge_prompts.jsonl'), TEMPLATES.map((t) => JSON.stringify(t)).join('\n'));
    server = await startFakeOpenAIServer({
      models: ['answerer', 'judge'],
      respond: (req) => {
        if (req.model === 'answerer') return req.prompt.includes('みかん') ? '一人四個です。' : req.prompt.includes('春') ? '桜が咲く穏やかな朝。' : 'わかりません';
        judgePrompts.push(req.prompt);
        if (req.prompt.includes('一人四個です。')) return '参考と一致。評価：[[9]]';
        if (req.prompt.includes('桜が咲く')) return '良い描写。評価：[[7]]';
        return '評価できません';
      },
    });
  });
  afterAll(async () => server?.close());

  it('rates every output with the judge and reports the mean rating / scale', async () => {
    const out = path.join(dir, 'out');
    const res = await runCli(['run', '-m', `${server.url}#answerer`, '--judge', `${server.url}#judge`, '-s', 'mini-judge', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data'), '--out', out]);
    expect(res.stderr).not.toContain('internal error');
    expect(res.code).toBe(0);
    const [runId] = await readdir(out);
    const run = runRecordSchema.parse(JSON.parse(await readFile(path.join(out, runId!, 'run.json'), 'utf8')));
    const r = run.results[0]!;
    expect(r.primary_metric).toBe('judge');
    expect(r.metrics.judge!.value).toBeCloseTo((0.9 + 0.7 + 0) / 3, 12); // g3's reply has no rating: counts 0
    expect(r.outcomes).toMatchObject({ correct: 2, unscored: 1 });
    expect(r.flags).toEqual({ judge_unreadable: 1 });
    expect(run.roles?.judge).toMatchObject({ model: 'judge', base_url: server.url });
    const samples = (await readFile(path.join(out, runId!, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => sampleRecordSchema.parse(JSON.parse(l)));
    expect(samples.find((s) => s.item_id === 'g2')!.score.details?.judge).toMatchObject({ template: 'with-ref', rating: 9, model: `${server.url}#judge` });
    expect(samples.find((s) => s.item_id === 'g1')!.score.details?.judge).toMatchObject({ template: 'plain', rating: 7 });
    expect(samples.find((s) => s.item_id === 'g1')!.score.values).toEqual({ judge: 0.7 });
    // the reasoning item is judged against its reference; the system prompt comes from the template file
    expect(judgePrompts.some((p) => p.includes('[参考]\n四個') && p.startsWith('あなたは公平な審査員です。'))).toBe(true);
    expect(res.stdout).toMatch(/mini-judge\s+GEN\s+judge/);
  });

  it('without --judge keeps every output, flags it, and reports no score', async () => {
    const out = path.join(dir, 'out-nojudge');
    const res = await runCli(['run', '-m', `${server.url}#answerer`, '-s', 'mini-judge', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data'), '--out', out]);
    expect(res.code).toBe(0);
    const [runId] = await readdir(out);
    const run = runRecordSchema.parse(JSON.parse(await readFile(path.join(out, runId!, 'run.json'), 'utf8')));
    // The judge scorer has no grader: every item unscored (value null, so no fake 0), flagged.
    expect(run.results[0]).toMatchObject({ n: 3, primary_metric: 'judge', metrics: {}, flags: { needs_judge: 3 }, outcomes: { unscored: 3 }, complete: true });
    expect(res.stdout).toContain('— (3 unscored)');
    expect(res.stdout).toContain('3 output(s) await a judge');
  });
});
