import type { CollectedEntry } from './collect.js';
import type { ThroughputClass, ThroughputRow } from './types.js';

/**
 * Throughput rows per entry × suite, grouped into classes of equal concurrency, batch size and
 * hardware: requests/s measured at concurrency 8 on one server say nothing about concurrency 1 on
 * another, so only rows of one class are compared (the HTML and Markdown say so).
 */
export function throughputRows(entries: CollectedEntry[]): { rows: ThroughputRow[]; classes: ThroughputClass[] } {
  const classes: ThroughputClass[] = [];
  const classOf = (c: CollectedEntry): number => {
    const { concurrency, batch_size, hardware } = c.entry;
    let k = classes.find((x) => x.concurrency === concurrency && x.batch_size === batch_size && x.hardware === hardware);
    if (!k) classes.push((k = { id: classes.length, concurrency, batch_size, hardware, entries: [] }));
    if (!k.entries.includes(c.entry.id)) k.entries.push(c.entry.id);
    return k.id;
  };
  const rows: ThroughputRow[] = [];
  for (const c of entries) {
    for (const r of c.run.results.filter((x) => x.model === c.entry.model)) {
      const t = r.throughput;
      rows.push({
        entry: c.entry.id,
        suite: r.suite,
        requests: t.requests,
        errors: r.errors,
        retries: t.retries,
        requests_per_s: t.requests_per_s,
        completion_tokens_per_s: t.completion_tokens_per_s,
        output_chars_per_s: t.output_chars_per_s,
        latency_ms: t.latency_ms,
        ttft_ms: t.ttft_ms ?? null,
        throughput_class: classOf(c),
      });
    }
  }
  return { rows, classes };
}
