import { describe, expect, it } from 'vitest';
import { parseJapaneseNumber, findNumbers, prepareNumberText } from '../../../src/scoring/units/japanese-number.js';
import { parseUnit } from '../../../src/scoring/units/parse-unit.js';
import { answerSegment, extractQuantity } from '../../../src/scoring/units/quantity.js';
import { checkQuantityAnswer, type GoldQuantity } from '../../../src/scoring/units/check-quantity.js';

describe('Japanese numbers', () => {
  it.each([
    ['１２３', 123],
    ['12,500', 12500],
    ['１，２３４．５', 1234.5],
    ['1万2000', 12000],
    ['2億5千万', 250000000],
    ['三十五', 35],
    ['二〇二四', 2024],
    ['3千', 3000],
    ['3万', 30000],
    ['△3.5', -3.5],
    ['▲120', -120],
    ['マイナス4', -4],
    ['−2.5', -2.5],
    ['約12.4', 12.4],
    ['3割', 0.3],
    ['3割5分', 0.35],
    ['1.2e3', 1200],
    ['1.5×10^3', 1500],
    ['2.0×10³', 2000],
    ['十五', 15],
  ])('%s → %d', (text, value) => {
    expect(parseJapaneseNumber(text)).toBeCloseTo(value, 9);
  });

  it('does not read a lone 十 of 十分 or an ASCII-embedded digit as a number', () => {
    expect(parseJapaneseNumber('十分')).toBeNull();
    expect(findNumbers(prepareNumberText('M8ボルト')).map((n) => n.value)).toEqual([]);
  });

  it('flags hedged numbers as approximate', () => {
    const [n] = findNumbers(prepareNumberText('約１２kW'));
    expect(n?.approx).toBe(true);
    expect(n?.value).toBe(12);
  });
});

describe('units', () => {
  it('reads compound and Japanese units with their scale to SI', () => {
    expect(parseUnit('kW')?.scale).toBe(1000);
    expect(parseUnit('㎜')?.scale).toBeCloseTo(1e-3);
    expect(parseUnit('㎏')?.scale).toBeCloseTo(1);
    expect(parseUnit('kN·m')?.scale).toBe(1000);
    expect(parseUnit('kN・m')?.kind).toBe('torque');
    expect(parseUnit('Nm')?.kind).toBe('torque');
    expect(parseUnit('m/s^2')?.dim).toEqual([1, 0, -2, 0, 0, 0, 0]);
    expect(parseUnit('m³/h')?.scale).toBeCloseTo(1 / 3600);
    expect(parseUnit('W/(m·K)')?.dim).toEqual([1, 1, -3, 0, -1, 0, 0]);
    expect(parseUnit('min⁻¹')?.scale).toBeCloseTo(1 / 60);
    expect(parseUnit('キロワット')?.scale).toBe(1000);
    expect(parseUnit('℃')?.offset).toBeCloseTo(273.15);
    expect(parseUnit('kVA')?.kind).toBe('apparent_power');
    expect(parseUnit('times')).toBeNull();
  });
});

describe('answer extraction', () => {
  it('takes the labelled line, after the last equals sign', () => {
    expect(answerSegment('計算します。\nP = √3 × 200 × 30 × 0.85 = 8.83 kW\n答え：8.83 kW')).toBe('8.83 kW');
    expect(answerSegment('P = √3×200×30×0.85 = 8834 W')).toBe('8834 W');
  });
  it('skips 三 of 三相 when Arabic digits are present', () => {
    const q = extractQuantity('答え：三相200V');
    expect(q?.number.value).toBe(200);
    expect(q?.unit?.text).toBe('V');
  });
});

const kw: GoldQuantity = { value: 8.83, unit: 'kW', rel_tol: 0.01 };

describe('dimension checker', () => {
  it('accepts the gold and equivalent units', () => {
    expect(checkQuantityAnswer('答え：8.83 kW', kw).code).toBe('correct');
    expect(checkQuantityAnswer('答え：8830 W', kw).code).toBe('correct');
    expect(checkQuantityAnswer('答え：約８．８３ｋＷ', kw).code).toBe('correct');
    expect(checkQuantityAnswer('答え：0.00883 MW', kw).code).toBe('correct');
    expect(checkQuantityAnswer('答え：8.83キロワット', kw).code).toBe('correct');
  });
  it('rejects the right number with the wrong or no unit', () => {
    expect(checkQuantityAnswer('答え：8.83 kVA', kw).code).toBe('wrong_kind');
    expect(checkQuantityAnswer('答え：8.83 kJ', kw).code).toBe('wrong_dimension');
    expect(checkQuantityAnswer('答え：8.83', kw).code).toBe('missing_unit');
    expect(checkQuantityAnswer('答え：8.83 W', kw).code).toBe('out_of_tolerance');
    expect(checkQuantityAnswer('答え：8.83 kWx', kw).code).toBe('unknown_unit');
  });
  it('applies the relative tolerance', () => {
    expect(checkQuantityAnswer('8.9 kW', kw).code).toBe('correct'); // 0.79 % off
    expect(checkQuantityAnswer('9.0 kW', kw).code).toBe('out_of_tolerance'); // 1.9 % off
  });
  it('treats N·m and kN·m as the same quantity, J as a different one', () => {
    const torque: GoldQuantity = { value: 1200, unit: 'N·m', rel_tol: 0.01 };
    expect(checkQuantityAnswer('答え：1.2 kN・m', torque).code).toBe('correct');
    expect(checkQuantityAnswer('答え：1200 Nm', torque).code).toBe('correct');
    expect(checkQuantityAnswer('答え：1200 J', torque).code).toBe('wrong_kind');
  });
  it('converts absolute temperatures with the offset and differences by scale', () => {
    const abs: GoldQuantity = { value: 80, unit: '℃', rel_tol: 0.001 };
    expect(checkQuantityAnswer('答え：353.15 K', abs).code).toBe('correct');
    expect(checkQuantityAnswer('答え：80 K', abs).code).toBe('out_of_tolerance');
    const diff: GoldQuantity = { value: 15, unit: '℃', rel_tol: 0.001, temperature: 'interval' };
    expect(checkQuantityAnswer('答え：15 K', diff).code).toBe('correct');
  });
  it('handles dimensionless golds, ratios and negatives', () => {
    const ratio: GoldQuantity = { value: 20, unit: '', rel_tol: 0 };
    expect(checkQuantityAnswer('答え：20', ratio).code).toBe('correct');
    expect(checkQuantityAnswer('答え：20倍', ratio).code).toBe('correct');
    const share: GoldQuantity = { value: 0.35, unit: '', rel_tol: 1e-9 };
    expect(checkQuantityAnswer('答え：3割5分', share).code).toBe('correct');
    expect(checkQuantityAnswer('答え：35%', share).code).toBe('correct');
    const drop: GoldQuantity = { value: -2.5, unit: 'V', rel_tol: 0.01 };
    expect(checkQuantityAnswer('答え：△2.5 V', drop).code).toBe('correct');
  });
  it('reports empty and number-less answers', () => {
    expect(checkQuantityAnswer('', kw).code).toBe('no_answer');
    expect(checkQuantityAnswer('わかりません', kw).code).toBe('no_number');
  });
});
