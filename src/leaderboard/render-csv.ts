import type { LeaderboardData } from './types.js';

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v !== 'number') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per entry × suite × metric, full precision, with throughput and ranking columns. */
export function renderCsv(d: LeaderboardData): string {
  const header = ['model', 'run_id', 'suite', 'category', 'kind', 'metric', 'primary', 'value', 'ci95_low', 'ci95_high', 'n', 'errors', 'complete', 'comparability_group', 'rank_best', 'rank_worst', 'tie_group', 'requests_per_s', 'completion_tokens_per_s', 'output_chars_per_s', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'ttft_p50_ms', 'retries', 'throughput_class'];
  const rows: unknown[][] = [];
  for (const c of d.cells) {
    const e = d.entries.find((x) => x.id === c.entry)!;
    const s = d.suites.find((x) => x.name === c.suite)!;
    const rank = d.groups.find((g) => g.suite === c.suite && g.group === c.group)?.ranking.find((r) => r.entry === c.entry);
    const t = d.throughput.find((x) => x.entry === c.entry && x.suite === c.suite);
    for (const [metric, m] of Object.entries(c.metrics)) {
      rows.push([e.label, e.run_id, s.name, s.category, s.kind, metric, metric === s.primary_metric, m.value, m.ci95[0], m.ci95[1], c.n, c.errors, c.complete, c.group, rank?.rank_best, rank?.rank_worst, rank?.tie_group, t?.requests_per_s, t?.completion_tokens_per_s, t?.output_chars_per_s, t?.latency_ms.p50, t?.latency_ms.p95, t?.latency_ms.p99, t?.ttft_ms?.p50, t?.retries, t?.throughput_class]);
    }
  }
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
