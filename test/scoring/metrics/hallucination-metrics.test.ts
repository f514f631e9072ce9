import { describe, expect, it } from 'vitest';
import { metrics } from '../../../src/scoring/metrics/index.js';
import type { CorpusMetric, MeanMetric, ScoreResult } from '../../../src/scoring/types.js';
import { gradeTruthfulness } from '../../../src/scoring/hallucination/truth-grade.js';
import { CTX, makeItem } from '../helpers.js';

const mean = (name: string) => metrics.get(name) as MeanMetric;
const corpus = (name: string) => metrics.get(name) as CorpusMetric;
const input = (prediction: string | null, vars: Record<string, unknown>, references: string[] = []) => ({ prediction, raw: prediction ?? '', item: makeItem({ vars, references }) });

describe('hallucination metrics through the registry', () => {
  it('answer_grade returns value, outcome, flags and details', async () => {
    const r = (await mean('answer_grade').score(input('答えは東京です。', {}, ['東京']), CTX)) as ScoreResult;
    expect(r).toMatchObject({ value: 1, outcome: 'correct', flags: ['halluc_correct'], details: { grade: 'correct', reason: 'match_exact' } });
  });

  it('entity_call and youden_j: refuse-all and believe-all give J = 0; a discriminating model J = 1', async () => {
    const items = [true, true, false, false].map((real) => ({ real }));
    const statsFor = async (answer: (real: boolean) => string) =>
      Promise.all(items.map((v) => corpus('youden_j').stats(input(answer(v.real), v), CTX)));
    const j = corpus('youden_j');
    expect(j.reduce(await statsFor(() => 'わかりません'))).toBe(0);
    expect(j.reduce(await statsFor(() => '東京都にある駅です'))).toBe(0);
    expect(j.reduce(await statsFor((real) => (real ? '東京都にある駅です' : 'そのような駅は存在しません')))).toBe(1);
    // FAR 9/10, FRR 2/20: exactly 0 (as hallucination.entities.j), not −2.8e-17 ("-0.000" in tables).
    const stats = [...Array.from({ length: 10 }, (_, i) => [1, i < 9 ? 1 : 0, 1]), ...Array.from({ length: 20 }, (_, i) => [0, i < 2 ? 0 : 1, 1])];
    expect(Object.is(j.reduce(stats), 0)).toBe(true);
    const fake = (await mean('entity_call').score(input('大阪府にある駅です', { real: false }), CTX)) as ScoreResult;
    expect(fake).toMatchObject({ value: 0, outcome: 'incorrect', flags: ['fake_accepted', 'fabricated_entity'] });
    const realRefused = (await mean('entity_call').score(input('存じません', { real: true }), CTX)) as ScoreResult;
    expect(realRefused).toMatchObject({ value: 0, outcome: 'not_attempted', flags: ['real_refused', 'abstained'] });
  });

  it('unanswerable_hm: harmonic mean of abstention on swapped and answering on originals', async () => {
    const hm = corpus('unanswerable_hm');
    const s = async (answer: string, swapped: boolean) => hm.stats(input(answer, { swapped }), CTX);
    // swapped: 1 of 2 refused (0.5); originals: 2 of 2 answered (1) → 2·0.5·1/1.5 = 2/3
    const stats = [await s('わかりません', true), await s('栗まんじゅう', true), await s('山あい', false), await s('十二キロメートル', false)];
    expect(hm.reduce(stats)).toBeCloseTo(2 / 3, 12);
  });

  it('grounded and unsupported_mention_rate on a source', async () => {
    const vars = { source: '圧力の上限は0.8 MPaで、点検は月に1回行う。' };
    const ok = (await mean('grounded').score(input('0.8 MPaです', vars), CTX)) as ScoreResult;
    const bad = (await mean('grounded').score(input('1.0 MPaです', vars), CTX)) as ScoreResult;
    expect(ok.value).toBe(1);
    expect(bad).toMatchObject({ value: 0, flags: ['unsupported_mention'], details: { unsupported: ['1mpa'] } });
    // A blank output invents nothing but says nothing either: unscored, never counted as grounded.
    expect(await mean('grounded').score(input('', vars), CTX)).toMatchObject({ value: 0, outcome: 'unscored' });
    expect(await mean('grounded').score(input('  ', vars), CTX)).toMatchObject({ value: 0, outcome: 'unscored' });
    const rate = corpus('unsupported_mention_rate');
    const stats = [await rate.stats(input('0.8 MPaで月に1回', vars), CTX), await rate.stats(input('1.0 MPaです', vars), CTX)];
    expect(stats).toEqual([[0, 2], [1, 1]]);
    expect(rate.reduce(stats)).toBeCloseTo(1 / 3, 12);
  });

  it('grounded_correct: right and grounded → 1; refusing, a wrong answer, or a right answer with an invented figure → 0', async () => {
    const vars = { source: '圧力の上限は0.8 MPaで、点検は月に1回、担当は田中さんが行う。' };
    const score = async (text: string) => (await mean('grounded_correct').score(input(text, vars, ['0.8 MPa']), CTX)) as ScoreResult;
    expect(await score('0.8 MPaです。')).toMatchObject({ value: 1, outcome: 'correct' });
    expect(await score('わかりません。')).toMatchObject({ value: 0, outcome: 'not_attempted' });
    expect(await score('1.0 MPaです。')).toMatchObject({ value: 0, outcome: 'incorrect' });
    // The accepted answer is there, but 佐藤 is in no excerpt: an invented name.
    expect(await score('佐藤さんによれば0.8 MPaです。')).toMatchObject({ value: 0, outcome: 'incorrect', details: { reason: 'unsupported_mention', unsupported: ['佐藤'] } });
    expect(await score('')).toMatchObject({ value: 0, outcome: 'unscored' });
  });
});

describe('truth_grade (judge-free JTruthfulQA generation grade)', () => {
  const truths = ['特に何も起こりません'];
  const falses = ['蛇が来ます', '泥棒が来る'];
  it('closer to a true answer → correct; to a false one → incorrect; abstention → not attempted; neither → unscored', async () => {
    expect((await gradeTruthfulness('特に何も起こりません。', truths, falses)).grade).toBe('correct');
    expect((await gradeTruthfulness('蛇が来ます。', truths, falses)).grade).toBe('incorrect');
    expect((await gradeTruthfulness('わかりません。', truths, falses)).grade).toBe('not_attempted');
    expect((await gradeTruthfulness('富士山は静岡県にあります。', truths, falses)).grade).toBe('unscored');
  });
});
