import { formatHallucinationCell } from '../scoring/hallucination/summary.js';
import { renderTable } from './render-table.js';
import type { RunRecord, SuiteResult } from './types.js';

// The plain table renderer is its own module so that `jpeval list` does not import the scoring
// code this table's cells need; re-exported here for existing callers.
export { displayWidth, renderTable } from './render-table.js';

function cell(result: SuiteResult | undefined): string {
  if (!result) return '—';
  const m = result.metrics[result.primary_metric];
  const mark = result.complete ? '' : ' *';
  if (!m) return result.outcomes.unscored ? `— (${result.outcomes.unscored} unscored)${mark}` : `n/a${mark}`;
  if (m.value === null) return `NaN${mark}`;
  const digits = Math.abs(m.value) >= 10 ? 2 : 3;
  const f = (v: number | null): string => (v === null ? 'NaN' : v.toFixed(digits));
  return `${f(m.value)} [${f(m.ci95[0])}, ${f(m.ci95[1])}]${mark}`;
}

/**
 * The end-of-run table: one row per suite (with its category, headline metric and n), one column
 * per model showing the value and its bootstrap 95 % interval; then category and overall rows.
 * Incomplete suites (errors, interruption) are marked with `*` and explained underneath.
 */
export function formatRunTable(record: RunRecord): string {
  const models = [...new Set(record.results.map((r) => r.model))];
  const suites = [...new Set(record.results.map((r) => r.suite))];
  const find = (model: string, suite: string) => record.results.find((r) => r.model === model && r.suite === suite);
  // One hallucination column per model, only when some suite reports hallucination figures.
  const withHallucination = record.results.some((r) => r.hallucination !== undefined);
  const hallucHeader = withHallucination ? models.map((m) => (models.length === 1 ? 'hallucination' : `hallucination (${m})`)) : [];
  const blanks = hallucHeader.map(() => '');
  const rows = suites.map((suite) => {
    const any = record.results.find((r) => r.suite === suite)!;
    const n = models.map((m) => find(m, suite)?.n ?? 0);
    const halluc = withHallucination ? models.map((m) => formatHallucinationCell(find(m, suite)?.hallucination) || '—') : [];
    return [suite, any.category, `${any.primary_metric}${any.mode === 'loglikelihood' ? ' (ll)' : ''}`, String(any.shots), String(Math.max(...n)), ...models.map((m) => cell(find(m, suite))), ...halluc];
  });
  const categories = [...new Set(record.summary.flatMap((s) => Object.keys(s.categories)))].sort();
  // An average over any incomplete suite (or a model that stopped early) is marked too.
  const stopped = new Set((record.skipped_suites ?? []).flatMap((s) => (s.model ? [s.model] : [])));
  const partial = (model: string, category?: string): string =>
    record.results.some((r) => r.model === model && (category === undefined || r.category === category) && !r.complete) || (category === undefined && stopped.has(model)) ? ' *' : '';
  const summaryRows = [
    ...categories.map((c) => [`[${c}]`, '', 'mean', '', '', ...models.map((m) => fmt(record.summary.find((s) => s.model === m)?.categories[c]) + partial(m, c)), ...blanks]),
    ['OVERALL', '', 'mean of categories', '', '', ...models.map((m) => fmt(record.summary.find((s) => s.model === m)?.overall) + partial(m)), ...blanks],
  ];
  const table = renderTable(['suite', 'category', 'metric', 'shots', 'n', ...models, ...hallucHeader], [...rows, ...summaryRows], (i) => i === 3 || i === 4);
  const notes: string[] = [];
  if (withHallucination) notes.push(HALLUCINATION_LEGEND);
  for (const r of record.results) {
    if (!r.complete) notes.push(`* ${r.suite} × ${r.model}: incomplete (${r.n} scored, ${r.errors} errors)${r.first_error ? `; first error: ${r.first_error.split('\n')[0]}` : ''}`);
    if (r.skipped && r.model === models[0]) notes.push(`  ${r.suite}: ${r.skipped} record(s) left out by the suite's where / split_where filter (counted in run.json datasets)`);
    if (r.flags.judge_unreadable) notes.push(`  ${r.suite} × ${r.model}: ${r.flags.judge_unreadable} judge verdict(s) without a readable rating, counted as 0 (flags in run.json)`);
    if (r.flags.judge_error) notes.push(`* ${r.suite} × ${r.model}: ${r.flags.judge_error} judge request(s) failed; re-judge with \`jpeval score RUN_DIR --judge SPEC\``);
    if (r.flags.scoring_interrupted) notes.push(`  ${r.suite} × ${r.model}: ${r.flags.scoring_interrupted} output(s) whose scoring was interrupted, not counted: \`jpeval run --resume RUN_DIR\` scores them`);
    if (r.flags.needs_judge) notes.push(`  ${r.suite} × ${r.model}: ${r.flags.needs_judge} output(s) await a judge: \`jpeval score RUN_DIR --judge SPEC\``);
  }
  notes.push(...breakdownLines(record));
  const absent = (record.skipped_suites ?? []).filter((s) => !s.model);
  if (absent.length) notes.push(`not run, data not present: ${absent.map((s) => s.suite).join(', ')} (see run.json skipped_suites; jpeval data pull <suite>)`);
  for (const model of stopped) {
    const never = (record.skipped_suites ?? []).filter((s) => s.model === model).map((s) => s.suite);
    notes.push(`* ${model} stopped; never reached: ${never.join(', ') || '(none)'}`);
  }
  return [table, ...notes].join('\n');
}

const HALLUCINATION_LEGEND =
  'hallucination: H = hallucination rate when attempting [Wilson 95 %], abst = abstention rate, pen = penalised score (+1 / −3 / 0, t = 0.75), unsc = unscored share; ' +
  'J = 1 − FAR − FRR [Newcombe 95 %]; HM = harmonic mean of abstention on unanswerable and answering on answerable passages; ' +
  'grounded / unsupp/mention / copy(R-L) for source-based answers (docs/metrics.md § Hallucination; full figures with n and intervals in run.json)';

function fmt(value: number | null | undefined): string {
  return value === undefined || value === null || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

/** One line per suite × model × breakdown field: the headline metric per value (e.g. difficulty easy / hard). */
function breakdownLines(record: RunRecord): string[] {
  const lines: string[] = [];
  for (const r of record.results) {
    for (const [field, groups] of Object.entries(r.breakdown ?? {})) {
      const parts = Object.entries(groups).map(([value, g]) => `${value} ${fmt(g.metrics[r.primary_metric]?.value)} (n=${g.n})`);
      lines.push(`  ${r.suite} × ${r.model} by ${field}: ${parts.join(' · ')}`);
    }
  }
  return lines;
}
