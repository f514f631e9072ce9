import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleRecord, SuiteResult } from '../../src/results/types.js';
import type { RunEvent } from '../../src/runner/events.js';
import { itemPart } from '../../src/tui/live-task.js';
import { RunStore } from '../../src/tui/store.js';
import { sample, suiteResult, type FixtureItem } from './fixtures.js';

const item = (id: string, outcome: FixtureItem['outcome'], output = '富士山'): SampleRecord => sample('r1', 'm', 's', { id, outcome, output }, Number(id.replace(/\D/g, '')) || 0);

describe('RunStore', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const started = (store: RunStore, total = 10): void => {
    store.handle({ type: 'run_started', runId: 'r1', outDir: '/tmp/out/r1', models: ['m'], suites: ['s'] });
    store.handle({ type: 'suite_started', model: 'm', suite: 's', total });
  };

  it.each([
    [undefined, 8, 11], // default: 5 snapshots a second
    [100, 15, 21], // the ceiling: 10 a second
  ])('coalesces 10,000 events over 2 s into a few snapshots (interval %s ms)', (intervalMs, least, most) => {
    const store = new RunStore({ primaryMetricOf: () => 'accuracy', ...(intervalMs ? { intervalMs } : {}) });
    let renders = 0;
    store.subscribe(() => (renders += 1));
    started(store, 10_000);
    // 10,000 items spread over two seconds: one every 0.2 ms.
    for (let i = 0; i < 10_000; i++) {
      store.handle({ type: 'item_finished', model: 'm', suite: 's', sample: item(`q${i}`, i % 4 === 0 ? 'incorrect' : 'correct') });
      if (i % 5 === 4) vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(renders).toBeGreaterThanOrEqual(least);
    expect(renders).toBeLessThanOrEqual(most); // 2 s at the interval, plus the trailing publication
    const task = store.getSnapshot().tasks[0]!;
    expect(task.done).toBe(10_000);
    expect(task.metric!.value).toBeCloseTo(0.75, 10);
    store.dispose();
  });

  describe('frame pacing', () => {
    /** Two seconds of a fast run, 100 items every 100 ms, with frames costing `frameMs` of a loop `busy` of the time. */
    const paced = async (frameMs: number, busy: number, frameBudget?: number): Promise<{ renders: number; interval: number }> => {
      let clock = 0;
      const store = new RunStore({ clock: () => clock, loopUtilisation: () => busy, ...(frameBudget !== undefined ? { frameBudget } : {}) });
      let renders = 0;
      store.subscribe(() => {
        renders += 1;
        clock += frameMs; // what drawing the frame cost
      });
      started(store, 2_000);
      for (let step = 0; step < 20; step++) {
        for (let i = 0; i < 100; i++) store.handle({ type: 'item_finished', model: 'm', suite: 's', sample: item(`q${step * 100 + i}`, 'correct') });
        vi.advanceTimersByTime(100);
        await Promise.resolve(); // the frame-cost microtask
      }
      const interval = store.currentIntervalMs();
      store.dispose();
      return { renders, interval };
    };

    it('keeps five frames a second when frames are cheap', async () => {
      const { renders, interval } = await paced(0.5, 1);
      expect(interval).toBe(200);
      expect(renders).toBeGreaterThanOrEqual(9);
      expect(renders).toBeLessThanOrEqual(11);
    });

    it('spaces dear frames out while the loop is busy, so they take at most the budget of the run', async () => {
      // 6 ms frames on a saturated loop, 1 % budget: one frame every 600 ms.
      const { renders, interval } = await paced(6, 1);
      expect(interval).toBeCloseTo(600, 6);
      expect(renders).toBeGreaterThanOrEqual(3);
      expect(renders).toBeLessThanOrEqual(5);
      // Never slower than once a second, however dear.
      expect((await paced(50, 1)).interval).toBe(1000);
    });

    /**
     * Two seconds with a clock that moves with time and a loop meter that counts, like Node's, the
     * frames' own time as busy: the run's other work takes `other` of the time outside the frames.
     */
    const pacedInTime = async (frameMs: number, other: number): Promise<{ lastSecondRenders: number; interval: number }> => {
      let framesMs = 0;
      const clock = (): number => Date.now() + framesMs;
      let lastAt = clock();
      let lastFrames = framesMs;
      const loopUtilisation = (): number => {
        const at = clock();
        const elapsed = at - lastAt;
        const frames = framesMs - lastFrames;
        lastAt = at;
        lastFrames = framesMs;
        return elapsed > 0 ? Math.min(1, (frames + other * (elapsed - frames)) / elapsed) : 1;
      };
      const store = new RunStore({ clock, loopUtilisation });
      let renders = 0;
      store.subscribe(() => {
        renders += 1;
        framesMs += frameMs;
      });
      started(store, 2_000);
      let firstSecondRenders = 0;
      for (let step = 0; step < 40; step++) {
        if (step === 20) firstSecondRenders = renders;
        store.handle({ type: 'item_finished', model: 'm', suite: 's', sample: item(`q${step}`, 'correct') });
        await vi.advanceTimersByTimeAsync(50); // runs the frame-cost microtask right after each frame
      }
      const interval = store.currentIntervalMs();
      store.dispose();
      return { lastSecondRenders: renders - firstSecondRenders, interval };
    };

    it("does not count a frame's own time as the run's work: an idle loop draws five times a second even with dear frames", async () => {
      // A remote model, items trickling in: 60 ms frames on a loop otherwise idle. Counted as the
      // run's work, the frames would space themselves out to several hundred ms.
      const idle = await pacedInTime(60, 0);
      expect(idle.interval).toBe(200);
      expect(idle.lastSecondRenders).toBeGreaterThanOrEqual(4);
      // Other work still spaces them: 60 ms × 0.1 / 0.01 = 600 ms; a saturated loop: the 1 s ceiling.
      expect((await pacedInTime(60, 0.1)).interval).toBeCloseTo(600, 0);
      expect((await pacedInTime(60, 1)).interval).toBe(1000);
    });

    it('draws at full rate when the loop is mostly idle (a remote model), or when pacing is off', async () => {
      expect((await paced(6, 0.2)).interval).toBe(200); // 6 × 0.2 / 0.01 = 120 → the 200 ms floor
      expect((await paced(6, 0.5)).interval).toBeCloseTo(300, 6);
      expect((await paced(6, 1, 0)).interval).toBe(200);
    });
  });

  it('reports the running metric with a Wilson interval, errors, retries, latency percentiles and the last five items', () => {
    const store = new RunStore({ primaryMetricOf: () => 'accuracy' });
    started(store, 8);
    const outcomes: FixtureItem['outcome'][] = ['correct', 'correct', 'incorrect', 'correct', 'error', 'correct', 'unscored'];
    outcomes.forEach((o, i) => store.handle({ type: 'item_finished', model: 'm', suite: 's', sample: item(`q${i}`, o) }));
    store.handle({ type: 'retry', model: 'm', attempt: 1, delayMs: 500, reason: 'HTTP 429' });
    store.flush();
    const t = store.getSnapshot().tasks[0]!;
    expect(t.done).toBe(7);
    expect(t.errors).toBe(1);
    expect(t.retries).toBe(1);
    // 4 correct of 6 scored (the error has no value; unscored counts 0).
    expect(t.metric!.n).toBe(6);
    expect(t.metric!.value).toBeCloseTo(4 / 6, 12);
    expect(t.metric!.ci95[0]).toBeCloseTo(0.2999, 3); // Wilson 95 % for 4/6, by hand: [0.300, 0.903]
    expect(t.metric!.ci95[1]).toBeCloseTo(0.9032, 3);
    // Latencies 10..16 ms (fixture: 10 + i): nearest-rank p50 = 13, p95 = 16.
    expect(t.latencyP50).toBe(13);
    expect(t.latencyP95).toBe(16);
    expect(t.recent.map((r) => r.itemId)).toEqual(['q2', 'q3', 'q4', 'q5', 'q6']);
    expect(t.recent[2]!.error).toBe('HTTP 500 from server');
    expect(store.getSnapshot().notes.at(-1)).toContain('HTTP 429');
    store.dispose();
  });

  it('takes the suite result when a suite finishes and publishes run_finished as soon as the runner returns', () => {
    const store = new RunStore();
    let renders = 0;
    store.subscribe(() => (renders += 1));
    started(store, 1);
    store.handle({ type: 'item_finished', model: 'm', suite: 's', sample: item('q1', 'correct') });
    const result: SuiteResult = suiteResult('m', 's', [{ id: 'q1', outcome: 'correct', output: '' }]);
    store.handle({ type: 'suite_finished', model: 'm', suite: 's', result });
    store.handle({ type: 'run_finished', record: { status: 'completed' } as never });
    expect(renders).toBe(0); // not inside the runner's last event
    vi.advanceTimersByTime(0);
    expect(renders).toBe(1); // at once after it, the pending timed publication cancelled
    const snap = store.getSnapshot();
    expect(snap.phase).toBe('finished');
    expect(snap.tasks[0]!.finished).toBe(true);
    expect(snap.tasks[0]!.metric).toEqual({ value: 1, ci95: [0.8, 1], n: 1 });
    vi.advanceTimersByTime(1000);
    expect(renders).toBe(1);
    store.dispose();
  });

  it('falls back to the first per-item value when the primary metric is not known', () => {
    const store = new RunStore();
    started(store, 2);
    const s = item('q1', 'correct');
    s.score.values = { char_f1: 0.5 };
    const events: RunEvent[] = [
      { type: 'item_finished', model: 'm', suite: 's', sample: s },
      { type: 'item_finished', model: 'm', suite: 's', sample: { ...s, score: { ...s.score, values: { char_f1: 0.7 } } } },
    ];
    events.forEach(store.handle);
    store.flush();
    const t = store.getSnapshot().tasks[0]!;
    expect(t.primaryMetric).toBe('char_f1');
    expect(t.metric!.value).toBeCloseTo(0.6, 12);
    // Not 0/1 values: a normal interval, mean ± 1.96·sd/√n with sd = 0.1414.
    expect(t.metric!.ci95[0]).toBeCloseTo(0.6 - 1.959964 * (Math.SQRT2 * 0.1) / Math.SQRT2, 5);
    store.dispose();
  });

  it('shows the item-specific part of a prompt, skipping the shared instructions', () => {
    const first = '指示です。\n\n質問1：山は？\n答え：';
    expect(itemPart('指示です。\n\n質問2：川は？\n答え：', first)).toBe('質問2：川は？\n答え：');
    expect(itemPart(first, first)).toBe(first);
  });

  it('marks a failed start with its reason', () => {
    const store = new RunStore();
    store.fail('no selected suite has its data present');
    expect(store.getSnapshot()).toMatchObject({ phase: 'failed', error: 'no selected suite has its data present' });
  });
});
