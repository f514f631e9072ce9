import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/datasets/types.js';
import { fmeaValue, optionNumbers, setF1 } from '../../src/scoring/metrics/industrial/choice-set.js';
import { examPassMetrics } from '../../src/scoring/metrics/industrial/exam-pass.js';
import { quantityMatch } from '../../src/scoring/metrics/industrial/quantity-match.js';
import { stProgram, stVectors } from '../../src/scoring/metrics/industrial/st-program.js';
import { validateIndustrial } from '../../src/suites/validate-industrial.js';
import { mkdtemp, mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtinDatasetsDir } from '../../src/util/paths.js';

const ctx = { options: {}, signal: new AbortController().signal };
const item = (vars: Record<string, unknown>, extra: Partial<Item> = {}): Item => ({ id: 'x', vars, references: [], origin: { file: 't' }, ...extra });

describe('fmea_score', () => {
  it('reads option numbers from the answer line and scores set-F1 by hand', () => {
    expect(optionNumbers('考え方：…\n答え：1, 3')).toEqual([1, 3]);
    expect(optionNumbers('1と4')).toEqual([1, 4]);
    expect(setF1([1, 3], [1, 3])).toBe(1);
    expect(setF1([1, 2], [1, 3])).toBeCloseTo(0.5); // P = 1/2, R = 1/2
    expect(setF1([1], [1, 3])).toBeCloseTo(2 / 3); // P = 1, R = 1/2
    expect(setF1([2, 4], [1, 3])).toBe(0);
    expect(setF1([], [1])).toBe(0);
  });
  it('scores RPN items as exact integers', () => {
    const rpn = item({ kind: 'rpn', value: 96 });
    expect(fmeaValue('答え：96', rpn)).toBe(1);
    expect(fmeaValue('S×O×D = 8×3×4 = 96', rpn)).toBe(1);
    expect(fmeaValue('答え：97', rpn)).toBe(0);
    expect(fmeaValue('答え：96 kW', rpn)).toBe(0); // a unit on a pure number is wrong_dimension
  });
});

describe('exam pass rules', () => {
  const otsu4 = examPassMetrics.find((m) => m.name === 'exam_pass_otsu4')!;
  const hozen = examPassMetrics.find((m) => m.name === 'exam_pass_hozen')!;
  it('乙4 needs 60 % in every section, not overall', async () => {
    const stat = async (section: string, ok: boolean) =>
      otsu4.stats({ prediction: '1', raw: '1', item: item({ exam: 'otsu4', section }, { goldIndex: 0, choices: ['a', 'b'] }), predictedIndex: ok ? 0 : 1 }, ctx);
    const strong = await Promise.all([...Array(5)].map(() => stat('法令', true)));
    const weak = [await stat('物理化学', true), await stat('物理化学', false), await stat('物理化学', false)]; // 33 %
    const ok = await Promise.all([...Array(3)].map(() => stat('性質消火', true)));
    expect(otsu4.reduce([...strong, ...weak, ...ok])).toBe(0); // 9/11 overall, but a section below 60 %
    expect(otsu4.reduce([...strong, ...weak.slice(0, 1), ...ok])).toBe(1);
  });
  it('機械保全 needs 65 % overall and ignores other exams', async () => {
    const s = async (ok: boolean, exam = 'hozen') => hozen.stats({ prediction: '1', raw: '1', item: item({ exam, section: '学科' }, { goldIndex: 0, choices: ['a', 'b'] }), predictedIndex: ok ? 0 : 1 }, ctx);
    const twoOfThree = [await s(true), await s(true), await s(false)]; // 66.7 %
    expect(hozen.reduce(twoOfThree)).toBe(1);
    expect(hozen.reduce([...twoOfThree, await s(false)])).toBe(0); // 50 %
    expect(hozen.reduce([await s(true, 'otsu4')])).toBe(0); // no items of this exam
  });
});

describe('quantity_match and st metrics read their gold from the item', () => {
  it('quantity_match', async () => {
    const q = item({ value: 8.83, unit: 'kW', rel_tol: 0.01 });
    expect(await quantityMatch.score({ prediction: null, raw: '8830 W', item: q }, ctx)).toMatchObject({ value: 1, outcome: 'correct', details: { code: 'correct' } });
    expect(await quantityMatch.score({ prediction: null, raw: '8.83', item: q }, ctx)).toMatchObject({ value: 0, outcome: 'incorrect', details: { code: 'missing_unit' } });
    expect(await quantityMatch.score({ prediction: null, raw: '9.0 kW', item: q }, { ...ctx, options: { rel_tol: 0.05 } })).toMatchObject({ value: 1 });
  });
  it('st_pass and st_vectors', async () => {
    const test = { scan_ms: 10, interface: { inputs: ['A'], outputs: ['Y'] }, vectors: [{ name: 'on', steps: [{ set: { A: true }, expect: { Y: true } }] }, { name: 'off', steps: [{ set: { A: false }, expect: { Y: false } }] }] };
    const it2 = item({ test });
    const alwaysOn = 'PROGRAM P\nVAR_INPUT A : BOOL; END_VAR\nVAR_OUTPUT Y : BOOL; END_VAR\nY := TRUE;\nEND_PROGRAM';
    expect(await stProgram.score({ prediction: null, raw: alwaysOn, item: it2 }, ctx)).toMatchObject({ value: 0, outcome: 'incorrect', details: { code: 'wrong_output', failure: { vector: 'off', variable: 'Y' } } });
    expect(await stVectors.score({ prediction: null, raw: alwaysOn, item: it2 }, ctx)).toBe(0.5);
  });
});

describe('validate: industrial items', () => {
  const identity = async (text: string): Promise<string[]> => [text.replace(/\s+/gu, '')];
  it('finds a broken gold program, a wrong gold number and a duplicate id', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-indval-'));
    await mkdir(path.join(dir, 'industrial'));
    for (const name of await readdir(path.join(builtinDatasetsDir, 'industrial'))) {
      let text = await readFile(path.join(builtinDatasetsDir, 'industrial', name), 'utf8');
      if (name === 'ind-plc-st.jsonl') text = text.replace('AND NOT PB_STOP;', ';');
      if (name === 'ind-unit-calc.jsonl') text = text.replace(/"value":([0-9.]+)/, (_, v: string) => `"value":${Number(v) * 1.05}`);
      if (name === 'ind-exam-style.jsonl') text = text.replace('"id": "exam-002"', '"id": "exam-001"');
      // ind-fmea: the second item repeated under a new id (the frozen sets once held such repeats).
      if (name === 'ind-fmea.jsonl') text += text.split('\n')[1]!.replace('"id":"fm-0002"', '"id":"fm-9999"') + '\n';
      await writeFile(path.join(dir, 'industrial', name), text);
    }
    const { errors } = await validateIndustrial(dir, { tokenize: identity });
    expect(errors.some((e) => /ind-plc-st\.jsonl:1: gold program fails its own test: wrong_output/.test(e))).toBe(true);
    expect(errors.some((e) => /ind-unit-calc\.jsonl:1: gold value .* differs/.test(e))).toBe(true);
    expect(errors.some((e) => /ind-exam-style\.jsonl:2: duplicate id "exam-001"/.test(e))).toBe(true);
    expect(errors.some((e) => /ind-fmea\.jsonl:121: item "fm-9999" repeats item "fm-0002"/.test(e))).toBe(true);
  }, 60_000);
});

describe('industrial extractors (null = unscored)', async () => {
  const { quantityExtractor, stProgramExtractor, answerLineExtractor } = await import('../../src/scoring/extractors/industrial.js');
  it('quantity: the number and unit of the answer line', () => {
    expect(quantityExtractor.extract('計算：P = √3×200×30×0.85\n答え：約８．８３ｋＷです', item({}), {})).toBe('約8.83kW');
    expect(quantityExtractor.extract('8.83', item({}), {})).toBe('8.83');
    expect(quantityExtractor.extract('', item({}), {})).toBeNull();
    expect(quantityExtractor.extract('わかりません', item({}), {})).toBeNull();
  });
  it('st_program and answer_line', () => {
    expect(stProgramExtractor.extract('```\nPROGRAM P\nEND_PROGRAM\n```', item({}), {})).toBe('PROGRAM P\nEND_PROGRAM');
    expect(stProgramExtractor.extract('書けません', item({}), {})).toBeNull();
    expect(answerLineExtractor.extract('答え：1, 3', item({}), {})).toBe('1, 3');
    expect(answerLineExtractor.extract('', item({}), {})).toBeNull();
  });
});

describe('verdicts (value, bucket, reason code)', async () => {
  const { quantityVerdict, stVerdict, fmeaVerdict } = await import('../../src/scoring/metrics/industrial/verdicts.js');
  it('quantity: right number with the wrong unit is incorrect with its code; no number is unscored', () => {
    const q = item({ value: 8.83, unit: 'kW', rel_tol: 0.01 });
    expect(quantityVerdict('答え：8.83 kVA', q)).toMatchObject({ value: 0, outcome: 'incorrect', details: { code: 'wrong_kind' } });
    expect(quantityVerdict('', q)).toMatchObject({ value: 0, outcome: 'unscored', details: { code: 'no_answer' } });
    expect(quantityVerdict('答え：8830 W', q)).toMatchObject({ value: 1, outcome: 'correct', details: { code: 'correct', parsed: { in_gold_unit: 8.83 } } });
    expect(quantityVerdict('答え：9.0 kW', q, 0.05).value).toBe(1);
  });
  it('st: no program is unscored; a syntax error is incorrect with line:col', () => {
    const test = { scan_ms: 10, interface: { inputs: ['A'], outputs: ['Y'] }, vectors: [{ name: 'on', steps: [{ set: { A: true }, expect: { Y: true } }] }] };
    expect(stVerdict('わかりません', item({ test }))).toMatchObject({ outcome: 'unscored', details: { code: 'no_program' } });
    expect(stVerdict('PROGRAM P\nVAR_INPUT A : BOOL; END_VAR\nVAR_OUTPUT Y : BOOL; END_VAR\nY = A;\nEND_PROGRAM', item({ test }))).toMatchObject({ outcome: 'incorrect', details: { code: 'syntax_error', line: 4, col: 3 } });
  });
  it('fmea: partial sets keep partial credit and say so', () => {
    const cs = item({ kind: 'choice_set', answer_set: [1, 3] });
    expect(fmeaVerdict('答え：1', cs)).toMatchObject({ outcome: 'incorrect', details: { code: 'partial_set', picked: [1] } });
    expect(fmeaVerdict('答え：1, 3', cs)).toMatchObject({ value: 1, outcome: 'correct', details: { code: 'exact_set' } });
    expect(fmeaVerdict('', cs).outcome).toBe('unscored');
  });
});
