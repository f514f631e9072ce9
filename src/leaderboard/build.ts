import { metrics } from '../scoring/metrics/index.js';
import { categoryGroup } from '../suites/categories.js';
import { jpevalVersion } from '../util/provenance.js';
import { collectRuns, type CollectedEntry, type SampleSink } from './collect.js';
import { groupByComparability } from './comparability.js';
import { compareGroup } from './pairwise.js';
import { throughputRows } from './throughput.js';
import { LEADERBOARD_SCHEMA, type Cell, type HistoryPoint, type LeaderboardData, type SuiteGroup, type SuiteInfo, type SuiteKind, type SummaryRow } from './types.js';
import { overallComparisons } from './overall.js';

export interface BuildOptions {
  sink?: SampleSink;
  history?: HistoryPoint[];
  seed?: number;
  warn?: (message: string) => void;
}

/** Hallucination and industrial suites get their own columns (by name prefix or category). */
export function suiteKind(name: string, category: string): SuiteKind {
  if (/^halluc/i.test(name) || /halluc/i.test(category)) return 'hallucination';
  if (/^ind-/i.test(name) || /^ind(ustrial)?$/i.test(category)) return 'industrial';
  return 'general';
}

/** A value on a 0–1 scale for averaging: metrics whose range tops at 100 (BLEU) are divided by 100. */
export function headline(metricName: string, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const range = metrics.has(metricName) ? metrics.get(metricName).range : undefined;
  return range?.[1] === 100 ? value / 100 : value;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Builds leaderboard.json from run directories: cells, comparability groups with pairwise tests,
 * category/overall summaries (ranked only over entries whose every suite is in its main group),
 * throughput with comparability classes, and history when given.
 */
export async function buildLeaderboard(dirs: string[], opts: BuildOptions = {}): Promise<LeaderboardData> {
  const notes: string[] = [];
  const warn = (m: string): void => {
    notes.push(m);
    opts.warn?.(m);
  };
  const seed = opts.seed ?? 1234;
  const collected = await collectRuns(dirs, opts.sink ?? (() => {}), warn);
  const suiteNames: string[] = [];
  const suites: SuiteInfo[] = [];
  for (const c of collected) {
    for (const r of c.run.results) {
      if (r.model !== c.entry.model) continue;
      let info = suites.find((s) => s.name === r.suite);
      if (!info) {
        suites.push((info = { name: r.suite, category: r.category, kind: suiteKind(r.suite, r.category), primary_metric: r.primary_metric, metrics: [r.primary_metric] }));
        suiteNames.push(r.suite);
      }
      for (const m of Object.keys(r.metrics)) if (!info.metrics.includes(m)) info.metrics.push(m);
    }
  }
  suites.sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));

  const cells: Cell[] = [];
  const groups: SuiteGroup[] = [];
  const outsideMain = new Map<string, Outside[]>();
  for (const suite of suites) {
    const keyGroups = groupByComparability(collected, suite.name);
    keyGroups.forEach((g, gi) => {
      const members = g.members.map((c) => {
        const r = c.run.results.find((x) => x.model === c.entry.model && x.suite === suite.name)!;
        const m = r.metrics[r.primary_metric];
        cells.push({
          entry: c.entry.id,
          suite: suite.name,
          group: gi,
          value: m?.value ?? null,
          ci95: m?.ci95 ?? [null, null],
          n: r.n,
          errors: r.errors,
          complete: r.complete,
          metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, { value: v.value, ci95: v.ci95 }])),
          outcomes: r.outcomes,
        });
        if (gi > 0) outsideMain.set(c.entry.id, [...(outsideMain.get(c.entry.id) ?? []), { suite: suite.name, reason: g.reason ?? 'not comparable' }]);
        return { id: c.entry.id, items: c.perSuite.get(suite.name) ?? { values: new Map(), stats: new Map(), itemSetHash: '' }, score: m?.value ?? null };
      });
      const { pairwise, ranking } = compareGroup(members, suite.primary_metric, seed);
      groups.push({ suite: suite.name, group: gi, key: g.key as unknown as Record<string, unknown>, entries: members.map((m) => m.id), ...(g.reason ? { reason: g.reason } : {}), ranking, pairwise });
    });
  }

  const categories = [...new Set(suites.map((s) => s.category))].sort();
  const summary: SummaryRow[] = collected.map((c) => summaryRow(c, cells, suites, outsideMain.get(c.entry.id)));
  // Overall ranks: entries that ran the same suites, all in their main groups; the bounds come from
  // score order only (there is no paired test of an average of different metrics).
  const suiteSets = new Map<string, string[]>();
  for (const row of summary) {
    if (!row.ranked || row.overall === null) continue;
    const set = cells.filter((c) => c.entry === row.entry).map((c) => c.suite).sort().join(',');
    suiteSets.set(set, [...(suiteSets.get(set) ?? []), row.entry]);
  }
  const mainSet = [...suiteSets.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  for (const row of summary) {
    if (row.ranked && mainSet && !mainSet[1].includes(row.entry)) {
      row.ranked = false;
      row.reason = 'ran a different set of suites';
    }
  }
  // Overall rank bounds: a stratified paired bootstrap of the overall score (see overall.ts).
  const rankedMembers = collected.filter((c) => summary.find((r) => r.entry === c.entry.id)?.ranked).map((c) => ({ id: c.entry.id, perSuite: c.perSuite }));
  const overall = overallComparisons(rankedMembers, suites.filter((s) => cells.some((c) => c.suite === s.name && rankedMembers.some((m) => m.id === c.entry))), seed);

  const { rows, classes } = throughputRows(collected);
  if (classes.length > 1) notes.push(`throughput: ${classes.length} classes of concurrency / batch size / hardware; compare speeds only within a class`);
  return {
    schema: LEADERBOARD_SCHEMA,
    generated_at: new Date().toISOString(),
    jpeval_version: jpevalVersion(),
    runs: [...new Map(collected.map((c) => [c.run.run_id, { run_id: c.run.run_id, dir: c.run.dir, started_at: c.run.started_at, status: c.run.status }])).values()],
    entries: collected.map((c) => c.entry),
    suites,
    categories,
    cells,
    groups,
    summary,
    summary_ranking: overall.ranking,
    summary_pairwise: overall.pairwise,
    throughput: rows,
    throughput_classes: classes,
    history: opts.history ?? [],
    item_chunks: {},
    notes,
  };
}

type Outside = { suite: string; reason: string };

/** "not comparable on ja-a, ja-b: choice mode …; on ja-c: shots 3 vs 0" — one clause per distinct reason. */
function describeOutside(outside: Outside[]): string {
  const byReason = new Map<string, string[]>();
  for (const o of outside) byReason.set(o.reason, [...(byReason.get(o.reason) ?? []), o.suite]);
  return `not comparable on ${[...byReason].map(([reason, suites]) => `${suites.join(', ')}: ${reason}`).join('; on ')}`;
}

function summaryRow(c: CollectedEntry, cells: Cell[], suites: SuiteInfo[], outside: Outside[] | undefined): SummaryRow {
  const byCategory = new Map<string, { score: number; n: number }[]>();
  let complete = true;
  for (const cell of cells.filter((x) => x.entry === c.entry.id)) {
    const info = suites.find((s) => s.name === cell.suite)!;
    complete &&= cell.complete;
    const v = headline(info.primary_metric, cell.value);
    if (v !== null) byCategory.set(info.category, [...(byCategory.get(info.category) ?? []), { score: v, n: cell.n }]);
  }
  // As a run's own summary (results/summary.ts): each category averages as declared in
  // suites/_categories.yaml, and OVERALL takes only the categories that count toward it.
  const categories: Record<string, number> = {};
  const values: number[] = [];
  for (const [cat, scores] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    const group = categoryGroup(cat);
    const total = scores.reduce((s, x) => s + x.n, 0);
    categories[cat] = group.average === 'weighted' && total > 0 ? scores.reduce((s, x) => s + x.score * x.n, 0) / total : mean(scores.map((x) => x.score));
    if (group.overall) values.push(categories[cat]);
  }
  return {
    entry: c.entry.id,
    categories,
    overall: values.length ? mean(values) : null,
    complete,
    ranked: !outside,
    ...(outside ? { reason: describeOutside(outside) } : {}),
  };
}
