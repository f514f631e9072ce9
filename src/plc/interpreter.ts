import { FB_TYPES, type ElementaryType, type Expr, type FbType, type LValue, type Program, type Stmt, type VarDecl } from './ast.js';
import { StError, type Position } from './errors.js';
import { createFb, runFb, type FbInstance } from './function-blocks.js';
import { callFunction, evalBinary, isKnownFunction } from './operators.js';
import { categoryOf, coerceForAssignment, defaultValue, type Value } from './values.js';

/**
 * Executes a parsed ST program one scan at a time. Before the first scan every name is resolved
 * (undeclared variables, unknown members, assignments to constants or FB outputs are semantic
 * errors with line:col), so a bad program fails before any test vector runs. Each scan has a hard
 * statement budget: an endless WHILE in model output ends with `budget_exceeded`, never a hang.
 */

export const DEFAULT_STEP_BUDGET = 100_000;

type Slot = { decl: VarDecl; value: number | boolean } | { decl: VarDecl; fb: FbInstance };
type Signal = 'normal' | 'exit' | 'return';

const isFbType = (t: string): t is FbType => (FB_TYPES as readonly string[]).includes(t);

export class Machine {
  private slots = new Map<string, Slot>();
  private steps = 0;
  /** Current time in ms (advanced by the caller between scans). */
  now = 0;

  constructor(
    readonly program: Program,
    private readonly stepBudget = DEFAULT_STEP_BUDGET,
  ) {
    const seen = new Map<string, VarDecl>();
    for (const d of program.vars) {
      const first = seen.get(d.key);
      if (first) throw new StError('semantic_error', `${d.name} is declared twice (first at ${first.line}:${first.col})`, d.line, d.col);
      seen.set(d.key, d);
    }
    this.reset();
    checkStatements(program.body, this.slots);
  }

  /** Back to the initial values (a cold start before each test vector). */
  reset(): void {
    this.slots.clear();
    this.loops = [];
    this.now = 0;
    for (const d of this.program.vars) {
      if (isFbType(d.type)) this.slots.set(d.key, { decl: d, fb: createFb(d.type) });
      else this.slots.set(d.key, { decl: d, value: defaultValue(d.type) });
    }
    for (const d of this.program.vars) {
      const slot = this.slots.get(d.key) as Slot;
      if (d.init && 'value' in slot) slot.value = coerceForAssignment(d.type as ElementaryType, this.eval(d.init), d, d.name);
    }
  }

  has(name: string): boolean {
    return this.slots.has(name.toUpperCase());
  }

  declaration(name: string): VarDecl | undefined {
    return this.slots.get(name.toUpperCase())?.decl;
  }

  read(name: string): number | boolean {
    const slot = this.slots.get(name.toUpperCase());
    if (!slot || !('value' in slot)) throw new StError('semantic_error', `${name} is not a variable of the program`);
    return slot.value;
  }

  write(name: string, value: number | boolean): void {
    const slot = this.slots.get(name.toUpperCase());
    if (!slot || !('value' in slot)) throw new StError('semantic_error', `${name} is not a variable of the program`);
    slot.value = value;
  }

  /** One PLC scan: the program body once, under the statement budget. */
  scan(): void {
    this.steps = 0;
    this.execBlock(this.program.body);
  }

  /** Evaluates an expression over the program's variables (used for invariants too). */
  eval(e: Expr): Value {
    switch (e.kind) {
      case 'literal':
        return { type: e.type, value: e.value };
      case 'var': {
        const slot = this.slot(e.key, e, e.name);
        if (!('value' in slot)) throw new StError('semantic_error', `${e.name} is a function block; read one of its outputs (e.g. ${e.name}.Q)`, e.line, e.col);
        return { type: categoryOf(slot.decl.type as ElementaryType), value: slot.value };
      }
      case 'member': {
        const slot = this.slot(e.key, e, e.object);
        if (!('fb' in slot)) throw new StError('semantic_error', `${e.object} is not a function block`, e.line, e.col);
        const t = slot.fb.outputs[e.member] ?? slot.fb.inputs[e.member];
        if (!t) throw new StError('semantic_error', `${slot.fb.type} has no member ${e.member}`, e.line, e.col);
        return { type: t, value: slot.fb.fields[e.member] as number | boolean };
      }
      case 'unary': {
        const v = this.eval(e.operand);
        if (e.op === 'NOT') {
          if (v.type === 'BOOL') return { type: 'BOOL', value: !v.value };
          if (v.type === 'INT') return { type: 'INT', value: ~(v.value as number) };
          throw new StError('semantic_error', `NOT needs a BOOL, got ${v.type}`, e.line, e.col);
        }
        if (v.type === 'BOOL') throw new StError('semantic_error', `unary ${e.op} needs a number, got BOOL`, e.line, e.col);
        return e.op === '-' ? { type: v.type, value: -(v.value as number) } : v;
      }
      case 'binary':
        return evalBinary(e.op, this.eval(e.left), this.eval(e.right), e);
      case 'call':
        return callFunction(e.name, e.args.map((a) => this.eval(a)), e);
    }
  }

  private slot(key: string, at: Position, name: string): Slot {
    const slot = this.slots.get(key);
    if (!slot) throw new StError('semantic_error', `${name} is not declared`, at.line, at.col);
    return slot;
  }

  /** Loops being executed, innermost last: a budget overrun is reported at the loop that spun. */
  private loops: Position[] = [];

  private tick(at: Position): void {
    this.steps += 1;
    if (this.steps > this.stepBudget) {
      const where = this.loops[this.loops.length - 1] ?? at;
      throw new StError('budget_exceeded', `more than ${this.stepBudget} statements in one scan (an endless loop?)`, where.line, where.col);
    }
  }

  private execBlock(body: Stmt[]): Signal {
    for (const s of body) {
      const signal = this.exec(s);
      if (signal !== 'normal') return signal;
    }
    return 'normal';
  }

  private cond(e: Expr): boolean {
    const v = this.eval(e);
    if (v.type !== 'BOOL') throw new StError('semantic_error', `a condition must be BOOL, got ${v.type}`, e.line, e.col);
    return v.value as boolean;
  }

  private assign(target: LValue, v: Value): void {
    const slot = this.slot(target.key, target, target.kind === 'var' ? target.name : target.object);
    if (target.kind === 'member') {
      if (!('fb' in slot)) throw new StError('semantic_error', `${target.object} is not a function block`, target.line, target.col);
      this.setFbInput(slot.fb, target.member, v, target);
      return;
    }
    if (!('value' in slot)) throw new StError('semantic_error', `cannot assign to function block ${target.name}`, target.line, target.col);
    if (slot.decl.constant) throw new StError('semantic_error', `${target.name} is a CONSTANT`, target.line, target.col);
    slot.value = coerceForAssignment(slot.decl.type as ElementaryType, v, target, target.name);
  }

  private setFbInput(fb: FbInstance, member: string, v: Value, at: Position): void {
    const t = fb.inputs[member];
    if (!t) throw new StError('semantic_error', `${member} is not an input of ${fb.type}${fb.outputs[member] ? ' (it is an output)' : ''}`, at.line, at.col);
    fb.fields[member] = coerceForAssignment(t, v, at, `${fb.type}.${member}`);
  }

  private exec(s: Stmt): Signal {
    this.tick(s);
    if (s.kind !== 'for' && s.kind !== 'while' && s.kind !== 'repeat') return this.execSimple(s);
    this.loops.push(s);
    try {
      return this.execSimple(s);
    } finally {
      this.loops.pop();
    }
  }

  private execSimple(s: Stmt): Signal {
    switch (s.kind) {
      case 'empty':
        return 'normal';
      case 'assign':
        this.assign(s.target, this.eval(s.value));
        return 'normal';
      case 'if': {
        for (const b of s.branches) if (this.cond(b.cond)) return this.execBlock(b.body);
        return this.execBlock(s.otherwise);
      }
      case 'case': {
        const sel = this.eval(s.selector);
        if (sel.type !== 'INT') throw new StError('semantic_error', `a CASE selector must be an integer, got ${sel.type}`, s.line, s.col);
        const n = sel.value as number;
        const arm = s.arms.find((a) => a.labels.some((l) => n >= l.from && n <= l.to));
        return this.execBlock(arm ? arm.body : s.otherwise);
      }
      case 'for': {
        const from = this.eval(s.from);
        const to = this.eval(s.to);
        const by = s.by ? this.eval(s.by) : { type: 'INT' as const, value: 1 };
        if (from.type !== 'INT' || to.type !== 'INT' || by.type !== 'INT') throw new StError('semantic_error', 'FOR bounds must be integers', s.line, s.col);
        if (by.value === 0) throw new StError('runtime_error', 'FOR with BY 0 never ends', s.line, s.col);
        const target: LValue = { kind: 'var', name: s.variable, key: s.key, line: s.line, col: s.col };
        const step = by.value as number;
        for (let i = from.value as number; step > 0 ? i <= (to.value as number) : i >= (to.value as number); i += step) {
          this.tick(s);
          this.assign(target, { type: 'INT', value: i });
          const signal = this.execBlock(s.body);
          if (signal === 'exit') break;
          if (signal === 'return') return signal;
          i = this.read(s.variable) as number;
        }
        return 'normal';
      }
      case 'while':
        while (this.cond(s.cond)) {
          this.tick(s);
          const signal = this.execBlock(s.body);
          if (signal === 'exit') break;
          if (signal === 'return') return signal;
        }
        return 'normal';
      case 'repeat':
        for (;;) {
          this.tick(s);
          const signal = this.execBlock(s.body);
          if (signal === 'exit') break;
          if (signal === 'return') return signal;
          if (this.cond(s.until)) break;
        }
        return 'normal';
      case 'exit':
        return 'exit';
      case 'return':
        return 'return';
      case 'fbcall': {
        const slot = this.slot(s.key, s, s.instance);
        if (!('fb' in slot)) throw new StError('semantic_error', `${s.instance} is not a function block instance`, s.line, s.col);
        for (const a of s.args.filter((x) => x.direction === 'in')) this.setFbInput(slot.fb, a.name, this.eval(a.value), a.value);
        runFb(slot.fb, this.now);
        for (const a of s.args.filter((x) => x.direction === 'out')) {
          const t = slot.fb.outputs[a.name];
          if (!t) throw new StError('semantic_error', `${a.name} is not an output of ${slot.fb.type}`, a.value.line, a.value.col);
          if (a.value.kind !== 'var' && a.value.kind !== 'member') throw new StError('semantic_error', `=> needs a variable`, a.value.line, a.value.col);
          this.assign(a.value, { type: t, value: slot.fb.fields[a.name] as number | boolean });
        }
        return 'normal';
      }
    }
  }
}

/** Resolves every name in the program before it runs (see Machine). */
function checkStatements(body: Stmt[], slots: Map<string, Slot>): void {
  const need = (key: string, name: string, at: Position): Slot => {
    const slot = slots.get(key);
    if (!slot) throw new StError('semantic_error', `${name} is not declared`, at.line, at.col);
    return slot;
  };
  const expr = (e: Expr): void => {
    if (e.kind === 'var') need(e.key, e.name, e);
    else if (e.kind === 'member') {
      const slot = need(e.key, e.object, e);
      if (!('fb' in slot)) throw new StError('semantic_error', `${e.object} is not a function block`, e.line, e.col);
      if (!(e.member in slot.fb.fields)) throw new StError('semantic_error', `${slot.fb.type} has no member ${e.member}`, e.line, e.col);
    } else if (e.kind === 'unary') expr(e.operand);
    else if (e.kind === 'binary') (expr(e.left), expr(e.right));
    else if (e.kind === 'call') {
      if (!isKnownFunction(e.name)) throw new StError('semantic_error', `unknown function ${e.name}`, e.line, e.col);
      e.args.forEach(expr);
    }
  };
  const walk = (list: Stmt[]): void => {
    for (const s of list) {
      if (s.kind === 'assign') {
        expr(s.target);
        expr(s.value);
      } else if (s.kind === 'if') {
        s.branches.forEach((b) => (expr(b.cond), walk(b.body)));
        walk(s.otherwise);
      } else if (s.kind === 'case') {
        expr(s.selector);
        s.arms.forEach((a) => walk(a.body));
        walk(s.otherwise);
      } else if (s.kind === 'for') {
        need(s.key, s.variable, s);
        [s.from, s.to, ...(s.by ? [s.by] : [])].forEach(expr);
        walk(s.body);
      } else if (s.kind === 'while' || s.kind === 'repeat') {
        expr(s.kind === 'while' ? s.cond : s.until);
        walk(s.body);
      } else if (s.kind === 'fbcall') {
        const slot = need(s.key, s.instance, s);
        if (!('fb' in slot)) throw new StError('semantic_error', `${s.instance} is not a function block instance`, s.line, s.col);
        for (const a of s.args) {
          if (!(a.name in slot.fb.fields)) throw new StError('semantic_error', `${slot.fb.type} has no parameter ${a.name}`, a.value.line, a.value.col);
          expr(a.value);
        }
      }
    }
  };
  walk(body);
}
