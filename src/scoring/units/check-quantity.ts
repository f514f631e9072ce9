import { extractQuantity, type Quantity } from './quantity.js';
import { parseUnit, type ParsedUnit } from './parse-unit.js';
import { dimEqual } from './unit-table.js';

/**
 * The dimension checker: is an answer the gold quantity? First the unit (a missing, unknown or
 * dimensionally different unit is wrong, whatever the number), then the value within the item's
 * relative tolerance after converting both to SI. Equivalent units are right (12 kW = 12000 W;
 * 1.2 kN·m = 1200 N·m). Temperatures: absolute temperatures convert with the °C/K offset;
 * a temperature *difference* (gold marked `temperature: 'interval'`) converts by scale only.
 */

export type QuantityCode =
  | 'correct'
  | 'no_answer'
  | 'no_number'
  | 'missing_unit'
  | 'unknown_unit'
  | 'wrong_dimension'
  | 'wrong_kind'
  | 'out_of_tolerance';

export interface GoldQuantity {
  value: number;
  /** As written in the item ("kW", "N·m", "℃"); '' for a pure number (ratios). */
  unit: string;
  /** Relative tolerance, e.g. 0.02 for ±2 %. */
  rel_tol: number;
  /** For temperatures: an absolute reading (default) or a difference. */
  temperature?: 'absolute' | 'interval';
}

export interface QuantityVerdict {
  correct: boolean;
  code: QuantityCode;
  /** What was read: value and unit as written, and the value converted to the gold unit (when comparable). */
  parsed?: { value: number; unit: string | null; in_gold_unit?: number };
  expected: { value: number; unit: string };
  relative_error?: number;
}

function toSI(value: number, unit: ParsedUnit, absolute: boolean): number {
  return value * unit.scale + (absolute ? (unit.offset ?? 0) : 0);
}

function fromSI(si: number, unit: ParsedUnit, absolute: boolean): number {
  return (si - (absolute ? (unit.offset ?? 0) : 0)) / unit.scale;
}

const DIMENSIONLESS_GOLD = new Set(['', '倍', '-', 'x1']);

/** Compares one extracted quantity with the gold. */
export function compareQuantity(q: Quantity | null, gold: GoldQuantity): QuantityVerdict {
  const expected = { value: gold.value, unit: gold.unit };
  if (!q) return { correct: false, code: 'no_number', expected };
  const value = q.number.value;
  const goldDimensionless = DIMENSIONLESS_GOLD.has(gold.unit.trim());
  const goldUnit = goldDimensionless ? parseUnit('倍') : parseUnit(gold.unit);
  if (!goldUnit) throw new Error(`gold unit "${gold.unit}" is not a unit the checker knows`);
  let unit = q.unit;
  if (!unit) {
    if (q.unknownUnit) return { correct: false, code: 'unknown_unit', parsed: { value, unit: q.unknownUnit }, expected };
    if (!goldDimensionless || q.number.ratio) {
      if (q.number.ratio && goldDimensionless) unit = goldUnit;
      else return { correct: false, code: 'missing_unit', parsed: { value, unit: null }, expected };
    } else unit = goldUnit;
  }
  const parsed: QuantityVerdict['parsed'] = { value, unit: unit.text };
  if (!dimEqual(unit.dim, goldUnit.dim)) return { correct: false, code: 'wrong_dimension', parsed, expected };
  // W vs VA vs var, J vs N·m: same dimension, different quantity.
  const kinds = [unit.kind, goldUnit.kind].filter((k) => k !== undefined && k !== 'temperature');
  if (kinds.length > 0 && unit.kind !== goldUnit.kind) return { correct: false, code: 'wrong_kind', parsed, expected };
  const absolute = gold.temperature !== 'interval';
  const inGold = fromSI(toSI(value, unit, absolute), goldUnit, absolute);
  parsed.in_gold_unit = inGold;
  const denom = Math.max(Math.abs(gold.value), Number.MIN_VALUE);
  const relative = Math.abs(inGold - gold.value) / denom;
  const ok = gold.value === 0 ? Math.abs(inGold) <= gold.rel_tol : relative <= gold.rel_tol + 1e-12;
  return { correct: ok, code: ok ? 'correct' : 'out_of_tolerance', parsed, expected, relative_error: relative };
}

/** Reads the answer quantity from raw model output and compares it with the gold. */
export function checkQuantityAnswer(raw: string, gold: GoldQuantity): QuantityVerdict {
  if (raw.trim() === '') return { correct: false, code: 'no_answer', expected: { value: gold.value, unit: gold.unit } };
  return compareQuantity(extractQuantity(raw), gold);
}
