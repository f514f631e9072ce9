import { factKey, isGround, isVariable, literalText, parseLiteral, substitute, type Binding } from './literals.js';
import type { CompiledLibrary } from './library.js';
import { FactIndex, solve } from './query.js';
import type { Action, Literal, Violation, WorldSpec } from './types.js';

/** What the environment reports after one action. */
export interface StepResult {
  /** False when the action could not be executed (the state is unchanged). */
  executed: boolean;
  code?: 'unknown_skill' | 'invalid_arguments' | 'unknown_object' | 'unmet_precondition';
  /** Why it could not run (English, for reports). */
  reason?: string;
  /** Unmet preconditions, as literals with the step's arguments filled in. */
  missing?: string[];
  /** Safety rules broken after this step (checked with the step's transient facts). */
  violations: Violation[];
  goalReached: boolean;
  observation: Observation;
}

export interface Observation {
  /** Every fact that holds, sorted (object types `is(x, t)` left out). */
  facts: string[];
}

/**
 * A world as a reusable environment: `reset()`, `step(action)`, `observe()`, `violations()`,
 * `goalReached()`. The plan replayer drives it; an agentic episode (the model acting step by step
 * and seeing each observation) can drive the same object.
 */
export class WorldEnv {
  private state = new Set<string>();
  /** The index of `state`, rebuilt only after the state changes. */
  private stateIndex: FactIndex | undefined;
  private readonly typeFacts: string[];
  private readonly initial: string[];
  private readonly goal: Literal[];
  private readonly ids = new Map<string, string>();

  constructor(
    readonly library: CompiledLibrary,
    readonly spec: WorldSpec,
  ) {
    this.typeFacts = [];
    for (const obj of spec.objects) {
      const chain = library.ancestors.get(obj.type);
      if (!chain) throw new Error(`object ${obj.id} has unknown type "${obj.type}"`);
      for (const t of chain) this.typeFacts.push(factKey('is', [obj.id, t]));
      this.ids.set(obj.id, obj.id);
      this.ids.set(obj.name.normalize('NFKC'), obj.id);
    }
    this.initial = spec.initial.map((t) => {
      const l = parseLiteral(t);
      if (l.negated || !isGround(l)) throw new Error(`initial fact ${t} must be positive and ground`);
      return factKey(l.predicate, l.args);
    });
    this.goal = spec.goal.map(parseLiteral);
    for (const s of spec.skills) if (!library.skills.has(s)) throw new Error(`world allows unknown skill "${s}"`);
    this.reset();
  }

  reset(): Observation {
    this.state = new Set([...this.typeFacts, ...this.initial]);
    this.stateIndex = undefined;
    return this.observe();
  }

  observe(): Observation {
    return { facts: [...this.state].filter((f) => !f.startsWith('is(')).sort() };
  }

  /** The object id an argument names (its id, or its exact Japanese name), if any. */
  resolveObject(value: string): string | undefined {
    return this.ids.get(value) ?? this.ids.get(value.normalize('NFKC').trim());
  }

  private index(extra: readonly string[] = []): FactIndex {
    if (extra.length) return new FactIndex([...this.state, ...extra]);
    this.stateIndex ??= new FactIndex(this.state);
    return this.stateIndex;
  }

  /** Safety rules broken in the current state plus `transient` facts (one binding per rule). */
  violations(transient: readonly string[] = []): Violation[] {
    const facts = this.index(transient);
    const out: Violation[] = [];
    for (const [id, query] of this.library.invariants) {
      const [binding] = solve(query, facts, {}, 1);
      if (binding) out.push({ invariant: id, binding });
    }
    return out;
  }

  goalReached(): boolean {
    return solve(this.goal, this.index(), {}, 1).length > 0;
  }

  /** Goal literals that do not hold now. */
  unmetGoal(): string[] {
    const facts = this.index();
    return this.goal.filter((l) => solve([l], facts, {}, 1).length === 0).map(literalText);
  }

  /** Binds a step's arguments to the skill's parameters, or says why it cannot. */
  bind(action: Action): { binding: Binding } | { code: NonNullable<StepResult['code']>; reason: string } {
    const skill = this.library.skills.get(action.skill);
    if (!skill || !this.spec.skills.includes(action.skill)) return { code: 'unknown_skill', reason: `no skill "${action.skill}" in this world` };
    const expected = skill.params.map(([p]) => p);
    const given = Object.keys(action.args);
    const missing = expected.filter((p) => !(p in action.args));
    const extra = given.filter((p) => !expected.includes(p));
    if (missing.length || extra.length) {
      return { code: 'invalid_arguments', reason: `${action.skill} takes (${expected.join(', ')})${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unexpected ${extra.join(', ')}` : ''}` };
    }
    const binding: Binding = {};
    for (const [param, type] of skill.params) {
      const value = action.args[param];
      const id = typeof value === 'string' ? this.resolveObject(value) : undefined;
      if (id === undefined) return { code: 'unknown_object', reason: `${param}: no object "${String(value)}" in this world` };
      if (!this.state.has(factKey('is', [id, type]))) return { code: 'invalid_arguments', reason: `${param}: ${id} is not a ${type}` };
      binding[`?${param}`] = id;
    }
    return { binding };
  }

  /** What a step would add and delete, arguments filled in (variables bound only by preconditions stay `?x`). */
  plannedEffects(action: Action): { add: Literal[]; del: Literal[] } {
    const bound = this.bind(action);
    if (!('binding' in bound)) return { add: [], del: [] };
    const skill = this.library.skills.get(action.skill)!;
    return { add: skill.add.map((l) => substitute(l, bound.binding)), del: skill.del.map((l) => substitute(l, bound.binding)) };
  }

  step(action: Action): StepResult {
    const bound = this.bind(action);
    if (!('binding' in bound)) return { executed: false, code: bound.code, reason: bound.reason, violations: [], goalReached: this.goalReached(), observation: this.observe() };
    const skill = this.library.skills.get(action.skill)!;
    const facts = this.index();
    const [binding] = solve(skill.pre, facts, bound.binding, 1);
    if (!binding) {
      const missing = skill.pre
        .map((l) => substitute(l, bound.binding))
        .filter((l) => (isGround(l) ? facts.has({ ...l, negated: false }) === l.negated : !l.negated && solve([l], facts, {}, 1).length === 0))
        .map(literalText);
      const what = missing.length ? missing : skill.pre.map((l) => literalText(substitute(l, bound.binding)));
      return { executed: false, code: 'unmet_precondition', reason: `${action.skill}: precondition not met: ${what.join(', ')}`, missing: what, violations: [], goalReached: this.goalReached(), observation: this.observe() };
    }
    const ground = (l: Literal): string => {
      const g = substitute(l, binding);
      if (g.args.some(isVariable)) throw new Error(`skill ${action.skill}: effect ${literalText(l)} has an unbound variable`);
      return factKey(g.predicate, g.args);
    };
    for (const l of skill.del) this.state.delete(ground(l));
    for (const l of skill.add) this.state.add(ground(l));
    this.stateIndex = undefined;
    const violations = this.violations(skill.during.map(ground));
    return { executed: true, violations, goalReached: this.goalReached(), observation: this.observe() };
  }
}
