import { performance } from 'node:perf_hooks';
import type { RunRecord } from '../results/types.js';
import type { RunEvent } from '../runner/events.js';
import { LiveTask, taskKey, type TaskSnapshot } from './live-task.js';

/** What the watch screen draws: one immutable value per publication. */
export interface RunSnapshot {
  /** Increases with every publication (lets tests and React tell snapshots apart). */
  version: number;
  phase: 'starting' | 'running' | 'finished' | 'failed';
  runId?: string;
  outDir?: string;
  models: string[];
  suites: string[];
  tasks: TaskSnapshot[];
  /** The most recent warnings and retry notes, newest last. */
  notes: string[];
  itemsDone: number;
  record?: RunRecord;
  error?: string;
  stopping: boolean;
}

export interface StoreOptions {
  /**
   * Minimum milliseconds between publications (default 200: five frames a second — smooth enough
   * for progress, and each Ink frame costs milliseconds of the runner's CPU). The TUI never goes
   * below 100 (10 Hz); tests do, to run fast.
   */
  intervalMs?: number;
  now?: () => number;
  /**
   * Share of a busy run's time the screen may take from it (default 0.01). Each publication's cost
   * (the listeners plus the React render and Ink frame they trigger, which run in the microtasks
   * they queue) is measured, and so is how busy the event loop was with other work (the previous
   * frame's own time taken out) since the last one: a frame
   * only slows the run when the loop had other work, so the wait before the next one is
   * frame cost × loop utilisation / budget, between `intervalMs` and `maxIntervalMs`. A run
   * waiting on a remote model redraws five times a second; a CPU-bound local run with thousands
   * of items a second redraws about once a second. 0 turns the pacing off.
   */
  frameBudget?: number;
  /** The longest wait between publications however dear frames are (default 1000 ms). */
  maxIntervalMs?: number;
  /** High-resolution clock for frame costs (tests inject one). */
  clock?: () => number;
  /** Event-loop utilisation (0..1) since the previous call (tests inject one). */
  loopUtilisation?: () => number;
  /** Names the primary metric of a suite before its first result arrives. */
  primaryMetricOf?: (suite: string) => string | undefined;
}

const MAX_NOTES = 6;

/** Node's event-loop utilisation since the previous call (perf_hooks' own `performance`: test fake timers replace the global one). */
function loopUtilisationMeter(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return Number.isFinite(utilization) ? utilization : 1;
  };
}

/**
 * Coalesces runner events into snapshots. Events only update counters (cheap, any rate); a
 * snapshot is built and published at most every `intervalMs`, so ten thousand items a second
 * still cause at most ten React renders a second. The runner knows nothing of this.
 */
export class RunStore {
  private readonly tasks = new Map<string, LiveTask>();
  private lastTask: LiveTask | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly frameBudget: number;
  private readonly now: () => number;
  private readonly clock: () => number;
  private readonly loopUtilisation: () => number;
  /** Smoothed milliseconds a publication costs, frame included. */
  private frameCostMs = 0;
  /** How busy the event loop was with the run's own work between the last two publications (0..1). */
  private busy = 1;
  /** When the last publication started (`clock`), and what its frame cost: the frame is not the run's work. */
  private lastFrameStart: number | undefined;
  private lastFrameMs = 0;
  private state: Omit<RunSnapshot, 'version' | 'tasks' | 'itemsDone'> = { phase: 'starting', models: [], suites: [], notes: [], stopping: false };
  private itemsDone = 0;
  private current: RunSnapshot;
  private lastPublished = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private version = 0;
  /** How many snapshots were built (the benchmark and tests check the rate). */
  publications = 0;

  constructor(private readonly options: StoreOptions = {}) {
    this.intervalMs = options.intervalMs ?? 200;
    this.maxIntervalMs = Math.max(this.intervalMs, options.maxIntervalMs ?? 1000);
    this.frameBudget = options.frameBudget ?? 0.01;
    this.now = options.now ?? Date.now;
    this.clock = options.clock ?? (() => performance.now());
    this.loopUtilisation = options.loopUtilisation ?? loopUtilisationMeter();
    this.current = this.build();
  }

  /** The runner's listener: subscribe it with `events.subscribe(store.handle)`. */
  handle = (event: RunEvent): void => {
    switch (event.type) {
      case 'run_started':
        this.state = { ...this.state, phase: 'running', runId: event.runId, outDir: event.outDir, models: event.models, suites: event.suites };
        this.startHeartbeat();
        break;
      case 'suite_started':
        this.tasks.set(taskKey(event.model, event.suite), new LiveTask(event.model, event.suite, event.total, this.now(), this.options.primaryMetricOf?.(event.suite)));
        this.lastTask = undefined;
        break;
      case 'item_finished':
        this.itemsDone += 1;
        this.taskOf(event.model, event.suite)?.addSample(event.sample);
        break;
      case 'retry': {
        const running = [...this.tasks.values()].filter((t) => t.model === event.model).at(-1);
        running?.addRetry();
        this.note(`retry ${event.attempt} for ${event.model} in ${(event.delayMs / 1000).toFixed(1)}s: ${event.reason}`);
        break;
      }
      case 'warning':
        this.note(`warning: ${event.message}`);
        break;
      case 'suite_finished':
        this.tasks.get(taskKey(event.model, event.suite))?.finish(event.result, this.now());
        break;
      case 'run_finished':
        this.state = { ...this.state, phase: 'finished', record: event.record };
        this.stopHeartbeat();
        // Drawn as soon as the runner has returned, not inside its last event: the results are on
        // disk by then, and a frame drawn here would be counted in the run's own time.
        if (this.timer) clearTimeout(this.timer);
        this.publishIn(0);
        return;
    }
    this.schedule();
  };

  /** The run could not start or died: shown instead of the tasks' progress. */
  fail(message: string): void {
    this.state = { ...this.state, phase: 'failed', error: message };
    this.stopHeartbeat();
    this.flush();
  }

  /** The user asked to stop; the runner is finishing the items in flight. */
  markStopping(): void {
    this.state = { ...this.state, stopping: true };
    this.flush();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RunSnapshot => this.current;

  /** Publishes now (end of run, user actions), cancelling a pending timed publication. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.publish();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopHeartbeat();
    this.listeners.clear();
  }

  /** The task of an item: items come in long runs of the same model × suite, so the last one is remembered. */
  private taskOf(model: string, suite: string): LiveTask | undefined {
    const last = this.lastTask;
    if (last && last.model === model && last.suite === suite) return last;
    const task = this.tasks.get(taskKey(model, suite));
    this.lastTask = task;
    return task;
  }

  private note(line: string): void {
    this.state = { ...this.state, notes: [...this.state.notes, line].slice(-MAX_NOTES) };
  }

  /** The wait between publications: the floor, stretched when frames cost more than the budget allows. */
  currentIntervalMs(): number {
    if (this.frameBudget <= 0) return this.intervalMs;
    return Math.min(this.maxIntervalMs, Math.max(this.intervalMs, (this.frameCostMs * this.busy) / this.frameBudget));
  }

  private schedule(): void {
    if (this.timer) return;
    this.publishIn(Math.max(0, this.lastPublished + this.currentIntervalMs() - this.now()));
  }

  private publishIn(wait: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, wait);
  }

  /** Elapsed times keep moving while a slow model produces nothing. */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => this.schedule(), 1000);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private publish(): void {
    const started = this.clock();
    if (this.frameBudget > 0) this.busy = this.runUtilisation(started);
    this.lastPublished = this.now();
    this.current = this.build();
    this.publications += 1;
    for (const listener of this.listeners) listener();
    // React renders in a microtask its listener queued (Ink writes the frame inside it); this one
    // is queued after, so it runs once that frame is done.
    if (this.frameBudget > 0 && this.listeners.size > 0) queueMicrotask(() => this.recordFrameCost(this.clock() - started));
  }

  /**
   * How busy the loop was with other work than the screen since the last publication. The loop's
   * utilisation includes the previous frame itself: counted as the run's work, a dear frame on an
   * idle loop (a remote model) would stretch its own interval (to about 10 × its cost at a 1 %
   * budget), so it is taken out of both the busy time and the window.
   */
  private runUtilisation(now: number): number {
    const utilisation = this.loopUtilisation();
    const since = this.lastFrameStart === undefined ? undefined : now - this.lastFrameStart;
    const frame = this.lastFrameMs;
    this.lastFrameStart = now;
    this.lastFrameMs = 0;
    if (since === undefined || !(since > frame) || frame <= 0) return utilisation;
    return Math.min(1, Math.max(0, (utilisation * since - frame) / (since - frame)));
  }

  private recordFrameCost(ms: number): void {
    this.lastFrameMs = ms;
    // Half-life of one frame: follows a screen that grows (a resize) within a couple of frames.
    this.frameCostMs = this.frameCostMs === 0 ? ms : (this.frameCostMs + ms) / 2;
  }

  private build(): RunSnapshot {
    const now = this.now();
    this.version += 1;
    return { ...this.state, version: this.version, itemsDone: this.itemsDone, tasks: [...this.tasks.values()].map((t) => t.snapshot(now)) };
  }
}
