import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resumeDifferences } from '../runner/resume.js';
import type { ShardSpec } from '../runner/shard.js';
import { buildSuiteResult, type FinishedItem } from '../runner/suite-result.js';
import { loadAllSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { parseSampleRecord, readRunRecord } from './read.js';
import { timingFromRecord, usageFromRecord } from './records.js';
import { summarize } from './summary.js';
import type { RunRecord, SampleRecord, SuiteResult } from './types.js';
import { writeJsonAtomic } from './writer.js';

/**
 * `jpeval merge SHARD_DIR... --out DIR`: the shards of one run (`--shard i/n`) become one run
 * whose scores and intervals are exactly those of an unsharded run: every shard's samples are
 * copied (under the merged run id) and each suite's result is recomputed from all of them in the
 * same canonical order a single run uses. Refused, with the reason, when the shards are not the
 * n distinct shards of one configuration (same models, suites and versions, data hashes, shots,
 * seed, limit), when one is unfinished, or when two hold the same item.
 */

interface Shard {
  dir: string;
  run: RunRecord;
  shard: ShardSpec;
}

async function readShard(dir: string): Promise<Shard> {
  let run: RunRecord;
  try {
    run = await readRunRecord(dir);
  } catch (err) {
    throw new JpevalError(`${dir}: cannot read run.json (${(err as Error).message})`, { hint: 'give the directories of the shard runs, e.g. results/shards/*' });
  }
  const shard = run.config?.shard as ShardSpec | null | undefined;
  if (!shard) throw new JpevalError(`${dir}: not a shard (the run was not started with --shard i/n or JOB_COMPLETION_INDEX)`);
  if (run.status === 'running') {
    throw new JpevalError(`${dir}: shard ${shard.index}/${shard.count} has not finished (status "running": it is still going or was killed)`, {
      hint: `finish it first: jpeval run --resume ${dir}`,
    });
  }
  return { dir, run, shard };
}

function checkSameRun(shards: Shard[]): void {
  const count = shards[0]!.shard.count;
  const seen = new Map<number, string>();
  for (const s of shards) {
    if (s.shard.count !== count) throw new JpevalError(`${s.dir} is shard ${s.shard.index}/${s.shard.count}, but ${shards[0]!.dir} is one of ${count}`);
    const other = seen.get(s.shard.index);
    if (other) throw new JpevalError(`shard ${s.shard.index}/${count} given twice: ${other} and ${s.dir}`);
    seen.set(s.shard.index, s.dir);
  }
  const missing = [...Array(count).keys()].filter((i) => !seen.has(i));
  if (missing.length) throw new JpevalError(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merge needs all ${count}`);
  const base = shards[0]!;
  const identity = (s: Shard) => ({ config: { ...s.run.config, shard: null }, datasets: s.run.datasets });
  for (const s of shards.slice(1)) {
    const differences = resumeDifferences(identity(base), identity(s)).map((d) => d.replace('run has', `${base.dir} has`).replace('this command has', `${s.dir} has`).replace('this command reads', `${s.dir} reads`).replace('run read', `${base.dir} read`));
    if (differences.length) throw new JpevalError(`${s.dir} is not a shard of the same run as ${base.dir}:\n${differences.map((d) => `  - ${d}`).join('\n')}`);
  }
}

/** The suite definitions behind the results (metrics to recompute), checked against the recorded file hashes. */
async function suitesFor(run: RunRecord): Promise<Map<string, Suite>> {
  const dirs = ((run.config.suites_dirs as string[] | undefined) ?? []).filter((d) => existsSync(d));
  const all = await loadAllSuites(dirs).catch(() => loadAllSuites());
  const wanted = new Map(run.datasets.map((d) => [d.suite, d.suite_file_sha256]));
  return new Map(all.filter((s) => wanted.get(s.name) === s.sha256).map((s) => [s.name, s]));
}

/** When the suite file is not at hand: its metrics as the shards' results name them. */
function suiteFromResults(results: SuiteResult[]): Pick<Suite, 'name' | 'version' | 'category' | 'metrics' | 'primary_metric' | 'breakdown_by'> {
  const r = results[0]!;
  const names = [...new Set(results.flatMap((x) => Object.keys(x.metrics)))];
  const breakdownBy = [...new Set(results.flatMap((x) => Object.keys(x.breakdown ?? {})))];
  // Options of option-taking scorers are not in run.json: the suite file is needed for those.
  return { name: r.suite, version: r.suite_version, category: r.category, metrics: names.map((name) => ({ name, options: {} })), primary_metric: r.primary_metric, breakdown_by: breakdownBy };
}

const key = (model: string, suite: string) => `${model}\u0000${suite}`;

export async function mergeShards(dirs: string[], outDir: string): Promise<RunRecord> {
  if (dirs.length === 0) throw new JpevalError('jpeval merge needs the shard run directories');
  const shards = (await Promise.all(dirs.map((d) => readShard(path.resolve(d))))).sort((a, b) => a.shard.index - b.shard.index);
  checkSameRun(shards);
  const out = path.resolve(outDir);
  if (existsSync(path.join(out, 'run.json'))) throw new JpevalError(`${out} already holds a run`, { hint: 'merge into a new directory' });
  await mkdir(out, { recursive: true });
  const runId = path.basename(out);

  const finished = new Map<string, Map<string, FinishedItem>>();
  const samples = createWriteStream(path.join(out, 'samples.jsonl'));
  const failed = new Promise<never>((_, reject) => samples.on('error', reject));
  failed.catch(() => undefined);
  for (const s of shards) {
    const file = path.join(s.dir, 'samples.jsonl');
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      let sample: SampleRecord;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new JpevalError(`${file}:${line}: not valid JSON`, { hint: `resume the shard (jpeval run --resume ${s.dir}) to repair its samples` });
      }
      sample = parseSampleRecord(json, `${file}:${line}`);
      const k = key(sample.model, sample.suite);
      let items = finished.get(k);
      if (!items) finished.set(k, (items = new Map()));
      if (items.has(sample.item_id)) throw new JpevalError(`${file}:${line}: item ${sample.item_id} of ${sample.suite} is also in another shard (or twice in this one)`);
      items.set(sample.item_id, {
        item_id: sample.item_id,
        ...(sample.outcome === 'error' ? { error: sample.error ?? 'error' } : { score: sample.score }),
        ...(sample.cluster !== undefined ? { cluster: sample.cluster } : {}),
        ...(sample.breakdown !== undefined ? { breakdown: sample.breakdown } : {}),
        timing: sample.timing.map(timingFromRecord),
        usage: usageFromRecord(sample.usage),
        output_chars: sample.output_chars,
      });
      if (!samples.write(`${JSON.stringify({ ...sample, run_id: runId })}\n`)) await Promise.race([new Promise<void>((r) => samples.once('drain', () => r())), failed]);
    }
  }
  await Promise.race([new Promise<void>((resolve, reject) => samples.end((err?: Error | null) => (err ? reject(err) : resolve()))), failed]);

  const base = shards[0]!.run;
  const suites = await suitesFor(base);
  const seed = Number(base.config.seed ?? 1234);
  const results: SuiteResult[] = [];
  for (const first of base.results) {
    const parts = shards.map((s) => s.run.results.find((r) => r.model === first.model && r.suite === first.suite)).filter((r): r is SuiteResult => r !== undefined);
    const items = [...(finished.get(key(first.model, first.suite))?.values() ?? [])];
    const allComplete = parts.length === shards.length && parts.every((r) => r.complete);
    results.push(
      buildSuiteResult(
        {
          suite: suites.get(first.suite) ?? suiteFromResults(parts),
          modelId: first.model,
          mode: first.mode,
          shots: first.shots,
          seed,
          skipped: first.skipped,
          total: items.length,
          stopped: !allComplete,
        },
        items,
      ),
    );
  }
  const { shard: _shard, ...config } = base.config;
  const merged_from = shards.map((s) => ({ run_id: s.run.run_id, dir: s.dir, shard: s.shard, status: s.run.status }));
  const starts = shards.map((s) => Date.parse(s.run.started_at));
  const ends = shards.map((s) => Date.parse(s.run.finished_at ?? s.run.started_at));
  const status: RunRecord['status'] = shards.every((s) => s.run.status === 'completed') ? 'completed' : shards.some((s) => s.run.status === 'interrupted') ? 'interrupted' : 'failed';
  const errors = shards.flatMap((s) => (s.run.error ? [`shard ${s.shard.index}/${s.shard.count}: ${s.run.error}`] : []));
  const record: RunRecord = {
    ...base,
    run_id: runId,
    status,
    complete: status === 'completed' && results.every((r) => r.complete),
    started_at: new Date(Math.min(...starts)).toISOString(),
    finished_at: new Date(Math.max(...ends)).toISOString(),
    duration_s: Math.round((Math.max(...ends) - Math.min(...starts)) / 10) / 100,
    config: { ...config, merged_from },
    config_hash: sha256(stableStringify({ ...config })),
    results,
    summary: summarize(results),
    ...(errors.length ? { error: errors.join('\n') } : {}),
  };
  if (!errors.length) delete record.error;
  await writeJsonAtomic(path.join(out, 'run.json'), record);
  return record;
}
