import type { SampleRecord, SuiteResult } from '../results/types.js';
import { percentile } from '../runner/throughput.js';
import { wilsonInterval, Z95 } from '../scoring/intervals.js';
import type { Outcome } from '../scoring/types.js';
import { oneLine } from './text.js';

/** How many recent latencies the live p50/p95 look at (the final ones in run.json cover all). */
const LATENCY_WINDOW = 1024;
/** Items kept per task for the "last items" view. */
export const RECENT_ITEMS = 5;
const HEAD_CHARS = 160;

export interface RecentItem {
  itemId: string;
  /** The item's own part of the prompt (the suite preamble shared with earlier items is skipped). */
  promptHead: string;
  outputHead: string;
  outcome: Outcome;
  error?: string;
}

/** An immutable view of one model × suite, as the watch screen draws it. */
export interface TaskSnapshot {
  key: string;
  model: string;
  suite: string;
  total: number;
  done: number;
  errors: number;
  retries: number;
  outcomes: Partial<Record<Outcome, number>>;
  primaryMetric?: string;
  /** Running mean of the primary metric over scored items, with a 95 % interval. */
  metric?: { value: number; ci95: [number, number]; n: number };
  requestsPerS: number;
  tokensPerS: number;
  latencyP50: number;
  latencyP95: number;
  elapsedS: number;
  finished: boolean;
  recent: RecentItem[];
}

function promptText(prompt: SampleRecord['prompt']): string {
  return typeof prompt === 'string' ? prompt : prompt.map((m) => m.content).join('\n');
}

/**
 * Counters for one model × suite, fed item by item. Holds numbers and a few short strings only,
 * so memory stays flat however many items stream through.
 */
export class LiveTask {
  private done = 0;
  private errors = 0;
  private retries = 0;
  private readonly outcomes: Partial<Record<Outcome, number>> = {};
  private sum = 0;
  private sumSquares = 0;
  private scored = 0;
  private binary = true;
  private readonly latencies = new Float64Array(LATENCY_WINDOW);
  private latencyCount = 0;
  private requests = 0;
  private tokens = 0;
  private firstStart = Infinity;
  private lastEnd = -Infinity;
  private readonly recent: SampleRecord[] = [];
  private firstPrompt: string | undefined;
  private finishedAt: number | undefined;
  private finalMetric: TaskSnapshot['metric'];

  constructor(
    readonly model: string,
    readonly suite: string,
    readonly total: number,
    private readonly startedAt: number,
    private primaryMetric: string | undefined,
  ) {}

  addRetry(): void {
    this.retries += 1;
  }

  addSample(sample: SampleRecord): void {
    this.done += 1;
    this.outcomes[sample.outcome] = (this.outcomes[sample.outcome] ?? 0) + 1;
    if (sample.error) this.errors += 1;
    else this.addScore(sample);
    for (const t of sample.timing) {
      this.latencies[this.latencyCount % LATENCY_WINDOW] = t.latency_ms;
      this.latencyCount += 1;
      this.requests += 1;
      this.retries += Math.max(0, t.attempts - 1);
      if (t.started_at < this.firstStart) this.firstStart = t.started_at;
      if (t.ended_at > this.lastEnd) this.lastEnd = t.ended_at;
    }
    this.tokens += sample.usage.completion_tokens ?? 0;
    this.remember(sample);
  }

  private addScore(sample: SampleRecord): void {
    // Without a declared primary metric the first per-item value stands in (e.g. custom suites).
    this.primaryMetric ??= Object.keys(sample.score.values)[0];
    const value = this.primaryMetric === undefined ? undefined : sample.score.values[this.primaryMetric];
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    this.scored += 1;
    this.sum += value;
    this.sumSquares += value * value;
    if (value !== 0 && value !== 1) this.binary = false;
  }

  /** Keeps a reference only: heads are cut when a snapshot is built, not for every item. */
  private remember(sample: SampleRecord): void {
    this.firstPrompt ??= promptText(sample.prompt);
    this.recent.push(sample);
    if (this.recent.length > RECENT_ITEMS) this.recent.shift();
  }

  private recentItems(): RecentItem[] {
    return this.recent.map((sample) => ({
      itemId: sample.item_id,
      promptHead: oneLine(itemPart(promptText(sample.prompt), this.firstPrompt ?? '').slice(0, HEAD_CHARS * 2)).slice(0, HEAD_CHARS),
      outputHead: oneLine(sample.raw_output.slice(0, HEAD_CHARS * 2)).slice(0, HEAD_CHARS),
      outcome: sample.outcome,
      ...(sample.error ? { error: oneLine(sample.error.slice(0, HEAD_CHARS * 2)).slice(0, HEAD_CHARS) } : {}),
    }));
  }

  finish(result: SuiteResult, now: number): void {
    this.finishedAt = now;
    this.primaryMetric = result.primary_metric || this.primaryMetric;
    const m = result.metrics[result.primary_metric];
    if (m && m.value !== null && Number.isFinite(m.value)) this.finalMetric = { value: m.value, ci95: [m.ci95[0] ?? m.value, m.ci95[1] ?? m.value], n: result.n };
  }

  private runningMetric(): TaskSnapshot['metric'] {
    if (this.finalMetric) return this.finalMetric;
    const n = this.scored;
    if (n === 0) return undefined;
    const mean = this.sum / n;
    if (this.binary) return { value: mean, ci95: wilsonInterval(this.sum, n), n };
    const variance = n > 1 ? Math.max(0, (this.sumSquares - n * mean * mean) / (n - 1)) : 0;
    const half = Z95 * Math.sqrt(variance / n);
    return { value: mean, ci95: [mean - half, mean + half], n };
  }

  snapshot(now: number): TaskSnapshot {
    const count = Math.min(this.latencyCount, LATENCY_WINDOW);
    const window = Array.from(this.latencies.subarray(0, count));
    const span = this.requests > 0 ? Math.max(1, this.lastEnd - this.firstStart) / 1000 : 0;
    const metric = this.runningMetric();
    return {
      key: taskKey(this.model, this.suite),
      model: this.model,
      suite: this.suite,
      total: this.total,
      done: this.done,
      errors: this.errors,
      retries: this.retries,
      outcomes: { ...this.outcomes },
      ...(this.primaryMetric ? { primaryMetric: this.primaryMetric } : {}),
      ...(metric ? { metric } : {}),
      requestsPerS: span > 0 ? this.requests / span : 0,
      tokensPerS: span > 0 ? this.tokens / span : 0,
      latencyP50: percentile(window, 50),
      latencyP95: percentile(window, 95),
      elapsedS: ((this.finishedAt ?? now) - this.startedAt) / 1000,
      finished: this.finishedAt !== undefined,
      recent: this.recentItems(),
    };
  }
}

export const taskKey = (model: string, suite: string): string => `${model}\u0000${suite}`;

/**
 * The part of a prompt that belongs to this item: the prefix it shares with the suite's first
 * prompt (instructions, few-shot examples) is skipped, back to a line start so words stay whole.
 */
export function itemPart(prompt: string, reference: string): string {
  if (prompt === reference) return prompt;
  let i = 0;
  while (i < prompt.length && i < reference.length && prompt[i] === reference[i]) i += 1;
  const lineStart = prompt.lastIndexOf('\n', i - 1) + 1;
  return prompt.slice(lineStart);
}
