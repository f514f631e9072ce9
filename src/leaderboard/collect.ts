import { createHash } from 'node:crypto';
import { readRunView, readSampleViews, type RunView, type SampleView } from './results-source.js';
import type { Entry } from './types.js';

/** The per-item numbers of one entry on one suite: all that the paired tests need (no texts). */
export interface ItemValues {
  /** Primary-metric value per item id (null: not applicable / not scored). */
  values: Map<string, number | null>;
  /** Sufficient statistics per item id, for corpus primary metrics. */
  stats: Map<string, number[]>;
  /** sha256 of the sorted item ids: equal item sets compare. */
  itemSetHash: string;
}

export interface CollectedEntry {
  entry: Entry;
  run: RunView;
  perSuite: Map<string, ItemValues>;
}

/** Receives every sample as it streams by (the HTML item browser writes chunks from it). */
export type SampleSink = (entryId: string, sample: SampleView) => void | Promise<void>;

function hardwareOf(run: RunView, model: RunView['models'][number]): string {
  if (model.base_url) return `server ${new URL(model.base_url).host}`;
  const host = run.config.host as { cpu?: string; cores?: number; memory_gb?: number; platform?: string } | undefined;
  if (host && typeof host === 'object') return `${host.platform ?? '?'} ${host.cpu ?? '?'} ×${host.cores ?? '?'} ${host.memory_gb ?? '?'} GB`;
  return 'unrecorded';
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * Reads each run directory (run.json, then samples.jsonl streamed once) into entries and per-item
 * primary values. Only numbers stay in memory; texts go to `sink` and are dropped.
 */
export async function collectRuns(dirs: string[], sink: SampleSink, warn: (m: string) => void): Promise<CollectedEntry[]> {
  const collected: CollectedEntry[] = [];
  const runs: RunView[] = [];
  for (const dir of dirs) runs.push(await readRunView(dir));
  // A model's key in results and samples is its config `name` when it has one, else its spec id
  // (two config entries of one spec differ only by name).
  const keyOf = (m: RunView['models'][number]): string => m.name ?? m.id;
  const modelCount = new Map<string, number>();
  for (const run of runs) for (const m of run.models) modelCount.set(keyOf(m), (modelCount.get(keyOf(m)) ?? 0) + 1);
  // `http://host:port/v1#name` is shown as `name` when no other model shares that name.
  const short = (id: string): string => id.slice(id.lastIndexOf('#') + 1);
  const shortOwners = new Map<string, Set<string>>();
  for (const id of new Set(runs.flatMap((r) => r.models.map((m) => m.id)))) shortOwners.set(short(id), (shortOwners.get(short(id)) ?? new Set()).add(id));
  const display = (id: string): string => (id.includes('#') && shortOwners.get(short(id))!.size === 1 ? short(id) : id);
  for (const run of runs) {
    const byModel = new Map<string, CollectedEntry>();
    for (const m of run.models) {
      const key = keyOf(m);
      if (!run.results.some((r) => r.model === key)) continue;
      const cfg = ((run.config.models as { id?: string; name?: string; concurrency?: number; batch_size?: number }[] | undefined) ?? []).find((c) => (c.id ?? c.name) === key);
      const entry: Entry = {
        id: `e${collected.length}`,
        label: (modelCount.get(key) ?? 0) > 1 ? `${m.name ?? display(m.id)} @ ${run.run_id}` : (m.name ?? display(m.id)),
        model: key,
        run_id: run.run_id,
        started_at: run.started_at,
        backend: m.backend,
        concurrency: num(cfg?.concurrency) ?? num(m.settings.concurrency),
        batch_size: num(cfg?.batch_size) ?? num(m.settings.batch_size),
        hardware: hardwareOf(run, m),
      };
      const c: CollectedEntry = { entry, run, perSuite: new Map() };
      collected.push(c);
      byModel.set(key, c);
    }
    const primary = new Map(run.results.map((r) => [`${r.model}\u0000${r.suite}`, r.primary_metric]));
    for await (const s of readSampleViews(run.dir, warn)) {
      const c = byModel.get(s.model);
      const metric = primary.get(`${s.model}\u0000${s.suite}`);
      if (!c || metric === undefined) continue;
      let iv = c.perSuite.get(s.suite);
      if (!iv) c.perSuite.set(s.suite, (iv = { values: new Map(), stats: new Map(), itemSetHash: '' }));
      // Errored items carry no score: left out of paired tests (their suite is marked incomplete).
      const value = s.outcome === 'error' ? null : metric in s.values ? s.values[metric]! : null;
      iv.values.set(s.item_id, value);
      if (s.stats[metric]) iv.stats.set(s.item_id, s.stats[metric]!);
      await sink(c.entry.id, s);
    }
    for (const c of byModel.values()) {
      for (const iv of c.perSuite.values()) iv.itemSetHash = createHash('sha256').update([...iv.values.keys()].sort().join('\n')).digest('hex');
    }
  }
  return collected;
}
