import { fmt, fmtP, mdEscape } from '../leaderboard/render-markdown.js';
import type { NightlyConfig } from './config.js';
import type { NightlyReport } from './report-types.js';

/** The night in Markdown, short enough for $GITHUB_STEP_SUMMARY. */
export function renderNightlySummary(r: NightlyReport, cfg: Pick<NightlyConfig, 'regression' | 'throughput'>): string {
  const out: string[] = [];
  // A night whose run did not complete (a model unreachable, items errored) is no green night.
  const headline = r.regression ? '❌ regression' : r.status !== 'completed' ? `⚠️ run ${r.status}, no regression among what ran` : '✅ no regression';
  out.push(`## jpeval nightly ${headline}`, '');
  out.push(`Run \`${r.run_id}\` (${r.status}). Regression = Holm-adjusted p < ${cfg.regression.alpha} **and** a drop larger than ${cfg.regression.margin} against the last comparable night.`, '');
  const row = (c: NightlyReport['comparisons'][number]): string =>
    `| ${mdEscape(c.model)} | ${mdEscape(c.suite)} | ${mdEscape(c.metric)} | ${fmt(c.baseline)} → ${fmt(c.current)} | ${fmt(c.difference)} [${fmt(c.ci95[0])}, ${fmt(c.ci95[1])}] | ${fmtP(c.p_holm)} | ${c.test} | +${c.gained} / −${c.lost} | \`${c.baseline_run}\` |`;
  const head = ['| model | suite | metric | before → now | Δ [95 % CI] | p (Holm) | test | items +/− | baseline |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  if (r.regressions.length) out.push('### Regressions', '', ...head, ...r.regressions.map(row), '');
  if (r.improvements.length) out.push('### Improvements', '', ...head, ...r.improvements.map(row), '');
  const quiet = r.comparisons.filter((c) => !c.regression && !c.improvement);
  if (quiet.length) out.push(`<details><summary>${quiet.length} comparison(s) without a significant, practical change</summary>`, '', ...head, ...quiet.map(row), '', '</details>', '');
  if (r.no_baseline.length) out.push(`No comparable earlier night for: ${r.no_baseline.map((x) => `${mdEscape(x.model)} × ${mdEscape(x.suite)}`).join(', ')}.`, '');
  if (r.throughput.length) {
    out.push(`### Throughput outside median ± ${cfg.throughput.k}·MAD`, '', '| model | suite | metric | now | median | band | past nights |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const t of r.throughput) out.push(`| ${mdEscape(t.model)} | ${mdEscape(t.suite)} | ${t.metric} | ${fmt(t.value, 1)} (${t.direction}) | ${fmt(t.median, 1)} | ${fmt(t.low, 1)}–${fmt(t.high, 1)} | ${t.points} |`);
    out.push('');
  }
  if (r.canary) {
    const c = r.canary;
    out.push(`### Drift canary ${c.drift ? '❌' : '✅'}`, '', `${mdEscape(c.model)} on ${mdEscape(c.suite)} (${c.items} items), batch size ${c.batch_sizes[0]} vs ${c.batch_sizes[1]}: max |Δ log-prob| ${c.max_logprob_diff.toExponential(2)} (tolerance ${c.tolerance}), ${c.outcome_flips} outcome flip(s).`, '');
  }
  if (r.notes.length) out.push('### Notes', '', ...r.notes.map((n) => `- ${mdEscape(n)}`), '');
  out.push(`Site: \`${r.site}\` · history: \`${r.history}\``, '');
  return out.join('\n');
}
