import { describe, expect, it } from 'vitest';
import { cannotStart, initialPickState, pickedModels, pickedSuites, pickReducer, visibleSuites, type PickAction, type PickState, type SuiteChoice } from '../../src/tui/pick-state.js';

const suite = (name: string, category: string, items: number | null): SuiteChoice => ({ name, title: name, category, source: 'builtin', items, picked: false });
const start = (): PickState =>
  initialPickState(
    [{ spec: 'default', label: 'default', source: 'default', picked: true }],
    [suite('ja-keigo', 'LING', 108), suite('ja-particles', 'LING', 105), suite('jsquad', 'RC', null), suite('jnli', 'NLI', null)],
  );
const run = (state: PickState, ...actions: PickAction[]): PickState => actions.reduce(pickReducer, state);

describe('picker reducer', () => {
  it('filters suites as the user types, and the cursor restarts at the top', () => {
    const s = run(start(), { type: 'move', delta: 2 }, { type: 'edit', kind: 'filter', text: '' }, { type: 'type', text: 'p' }, { type: 'type', text: 'a' });
    expect(s.filter).toBe('pa');
    expect(visibleSuites(s).map((x) => x.name)).toEqual(['ja-particles']);
    expect(s.cursor.suites).toBe(0);
    const toggled = run(s, { type: 'commit_edit' }, { type: 'toggle' });
    expect(pickedSuites(toggled)).toEqual(['ja-particles']);
    // Esc clears the filter; the pick stays.
    const cleared = run(toggled, { type: 'edit', kind: 'filter' }, { type: 'cancel_edit' });
    expect(visibleSuites(cleared)).toHaveLength(4);
    expect(pickedSuites(cleared)).toEqual(['ja-particles']);
  });

  it('filters by category too', () => {
    expect(visibleSuites(run(start(), { type: 'edit', kind: 'filter', text: 'nli' })).map((x) => x.name)).toEqual(['jnli']);
  });

  it('refuses to pick a suite whose data is absent, and says why', () => {
    const s = run(start(), { type: 'move', delta: 2 }, { type: 'toggle' });
    expect(pickedSuites(s)).toEqual([]);
    expect(s.message).toMatch(/jsquad: data not present/);
  });

  it('a toggles every shown suite that has data, then unpicks them', () => {
    const all = run(start(), { type: 'toggle_all_visible' });
    expect(pickedSuites(all)).toEqual(['ja-keigo', 'ja-particles']);
    expect(pickedSuites(run(all, { type: 'toggle_all_visible' }))).toEqual([]);
  });

  it('Tab cycles panes; moves stay inside each list', () => {
    const s = run(start(), { type: 'next_pane' });
    expect(s.pane).toBe('options');
    const models = run(s, { type: 'next_pane' }, { type: 'move', delta: 5 });
    expect(models.pane).toBe('models');
    expect(models.cursor.models).toBe(1); // the default model, then the "type a spec" row
    expect(run(models, { type: 'next_pane', delta: -1 }).pane).toBe('options');
  });

  it('adds a typed model spec, picked, once', () => {
    const s = run(start(), { type: 'add_model', spec: 'openai:gpt-4o-mini' }, { type: 'add_model', spec: 'openai:gpt-4o-mini' });
    expect(pickedModels(s)).toEqual(['default', 'openai:gpt-4o-mini']);
    expect(s.models).toHaveLength(2);
  });

  it('edits numeric options: digits only, minimums enforced, empty restores the default', () => {
    let s = run(start(), { type: 'edit', kind: 'limit' }, { type: 'type', text: '2x0' }, { type: 'commit_edit' });
    expect(s.options.limit).toBe(20);
    s = run(s, { type: 'edit', kind: 'concurrency' }, { type: 'type', text: '0' }, { type: 'commit_edit' });
    expect(s.message).toMatch(/concurrency must be a whole number ≥ 1/);
    expect(s.options.concurrency).toBeUndefined();
    s = run(s, { type: 'cancel_edit' }, { type: 'edit', kind: 'shots' }, { type: 'type', text: '0' }, { type: 'commit_edit' });
    expect(s.options.shots).toBe(0);
    s = run(s, { type: 'edit', kind: 'limit' }, { type: 'backspace' }, { type: 'backspace' }, { type: 'commit_edit' });
    expect(s.options.limit).toBeUndefined();
  });

  it('says what is missing before a run can start', () => {
    expect(cannotStart(start())).toMatch(/at least one suite/);
    const noModel = run(start(), { type: 'next_pane', delta: -1 }, { type: 'toggle' });
    expect(cannotStart(noModel)).toMatch(/at least one model/);
    expect(cannotStart(run(start(), { type: 'toggle' }))).toBeUndefined();
  });

  it('fills in item counts as they arrive', () => {
    const s = initialPickState([], [{ ...suite('x', 'QA', null), items: undefined }]);
    expect(run(s, { type: 'suite_counts', counts: { x: 12 } }).suites[0]!.items).toBe(12);
  });
});
