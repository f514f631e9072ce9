import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { RunEvents } from '../../src/runner/events.js';
import { App, type AppProps } from '../../src/tui/app.js';
import { initialPickState, type PickState } from '../../src/tui/pick-state.js';
import type { Selection, TuiContext } from '../../src/tui/session.js';
import type { RunStore } from '../../src/tui/store.js';
import { ITEMS_A, ITEMS_B, sample, suiteResult, tempRoot, writeRun } from './fixtures.js';

const KEYS = { enter: '\r', esc: '\x1b', tab: '\t', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Rendered = ReturnType<typeof render>;
let current: Rendered | undefined;
afterEach(() => {
  current?.unmount();
  current = undefined;
});

async function until(r: Rendered, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = r.lastFrame() ?? '';
    if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; last frame:\n${frame}`);
    await sleep(10);
  }
}

async function press(r: Rendered, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    r.stdin.write(k);
    // A lone Esc is told from an Alt-key sequence by a pause, as in a real terminal.
    await sleep(k === KEYS.esc ? 150 : 30);
  }
}

/** ink-testing-library's terminal is 100 columns wide: no rendered row may be wider. */
function expectWithinWidth(r: Rendered): void {
  for (const frame of r.frames) for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(100);
}

const ctx = (outDir = '/tmp/jpeval-tui-none'): TuiContext => ({ cwd: '/tmp', suitesDirs: [], outDir });
const pickState = (): PickState =>
  initialPickState(
    [{ spec: 'default', label: 'default', source: 'default', picked: true }],
    [
      { name: 'ja-keigo', title: '敬語', category: 'LING', source: 'builtin', items: 3, picked: false },
      { name: 'ja-particles', title: '助詞', category: 'LING', source: 'builtin', items: 105, picked: false },
      { name: 'jsquad', title: 'JSQuAD', category: 'RC', source: 'JGLUE', items: null, picked: false },
    ],
  );

function app(props: Partial<AppProps>): Rendered {
  current = render(<App ctx={ctx()} initialPick={pickState()} storeOptions={{ intervalMs: 10 }} {...props} />);
  return current;
}

/** A fake run: emits the runner's events for `selection` with hand-made samples, pausing mid-way. */
function fakeLaunch(gate: Promise<void>, seen: Selection[]) {
  return async (selection: Selection, store: RunStore, signal: AbortSignal) => {
    seen.push(selection);
    const events = new RunEvents();
    events.subscribe(store.handle);
    events.emit({ type: 'run_started', runId: 'run-1', outDir: '/tmp/out/run-1', models: selection.models, suites: selection.suites });
    events.emit({ type: 'suite_started', model: 'default', suite: 'ja-keigo', total: 6 });
    ITEMS_A.slice(0, 3).forEach((item, i) => events.emit({ type: 'item_finished', model: 'default', suite: 'ja-keigo', sample: sample('run-1', 'default', 'ja-keigo', { ...item, output: '丁寧語で「いらっしゃいませ」と申し上げます' }, i) }));
    await Promise.race([gate, new Promise((r) => signal.addEventListener('abort', r))]);
    events.emit({ type: 'suite_finished', model: 'default', suite: 'ja-keigo', result: suiteResult('default', 'ja-keigo', ITEMS_A.slice(0, 3)) });
    events.emit({ type: 'run_finished', record: { status: signal.aborted ? 'interrupted' : 'completed', duration_s: 1 } as never });
  };
}

describe('TUI screens (ink-testing-library)', () => {
  it('picker: filter with /, pick with space, Enter starts the run with that selection', async () => {
    const seen: Selection[] = [];
    let open!: () => void;
    const r = app({ launch: fakeLaunch(new Promise((res) => (open = res)), seen) });
    let frame = await until(r, 'ja-particles');
    expect(frame).toContain('no data');
    await press(r, '/', 'p', 'a', 'r', KEYS.enter);
    frame = await until(r, 'filter: par');
    expect(frame).not.toContain('ja-keigo');
    await press(r, ' ', KEYS.tab, KEYS.enter); // pick; options pane; Enter edits limit
    await press(r, '1', '0', KEYS.enter, KEYS.tab, ' ', KEYS.tab); // limit 10; models pane: unpick default; back to suites
    await press(r, KEYS.enter);
    await until(r, 'pick at least one model');
    await press(r, KEYS.tab, KEYS.tab, ' ', KEYS.tab, KEYS.enter);
    await until(r, 'ja-keigo × default');
    expect(seen).toEqual([{ models: ['default'], suites: ['ja-particles'], limit: 10 }]);
    open();
    expectWithinWidth(r);
  });

  it('run: live bar, running metric with interval, last items; q stops the run, then quits', async () => {
    const seen: Selection[] = [];
    const quits: unknown[] = [];
    const r = app({ launch: fakeLaunch(new Promise(() => {}), seen), onQuit: (s) => quits.push(s) });
    await press(r, ' ', KEYS.enter);
    const frame = await until(r, '3/6');
    expect(frame).toMatch(/ja-keigo × default\s+█+░+ 3\/6/);
    // q1 correct, q2 incorrect, q3 unscored: 1 of 3, Wilson 95 % [0.061, 0.792].
    expect(frame).toContain('accuracy 0.333 [0.061, 0.792]');
    expect(frame).toMatch(/✓ q1 +→ 丁寧語で/);
    expect(frame).toContain('errors 0');
    await press(r, 'q');
    await until(r, /^interrupted in /m);
    expect(r.lastFrame()).toContain('Enter: browse results');
    expect(quits).toEqual([]);
    await press(r, 'q');
    expect(quits).toMatchObject([{ interrupted: true, runDir: '/tmp/out/run-1' }]);
    expectWithinWidth(r);
  });

  it('browse: runs → model × suite table (sortable) → items (filtered) → item → back', async () => {
    const root = await tempRoot();
    await writeRun(root, 'run-a', [
      { model: 'm1', suite: 'qa', items: ITEMS_A },
      { model: 'm1', suite: 'alpha', items: ITEMS_B },
    ]);
    const r = app({ initialRoute: { name: 'runs', dir: root } });
    await until(r, 'run-a');
    await press(r, KEYS.enter);
    let frame = await until(r, 'sorted by suite');
    expect(frame.indexOf('alpha')).toBeLessThan(frame.indexOf(' qa '));
    expect(frame).toContain('0.400 [0.200, 0.600] *'); // qa: 2 of 5 scored, one error → incomplete
    await press(r, 's', 's'); // sort by value
    frame = await until(r, 'sorted by value');
    expect(frame.indexOf(' qa ')).toBeLessThan(frame.indexOf('alpha'));
    await press(r, KEYS.enter);
    frame = await until(r, 'わかりません'); // outputs of the rows on screen are read back by offset
    expect(frame).toContain('6/6 items');
    await press(r, 'f');
    frame = await until(r, 'filter wrong');
    expect(frame).toContain('2/6 items');
    expect(frame).not.toContain('q1');
    await press(r, KEYS.down, KEYS.enter);
    frame = await until(r, /q5 \(2\/2\)[^]*gold/);
    expect(frame).toMatch(/gold\n\s+富士山/);
    expect(frame).toMatch(/output\n\s+阿蘇山/);
    expect(frame).toMatch(/metrics\n\s+accuracy 0\.0000/);
    await press(r, KEYS.esc);
    await until(r, 'filter wrong');
    await press(r, 'f', 'f');
    frame = await until(r, 'filter flagged');
    expect(frame).toContain('q4');
    expectWithinWidth(r);
  });

  it('keys that arrive in one read (tmux send-keys, fast typing) each act on the screen the previous one left', async () => {
    const root = await tempRoot();
    await writeRun(root, 'run-a', [{ model: 'm1', suite: 'qa', items: ITEMS_A }]);
    const r = app({ initialRoute: { name: 'runs', dir: root } });
    await until(r, 'run-a');
    await press(r, KEYS.enter);
    await until(r, 'sorted by suite');
    r.stdin.write('ss'); // the sort column, twice
    await until(r, 'sorted by value');
    r.stdin.write('\r');
    await until(r, '6/6 items');
    r.stdin.write('jjj\r'); // three rows down, then open: the fourth item
    await until(r, /q4 \(4\/6\)/);
    expectWithinWidth(r);
  });

  it('items: a cut-off last line of samples.jsonl (a killed run) is said, not silently dropped', async () => {
    const root = await tempRoot();
    const dir = await writeRun(root, 'run-a', [{ model: 'm1', suite: 'qa', items: ITEMS_A }]);
    await appendFile(path.join(dir, 'samples.jsonl'), '{"schema_version":2,"run_id":"run-a","su');
    const r = app({ initialRoute: { name: 'items', runDir: dir, model: 'm1', suite: 'qa' } });
    const frame = await until(r, '6/6 items');
    expect(frame).toContain('samples.jsonl line 7 is cut off');
    expectWithinWidth(r);
  });

  it('Ctrl-C sent in one read with other keys still stops the run at once', async () => {
    const quits: unknown[] = [];
    const r = app({ launch: fakeLaunch(new Promise(() => {}), []), onQuit: (s) => quits.push(s) });
    await press(r, ' ', KEYS.enter);
    await until(r, '3/6');
    r.stdin.write('jj\x03k'); // e.g. tmux send-keys jj C-c k, or keys typed fast
    await until(r, /^interrupted in /m);
    expect(quits).toEqual([]);
    r.stdin.write('j\x03'); // the second Ctrl-C quits, as alone
    for (let i = 0; i < 50 && quits.length === 0; i++) await sleep(10);
    expect(quits).toMatchObject([{ interrupted: true }]);
  });

  it('compare: mark two runs, see gained / lost / p, open the flipped items', async () => {
    const root = await tempRoot();
    await writeRun(root, 'run-old', [{ model: 'old', suite: 'qa', items: ITEMS_A }], '2026-11-01T00:00:00.000Z');
    await writeRun(root, 'run-new', [{ model: 'new', suite: 'qa', items: ITEMS_B }], '2026-12-01T00:00:00.000Z');
    const r = app({ initialRoute: { name: 'runs', dir: root } });
    await until(r, 'run-old');
    await press(r, 'c');
    await until(r, 'mark two runs');
    await press(r, KEYS.down, ' ', KEYS.up, ' ', 'c'); // A = run-old, B = run-new
    let frame = await until(r, 'A run-old ↔ B run-new');
    expect(frame).toMatch(/qa\s+0\.400\s+0\.667\s+\+0\.267\s+\+3\s+−1\s+0\.625\s+6/);
    await press(r, KEYS.enter);
    frame = await until(r, '4 flipped item(s)');
    expect(frame).toMatch(/− q1\s+A ✓ correct → B ✗ incorrect/);
    await press(r, KEYS.enter);
    frame = await until(r, '── A: old');
    expect(frame).toMatch(/── B: new\noutcome\n\s+incorrect/);
    await press(r, ' '); // a page down, to B's answer
    await until(r, '槍ヶ岳');
    expectWithinWidth(r);
  });

  it('compare: with several models per suite, each row names its model', async () => {
    const root = await tempRoot();
    const parts = [{ model: 'alpha', suite: 'qa', items: ITEMS_A }, { model: 'beta', suite: 'qa', items: ITEMS_B }];
    await writeRun(root, 'run-old', parts, '2026-11-01T00:00:00.000Z');
    await writeRun(root, 'run-new', parts, '2026-12-01T00:00:00.000Z');
    const r = app({ initialRoute: { name: 'runs', dir: root } });
    await until(r, 'run-old');
    await press(r, KEYS.down, ' ', KEYS.up, ' ', 'c');
    const frame = await until(r, 'A run-old ↔ B run-new');
    expect(frame).toContain('suite · model');
    expect(frame).toMatch(/qa · alpha\s+0\.400\s+0\.400/);
    expect(frame).toMatch(/qa · beta\s+0\.667\s+0\.667/);
    expectWithinWidth(r);
  });

  it('? shows the keys and Esc closes them, keeping the screen as it was', async () => {
    const r = app({});
    await until(r, 'ja-keigo');
    await press(r, KEYS.down, '?');
    const frame = await until(r, 'keys (Esc or ? to close)');
    expect(frame).toContain('Tab');
    await press(r, KEYS.esc);
    const back = await until(r, '› [ ] ja-particles');
    expect(back).not.toContain('keys (Esc');
  });
});
