import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordSchema, sampleRecordSchema } from '../../src/results/schema.js';
import type { RunRecord, SampleRecord } from '../../src/results/types.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { projectRoot, runCli } from '../helpers/run-cli.js';
import { miniJudgeSuite } from '../helpers/judge-suite.js';

/** The one run directory under `out` (validated against the v2 schemas). */
async function readRunDir(out: string): Promise<{ dir: string; run: RunRecord; samples: SampleRecord[] }> {
  const [runId] = await readdir(out);
  const dir = path.join(out, runId!);
  const run = runRecordSchema.parse(JSON.parse(await readFile(path.join(dir, 'run.json'), 'utf8')));
  const samples = (await readFile(path.join(dir, 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => sampleRecordSchema.parse(JSON.parse(l)));
  return { dir, run, samples };
}

/** What re-scoring must reproduce exactly: per-item scores and suite figures. */
const itemScores = (samples: SampleRecord[]) => samples.map((s) => JSON.stringify([s.model, s.suite, s.item_id, s.extracted, s.score, s.outcome]));
const suiteScores = (run: RunRecord) => run.results.map((r) => JSON.stringify([r.model, r.suite, r.primary_metric, r.n, r.errors, r.complete, r.metrics, r.outcomes, r.flags]));

const JUDGE_SUITE = miniJudgeSuite(`metrics:
  - { name: judge, templates: judged/judge_prompts.jsonl, template: plain, question_field: question, scale: 10 }
`);
const QUESTIONS = [
  { id: 'g1', question: '春の朝を短く描写してください。', reference: '-' },
  { id: 'g2', question: '三人で十二個のみかんを分けると一人何個ですか。', reference: '四個' },
  { id: 'g3', question: '雨の日の楽しみ方を一つ挙げてください。', reference: '-' },
];
const TEMPLATES = [{ name: 'plain', system_prompt: 'あなたは公平な審査員です。', prompt_template: '[質問]\n{question}\n[回答]\n{answer}\n評価を[[数字]]で。' }];

describe('jpeval score RUN_DIR', () => {
  let server: FakeServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jpeval-score-'));
    await mkdir(path.join(dir, 'suites'));
    await mkdir(path.join(dir, 'data/judged'), { recursive: true });
    await writeFile(path.join(dir, 'suites/mini-judge.yaml'), JUDGE_SUITE);
    await writeFile(path.join(dir, 'data/judged/questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
    await writeFile(path.join(dir, 'data/judged/judge_prompts.jsonl'), TEMPLATES.map((t) => JSON.stringify(t)).join('\n'));
    let n = 0;
    server = await startFakeOpenAIServer({
      models: ['answerer', 'judge'],
      respond: (req) => {
        if (req.model === 'judge') {
          if (req.prompt.includes('一人四個です')) return '正確。評価：[[9]]';
          if (req.prompt.includes('桜')) return '評価：[[6]]';
          return '評価できません';
        }
        if (req.prompt.includes('みかん')) return '一人四個です。';
        if (req.prompt.includes('春')) return '桜の咲く朝。';
        if (req.prompt.includes('雨')) return '読書。';
        n += 1;
        return String((n % 4) + 1); // choice answers for ja-counters: some right, some wrong
      },
    });
  });
  afterAll(async () => server?.close());

  it('re-scoring an unchanged run reproduces every score byte for byte (generate and log-likelihood suites)', async () => {
    const out = path.join(dir, 'identity');
    const run = await runCli(['run', '-m', `${server.url}#answerer`, '-s', 'ja-counters', '-s', 'ja-minimal-pairs', '--limit', '8', '--out', out, '--progress', 'none']);
    expect(run.stderr).not.toContain('internal error');
    const before = await readRunDir(out);
    expect(before.run.results.map((r) => r.mode)).toEqual(['generate', 'loglikelihood']);
    const rescoredOut = path.join(dir, 'identity-rescored');
    const res = await runCli(['score', before.dir, '--out', rescoredOut]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(run.code);
    const after = await readRunDir(rescoredOut);
    expect(itemScores(after.samples)).toEqual(itemScores(before.samples));
    expect(suiteScores(after.run)).toEqual(suiteScores(before.run));
    expect(after.run.summary).toEqual(before.run.summary);
    expect(after.run.rescored_from).toEqual({ run_id: before.run.run_id, dir: before.dir, changes: [] });
    expect(after.run.run_id).not.toBe(before.run.run_id);
    expect(after.samples.every((s) => s.run_id === after.run.run_id)).toBe(true);
    expect(res.stdout).toContain('(nothing changed)');

    // --suite restricts the new run to the suites named
    const restricted = path.join(dir, 'identity-one');
    expect((await runCli(['score', before.dir, '--suite', 'ja-min*', '--out', restricted])).code).toBe(run.code);
    const one = await readRunDir(restricted);
    expect(one.run.results.map((r) => r.suite)).toEqual(['ja-minimal-pairs']);
    expect(new Set(one.samples.map((s) => s.suite))).toEqual(new Set(['ja-minimal-pairs']));
    expect(one.run.rescored_from?.changes).toEqual(['suites restricted to: ja-minimal-pairs']);
  });

  it('judging later (jpeval score --judge) gives the same numbers as judging during the run', async () => {
    const common = ['-m', `${server.url}#answerer`, '-s', 'mini-judge', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data'), '--progress', 'none'];
    const during = path.join(dir, 'during');
    expect((await runCli(['run', ...common, '--judge', `${server.url}#judge`, '--out', during])).code).toBe(0);
    const later = path.join(dir, 'later');
    expect((await runCli(['run', ...common, '--out', later])).code).toBe(0);
    const unjudged = await readRunDir(later);
    expect(unjudged.run.results[0]).toMatchObject({ metrics: {}, flags: { needs_judge: 3 } });

    const judgedOut = path.join(dir, 'later-judged');
    const res = await runCli(['score', unjudged.dir, '--judge', `${server.url}#judge`, '--suites-dir', path.join(dir, 'suites'), '--out', judgedOut]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const a = await readRunDir(during);
    const b = await readRunDir(judgedOut);
    // Verdicts differ only in how long the judge took.
    const noLatency = (samples: SampleRecord[]) =>
      samples
        .map((s) => ({ ...s, score: { ...s.score, details: { judge: { ...s.score.details?.judge, latency_ms: 0 } } } }))
        .sort((x, y) => x.item_id.localeCompare(y.item_id));
    expect(itemScores(noLatency(b.samples))).toEqual(itemScores(noLatency(a.samples)));
    expect(suiteScores(b.run)).toEqual(suiteScores(a.run));
    expect(b.run.results[0]!.metrics.judge!.value).toBeCloseTo((0.9 + 0.6 + 0) / 3, 12);
    expect(b.run.roles?.judge).toMatchObject({ model: 'judge' });
    expect(b.run.rescored_from?.changes).toEqual([`judge role: ${server.url}#judge`]);

    // Re-scoring the judged run without a judge keeps the verdicts it has.
    const kept = path.join(dir, 'kept');
    expect((await runCli(['score', b.dir, '--suites-dir', path.join(dir, 'suites'), '--out', kept])).code).toBe(0);
    expect(suiteScores((await readRunDir(kept)).run)).toEqual(suiteScores(b.run));
  });

  it('reads and re-scores a version 1 run directory', async () => {
    const out = path.join(dir, 'v1');
    const res = await runCli(['score', path.join(projectRoot, 'test/fixtures/runs/v1-counters'), '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const { run, samples } = await readRunDir(out);
    expect(run.schema_version).toBe(2);
    expect(run.models[0]).toMatchObject({ base_url: 'http://127.0.0.1:9/v1', settings: { stream_usage: false, max_tokens_param: 'max_tokens' } });
    expect(run.results[0]).toMatchObject({ suite: 'ja-counters', n: 2, complete: true, outcomes: { correct: 1, incorrect: 1 } });
    expect(run.results[0]!.metrics.accuracy).toMatchObject({ value: 0.5, n: 2 });
    expect(samples.map((s) => [s.item_id, s.extracted, s.outcome])).toEqual([['counter-001', '2', 'correct'], ['counter-002', '3', 'incorrect']]);
    expect(samples[1]!.timing[0]).toMatchObject({ latency_ms: 300, ttft_ms: 120 });
    expect(run.rescored_from?.run_id).toBe('20261201T000000-v1fixture');
    expect(run.rescored_from?.changes.some((c) => c.startsWith('ja-counters: suite file changed'))).toBe(true);
  });

  it('refuses a samples.jsonl that holds an item twice, naming file and lines (it would count twice)', async () => {
    const copy = path.join(dir, 'v1-duplicated');
    await mkdir(copy);
    const src = path.join(projectRoot, 'test/fixtures/runs/v1-counters');
    await writeFile(path.join(copy, 'run.json'), await readFile(path.join(src, 'run.json')));
    const [first] = (await readFile(path.join(src, 'samples.jsonl'), 'utf8')).split('\n');
    await writeFile(path.join(copy, 'samples.jsonl'), `${first}\n${first}\n`);
    const res = await runCli(['score', copy, '--out', path.join(dir, 'v1-duplicated-out')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${path.join(copy, 'samples.jsonl')}:2: item counter-001 of ja-counters × http://127.0.0.1:9/v1#`);
    expect(res.stderr).toContain('is already at line 1');
  });

  it('refuses to re-score a generator suite whose generated items changed since the run (same ids, other items)', async () => {
    const out = path.join(dir, 'generated');
    const run = await runCli(['run', '-m', `${server.url}#answerer`, '-s', 'ind-fmea', '--gen-count', '3', '--limit', '2', '--out', out, '--progress', 'none']);
    expect(run.stderr).not.toContain('internal error');
    const before = await readRunDir(out);
    // As if the run had been made by an older generator version.
    const runJson = path.join(before.dir, 'run.json');
    const record = JSON.parse(await readFile(runJson, 'utf8')) as RunRecord;
    const generator = record.datasets.find((d) => d.suite === 'ind-fmea')!.generator!;
    generator.version -= 1;
    generator.sha256 = '0'.repeat(64);
    await writeFile(runJson, JSON.stringify(record));
    const res = await runCli(['score', before.dir, '--out', path.join(dir, 'generated-rescored')]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/ind-fmea: the items generated for seed 1234 are not those of the source run/);
  });

  it('says what is wrong with a directory that is not a run', async () => {
    const res = await runCli(['score', dir]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/run\.json: no such file/);
  });
});
