import type { RunRecord, SuiteResult } from './types.js';

/** Display width: CJK and other wide characters take two terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

export function renderTable(header: string[], rows: string[][], rightAligned: (col: number) => boolean = () => false): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, rightAligned(i))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

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
  const rows = suites.map((suite) => {
    const any = record.results.find((r) => r.suite === suite)!;
    const n = models.map((m) => find(m, suite)?.n ?? 0);
    return [suite, any.category, `${any.primary_metric}${any.mode === 'loglikelihood' ? ' (ll)' : ''}`, String(any.shots), String(Math.max(...n)), ...models.map((m) => cell(find(m, suite)))];
  });
  const categories = [...new Set(record.summary.flatMap((s) => Object.keys(s.categories)))].sort();
  // An average over any incomplete suite (or a model that stopped early) is marked too.
  const stopped = new Set((record.skipped_suites ?? []).flatMap((s) => (s.model ? [s.model] : [])));
  const partial = (model: string, category?: string): string =>
    record.results.some((r) => r.model === model && (category === undefined || r.category === category) && !r.complete) || (category === undefined && stopped.has(model)) ? ' *' : '';
  const summaryRows = [
    ...categories.map((c) => [`[${c}]`, '', 'mean', '', '', ...models.map((m) => fmt(record.summary.find((s) => s.model === m)?.categories[c]) + partial(m, c))]),
    ['OVERALL', '', 'mean of categories', '', '', ...models.map((m) => fmt(record.summary.find((s) => s.model === m)?.overall) + partial(m))],
  ];
  const table = renderTable(['suite', 'category', 'metric', 'shots', 'n', ...models], [...rows, ...summaryRows], (i) => i === 3 || i === 4);
  const notes: string[] = [];
  for (const r of record.results) {
    if (!r.complete) notes.push(`* ${r.suite} × ${r.model}: incomplete (${r.n} scored, ${r.errors} errors)${r.first_error ? `; first error: ${r.first_error.split('\n')[0]}` : ''}`);
    if (r.skipped && r.model === models[0]) notes.push(`  ${r.suite}: ${r.skipped} record(s) left out by the suite's where / split_where filter (counted in run.json datasets)`);
    if (r.flags.judge_unreadable) notes.push(`  ${r.suite} × ${r.model}: ${r.flags.judge_unreadable} judge verdict(s) without a readable rating, counted as 0 (flags in run.json)`);
    if (r.flags.judge_error) notes.push(`* ${r.suite} × ${r.model}: ${r.flags.judge_error} judge request(s) failed; re-judge with \`jpeval score RUN_DIR --judge SPEC\``);
    if (r.flags.needs_judge) notes.push(`  ${r.suite} × ${r.model}: ${r.flags.needs_judge} output(s) await a judge: \`jpeval score RUN_DIR --judge SPEC\``);
  }
  const absent = (record.skipped_suites ?? []).filter((s) => !s.model);
  if (absent.length) notes.push(`not run, data not present: ${absent.map((s) => s.suite).join(', ')} (see run.json skipped_suites; jpeval data pull <suite>)`);
  for (const model of stopped) {
    const never = (record.skipped_suites ?? []).filter((s) => s.model === model).map((s) => s.suite);
    notes.push(`* ${model} stopped; never reached: ${never.join(', ') || '(none)'}`);
  }
  return [table, ...notes].join('\n');
}

function fmt(value: number | null | undefined): string {
  return value === undefined || value === null || !Number.isFinite(value) ? '—' : value.toFixed(3);
}
