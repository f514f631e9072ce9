import { clampCursor } from './list-window.js';

/**
 * The picker's state and its pure reducer: which models and suites are chosen, the run options,
 * and what the user is typing (a filter, a model spec, a number, a file name). Keys map to actions
 * in the screen; everything testable lives here.
 */

export type Pane = 'models' | 'suites' | 'options';
export const PANES: Pane[] = ['models', 'suites', 'options'];

export interface ModelChoice {
  spec: string;
  label: string;
  source: 'config' | 'default' | 'typed';
  picked: boolean;
}

export interface SuiteChoice {
  name: string;
  title: string;
  category: string;
  source: string;
  /** Items in the default split; null = data absent; undefined = still counting. */
  items: number | null | undefined;
  picked: boolean;
}

export type OptionField = 'limit' | 'shots' | 'concurrency';
export const OPTION_FIELDS: OptionField[] = ['limit', 'shots', 'concurrency'];

export interface PickState {
  pane: Pane;
  models: ModelChoice[];
  suites: SuiteChoice[];
  filter: string;
  cursor: Record<Pane, number>;
  options: Partial<Record<OptionField, number>>;
  /** Text being typed, and what it is for. */
  editing?: { kind: 'filter' | 'spec' | 'save' | OptionField; text: string };
  message?: string;
}

export type PickAction =
  | { type: 'move'; delta: number }
  | { type: 'next_pane'; delta?: 1 | -1 }
  | { type: 'toggle' }
  | { type: 'toggle_all_visible' }
  | { type: 'edit'; kind: NonNullable<PickState['editing']>['kind']; text?: string }
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'cancel_edit' }
  | { type: 'commit_edit' }
  | { type: 'add_model'; spec: string }
  | { type: 'suite_counts'; counts: Record<string, number | null> }
  | { type: 'message'; text: string | undefined };

export function initialPickState(models: ModelChoice[], suites: SuiteChoice[], options: PickState['options'] = {}): PickState {
  return { pane: 'suites', models, suites, filter: '', cursor: { models: 0, suites: 0, options: 0 }, options };
}

/** Suites matching the filter (name, title or category, case-insensitive). */
export function visibleSuites(state: PickState): SuiteChoice[] {
  const f = state.filter.trim().toLowerCase();
  if (!f) return state.suites;
  return state.suites.filter((s) => s.name.toLowerCase().includes(f) || s.category.toLowerCase().includes(f) || s.title.toLowerCase().includes(f));
}

/** Rows in the models pane: the choices, then the "type a spec" row. */
export const modelRows = (state: PickState): number => state.models.length + 1;

function paneLength(state: PickState, pane: Pane): number {
  if (pane === 'models') return modelRows(state);
  if (pane === 'suites') return visibleSuites(state).length;
  return OPTION_FIELDS.length;
}

export const pickedModels = (state: PickState): string[] => state.models.filter((m) => m.picked).map((m) => m.spec);
export const pickedSuites = (state: PickState): string[] => state.suites.filter((s) => s.picked).map((s) => s.name);

/** Why the run cannot start yet, or undefined when it can. */
export function cannotStart(state: PickState): string | undefined {
  if (pickedModels(state).length === 0) return 'pick at least one model (Tab to Models, space to pick)';
  if (pickedSuites(state).length === 0) return 'pick at least one suite (space to pick)';
  const absent = state.suites.filter((s) => s.picked && s.items === null).map((s) => s.name);
  if (absent.length) return `no data for ${absent.join(', ')} (jpeval data pull, or --data-dir)`;
  return undefined;
}

export function pickReducer(state: PickState, action: PickAction): PickState {
  switch (action.type) {
    case 'move': {
      const cursor = clampCursor(state.cursor[state.pane] + action.delta, paneLength(state, state.pane));
      return { ...state, cursor: { ...state.cursor, [state.pane]: cursor }, message: undefined };
    }
    case 'next_pane': {
      const i = PANES.indexOf(state.pane);
      return { ...state, pane: PANES[(i + (action.delta ?? 1) + PANES.length) % PANES.length]!, message: undefined };
    }
    case 'toggle':
      return toggle(state);
    case 'toggle_all_visible': {
      const visible = new Set(visibleSuites(state).filter((s) => s.items !== null).map((s) => s.name));
      const allPicked = state.suites.filter((s) => visible.has(s.name)).every((s) => s.picked);
      return { ...state, suites: state.suites.map((s) => (visible.has(s.name) ? { ...s, picked: !allPicked } : s)) };
    }
    case 'edit': {
      const current = action.kind === 'filter' ? state.filter : action.kind === 'spec' || action.kind === 'save' ? '' : String(state.options[action.kind] ?? '');
      const editing = { ...state, editing: { kind: action.kind, text: action.text ?? current }, message: undefined };
      return action.kind === 'filter' ? withEditText(editing, editing.editing.text) : editing;
    }
    case 'type': {
      if (!state.editing) return state;
      const numeric = OPTION_FIELDS.includes(state.editing.kind as OptionField);
      const text = numeric ? action.text.replace(/[^0-9]/g, '') : action.text;
      return withEditText(state, state.editing.text + text);
    }
    case 'backspace':
      return state.editing ? withEditText(state, [...state.editing.text].slice(0, -1).join('')) : state;
    case 'cancel_edit':
      if (state.editing?.kind === 'filter') return { ...state, editing: undefined, filter: '', cursor: { ...state.cursor, suites: 0 } };
      return { ...state, editing: undefined };
    case 'commit_edit':
      return commitEdit(state);
    case 'add_model': {
      const existing = state.models.findIndex((m) => m.spec === action.spec);
      if (existing >= 0) return { ...state, models: state.models.map((m, i) => (i === existing ? { ...m, picked: true } : m)), editing: undefined };
      return { ...state, models: [...state.models, { spec: action.spec, label: action.spec, source: 'typed', picked: true }], editing: undefined };
    }
    case 'suite_counts':
      return { ...state, suites: state.suites.map((s) => (s.name in action.counts ? { ...s, items: action.counts[s.name] } : s)) };
    case 'message':
      return { ...state, message: action.text };
  }
}

/** Typing a filter narrows the list at once, and the cursor starts again from the top. */
function withEditText(state: PickState, text: string): PickState {
  const editing = { ...state.editing!, text };
  if (editing.kind !== 'filter') return { ...state, editing };
  return { ...state, editing, filter: text, cursor: { ...state.cursor, suites: 0 } };
}

function toggle(state: PickState): PickState {
  if (state.pane === 'models') {
    const i = state.cursor.models;
    if (i >= state.models.length) return state;
    return { ...state, models: state.models.map((m, j) => (j === i ? { ...m, picked: !m.picked } : m)) };
  }
  if (state.pane === 'suites') {
    const target = visibleSuites(state)[state.cursor.suites];
    if (!target) return state;
    if (target.items === null && !target.picked) return { ...state, message: `${target.name}: data not present (jpeval data pull ${target.name}, or --data-dir)` };
    return { ...state, suites: state.suites.map((s) => (s.name === target.name ? { ...s, picked: !s.picked } : s)) };
  }
  return state;
}

function commitEdit(state: PickState): PickState {
  const editing = state.editing;
  if (!editing) return state;
  if (editing.kind === 'filter') return { ...state, editing: undefined };
  if (OPTION_FIELDS.includes(editing.kind as OptionField)) {
    const field = editing.kind as OptionField;
    const options = { ...state.options };
    if (editing.text === '') delete options[field];
    else {
      const n = Number(editing.text);
      const min = field === 'shots' ? 0 : 1;
      if (!Number.isInteger(n) || n < min) return { ...state, message: `${field} must be a whole number ≥ ${min}` };
      options[field] = n;
    }
    return { ...state, options, editing: undefined };
  }
  // spec and save are committed by the screen (they need validation or I/O).
  return state;
}
