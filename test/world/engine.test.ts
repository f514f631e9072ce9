import { describe, expect, it } from 'vitest';
import { WorldEnv } from '../../src/world/env.js';
import { builtinLibrary, compileLibrary } from '../../src/world/library.js';
import { parseLiteral } from '../../src/world/literals.js';
import { FactIndex, solve } from '../../src/world/query.js';
import { replayPlan } from '../../src/world/replay.js';
import type { Action, WorldSpec } from '../../src/world/types.js';

/** A hand-made world: one robot in a fenced cell, one worker outside, the robot running and due for service. */
const cell: WorldSpec = {
  objects: [
    { id: 'r1', type: 'robot', name: 'ロボット' },
    { id: 'c1', type: 'cell', name: 'セル' },
    { id: 'd1', type: 'door', name: '扉' },
    { id: 'out', type: 'area', name: '通路' },
    { id: 'w1', type: 'worker', name: '田中さん' },
  ],
  initial: ['located(r1, c1)', 'guards(d1, c1)', 'closed(d1)', 'entry_blocked(c1)', 'entrance(c1, out)', 'energized(r1)', 'running(r1)', 'at(w1, out)', 'needs_maintenance(r1)'],
  skills: ['stop_machine', 'start_machine', 'power_off', 'power_on', 'apply_loto', 'remove_loto', 'open_door', 'close_door', 'enter_cell', 'exit_cell', 'perform_maintenance'],
  goal: ['maintained(r1)', 'at(w1, out)'],
};
const a = (skill: string, args: Record<string, string>): Action => ({ skill, args });
const GOLD: Action[] = [
  a('stop_machine', { machine: 'r1' }),
  a('power_off', { machine: 'r1' }),
  a('apply_loto', { worker: 'w1', machine: 'r1' }),
  a('open_door', { door: 'd1' }),
  a('enter_cell', { worker: 'w1', cell: 'c1' }),
  a('perform_maintenance', { worker: 'w1', machine: 'r1' }),
  a('exit_cell', { worker: 'w1', cell: 'c1' }),
];
const env = (): WorldEnv => new WorldEnv(builtinLibrary(), cell);

describe('queries', () => {
  it('join positive literals, bind existentials, and treat negation as failure', () => {
    const facts = new FactIndex(['at(w1,out)', 'entrance(c1,out)', 'entry_blocked(c1)']);
    const q = ['at(?w, ?from)', 'entrance(?c, ?from)'].map(parseLiteral);
    expect(solve(q, facts)).toEqual([{ '?w': 'w1', '?from': 'out', '?c': 'c1' }]);
    expect(solve([...q, parseLiteral('!entry_blocked(?c)')], facts)).toEqual([]);
    expect(() => solve([parseLiteral('!open(?d)')], facts)).toThrow(/no positive literal binds/);
  });
  it('literal syntax errors are reported', () => {
    expect(() => parseLiteral('at w1')).toThrow(/not a literal/);
    expect(parseLiteral('!running(?m)')).toEqual({ predicate: 'running', args: ['?m'], negated: true });
  });
});

describe('WorldEnv (reset / step / observe / invariants)', () => {
  it('applies add/delete effects and reports the goal', () => {
    const e = env();
    expect(e.step(GOLD[0]!)).toMatchObject({ executed: true, violations: [], goalReached: false });
    expect(e.observe().facts).not.toContain('running(r1)');
    for (const s of GOLD.slice(1)) expect(e.step(s).executed).toBe(true);
    expect(e.goalReached()).toBe(true);
    e.reset();
    expect(e.observe().facts).toContain('running(r1)');
  });
  it('refuses an action with unmet preconditions and leaves the state unchanged', () => {
    const e = env();
    const before = e.observe();
    const r = e.step(a('power_off', { machine: 'r1' }));
    expect(r).toMatchObject({ executed: false, code: 'unmet_precondition', missing: ['!running(r1)'] });
    expect(e.observe()).toEqual(before);
  });
  it('checks transient facts: maintenance without lock-out breaks service_without_loto', () => {
    const e = env();
    for (const s of [GOLD[0]!, GOLD[1]!, GOLD[3]!, GOLD[4]!]) e.step(s);
    expect(e.step(GOLD[5]!).violations.map((v) => v.invariant)).toEqual(['service_without_loto']);
    expect(e.violations()).toEqual([]); // the transient `servicing` fact is gone after the step
  });
  it('accepts an object by its Japanese name, rejects unknown ids, wrong types and argument names', () => {
    const e = env();
    expect(e.step(a('stop_machine', { machine: 'ロボット' })).executed).toBe(true);
    expect(e.step(a('stop_machine', { machine: 'r9' }))).toMatchObject({ code: 'unknown_object' });
    expect(e.step(a('power_off', { machine: 'w1' }))).toMatchObject({ code: 'invalid_arguments' });
    expect(e.step(a('power_off', { robot: 'r1' }))).toMatchObject({ code: 'invalid_arguments' });
    expect(e.step(a('teleport', { worker: 'w1' }))).toMatchObject({ code: 'unknown_skill' });
    expect(e.step(a('vehicle_move', { vehicle: 'r1', to: 'out' }))).toMatchObject({ code: 'unknown_skill' }); // in the library, not in this world
  });
});

describe('replayPlan error codes (hand-worked)', () => {
  const replay = (plan: Action[]) => replayPlan(env(), plan, GOLD);
  it('the gold plan succeeds', () => expect(replay(GOLD)).toMatchObject({ success: true, code: null, executable: true, goalReached: true, warnings: [] }));
  it('reaching the goal by breaking a rule is a failure (entering the live cell: door opened while running)', () => {
    const plan = [a('open_door', { door: 'd1' }), a('enter_cell', { worker: 'w1', cell: 'c1' }), a('stop_machine', { machine: 'r1' }), a('power_off', { machine: 'r1' }), a('apply_loto', { worker: 'w1', machine: 'r1' }), a('perform_maintenance', { worker: 'w1', machine: 'r1' }), a('exit_cell', { worker: 'w1', cell: 'c1' })];
    const r = replay(plan);
    expect(r).toMatchObject({ success: false, code: 'invariant_violated', step: 0, executable: true, goalReached: true });
    expect(r.violation).toMatchObject({ invariant: 'guard_open_while_running', step: 0 });
  });
  it('wrong_order: a later step of the plan provides the missing precondition', () => {
    const plan = [GOLD[1]!, GOLD[0]!, ...GOLD.slice(2)];
    expect(replay(plan)).toMatchObject({ code: 'wrong_order', step: 0, executable: false });
  });
  it('missing_step: a gold step that provides it is absent', () => {
    const plan = GOLD.filter((_, i) => i !== 3); // never opens the door
    expect(replay(plan)).toMatchObject({ code: 'missing_step', step: 3 });
  });
  it('objects named in Japanese are the same steps as the gold ids (diagnosis unchanged)', () => {
    const named = GOLD.filter((_, i) => i !== 3).map((s) => ({ skill: s.skill, args: Object.fromEntries(Object.entries(s.args).map(([k, v]) => [k, v === 'r1' ? 'ロボット' : v === 'w1' ? '田中さん' : v])) }));
    expect(replay(named)).toMatchObject({ code: 'missing_step', step: 3 });
    expect(replay(GOLD.map((s) => (s.skill === 'stop_machine' ? a('stop_machine', { machine: 'ロボット' }) : s)))).toMatchObject({ success: true });
  });
  it('skipping LOTO: every step runs but maintenance breaks service_without_loto', () => {
    const plan = GOLD.filter((_, i) => i !== 2);
    expect(replay(plan)).toMatchObject({ code: 'invariant_violated', step: 4, executable: true, goalReached: true });
  });
  it('unknown_skill, unknown_object, invalid_arguments stop the replay at that step', () => {
    expect(replay([GOLD[0]!, a('fly', {})])).toMatchObject({ code: 'unknown_skill', step: 1 });
    expect(replay([a('stop_machine', { machine: 'robot1' })])).toMatchObject({ code: 'unknown_object', step: 0 });
    expect(replay([a('stop_machine', {})])).toMatchObject({ code: 'invalid_arguments', step: 0 });
  });
  it('unmet_precondition when nothing in the plan or the gold would provide it', () => {
    // a second maintenance: nothing re-creates needs_maintenance(r1)
    expect(replay([...GOLD.slice(0, 6), GOLD[5]!])).toMatchObject({ code: 'unmet_precondition', step: 6 });
  });
  it('goal_not_reached vs missing_step at the end', () => {
    expect(replay(GOLD.slice(0, 6))).toMatchObject({ code: 'missing_step', step: 6, goalReached: false }); // never exits: exit_cell is a gold step
    const undo = [...GOLD, a('enter_cell', { worker: 'w1', cell: 'c1' })];
    expect(replay(undo)).toMatchObject({ code: 'goal_not_reached', step: 8 });
  });
  it('extra_steps is a warning when the goal already held', () => {
    const r = replay([...GOLD, a('close_door', { door: 'd1' })]);
    expect(r).toMatchObject({ success: true, code: null, warnings: ['extra_steps'] });
  });
  it('an empty plan does not reach the goal', () => expect(replay([])).toMatchObject({ code: 'missing_step', step: 0 }));
});

describe('library checks', () => {
  it('rejects undeclared types and bad literals', () => {
    const lib = { version: 1, types: { thing: null }, skills: { s: { params: { x: 'ghost' }, pre: [], del: [], add: [], ja: 'x' } }, invariants: {} };
    expect(() => compileLibrary(lib)).toThrow(/undeclared type "ghost"/);
    expect(() => compileLibrary({ ...lib, skills: { s: { params: {}, pre: ['bad literal'], del: [], add: [], ja: 'x' } } })).toThrow(/not a literal/);
  });
});
