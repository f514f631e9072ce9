import type { RunEvent } from '../runner/events.js';
import { progressLine, type TaskProgress } from './progress-state.js';

export interface ReporterOptions {
  /** Where progress goes: stderr, so `--json` output on stdout stays machine-readable. */
  stream: NodeJS.WriteStream;
  /** Redraw in place (a terminal) or print plain periodic lines (CI logs, pipes). */
  interactive: boolean;
  /** Seconds between plain progress lines. */
  intervalSeconds?: number;
  now?: () => number;
}

/**
 * Shows run progress per model and suite. Interactive: a block of live lines redrawn in place.
 * Plain: one line when a suite starts, every `intervalSeconds`, and when it finishes.
 */
export class ProgressReporter {
  private readonly tasks = new Map<string, TaskProgress>();
  private drawnLines = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ReporterOptions) {
    this.now = options.now ?? Date.now;
  }

  handle = (event: RunEvent): void => {
    const key = (model: string, suite: string): string => `${model}\u0000${suite}`;
    switch (event.type) {
      case 'run_started':
        this.write(`jpeval run ${event.runId}: ${event.models.length} model(s) × ${event.suites.length} suite(s) → ${event.outDir}\n`);
        this.start();
        break;
      case 'suite_started': {
        const p: TaskProgress = { model: event.model, suite: event.suite, total: event.total, done: 0, errors: 0, startedAt: this.now() };
        this.tasks.set(key(event.model, event.suite), p);
        if (!this.options.interactive) this.write(`${progressLine(p, this.now())}\n`);
        else this.redraw();
        break;
      }
      case 'item_finished': {
        const p = this.tasks.get(key(event.model, event.suite));
        if (!p) return;
        p.done += 1;
        if (event.sample.error) p.errors += 1;
        break;
      }
      case 'suite_finished': {
        const p = this.tasks.get(key(event.model, event.suite));
        if (!p) return;
        p.finishedAt = this.now();
        const m = event.result.metrics[event.result.primary_metric];
        if (m && m.value !== null) p.headline = `${event.result.primary_metric} ${m.value.toFixed(4)}`;
        if (this.options.interactive) this.redraw();
        else this.write(`${progressLine(p, this.now())}\n`);
        break;
      }
      case 'retry':
        this.note(`retry ${event.attempt} for ${event.model} in ${(event.delayMs / 1000).toFixed(1)}s: ${event.reason}`);
        break;
      case 'warning':
        this.note(`warning: ${event.message}`);
        break;
      case 'run_finished':
        this.stop();
        break;
    }
  };

  private start(): void {
    const ms = this.options.interactive ? 200 : (this.options.intervalSeconds ?? 10) * 1000;
    this.timer = setInterval(() => this.tick(), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.options.interactive) this.redraw();
  }

  private tick(): void {
    if (this.options.interactive) return this.redraw();
    const now = this.now();
    for (const p of this.tasks.values()) if (!p.finishedAt) this.write(`${progressLine(p, now)}\n`);
  }

  private note(line: string): void {
    if (this.options.interactive) {
      this.clear();
      this.write(`${line}\n`);
      this.redraw();
    } else this.write(`${line}\n`);
  }

  private clear(): void {
    if (this.drawnLines > 0) this.write(`\x1b[${this.drawnLines}A\x1b[J`);
    this.drawnLines = 0;
  }

  private redraw(): void {
    const now = this.now();
    const lines = [...this.tasks.values()].map((p) => progressLine(p, now));
    this.clear();
    if (lines.length) this.write(`${lines.join('\n')}\n`);
    this.drawnLines = lines.length;
  }

  private write(text: string): void {
    this.options.stream.write(text);
  }
}
