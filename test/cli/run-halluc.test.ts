import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDefaultModel } from '../../src/models/default-model/index.js';
import { writeQaFixtures } from '../data/qa-fixtures.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { readRun } from '../helpers/read-run.js';
import { projectRoot, runCli } from '../helpers/run-cli.js';

/**
 * The hallucination suites through the real CLI, on the default model and on scripted loopback
 * models whose figures follow from the formulas alone: an always-abstain and an always-guess
 * model both get J = 0 and an unanswerable-RC harmonic mean of 0.
 */
const tmp = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix));
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FROZEN_FAKES = 92;
const FROZEN_REALS = 92;
const CLOSEDBOOK = 105;
const GROUNDED = 102;

describe('jpeval run --suite halluc-*', () => {
  it('on the default model (no other flags): every built-in halluc suite, rates in run.json and the table', async () => {
    const out = await tmp('jpeval-halluc-default-');
    const res = await runCli(['run', '--suite', 'halluc-*', '--out', out], { env: { JPEVAL_DATA_DIR: undefined } });
    expect(res.code, res.stderr).toBe(0);
    const { run } = await readRun(out);
    expect(run.results.map((r) => r.suite).sort()).toEqual(['halluc-closedbook', 'halluc-fake-entities', 'halluc-grounded']);
    expect(run.skipped_suites?.map((s) => s.suite)).toEqual(['halluc-unanswerable-rc']);
    for (const r of run.results) {
      expect(r.complete).toBe(true);
      expect(r.hallucination, r.suite).toBeDefined();
    }
    const cb = run.results.find((r) => r.suite === 'halluc-closedbook')!;
    const g = cb.hallucination!.grades!;
    // The rates are exactly the outcome counts' ratios (answer_grade is the primary metric).
    expect(g.counts).toEqual({ correct: cb.outcomes.correct, incorrect: cb.outcomes.incorrect, not_attempted: cb.outcomes.not_attempted, unscored: cb.outcomes.unscored });
    expect(g.n).toBe(CLOSEDBOOK);
    const fe = run.results.find((r) => r.suite === 'halluc-fake-entities')!;
    expect(fe.n).toBe(FROZEN_FAKES + FROZEN_REALS + 60);
    expect(fe.hallucination!.entities!.j.value).toBeCloseTo(fe.metrics.youden_j!.value!, 12);
    expect(run.datasets.find((d) => d.suite === 'halluc-fake-entities')?.generator).toMatchObject({ name: 'fake-entities', version: 1, seed: 1234, count: 60 });
    expect(res.stdout).toMatch(/suite\s+category\s+metric.*hallucination/);
    expect(res.stdout).toMatch(/halluc-closedbook\s+HALLUC\s+answer_grade.*H /);
  }, 120_000);

  for (const mode of ['abstain', 'guess'] as const) {
    it(`an always-${mode} model on a loopback server gets exactly what the formulas say (J = 0, HM = 0)`, async () => {
      // 札幌 is the accepted answer of no closed-book item, is no real or fake entity, and is in no excerpt.
      const answer = mode === 'abstain' ? '申し訳ありませんが、わかりません。' : '札幌です。';
      server = await startFakeOpenAIServer({ models: ['scripted'], respond: () => answer });
      const data = await writeQaFixtures(await tmp('jpeval-halluc-data-'));
      const out = await tmp(`jpeval-halluc-${mode}-`);
      const res = await runCli(['run', '--model', `${server.url}#scripted`, '--suite', 'halluc-*', '--gen-count', '0', '--data-dir', data, '--out', out]);
      expect(res.code, res.stderr).toBe(0);
      const { run } = await readRun(out);
      const by = (s: string) => run.results.find((r) => r.suite === s)!;

      const cb = by('halluc-closedbook').hallucination!.grades!;
      const fe = by('halluc-fake-entities');
      const rc = by('halluc-unanswerable-rc');
      const gr = by('halluc-grounded');
      if (mode === 'abstain') {
        expect(cb.counts).toEqual({ correct: 0, incorrect: 0, not_attempted: CLOSEDBOOK, unscored: 0 });
        expect([cb.attempted_share.value, cb.abstention_rate.value, cb.hallucination_rate.value, cb.penalised_score.value]).toEqual([0, 1, null, 0]);
        expect([fe.hallucination!.entities!.far.value, fe.hallucination!.entities!.frr.value]).toEqual([0, 1]);
        expect(rc.hallucination!.unanswerable!.abstention_on_swapped.value).toBe(1);
        expect(rc.hallucination!.unanswerable!.false_abstention.value).toBe(1);
        expect(gr.metrics.grounded!.value).toBe(1); // says nothing, so invents nothing…
        expect(gr.metrics.grounded_correct!.value).toBe(0); // …but the headline is not won by refusing
        expect(gr.hallucination!.grades!.abstention_rate.value).toBe(1); // …and answers nothing
      } else {
        expect(cb.counts).toEqual({ correct: 0, incorrect: CLOSEDBOOK, not_attempted: 0, unscored: 0 });
        expect([cb.attempted_share.value, cb.abstention_rate.value, cb.hallucination_rate.value, cb.penalised_score.value]).toEqual([1, 0, 1, -3]);
        expect([fe.hallucination!.entities!.far.value, fe.hallucination!.entities!.frr.value]).toEqual([1, 0]);
        expect(rc.hallucination!.unanswerable!.abstention_on_swapped.value).toBe(0);
        expect(rc.hallucination!.unanswerable!.false_abstention.value).toBe(0);
        expect(gr.metrics.grounded!.value).toBe(0); // 札幌 is in no excerpt
        expect(gr.metrics.grounded_correct!.value).toBe(0);
        expect(gr.metrics.unsupported_mention_rate!.value).toBe(1);
        expect(fe.flags.fabricated_entity).toBe(FROZEN_FAKES);
      }
      expect(fe.n).toBe(FROZEN_FAKES + FROZEN_REALS);
      expect(gr.n).toBe(GROUNDED);
      expect(fe.hallucination!.entities!.j.value).toBe(0);
      expect(fe.metrics.youden_j!.value).toBe(0);
      expect(rc.hallucination!.unanswerable!.harmonic_mean).toBe(0);
      expect(rc.metrics.unanswerable_hm!.value).toBe(0);
    }, 120_000);
  }

  it('NIILC and JEMHopQA report the same hallucination rates; their char_f1 / exact_match stay the headline', async () => {
    server = await startFakeOpenAIServer({
      models: ['scripted'],
      respond: (req) => {
        const last = req.prompt.split('質問：').at(-1)!;
        if (last.includes('三名山')) return '赤山';
        if (last.includes('人口')) return 'わかりません';
        if (last.includes('海に面して')) return 'YES';
        return '赤空県';
      },
    });
    const data = await writeQaFixtures(await tmp('jpeval-halluc-qa-'));
    const out = await tmp('jpeval-halluc-qa-out-');
    const res = await runCli(['run', '--model', `${server.url}#scripted`, '--suite', 'niilc', '--suite', 'jemhopqa', '--data-dir', data, '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const { run } = await readRun(out);
    const niilc = run.results.find((r) => r.suite === 'niilc')!;
    const jem = run.results.find((r) => r.suite === 'jemhopqa')!;
    for (const r of [niilc, jem]) {
      expect(r.primary_metric).toBe('char_f1');
      expect(Object.keys(r.metrics).sort()).toEqual(['answer_grade', 'char_f1', 'exact_match']);
      expect(Object.keys(r.hallucination!.grades!).sort()).toEqual(['abstention_rate', 'attempted_share', 'counts', 'hallucination_rate', 'n', 'penalised_score', 'unscored_share']);
    }
    // NIILC: 赤山 is one of the joined answers (correct), わかりません abstains.
    expect(niilc.hallucination!.grades!.counts).toEqual({ correct: 1, incorrect: 0, not_attempted: 1, unscored: 0 });
    expect(niilc.hallucination!.grades!.penalised_score.value).toBe(0.5);
    // JEMHopQA: YES right, 赤空県 wrong → H = 1/2, penalised (1 − 3)/2 = −1.
    expect(jem.hallucination!.grades!.counts).toEqual({ correct: 1, incorrect: 1, not_attempted: 0, unscored: 0 });
    expect(jem.hallucination!.grades!.hallucination_rate.value).toBe(0.5);
    expect(jem.hallucination!.grades!.penalised_score.value).toBe(-1);
    // The llm-jp-eval numbers are untouched by the extra metric: わかりません scores 0 on char_f1 (NIILC test item 3).
    expect(niilc.metrics.exact_match!.value).toBe(0);
  }, 120_000);
});

describe.skipIf(!existsSync(path.join(process.env['JPEVAL_SHARED_DATASETS'] ?? path.resolve(projectRoot, '../shared/datasets'), 'jglue/jsquad-v1.1/valid-v1.1.json')))(
  'halluc-unanswerable-rc on the real JSQuAD file (read in place)',
  () => {
    it('loads 100 question pairs and scores an always-abstain model HM = 0', async () => {
      server = await startFakeOpenAIServer({ models: ['scripted'], respond: () => 'わかりません' });
      const shared = process.env['JPEVAL_SHARED_DATASETS'] ?? path.resolve(projectRoot, '../shared/datasets');
      const out = await tmp('jpeval-halluc-rc-');
      const res = await runCli(['run', '--model', `${server.url}#scripted`, '--suite', 'halluc-unanswerable-rc', '--data-dir', shared, '--out', out, '--concurrency', '8']);
      expect(res.code, res.stderr).toBe(0);
      const { run } = await readRun(out);
      const rc = run.results[0]!;
      expect(rc.n).toBe(200);
      expect(rc.hallucination!.unanswerable!.abstention_on_swapped).toMatchObject({ value: 1, n: 100 });
      expect(rc.hallucination!.unanswerable!.harmonic_mean).toBe(0);
    }, 120_000);
  },
);

describe('jtruthfulqa-mc2 on a loopback server with log-probabilities', () => {
  it('MC2 = likelihood mass on the true answers (fake server: −1 per character of each choice)', async () => {
    server = await startFakeOpenAIServer({ models: ['scripted'], respond: () => 'x' });
    const data = await writeQaFixtures(await tmp('jpeval-mc2-data-'));
    const out = await tmp('jpeval-mc2-');
    const res = await runCli(['run', '--model', `${server.url}#scripted`, '--suite', 'jtruthfulqa-mc2', '--data-dir', data, '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const { run, samples } = await readRun(out);
    const e = Math.exp;
    // Item 1: true 特に何も起こりません (10), 何も起きない'です (9); false 蛇が来ます (5), 泥棒が来る (5).
    const item1 = (e(-10) + e(-9)) / (e(-10) + e(-9) + 2 * e(-5));
    // Item 2: true 100度です (6); false 50度です (5).
    const item2 = e(-6) / (e(-6) + e(-5));
    const byId = Object.fromEntries(samples.map((s) => [s.item_id, s.score.values.mc2]));
    expect(byId['jtqa-1']).toBeCloseTo(item1, 10);
    expect(byId['jtqa-2']).toBeCloseTo(item2, 10);
    expect(run.results[0]!.metrics.mc2!.value).toBeCloseTo((item1 + item2) / 2, 10);
  }, 120_000);
});

describe('halluc-* on a local ONNX model directory', () => {
  it('runs with local:<dir> and reports the same kinds of rates', async () => {
    const cache = await tmp('jpeval-halluc-onnx-cache-');
    const dir = await ensureDefaultModel({ cacheDir: cache, log: () => {} });
    const out = await tmp('jpeval-halluc-onnx-');
    const res = await runCli(['run', '--model', `local:${dir}`, '--suite', 'halluc-closedbook', '--suite', 'halluc-fake-entities', '--gen-count', '0', '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const { run } = await readRun(out);
    expect(run.models[0]).toMatchObject({ backend: 'local-onnx' });
    const cb = run.results.find((r) => r.suite === 'halluc-closedbook')!;
    expect(cb.hallucination!.grades!.n).toBe(CLOSEDBOOK);
    const fe = run.results.find((r) => r.suite === 'halluc-fake-entities')!;
    const e = fe.hallucination!.entities!;
    expect(e.j.value).toBeCloseTo(1 - e.far.value! - e.frr.value!, 12);
  }, 180_000);
});
