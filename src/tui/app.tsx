import { Box, useApp, useInput, type Key } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import { ActiveScreenContext, isCtrlC, KeyContext, splitChunk, type KeyHandler } from './components/keys.js';
import { Line } from './components/line.js';
import { useTerminalSize } from './components/terminal-size.js';
import { NavContext, type Nav, type Route } from './nav.js';
import { pickReducer, type PickState } from './pick-state.js';
import { CompareScreen, FlipScreen, FlipsScreen } from './screens/compare-screen.js';
import { HelpScreen } from './screens/help-screen.js';
import { ItemScreen } from './screens/item-screen.js';
import { ItemsScreen } from './screens/items-screen.js';
import { PickScreen } from './screens/pick-screen.js';
import { ResultsScreen } from './screens/results-screen.js';
import { RunScreen } from './screens/run-screen.js';
import { RunsScreen } from './screens/runs-screen.js';
import { startRun, type Selection, type TuiContext } from './session.js';
import { RunStore } from './store.js';

export interface ActiveRun {
  store: RunStore;
  controller: AbortController;
  done: Promise<unknown>;
}

export interface AppProps {
  ctx: TuiContext;
  initialPick: PickState;
  initialRoute?: Route;
  /** Starts a run (the real pipeline by default; tests pass a fake). */
  launch?: (selection: Selection, store: RunStore, signal: AbortSignal) => Promise<unknown>;
  storeOptions?: ConstructorParameters<typeof RunStore>[0];
  /** Told when the app quits: whether a run was interrupted, and the last run's directory. */
  onQuit?: (summary: { interrupted: boolean; runDir?: string; pending?: Promise<unknown> }) => void;
  /** Counts each suite's items in the background (they can take a while for large upstream files). */
  countSuites?: (report: (counts: Record<string, number | null>) => void) => void;
}

const TITLES: Record<Route['name'], string> = {
  pick: 'pick models and suites',
  run: 'run',
  runs: 'results',
  results: 'run results',
  items: 'items',
  item: 'item',
  compare: 'compare runs',
  flips: 'flipped items',
  flip: 'flipped item',
};

/** The whole TUI: a stack of screens, one keyboard owner, the active run's store. */
export function App({ ctx, initialPick, initialRoute, launch, storeOptions, onQuit, countSuites }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [stack, setStack] = useState<Route[]>(initialRoute ? [initialRoute] : [{ name: 'pick' }]);
  const [pick, dispatch] = useReducer(pickReducer, initialPick);
  const [help, setHelp] = useState(false);
  const [run, setRun] = useState<ActiveRun>();
  const keySlot = useRef<KeyHandler | undefined>(undefined);
  const route = stack[stack.length - 1]!;
  useEffect(() => {
    countSuites?.((counts) => dispatch({ type: 'suite_counts', counts }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const quit = (): void => {
    const snap = run?.store.getSnapshot();
    onQuit?.({ interrupted: Boolean(snap?.stopping), ...(snap?.outDir ? { runDir: snap.outDir } : {}), ...(run ? { pending: run.done } : {}) });
    run?.store.dispose();
    exit();
  };

  const nav: Nav = useMemo(
    () => ({
      push: (r) => setStack((s) => [...s, r]),
      replace: (r) => setStack((s) => [...s.slice(0, -1), r]),
      back: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
      quit,
      startRun: (selection) => {
        run?.store.dispose();
        const store = new RunStore(storeOptions);
        const controller = new AbortController();
        const go = launch ?? ((sel, st, signal) => startRun(ctx, sel, st, signal));
        const done = go(selection, store, controller.signal);
        setRun({ store, controller, done });
        setStack((s) => [...s, { name: 'run' }]);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, ctx, launch],
  );

  /** q and Ctrl-C during a run stop it first (as Ctrl-C does in `jpeval run`); again, they quit. */
  const stopOrQuit = (): void => {
    const snap = run?.store.getSnapshot();
    const running = snap && (snap.phase === 'running' || snap.phase === 'starting');
    if (run && running && !snap.stopping) {
      run.controller.abort();
      run.store.markStopping();
      return;
    }
    quit();
  };

  const onKey = (input: string, key: Key): void => {
    if (isCtrlC(input, key)) return stopOrQuit();
    if (help) {
      if (key.escape || input === '?' || input === 'q') setHelp(false);
      return;
    }
    if (keySlot.current?.(input, key)) return;
    if (input === 'q') stopOrQuit();
    else if (input === '?') setHelp(true);
    else if (key.escape) {
      const running = run?.store.getSnapshot().phase === 'running';
      if (!(route.name === 'run' && running)) nav.back();
    }
  };
  // The keys of one read (tmux send-keys, fast typing, a paste) are handled one per render: each
  // must meet the screen and state the previous one left — "jjj" moves three rows, and the key
  // after an Enter goes to the screen that Enter opened, not to a handler from before it.
  const pendingKeys = useRef<[string, Key][]>([]);
  // Read when a key is handled: Ink may still call the input handler of an earlier render (before
  // its effects re-subscribed the new one), whose closure would see an older route, help or run.
  const latest = useRef({ onKey, stopOrQuit });
  latest.current = { onKey, stopOrQuit };
  const [, setKeyTurn] = useState(0);
  const nextKey = (): void => {
    const next = pendingKeys.current.shift();
    if (!next) return;
    latest.current.onKey(next[0], next[1]);
    if (pendingKeys.current.length > 0) setKeyTurn((t) => t + 1); // a render even if that key changed nothing
  };
  useInput((input, key) => {
    const keys = splitChunk(input, key);
    // Ctrl-C is an interrupt, not a key in line: it stops the run now, as in `jpeval run`.
    const rest = keys.filter(([i, k]) => !isCtrlC(i, k));
    for (let n = keys.length - rest.length; n > 0; n--) latest.current.stopOrQuit();
    const idle = pendingKeys.current.length === 0;
    pendingKeys.current.push(...rest);
    if (idle) nextKey();
  });
  // After each render (screens' key handlers are set in layout effects, before this runs).
  useEffect(() => {
    if (pendingKeys.current.length > 0) nextKey();
  });

  // One row is left free: Ink repaints the whole screen when its output fills the terminal.
  const width = Math.max(20, size.columns);
  const bodyHeight = Math.max(3, size.rows - 3);
  const screen = (route: Route, i: number): ReactElement => {
    const p = { width, height: bodyHeight };
    switch (route.name) {
      case 'pick':
        return <PickScreen ctx={ctx} state={pick} dispatch={dispatch} {...p} />;
      case 'run':
        return run ? <RunScreen store={run.store} {...p} /> : <Line text="no run" width={width} />;
      case 'runs':
        return <RunsScreen dir={route.dir} {...p} />;
      case 'results':
        return <ResultsScreen runDir={route.runDir} {...p} />;
      case 'items':
        return <ItemsScreen runDir={route.runDir} model={route.model} suite={route.suite} {...p} />;
      case 'item':
        return <ItemScreen key={`${i}-${route.index}`} runDir={route.runDir} entries={route.entries} index={route.index} {...p} />;
      case 'compare':
        return <CompareScreen dirA={route.dirA} dirB={route.dirB} {...p} />;
      case 'flips':
        return <FlipsScreen dirA={route.dirA} dirB={route.dirB} title={route.title} flips={route.flips} {...p} />;
      case 'flip':
        return <FlipScreen dirA={route.dirA} dirB={route.dirB} flips={route.flips} index={route.index} {...p} />;
    }
  };
  const trail = stack.map((r) => TITLES[r.name]).join(' › ');
  return (
    <NavContext.Provider value={nav}>
      <KeyContext.Provider value={keySlot}>
        <Box flexDirection="column" width={width} height={size.rows - 1} overflow="hidden">
          <Line text={`jpeval tui · ${trail}`} width={width} inverse />
          {help && (
            <Box flexDirection="column" height={bodyHeight} overflow="hidden">
              <HelpScreen width={width} height={bodyHeight} />
            </Box>
          )}
          {/* Screens below the top (and under the help) are hidden, not unmounted: going back finds them as they were. */}
          {stack.map((r, i) => {
            const top = i === stack.length - 1;
            return (
              <ActiveScreenContext.Provider key={i} value={top && !help}>
                <Box flexDirection="column" height={bodyHeight} overflow="hidden" display={top && !help ? 'flex' : 'none'}>
                  {screen(r, i)}
                </Box>
              </ActiveScreenContext.Provider>
            );
          })}
          <Line text={help ? '' : '? help · Esc back · q quit'} width={width} dim />
        </Box>
      </KeyContext.Provider>
    </NavContext.Provider>
  );
}
