import { describe, expect, it } from 'vitest';
import { PLC_TEMPLATES, allParams, plcGenerator, plcRecord } from '../../src/datasets/generators/ind-plc-st.js';
import { unitCalcGenerator } from '../../src/datasets/generators/ind-unit-calc.js';
import { UNIT_CALC_TEMPLATES, goldText } from '../../src/industrial/unit-calc-templates.js';
import { checkStAnswer, type StTest } from '../../src/plc/run-vectors.js';
import { checkQuantityAnswer } from '../../src/scoring/units/check-quantity.js';

describe('ind-plc-st templates', () => {
  for (const t of PLC_TEMPLATES) {
    it(`${t.id}: every gold program passes its own vectors`, () => {
      for (const p of allParams(t)) {
        const r = plcRecord(t, p);
        const verdict = checkStAnswer(r.answer as string, r.test as StTest);
        expect(verdict, `${t.id} ${JSON.stringify(p)}: ${verdict.message}`).toMatchObject({ pass: true });
      }
    });
  }

  it('vectors catch plausible wrong programs', () => {
    const [selfHold, fwd] = PLC_TEMPLATES;
    const r = plcRecord(selfHold!, { names: 0 });
    // Start priority instead of stop priority.
    const startWins = (r.answer as string).replace('(PB_START OR MC_MOTOR) AND NOT PB_STOP', 'PB_START OR (MC_MOTOR AND NOT PB_STOP)');
    expect(checkStAnswer(startWins, r.test as StTest).code).toBe('wrong_output');
    const f = plcRecord(fwd!, { names: 1, dwell: 0 });
    const noInterlock = (f.answer as string).replace(/ AND NOT (FWD|REV);/g, ';');
    expect(checkStAnswer(noInterlock, f.test as StTest).code).toBe('invariant_violated');
  });

  it('generated items are fresh: mostly not copies of frozen items, and their golds pass (several seeds)', () => {
    const frozen = new Set(PLC_TEMPLATES.flatMap((t) => allParams(t).map((p) => JSON.stringify(plcRecord(t, p).question))));
    for (const seed of [1, 7, 1234]) {
      const records = plcGenerator.generate(seed, 100);
      for (const r of records) {
        const verdict = checkStAnswer(r.answer as string, r.test as StTest);
        expect(verdict, `seed ${seed} ${r.template as string} ${JSON.stringify(r.params)}: ${verdict.message}`).toMatchObject({ pass: true });
      }
      // Only the templates without numeric parameters (self_hold, alarm_latch, level_control) repeat.
      const copies = new Set(records.filter((r) => frozen.has(JSON.stringify(r.question))).map((r) => r.template));
      expect([...copies].sort(), `seed ${seed}`).toEqual(['alarm_latch', 'level_control', 'self_hold']);
    }
  });

  it('generates the same records for the same seed', () => {
    expect(JSON.stringify(plcGenerator.generate(7, 12))).toBe(JSON.stringify(plcGenerator.generate(7, 12)));
  });
});

describe('ind-unit-calc templates', () => {
  it('every generated gold text passes the dimension checker and matches the parameters', () => {
    for (const r of unitCalcGenerator.generate(99, 200)) {
      const t = UNIT_CALC_TEMPLATES.find((x) => x.id === r.template)!;
      expect(t.compute(r.params as Record<string, number>)).toBeCloseTo(r.value as number, 9);
      const verdict = checkQuantityAnswer(`答え：${r.answer as string}`, { value: r.value as number, unit: r.unit as string, rel_tol: r.rel_tol as number });
      expect(verdict.code, `${r.template}: ${r.answer as string}`).toBe('correct');
    }
  });
  it('writes golds to 4 significant figures with the unit', () => {
    expect(goldText(8.83347, 'kW')).toBe('8.833 kW');
    expect(goldText(1234.6, 'N')).toBe('1235 N');
    expect(goldText(3, '')).toBe('3');
  });
});
