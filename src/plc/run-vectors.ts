import type { ElementaryType, Expr } from './ast.js';
import { FB_TYPES } from './ast.js';
import { StError } from './errors.js';
import { extractProgram } from './extract-program.js';
import { Machine } from './interpreter.js';
import { tokenize } from './lexer.js';
import { TokenStream, describe, parseExpression } from './parse-expr.js';
import { parseProgram } from './parser.js';
import { externalValue } from './values.js';

/**
 * The ST checker: runs a program over test vectors, scan by scan, and checks invariants after
 * every scan and expected outputs where the vector says. Each vector starts from a cold start.
 *
 * A test (stored with each ind-plc-st item):
 *   { scan_ms: 10, interface: { inputs: [...], outputs: [...] },
 *     invariants: [{ expr: "NOT (FWD AND REV)", label: "正転と逆転は同時にONしない" }],
 *     vectors: [{ name, steps: [{ set: {START: true}, scans: 1 | ms: 3000, expect: {MOTOR: true},
 *                                 expect_always: {...} }] }] }
 * `expect` is checked after the step's last scan; `expect_always` after each of its scans.
 * Time values are numbers of ms or duration strings ("T#5s").
 */

type Scalar = boolean | number | string;
export interface StStep {
  set?: Record<string, Scalar>;
  scans?: number;
  ms?: number;
  expect?: Record<string, Scalar>;
  expect_always?: Record<string, Scalar>;
}
export interface StVector {
  name: string;
  steps: StStep[];
}
export interface StTest {
  scan_ms: number;
  interface: { inputs: string[]; outputs: string[] };
  invariants?: { expr: string; label?: string }[];
  vectors: StVector[];
}

export type StCode =
  | 'pass'
  | 'no_program'
  | 'syntax_error'
  | 'semantic_error'
  | 'missing_variable'
  | 'runtime_error'
  | 'budget_exceeded'
  | 'invariant_violated'
  | 'wrong_output';

export interface StFailure {
  vector: string;
  /** 0-based scan index within the vector, and the PLC time of that scan in ms. */
  scan: number;
  time_ms: number;
  variable?: string;
  expected?: unknown;
  actual?: unknown;
  invariant?: string;
}

export interface StVerdict {
  pass: boolean;
  code: StCode;
  message?: string;
  /** Position in the model's answer (lines counted from the start of the whole answer). */
  line?: number;
  col?: number;
  vectors_passed: number;
  vectors_total: number;
  failure?: StFailure;
}

/** Hard cap on scans per vector, so a malformed item cannot make a run slow. */
export const MAX_SCANS_PER_VECTOR = 20_000;

export function parseInvariant(text: string): Expr {
  const ts = new TokenStream(tokenize(text));
  const e = parseExpression(ts);
  if (ts.peek().kind !== 'eof') throw new StError('syntax_error', `unexpected ${describe(ts.peek())} in invariant "${text}"`);
  return e;
}

function stepScans(step: StStep, scanMs: number): number {
  if (step.ms !== undefined) return Math.max(1, Math.ceil(step.ms / scanMs));
  return step.scans ?? 1;
}

function sameValue(expected: number | boolean, actual: number | boolean): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));
  return expected === actual;
}

class CheckFailure extends Error {
  constructor(
    readonly code: 'invariant_violated' | 'wrong_output',
    message: string,
  ) {
    super(message);
  }
}

type VectorFailure = { error: unknown; failure?: StFailure };

function toVerdict(err: unknown, base: Omit<StVerdict, 'pass' | 'code'>, lineOffset: number): StVerdict {
  if (err instanceof CheckFailure) return { ...base, pass: false, code: err.code, message: err.message };
  if (err instanceof StError) {
    return { ...base, pass: false, code: err.code, message: err.detail, ...(err.line !== undefined ? { line: err.line + lineOffset, col: err.col ?? 0 } : {}) };
  }
  throw err;
}

/** Checks raw model output (prose and fences allowed) against a test. */
export function checkStAnswer(raw: string, test: StTest, options: { stepBudget?: number } = {}): StVerdict {
  const base = { vectors_passed: 0, vectors_total: test.vectors.length };
  const extracted = extractProgram(raw);
  if (!extracted) return { ...base, pass: false, code: 'no_program', message: 'no PROGRAM … END_PROGRAM found in the answer' };
  const lineOffset = extracted.startLine - 1;
  let machine: Machine;
  try {
    machine = new Machine(parseProgram(extracted.source), options.stepBudget);
  } catch (err) {
    return toVerdict(err, base, lineOffset);
  }
  for (const name of [...test.interface.inputs, ...test.interface.outputs]) {
    const decl = machine.declaration(name);
    if (!decl) return { ...base, pass: false, code: 'missing_variable', message: `the program does not declare ${name}` };
    if ((FB_TYPES as readonly string[]).includes(decl.type)) {
      return { ...base, pass: false, code: 'missing_variable', message: `${name} must be a variable, not a ${decl.type} instance` };
    }
  }
  const invariants = (test.invariants ?? []).map((inv) => ({ ...inv, ast: parseInvariant(inv.expr) }));
  let passed = 0;
  for (const vector of test.vectors) {
    const failed = runVector(machine, vector, test, invariants);
    if (failed) return toVerdict(failed.error, { ...base, vectors_passed: passed, ...(failed.failure ? { failure: failed.failure } : {}) }, lineOffset);
    passed++;
  }
  return { pass: true, code: 'pass', vectors_passed: passed, vectors_total: base.vectors_total };
}

function runVector(machine: Machine, vector: StVector, test: StTest, invariants: { expr: string; label?: string; ast: Expr }[]): VectorFailure | null {
  machine.reset();
  let scan = 0;
  const where = (extra: Partial<StFailure> = {}): StFailure => ({ vector: vector.name, scan, time_ms: machine.now, ...extra });
  const valueFor = (name: string, raw: Scalar, what: string): number | boolean => {
    const decl = machine.declaration(name);
    const value = decl ? externalValue(decl.type as ElementaryType, raw) : null;
    if (value === null) throw new StError('semantic_error', `${what} ${name} cannot take the value ${JSON.stringify(raw)} (declared ${decl?.type ?? 'nowhere'})`);
    return value;
  };
  const compare = (expected: Record<string, Scalar>): VectorFailure | null => {
    for (const [name, want] of Object.entries(expected)) {
      const actual = machine.read(name);
      if (!sameValue(valueFor(name, want, 'output'), actual)) {
        return { error: new CheckFailure('wrong_output', `${name} should be ${String(want)} but is ${String(actual)}`), failure: where({ variable: name, expected: want, actual }) };
      }
    }
    return null;
  };
  try {
    for (const step of vector.steps) {
      for (const [name, raw] of Object.entries(step.set ?? {})) machine.write(name, valueFor(name, raw, 'input'));
      const n = stepScans(step, test.scan_ms);
      for (let k = 0; k < n; k++) {
        if (scan >= MAX_SCANS_PER_VECTOR) throw new Error(`test vector ${vector.name} is longer than ${MAX_SCANS_PER_VECTOR} scans`);
        machine.scan();
        for (const inv of invariants) {
          const v = machine.eval(inv.ast);
          if (v.type !== 'BOOL') throw new StError('semantic_error', `invariant ${inv.expr} is not BOOL`);
          if (!v.value) return { error: new CheckFailure('invariant_violated', `invariant violated: ${inv.label ?? inv.expr}`), failure: where({ invariant: inv.expr }) };
        }
        const checks = [step.expect_always, k === n - 1 ? step.expect : undefined];
        for (const expected of checks) {
          const failed = expected ? compare(expected) : null;
          if (failed) return failed;
        }
        scan++;
        machine.now += test.scan_ms;
      }
    }
  } catch (err) {
    return { error: err, failure: where() };
  }
  return null;
}
