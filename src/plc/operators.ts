import { StError, type Position } from './errors.js';
import type { Value } from './values.js';

/**
 * Operators and standard functions over runtime values. Integer division truncates toward zero
 * (as on a PLC); division by zero is a runtime error, not Infinity.
 */

const fail = (message: string, at: Position): StError => new StError('semantic_error', message, at.line, at.col);

function numeric(v: Value): boolean {
  return v.type === 'INT' || v.type === 'REAL';
}

export function evalBinary(op: string, a: Value, b: Value, at: Position): Value {
  switch (op) {
    case 'AND':
    case 'OR':
    case 'XOR': {
      if (a.type === 'BOOL' && b.type === 'BOOL') {
        const x = a.value as boolean;
        const y = b.value as boolean;
        return { type: 'BOOL', value: op === 'AND' ? x && y : op === 'OR' ? x || y : x !== y };
      }
      if (a.type === 'INT' && b.type === 'INT') {
        const x = a.value as number;
        const y = b.value as number;
        return { type: 'INT', value: op === 'AND' ? x & y : op === 'OR' ? x | y : x ^ y };
      }
      throw fail(`${op} needs two BOOLs (or two integers), got ${a.type} and ${b.type}`, at);
    }
    case '=':
    case '<>': {
      const comparable = a.type === b.type || (numeric(a) && numeric(b));
      if (!comparable) throw fail(`cannot compare ${a.type} with ${b.type}`, at);
      const eq = a.value === b.value;
      return { type: 'BOOL', value: op === '=' ? eq : !eq };
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const ok = (numeric(a) && numeric(b)) || (a.type === 'TIME' && b.type === 'TIME');
      if (!ok) throw fail(`cannot order ${a.type} and ${b.type}`, at);
      const x = a.value as number;
      const y = b.value as number;
      return { type: 'BOOL', value: op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y };
    }
    case '+':
    case '-': {
      const x = a.value as number;
      const y = b.value as number;
      const r = op === '+' ? x + y : x - y;
      if (a.type === 'TIME' && b.type === 'TIME') return { type: 'TIME', value: r };
      if (numeric(a) && numeric(b)) return { type: a.type === 'REAL' || b.type === 'REAL' ? 'REAL' : 'INT', value: r };
      throw fail(`cannot apply ${op} to ${a.type} and ${b.type}`, at);
    }
    case '*':
    case '/':
    case 'MOD': {
      const x = a.value as number;
      const y = b.value as number;
      const timeScaled = a.type === 'TIME' && numeric(b);
      if (!(numeric(a) && numeric(b)) && !timeScaled) throw fail(`cannot apply ${op} to ${a.type} and ${b.type}`, at);
      if (op === 'MOD' && (a.type !== 'INT' || b.type !== 'INT')) throw fail('MOD needs integers', at);
      const isInt = a.type === 'INT' && b.type === 'INT';
      if (op !== '*' && y === 0 && (isInt || timeScaled)) throw new StError('runtime_error', 'division by zero', at.line, at.col);
      let r: number;
      if (op === '*') r = x * y;
      else if (op === 'MOD') r = x % y;
      else r = isInt ? Math.trunc(x / y) : x / y;
      if (op === '/' && !isInt && y === 0) throw new StError('runtime_error', 'division by zero', at.line, at.col);
      return { type: timeScaled ? 'TIME' : isInt ? 'INT' : 'REAL', value: timeScaled ? Math.trunc(r) : r };
    }
    case '**': {
      if (!(numeric(a) && numeric(b))) throw fail(`** needs numbers`, at);
      return { type: 'REAL', value: (a.value as number) ** (b.value as number) };
    }
  }
  throw fail(`unknown operator ${op}`, at);
}

type Fn = (args: Value[], at: Position) => Value;

function arity(name: string, args: Value[], n: number, at: Position): void {
  if (args.length !== n) throw fail(`${name} takes ${n} argument(s), got ${args.length}`, at);
}

const num = (v: Value, name: string, at: Position): number => {
  if (v.type === 'BOOL') throw fail(`${name} needs a number, got BOOL`, at);
  return v.value as number;
};

const FUNCTIONS: Record<string, Fn> = {
  ABS: (a, at) => (arity('ABS', a, 1, at), { type: (a[0] as Value).type, value: Math.abs(num(a[0] as Value, 'ABS', at)) }),
  SQRT: (a, at) => (arity('SQRT', a, 1, at), { type: 'REAL', value: Math.sqrt(num(a[0] as Value, 'SQRT', at)) }),
  MIN: (a, at) => ({ type: a.some((v) => v.type === 'REAL') ? 'REAL' : (a[0]?.type ?? 'INT'), value: Math.min(...a.map((v) => num(v, 'MIN', at))) }),
  MAX: (a, at) => ({ type: a.some((v) => v.type === 'REAL') ? 'REAL' : (a[0]?.type ?? 'INT'), value: Math.max(...a.map((v) => num(v, 'MAX', at))) }),
  LIMIT: (a, at) => {
    arity('LIMIT', a, 3, at);
    const [mn, x, mx] = a.map((v) => num(v, 'LIMIT', at)) as [number, number, number];
    return { type: (a[1] as Value).type, value: Math.min(Math.max(x, mn), mx) };
  },
  SEL: (a, at) => {
    arity('SEL', a, 3, at);
    if ((a[0] as Value).type !== 'BOOL') throw fail('SEL needs a BOOL selector', at);
    return (a[0] as Value).value ? (a[2] as Value) : (a[1] as Value);
  },
  MOVE: (a, at) => (arity('MOVE', a, 1, at), a[0] as Value),
  TRUNC: (a, at) => (arity('TRUNC', a, 1, at), { type: 'INT', value: Math.trunc(num(a[0] as Value, 'TRUNC', at)) }),
};

/** `X_TO_Y` conversions between the supported types (REAL→INT rounds half away from zero, as IEC does). */
function conversion(name: string): Fn | undefined {
  const m = /^([A-Z]+)_TO_([A-Z]+)$/.exec(name);
  if (!m) return undefined;
  const to = m[2] as string;
  return (a, at) => {
    arity(name, a, 1, at);
    const v = a[0] as Value;
    const x = v.type === 'BOOL' ? (v.value ? 1 : 0) : (v.value as number);
    if (to === 'BOOL') return { type: 'BOOL', value: x !== 0 };
    if (to === 'REAL' || to === 'LREAL') return { type: 'REAL', value: x };
    if (to === 'TIME') return { type: 'TIME', value: Math.round(x) };
    if (/INT$/.test(to)) return { type: 'INT', value: Math.sign(x) * Math.round(Math.abs(x)) };
    throw fail(`unsupported conversion ${name}`, at);
  };
}

export function callFunction(name: string, args: Value[], at: Position): Value {
  const fn = FUNCTIONS[name] ?? conversion(name);
  if (!fn) throw fail(`unknown function ${name} (function blocks are called as statements: ${name}(IN := …);)`, at);
  return fn(args, at);
}

export function isKnownFunction(name: string): boolean {
  return name in FUNCTIONS || /^(BOOL|SINT|INT|DINT|LINT|USINT|UINT|UDINT|REAL|LREAL|TIME)_TO_(BOOL|SINT|INT|DINT|LINT|USINT|UINT|UDINT|REAL|LREAL|TIME)$/.test(name);
}
