import { Box } from 'ink';
import { useRef, type Dispatch } from 'react';
import { parseModelSpec } from '../../models/spec.js';
import { errorMessage } from '../../util/errors.js';
import { Line } from '../components/line.js';
import { ListView } from '../components/list-view.js';
import { editText, isDown, isUp, useScreenKeys } from '../components/keys.js';
import { fit } from '../text.js';
import { useNav } from '../nav.js';
import {
  cannotStart,
  OPTION_FIELDS,
  pickedModels,
  pickedSuites,
  pickReducer,
  visibleSuites,
  type ModelChoice,
  type OptionField,
  type PickAction,
  type PickState,
  type SuiteChoice,
} from '../pick-state.js';
import { saveSelection, type Selection, type TuiContext } from '../session.js';

export interface PickScreenProps {
  ctx: TuiContext;
  state: PickState;
  dispatch: Dispatch<PickAction>;
  width: number;
  height: number;
}

export function selectionOf(state: PickState): Selection {
  return { models: pickedModels(state), suites: pickedSuites(state), ...state.options };
}

const OPTION_HELP: Record<OptionField, string> = {
  limit: 'first N items of each suite (empty: all)',
  shots: "few-shot examples (empty: each suite's own)",
  concurrency: 'requests in flight per model (empty: 8 remote, 1 local)',
};

function suiteRow(s: SuiteChoice, width: number): string {
  const items = s.items === undefined ? 'counting…' : s.items === null ? 'no data' : `${s.items} items`;
  const nameWidth = Math.max(12, Math.min(28, width - 36));
  return `${s.picked ? '[x]' : '[ ]'} ${fit(s.name, nameWidth)} ${fit(s.category, 6)} ${fit(s.source, 10)} ${items}`;
}

function modelRow(m: ModelChoice | undefined): string {
  if (!m) return '+ type a model spec (openai:<model>, http://host:port/v1#<model>, local:<dir>)';
  const origin = m.source === 'config' ? '  (jpeval.config.yaml)' : m.source === 'default' ? '  (embedded default model)' : '';
  return `${m.picked ? '[x]' : '[ ]'} ${m.label}${origin}`;
}

export function PickScreen({ ctx, state: rendered, dispatch: dispatchToReact, width, height }: PickScreenProps) {
  const nav = useNav();
  // Keys can arrive faster than React renders (a paste, a fast typist, tmux send-keys): each key
  // must see the state the previous key left, so the reducer also runs here, synchronously.
  const latest = useRef(rendered);
  latest.current = rendered;
  const dispatch = (action: PickAction): void => {
    latest.current = pickReducer(latest.current, action);
    dispatchToReact(action);
  };
  const suites = visibleSuites(rendered);

  const commitText = async (): Promise<void> => {
    const state = latest.current;
    const editing = state.editing;
    if (!editing) return;
    if (editing.kind === 'spec') {
      const spec = editing.text.trim();
      if (!spec) return dispatch({ type: 'cancel_edit' });
      try {
        parseModelSpec(spec, { cwd: ctx.cwd });
        dispatch({ type: 'add_model', spec });
      } catch (err) {
        dispatch({ type: 'message', text: errorMessage(err) });
      }
      return;
    }
    if (editing.kind === 'save') {
      const file = editing.text.trim() || 'jpeval.config.yaml';
      dispatch({ type: 'cancel_edit' });
      try {
        const saved = await saveSelection(ctx, selectionOf(state), file);
        dispatch({ type: 'message', text: `saved ${saved} (jpeval run --config ${file})` });
      } catch (err) {
        dispatch({ type: 'message', text: `cannot save ${file}: ${errorMessage(err)}` });
      }
      return;
    }
    dispatch({ type: 'commit_edit' });
  };

  useScreenKeys((input, key) => {
    const state = latest.current;
    if (state.editing) {
      if (key.return) void commitText();
      else if (key.escape) dispatch({ type: 'cancel_edit' });
      else if (key.upArrow || key.downArrow) {
        // Moving while filtering ends the typing and keeps the filter.
        if (state.editing.kind === 'filter') dispatch({ type: 'commit_edit' });
        dispatch({ type: 'move', delta: key.downArrow ? 1 : -1 });
      } else {
        const text = editText(state.editing.text, input, key);
        if (text !== undefined) {
          if (text.length < state.editing.text.length) dispatch({ type: 'backspace' });
          else dispatch({ type: 'type', text: text.slice(state.editing.text.length) });
        }
      }
      return true;
    }
    if (key.tab) dispatch({ type: 'next_pane', delta: key.shift ? -1 : 1 });
    else if (isDown(input, key)) dispatch({ type: 'move', delta: 1 });
    else if (isUp(input, key)) dispatch({ type: 'move', delta: -1 });
    else if (input === ' ') dispatch({ type: 'toggle' });
    else if (input === '/') {
      if (state.pane !== 'suites') dispatch({ type: 'next_pane', delta: state.pane === 'models' ? 1 : -1 });
      dispatch({ type: 'edit', kind: 'filter', text: '' });
    } else if (input === 'a' && state.pane === 'suites') dispatch({ type: 'toggle_all_visible' });
    else if (input === 'S' || input === 'w') dispatch({ type: 'edit', kind: 'save', text: path(ctx) });
    else if (input === 'b') nav.push({ name: 'runs', dir: ctx.outDir });
    else if (key.escape && state.filter) dispatch({ type: 'cancel_edit' });
    else if (key.return || input === 'r') {
      if (key.return && state.pane === 'models' && state.cursor.models >= state.models.length) dispatch({ type: 'edit', kind: 'spec' });
      else if (key.return && state.pane === 'options') dispatch({ type: 'edit', kind: OPTION_FIELDS[state.cursor.options]! });
      else {
        const why = cannotStart(state);
        if (why) dispatch({ type: 'message', text: why });
        else nav.startRun(selectionOf(state));
      }
    } else return false;
    return true;
  });

  const state = rendered;
  const listHeight = Math.max(1, height - 3);
  const tab = (name: string, label: string): string => (state.pane === name ? `[${label}]` : ` ${label} `);
  const tabs = `${tab('models', `Models ${pickedModels(state).length}`)} ${tab('suites', `Suites ${pickedSuites(state).length}/${state.suites.length}`)} ${tab('options', 'Options')}`;
  const editLine = state.editing
    ? `${state.editing.kind === 'filter' ? '/' : state.editing.kind === 'spec' ? 'model spec: ' : state.editing.kind === 'save' ? 'save as: ' : `${state.editing.kind}: `}${state.editing.text}▏`
    : state.message ?? (state.filter ? `filter: ${state.filter}  (${suites.length} match; Esc clears)` : ctx.configError ? `config: ${ctx.configError}` : '');
  const sel = selectionOf(state);
  const opts = OPTION_FIELDS.filter((f) => state.options[f] !== undefined).map((f) => `${f} ${state.options[f]}`);
  const summary = `run: ${sel.models.join(', ') || '(no model)'} × ${sel.suites.length} suite(s)${opts.length ? ` · ${opts.join(' · ')}` : ''}  → ${ctx.outDir}`;
  return (
    <Box flexDirection="column">
      <Line text={tabs} width={width} bold />
      <Line text={editLine} width={width} {...(state.message ? { color: 'yellow' } : {})} />
      <Box height={listHeight} flexDirection="column">
        {state.pane === 'suites' && <ListView items={suites} cursor={state.cursor.suites} height={listHeight} width={width} render={(s) => suiteRow(s, width)} color={(s) => (s.items === null ? 'gray' : undefined)} empty="no suite matches the filter" />}
        {state.pane === 'models' && <ListView items={[...state.models, undefined]} cursor={state.cursor.models} height={listHeight} width={width} render={modelRow} />}
        {state.pane === 'options' && (
          <ListView items={OPTION_FIELDS} cursor={state.cursor.options} height={listHeight} width={width} render={(f) => `${fit(f, 12)} ${fit(String(state.options[f] ?? '—'), 6)} ${OPTION_HELP[f]}`} />
        )}
      </Box>
      <Line text={summary} width={width} dim />
    </Box>
  );
}

function path(ctx: TuiContext): string {
  return ctx.config ? ctx.config.path : 'jpeval.config.yaml';
}
