import type { RequestTiming } from '../models/types.js';
import type { ThroughputSummary } from '../results/types.js';

/** Nearest-rank percentile of an unsorted list (0 for an empty list). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Accumulates request timings for one (model, suite). Holds only numbers, not samples, so memory
 * stays flat however long the run.
 */
export class ThroughputMeter {
  private readonly latencies: number[] = [];
  private readonly ttfts: number[] = [];
  private firstStart = Infinity;
  private lastEnd = -Infinity;
  private promptTokens = 0;
  private completionTokens = 0;
  private outputChars = 0;
  private retries = 0;
  private cacheHits = 0;

  add(timings: RequestTiming[], usage: { promptTokens?: number; completionTokens?: number }, outputChars: number): void {
    for (const t of timings) {
      // 0 attempts = answered from the response cache: no request, so no latency to report.
      if (t.attempts === 0) {
        this.cacheHits += 1;
        continue;
      }
      this.latencies.push(t.latencyMs);
      if (t.ttftMs !== undefined) this.ttfts.push(t.ttftMs);
      this.firstStart = Math.min(this.firstStart, t.startedAt);
      this.lastEnd = Math.max(this.lastEnd, t.endedAt);
      this.retries += Math.max(0, t.attempts - 1);
    }
    this.promptTokens += usage.promptTokens ?? 0;
    this.completionTokens += usage.completionTokens ?? 0;
    this.outputChars += outputChars;
  }

  summary(): ThroughputSummary {
    const seconds = this.latencies.length ? Math.max(0, this.lastEnd - this.firstStart) / 1000 : 0;
    const per = (x: number): number => (seconds > 0 ? round(x / seconds) : 0);
    const pcts = (xs: number[]) => ({ p50: round(percentile(xs, 50), 1), p95: round(percentile(xs, 95), 1), p99: round(percentile(xs, 99), 1) });
    const summary: ThroughputSummary = {
      requests: this.latencies.length,
      seconds: round(seconds),
      requests_per_s: per(this.latencies.length),
      prompt_tokens: this.promptTokens,
      completion_tokens: this.completionTokens,
      completion_tokens_per_s: per(this.completionTokens),
      output_chars_per_s: per(this.outputChars),
      latency_ms: pcts(this.latencies),
      retries: this.retries,
    };
    if (this.ttfts.length) summary.ttft_ms = pcts(this.ttfts);
    if (this.cacheHits) summary.cache_hits = this.cacheHits;
    return summary;
  }
}
