import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { collectRuns, type CollectedEntry } from '../leaderboard/collect.js';
import { comparabilityKey } from '../leaderboard/comparability.js';
import { writeLeaderboardSite } from '../leaderboard/write-site.js';
import { writeJsonAtomic } from '../results/writer.js';
import { JpevalError } from '../util/errors.js';
import { runCanary } from './canary.js';
import type { NightlyConfig } from './config.js';
import { checkNightlySelections, executeNightlyRun } from './execute.js';
import { appendHistory, HISTORY_SCHEMA, readHistory, type HistoryLine, type HistoryModel } from './history.js';
import { compareWithBaselines, type PairToCompare } from './regressions.js';
import { renderNightlySummary } from './summary.js';
import { throughputDrift } from './throughput-drift.js';
import type { NightlyReport, ThroughputFlag } from './report-types.js';

export type { NightlyReport, ThroughputFlag } from './report-types.js';

const keyHash = (key: unknown): string => createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 24);
const classOf = (c: CollectedEntry): string => `concurrency ${c.entry.concurrency ?? '?'} · batch ${c.entry.batch_size ?? '?'} · ${c.entry.hardware}`;

/**
 * `jpeval nightly`: run the configured models × suites, append the night to the history, compare
 * with the last comparable night (paired tests + Holm + practical margin), check throughput
 * against a rolling median ± k·MAD, run the drift canary, publish the site, write regressions.json
 * and summary.md. The caller decides the exit code from `report.regression`.
 */
export async function runNightly(cfg: NightlyConfig, io: { progress?: NodeJS.WriteStream; warn: (m: string) => void }): Promise<NightlyReport> {
  const notes: string[] = [];
  const warn = (m: string): void => {
    notes.push(m);
    io.warn(m);
  };
  await checkNightlySelections(cfg.file, cfg.suites, cfg.suites_dir ?? [], cfg.canary);
  const history = await readHistory(cfg.history, warn);
  const { record, dir } = await executeNightlyRun({
    models: cfg.models,
    suites: cfg.suites,
    ...(cfg.suites_dir ? { suitesDir: cfg.suites_dir } : {}),
    ...(cfg.data_dir ? { dataDir: cfg.data_dir } : {}),
    ...(cfg.limit !== undefined ? { limit: cfg.limit } : {}),
    ...(cfg.shots !== undefined ? { shots: cfg.shots } : {}),
    seed: cfg.seed,
    outDir: cfg.out,
    ...(io.progress ? { progress: io.progress } : {}),
  });
  if (record.results.length === 0) throw new JpevalError(`nightly run ${record.run_id} produced no results (${record.status})${record.error ? `: ${record.error}` : ''}`);
  if (record.status !== 'completed') warn(`run ${record.run_id} ended ${record.status}${record.error ? `: ${record.error.split('\n')[0]}` : ''}`);

  const [current] = [await collectRuns([dir], () => {}, warn)];
  const baselines = new Map<string, CollectedEntry[]>();
  const loadBaseline = async (runDir: string): Promise<CollectedEntry[]> => {
    if (!baselines.has(runDir)) baselines.set(runDir, await collectRuns([runDir], () => {}, warn));
    return baselines.get(runDir)!;
  };

  const pairs: PairToCompare[] = [];
  const noBaseline: NightlyReport['no_baseline'] = [];
  const drift: ThroughputFlag[] = [];
  const models: HistoryModel[] = [];
  const summary = new Map(record.summary.map((s) => [s.model, s]));
  for (const c of current!) {
    const hm: HistoryModel = { model: c.entry.model, overall: Number.isFinite(summary.get(c.entry.model)?.overall) ? summary.get(c.entry.model)!.overall : null, complete: summary.get(c.entry.model)?.complete ?? false, throughput_class: classOf(c), suites: {} };
    models.push(hm);
    for (const r of c.run.results.filter((x) => x.model === c.entry.model)) {
      const key = keyHash(comparabilityKey(c, r.suite));
      const value = r.metrics[r.primary_metric]?.value ?? null;
      const t = r.throughput;
      hm.suites[r.suite] = { metric: r.primary_metric, value, n: r.n, complete: r.complete, key, throughput: { requests_per_s: t.requests_per_s, completion_tokens_per_s: t.completion_tokens_per_s, output_chars_per_s: t.output_chars_per_s, latency_p50_ms: t.latency_ms.p50, latency_p95_ms: t.latency_ms.p95 } };

      // The last comparable night whose samples are still on disk.
      const earlier = [...history.lines].reverse().filter((l) => l.models.some((m) => m.model === c.entry.model && m.suites[r.suite]?.key === key));
      const base = earlier.find((l) => existsSync(path.join(l.run_dir, 'samples.jsonl')));
      if (earlier.length && !base) warn(`${c.entry.model} × ${r.suite}: comparable nights exist but their samples are gone (${earlier[0]!.run_dir}); no paired test`);
      if (!base) noBaseline.push({ model: c.entry.model, suite: r.suite });
      else {
        const be = (await loadBaseline(base.run_dir)).find((x) => x.entry.model === c.entry.model);
        const items = be?.perSuite.get(r.suite);
        if (be && items) {
          pairs.push({ model: c.entry.model, suite: r.suite, metric: r.primary_metric, currentRun: record.run_id, baselineRun: base.run_id, current: { value, items: c.perSuite.get(r.suite)! }, baseline: { value: base.models.find((m) => m.model === c.entry.model)!.suites[r.suite]!.value, items } });
        }
      }

      // Throughput: past nights with the same items and the same throughput class.
      const past = [...history.lines]
        .reverse()
        .flatMap((l) => {
          const m = l.models.find((x) => x.model === c.entry.model && x.throughput_class === hm.throughput_class);
          const s = m?.suites[r.suite];
          return s && s.key === key ? [s.throughput[cfg.throughput.metric as keyof typeof s.throughput]] : [];
        })
        .slice(0, cfg.throughput.window);
      if (past.length >= cfg.throughput.min_history) {
        const check = throughputDrift(t[cfg.throughput.metric], past, cfg.throughput.k);
        if (check.direction) drift.push({ model: c.entry.model, suite: r.suite, metric: cfg.throughput.metric, ...check });
      }
    }
  }
  const comparisons = compareWithBaselines(pairs, { alpha: cfg.regression.alpha, margin: cfg.regression.margin, lower_is_better: cfg.regression.lower_is_better, seed: cfg.seed });

  const line: HistoryLine = { schema: HISTORY_SCHEMA, run_id: record.run_id, started_at: record.started_at, run_dir: path.resolve(dir), status: record.status, models };
  await mkdir(path.dirname(cfg.history), { recursive: true });
  await appendHistory(cfg.history, line);

  const canary = cfg.canary ? await runCanary(cfg.canary, cfg.out, cfg.seed, { ...(cfg.suites_dir ? { suitesDir: cfg.suites_dir } : {}), ...(cfg.data_dir ? { dataDir: cfg.data_dir } : {}) }) : undefined;
  const updated = await readHistory(cfg.history);
  await writeLeaderboardSite([dir], cfg.site, { seed: cfg.seed, history: updated.points, warn });

  const regressions = comparisons.filter((x) => x.regression);
  const report: NightlyReport = {
    schema: 'jpeval-regressions/1',
    run_id: record.run_id,
    run_dir: path.resolve(dir),
    started_at: record.started_at,
    status: record.status,
    regression: regressions.length > 0 || (canary?.drift ?? false) || (cfg.throughput.fail && drift.some((d) => d.direction === 'slower')),
    regressions,
    improvements: comparisons.filter((x) => x.improvement),
    comparisons,
    no_baseline: noBaseline,
    throughput: drift,
    ...(canary ? { canary } : {}),
    site: cfg.site,
    history: cfg.history,
    notes,
  };
  await mkdir(cfg.reportDir, { recursive: true });
  await writeJsonAtomic(path.join(cfg.reportDir, 'regressions.json'), report);
  const markdown = renderNightlySummary(report, cfg);
  await writeFile(path.join(cfg.reportDir, 'summary.md'), markdown);
  return report;
}
