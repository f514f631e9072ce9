import type { Cell, LeaderboardData, SuiteInfo } from './types.js';

/** Numbers at display precision (leaderboard.json keeps full precision). */
export const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(Math.abs(v) >= 10 ? 2 : digits));
export const fmtP = (p: number): string => (!Number.isFinite(p) ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));
export const rankText = (best: number, worst: number): string => (best === worst ? String(best) : `${best}–${worst}`);

/** Markdown cells must not break the table or inject markup: pipes, newlines and HTML are escaped. */
export const mdEscape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!).replace(/\r?\n/g, ' ');

export function cellText(cell: Cell | undefined, metric?: string): string {
  if (!cell) return '—';
  const m = metric ? cell.metrics[metric] : { value: cell.value, ci95: cell.ci95 };
  if (!m || m.value === null) return '—';
  const mark = cell.complete ? '' : ' *';
  const apart = cell.group > 0 ? ` †${cell.group}` : '';
  return `${fmt(m.value)} [${fmt(m.ci95[0])}, ${fmt(m.ci95[1])}]${mark}${apart}`;
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The whole leaderboard as GitHub-flavoured Markdown (also fit for a CI step summary). */
export function renderMarkdown(d: LeaderboardData): string {
  const label = new Map(d.entries.map((e) => [e.id, mdEscape(e.label)]));
  const cell = (entry: string, suite: string) => d.cells.find((c) => c.entry === entry && c.suite === suite);
  const out: string[] = ['# jpeval leaderboard', '', `Generated ${d.generated_at} by jpeval ${d.jpeval_version} from ${d.runs.length} run(s): ${d.runs.map((r) => r.run_id).join(', ')}.`, ''];

  const rankRow = new Map(d.summary_ranking.map((r) => [r.entry, r]));
  const order = [...d.summary].sort((a, b) => (b.overall ?? -Infinity) - (a.overall ?? -Infinity));
  out.push('## Overall', '', table(['rank', 'model', 'overall', ...d.categories.map(mdEscape)], order.map((s) => {
    const r = rankRow.get(s.entry);
    return [r ? rankText(r.rank_best, r.rank_worst) : 'not ranked', label.get(s.entry)!, fmt(s.overall) + (s.complete ? '' : ' *'), ...d.categories.map((c) => fmt(s.categories[c]))];
  })), '');
  for (const s of d.summary.filter((x) => !x.ranked)) out.push(`- ${label.get(s.entry)} is not ranked: ${mdEscape(s.reason ?? '')}`);
  out.push('');

  const general = d.suites.filter((s) => s.kind === 'general');
  if (general.length) out.push('## Suites (primary metric, 95 % interval)', '', suiteTable(d, general, label, cell), '');
  for (const [kind, title] of [['hallucination', 'Hallucination'], ['industrial', 'Industrial']] as const) {
    const suites = d.suites.filter((s) => s.kind === kind);
    if (!suites.length) continue;
    out.push(`## ${title}`, '');
    for (const s of suites) {
      out.push(`### ${mdEscape(s.name)}`, '', table(['model', ...s.metrics.map((m) => mdEscape(m) + (m === s.primary_metric ? ' (primary)' : ''))], d.entries.filter((e) => cell(e.id, s.name)).map((e) => [label.get(e.id)!, ...s.metrics.map((m) => cellText(cell(e.id, s.name), m))])), '');
    }
  }
  out.push('`*` incomplete (errors or interrupted); `†k` comparability group k of that suite, not ranked with group 0 (see below).', '');

  out.push('## Pairwise comparisons', '', 'Difference of the primary metric (A − B) with its paired 95 % interval; p from the exact McNemar test (binary metrics; Agresti–Min interval) or the paired bootstrap (percentile interval), Holm-corrected within each suite group; items gained / lost.', '');
  for (const g of d.groups) {
    const title = `### ${mdEscape(g.suite)}${g.group > 0 ? ` — group ${g.group} (not comparable with group 0: ${mdEscape(g.reason ?? '')})` : ''}`;
    out.push(title, '');
    if (g.ranking.length) out.push(table(['rank', 'tie group', 'model', 'score'], g.ranking.map((r) => [rankText(r.rank_best, r.rank_worst), String(r.tie_group), label.get(r.entry)!, fmt(r.score)])), '');
    if (g.pairwise.length) {
      out.push(table(['A', 'B', 'A − B', '95 % CI', 'p (Holm)', 'test', 'gained / lost', 'n'], g.pairwise.map((p) => [label.get(p.a)!, label.get(p.b)!, fmt(p.difference), `[${fmt(p.ci95[0])}, ${fmt(p.ci95[1])}]`, `${fmtP(p.p_holm)}${p.p_holm < 0.05 ? ' ✱' : ''}`, p.test, p.test === 'mcnemar' || p.gained + p.lost > 0 ? `${p.gained} / ${p.lost}` : '—', String(p.n)])), '');
    }
  }

  out.push('## Throughput', '', 'Compare speeds only within a class (same concurrency, batch size and hardware).', '');
  out.push(table(['class', 'concurrency', 'batch', 'hardware', 'models'], d.throughput_classes.map((c) => [String(c.id), String(c.concurrency ?? '—'), String(c.batch_size ?? '—'), mdEscape(c.hardware), c.entries.map((e) => label.get(e)!).join(', ')])), '');
  out.push(table(['model', 'suite', 'class', 'req/s', 'tok/s', 'chars/s', 'TTFT p50 ms', 'latency p50 / p95 / p99 ms', 'retries', 'errors'], d.throughput.map((t) => [label.get(t.entry)!, mdEscape(t.suite), String(t.throughput_class), fmt(t.requests_per_s, 2), fmt(t.completion_tokens_per_s, 1), fmt(t.output_chars_per_s, 1), t.ttft_ms ? fmt(t.ttft_ms.p50, 0) : '—', `${fmt(t.latency_ms.p50, 0)} / ${fmt(t.latency_ms.p95, 0)} / ${fmt(t.latency_ms.p99, 0)}`, String(t.retries), String(t.errors)])), '');
  if (d.notes.length) out.push('## Notes', '', ...d.notes.map((n) => `- ${mdEscape(n)}`), '');
  return out.join('\n');
}

function suiteTable(d: LeaderboardData, suites: SuiteInfo[], label: Map<string, string>, cell: (e: string, s: string) => Cell | undefined): string {
  return table(['suite', 'category', 'metric', 'n', ...d.entries.map((e) => label.get(e.id)!)], suites.map((s) => [mdEscape(s.name), mdEscape(s.category), mdEscape(s.primary_metric), String(Math.max(0, ...d.cells.filter((c) => c.suite === s.name).map((c) => c.n))), ...d.entries.map((e) => cellText(cell(e.id, s.name)))]));
}
