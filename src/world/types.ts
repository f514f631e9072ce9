/**
 * The world engine's vocabulary. A world is a set of ground facts (`at(agv1, dock)`) over typed
 * objects; skills change it by STRIPS-style add/delete effects once their preconditions hold;
 * safety invariants are forbidden patterns checked after every step. Everything is data: skills and
 * invariants in datasets/builtin/ind/world-library.json, scenes in datasets/builtin/ind/scenes/.
 */

/** A literal in text form: `at(?agv, dock)`, negated with a leading `!`. `?x` is a variable. */
export type LiteralText = string;

export interface Literal {
  predicate: string;
  args: string[];
  negated: boolean;
}

/** A skill the plan may call, e.g. `agv_move(agv, to)`. */
export interface SkillDef {
  /** Parameter name → required object type (checked against `is(x, type)`). */
  params: Record<string, string>;
  /** Conjunctive query; variables not among the params are existential (first match binds them). */
  pre: LiteralText[];
  del: LiteralText[];
  add: LiteralText[];
  /** Facts true only while the skill runs (e.g. `servicing(?worker, ?machine)`): invariants see them. */
  during?: LiteralText[];
  /** What the skill does, in Japanese (shown to the model). */
  ja: string;
}

/** A safety rule: no binding may satisfy `forbid` after any step. */
export interface InvariantDef {
  forbid: LiteralText[];
  /** The rule, in Japanese (shown to the model and in reports). */
  ja: string;
}

export interface WorldLibrary {
  version: number;
  /** Type → parent type (`robot → machine`); roots map to null. */
  types: Record<string, string | null>;
  skills: Record<string, SkillDef>;
  invariants: Record<string, InvariantDef>;
}

export interface WorldObject {
  id: string;
  type: string;
  /** Japanese name shown to the model (e.g. 溶接ロボット1号機). */
  name: string;
}

/** One concrete world: objects, initial facts, the skills a plan may use and the goal. */
export interface WorldSpec {
  objects: WorldObject[];
  initial: LiteralText[];
  /** Skill names available in this world (a subset of the library). */
  skills: string[];
  /** Conjunction of ground literals that must hold at the end. */
  goal: LiteralText[];
}

/** One plan step as the model writes it. */
export interface Action {
  skill: string;
  args: Record<string, string>;
}

export const ERROR_CODES = [
  'missing_step',
  'wrong_order',
  'unmet_precondition',
  'unknown_object',
  'unknown_skill',
  'invalid_arguments',
  'invariant_violated',
  'goal_not_reached',
  'extra_steps',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A broken safety rule: which invariant, and the facts that broke it. */
export interface Violation {
  invariant: string;
  binding: Record<string, string>;
}
