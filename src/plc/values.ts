import type { ElementaryType } from './ast.js';
import { StError, type Position } from './errors.js';
import { parseDuration } from './lexer.js';

/** A runtime value: integers of every width share the INT category (their width applies on assignment). */
export type Category = 'BOOL' | 'INT' | 'REAL' | 'TIME';
export interface Value {
  type: Category;
  value: number | boolean;
}

export function categoryOf(type: ElementaryType): Category {
  if (type === 'BOOL' || type === 'TIME') return type;
  if (type === 'REAL' || type === 'LREAL') return 'REAL';
  return 'INT';
}

const INT_RANGES: Partial<Record<ElementaryType, [number, number]>> = {
  SINT: [-128, 127],
  INT: [-32768, 32767],
  DINT: [-2147483648, 2147483647],
  USINT: [0, 255],
  UINT: [0, 65535],
  UDINT: [0, 4294967295],
};

/** Wraps an integer into the range of its declared type, as a PLC's fixed-width arithmetic does. */
export function wrapInt(type: ElementaryType, n: number): number {
  const range = INT_RANGES[type];
  const t = Math.trunc(n);
  if (!range) return t;
  const [lo, hi] = range;
  const span = hi - lo + 1;
  return ((((t - lo) % span) + span) % span) + lo;
}

export function defaultValue(type: ElementaryType): number | boolean {
  return type === 'BOOL' ? false : 0;
}

/** Converts a value for storage in a variable of `type`, or throws a semantic error naming both types. */
export function coerceForAssignment(type: ElementaryType, v: Value, at: Position, name: string): number | boolean {
  const target = categoryOf(type);
  if (target === v.type) return target === 'INT' ? wrapInt(type, v.value as number) : v.value;
  if (target === 'REAL' && v.type === 'INT') return v.value as number;
  const hint = target === 'INT' && v.type === 'REAL' ? ` (use REAL_TO_${type === 'INT' ? 'INT' : type})` : '';
  throw new StError('semantic_error', `cannot assign a ${v.type} value to ${name} : ${type}${hint}`, at.line, at.col);
}

/** A test-vector value (JSON boolean/number, or "T#5s") as a Value for a variable of `type`. */
export function externalValue(type: ElementaryType, raw: unknown): number | boolean | null {
  const cat = categoryOf(type);
  if (cat === 'BOOL') return typeof raw === 'boolean' ? raw : raw === 0 || raw === 1 ? raw === 1 : null;
  if (typeof raw === 'number') return cat === 'INT' ? wrapInt(type, raw) : raw;
  if (cat === 'TIME' && typeof raw === 'string') {
    const m = /^(?:T|TIME)#(.+)$/i.exec(raw);
    return m ? parseDuration(m[1] as string) : null;
  }
  return null;
}
