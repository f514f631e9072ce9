import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema, sampleRecordSchema } from '../../src/results/schema.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { miniJudgeSuite } from '../helpers/judge-suite.js';

/**
 * A judge-scored generation suite (MT-Bench style) with our own questions and judge template:
 * the judge model rates each answer, and the suite reports the mean rating / scale.
 */
const SUITE = miniJudgeSuite(`judge:
  templates: judged/judge_prompts.jsonl
  template: plain
  reference_template: with-ref
  reference_categories: [reasoning]
  question_field: question
  reference_field: reference
  scale: 10
metrics: []
`);
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
  const answererPrompts: string[] = [];
  let slowJudgeHangs = true;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jpeval-judge-'));
    await mkdir(path.join(dir, 'suites'));
    await mkdir(path.join(dir, 'data/judged'), { recursive: true });
    await writeFile(path.join(dir, 'suites/mini-judge.yaml'), SUITE);
    await writeFile(path.join(dir, 'data/judged/questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
    await writeFile(path.join(dir, 'data/judged/judge_prompts.jsonl'), TEMPLATES.map((t) => JSON.stringify(t)).join('\n'));
    server = await startFakeOpenAIServer({
      models: ['answerer', 'judge', 'slow-judge'],
      respond: (req) => {
        if (req.model === 'slow-judge' && slowJudgeHangs) return { text: '[[5]]', delayMs: 60_000 }; // only cancellation ends it early
        if (req.model === 'answerer') answererPrompts.push(req.prompt);
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

  it('Ctrl-C cancels judge requests in flight instead of waiting for them, keeping the outputs for --resume to score', async () => {
    const out = path.join(dir, 'out-sigint');
    let sent = false;
    const started = Date.now();
    const res = await runCli(['run', '-m', `${server.url}#answerer`, '--judge', `${server.url}#slow-judge`, '-s', 'mini-judge', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data'), '--out', out, '--progress', 'plain'], {
      onStderr: (chunk, kill) => {
        if (!sent && chunk.includes('mini-judge ×')) {
          sent = true;
          setTimeout(() => kill('SIGINT'), 1000);
        }
      },
    });
    expect(sent).toBe(true);
    expect(res.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(30_000); // the judge would have answered after 60 s
    const [runId] = await readdir(out);
    const run = runRecordSchema.parse(JSON.parse(await readFile(path.join(out, runId!, 'run.json'), 'utf8')));
    expect(run.status).toBe('interrupted');
    expect(run.results[0]?.complete ?? false).toBe(false);

    // Nothing already computed is lost: the outputs being judged are in samples.jsonl, flagged
    // unscored, and --resume (with a judge that answers) scores them without asking the model again.
    const runDir = path.join(out, runId!);
    const interrupted = (await readFile(path.join(runDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => sampleRecordSchema.parse(JSON.parse(l)));
    expect(interrupted.length).toBeGreaterThan(0);
    expect(run.results[0]!.n).toBe(interrupted.length);
    for (const s of interrupted) {
      expect(s.raw_output).not.toBe('');
      expect(s).toMatchObject({ outcome: 'unscored', score: { flags: ['scoring_interrupted'] } });
    }
    const askedBefore = answererPrompts.length;
    slowJudgeHangs = false; // the judge is back: the same settings (taken from run.json) now finish the run
    const resumed = await runCli(['run', '--resume', runDir, '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data')]);
    expect(resumed.stderr).toContain(`${interrupted.length} output(s) whose scoring was interrupted, to score again`);
    expect(resumed.code).toBe(0);
    expect(answererPrompts.length - askedBefore).toBe(3 - interrupted.length); // only the items never generated
    const final = runRecordSchema.parse(JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')));
    expect(final.status).toBe('completed');
    expect(final.results[0]!.metrics.judge!.value).toBeCloseTo((0.9 + 0.7 + 0) / 3, 12); // as the uninterrupted run
    expect(final.resumes?.[0]?.dropped).toMatchObject({ scoring_interrupted: interrupted.length });
    const lines = (await readFile(path.join(runDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => sampleRecordSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.item_id).sort()).toEqual(['g1', 'g2', 'g3']);
    expect(lines.every((l) => !l.score.flags.includes('scoring_interrupted'))).toBe(true);
  });
});
