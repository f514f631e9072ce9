import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DatasetProvenance, RunRecord, SampleRecord } from '../results/types.js';
import { errorMessage, JpevalError } from '../util/errors.js';
import { readRunRecord, RUN_FILE } from '../results/read.js';
import { stableStringify } from '../util/hash.js';
import { SCORING_INTERRUPTED, timingFromRecord, usageFromRecord } from '../results/records.js';
import type { Inference } from './execute-item.js';

/**
 * `jpeval run --resume RUN_DIR`: what a killed run already finished, and whether this command may
 * continue it. A run may be killed at any moment (kill -9, OOM, a preempted node), so
 * samples.jsonl may end in a torn line; that line is dropped. Items that errored are dropped too
 * (they are retried), and so is any second line for an item, so the finished run has every item
 * exactly once. Outputs whose scoring Ctrl-C cut short are dropped from the file and handed to the
 * runner to be scored (not generated) again. The file is rewritten (atomically) only when
 * something was dropped.
 */

/** What a resumed run keeps of a finished item: what its suite result is computed from. */
export type PriorSample = Pick<SampleRecord, 'item_id' | 'score' | 'outcome' | 'timing' | 'usage' | 'output_chars' | 'cache'>;

export const resumeKey = (model: string, suite: string): string => `${model}\u0000${suite}`;

export interface ResumeState {
  /** Finished items per (model, suite), by item id. */
  done: Map<string, Map<string, PriorSample>>;
  /** Generated outputs still to be scored, per (model, suite), by item id. */
  unscored: Map<string, Map<string, Inference>>;
  kept: number;
  dropped: { torn: number; errors: number; duplicates: number; unreadable: number; scoring_interrupted?: number };
}

/** An output saved by an interrupted run, as the runner's inference (used in generate mode; log-likelihood items are run again). */
function savedInference(sample: SampleRecord): Inference {
  return { raw: sample.raw_output, timing: sample.timing.map(timingFromRecord), usage: usageFromRecord(sample.usage), ...(sample.cache ? { cache: sample.cache } : {}) };
}

async function endsWithNewline(file: string): Promise<boolean> {
  const size = (await stat(file)).size;
  if (size === 0) return true;
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

function prior(sample: SampleRecord): PriorSample {
  return {
    item_id: sample.item_id,
    score: sample.score,
    outcome: sample.outcome,
    timing: sample.timing,
    usage: sample.usage,
    output_chars: sample.output_chars,
    ...(sample.cache ? { cache: sample.cache } : {}),
  };
}

/**
 * Reads samples.jsonl of a run being resumed, streaming (only scores and timings are kept), and
 * rewrites it without the dropped lines when there are any.
 */
export async function loadResumeState(samplesFile: string): Promise<ResumeState> {
  const done = new Map<string, Map<string, PriorSample>>();
  const unscored = new Map<string, Map<string, Inference>>();
  const dropped = { torn: 0, errors: 0, duplicates: 0, unreadable: 0, scoring_interrupted: 0 };
  let kept = 0;
  const complete = await endsWithNewline(samplesFile).catch(() => true);
  const tmp = `${samplesFile}.${process.pid}.resume.tmp`;
  const out = createWriteStream(tmp);
  const take = (line: string, last: boolean): void => {
    if (line.trim() === '') return;
    let sample: SampleRecord;
    try {
      sample = JSON.parse(line) as SampleRecord;
    } catch {
      // Only the last line can be torn by a kill; anything else unreadable is counted apart.
      if (last && !complete) dropped.torn += 1;
      else dropped.unreadable += 1;
      return;
    }
    if (typeof sample?.item_id !== 'string' || typeof sample.suite !== 'string' || typeof sample.model !== 'string' || !sample.score) {
      dropped.unreadable += 1;
      return;
    }
    if (sample.outcome === 'error') {
      dropped.errors += 1;
      return;
    }
    const key = resumeKey(sample.model, sample.suite);
    if (sample.score.flags?.includes(SCORING_INTERRUPTED)) {
      dropped.scoring_interrupted += 1;
      let pending = unscored.get(key);
      if (!pending) unscored.set(key, (pending = new Map()));
      pending.set(sample.item_id, savedInference(sample));
      return;
    }
    let items = done.get(key);
    if (!items) done.set(key, (items = new Map()));
    if (items.has(sample.item_id)) {
      dropped.duplicates += 1;
      return;
    }
    items.set(sample.item_id, prior(sample));
    out.write(`${line}\n`);
    kept += 1;
  };
  let previous: string | undefined;
  try {
    for await (const line of createInterface({ input: createReadStream(samplesFile, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      if (previous !== undefined) take(previous, false);
      previous = line;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (previous !== undefined) take(previous, true);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  if (dropped.torn + dropped.errors + dropped.duplicates + dropped.unreadable + dropped.scoring_interrupted > 0 || !complete) await rename(tmp, samplesFile);
  else await rm(tmp, { force: true });
  // An item finished after all (a later line) is not scored twice.
  for (const [key, pending] of unscored) for (const id of pending.keys()) if (done.get(key)?.has(id)) pending.delete(id);
  const { scoring_interrupted, ...always } = dropped;
  return { done, unscored, kept, dropped: scoring_interrupted > 0 ? dropped : always };
}

/** The settings of a run that decide its scores; a resume must match them exactly. */
export interface ResumeIdentity {
  config: Record<string, unknown>;
  datasets: DatasetProvenance[];
}

/** Config fields that change which items run or how they are scored (not how fast). */
const COMPARED_CONFIG = ['suites', 'split', 'limit', 'shots', 'seed', 'gen_count', 'mc_mode', 'shard'] as const;
/** Per-model settings that only change speed, not answers. */
const SPEED_ONLY = new Set(['concurrency', 'timeout_ms', 'max_retries', 'threads', 'spin', 'endpoints', 'api_key_envs', 'api_key_env']);

const show = (v: unknown): string => (v === undefined ? '(not set)' : JSON.stringify(v));

/** Every setting in which `current` differs from the run being resumed, named (empty: may resume). */
export function resumeDifferences(previous: ResumeIdentity, current: ResumeIdentity): string[] {
  const out: string[] = [];
  const answerSettings = (m: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(m).filter(([k]) => !SPEED_ONLY.has(k)).map(([k, v]) => [k, k === 'settings' ? withoutSpeed(v) : v]));
  const modelsOf = (config: Record<string, unknown>) => ((config.models as Record<string, unknown>[] | undefined) ?? []).map(answerSettings);
  const rolesOf = (config: Record<string, unknown>) =>
    Object.fromEntries(Object.entries((config.roles as Record<string, Record<string, unknown>> | undefined) ?? {}).map(([role, m]) => [role, answerSettings(m)]));
  const before = modelsOf(previous.config);
  const now = modelsOf(current.config);
  // Results are keyed by the model's name (config `name`, else the spec id; v1 records: `id`).
  const ids = (ms: Record<string, unknown>[]) => ms.map((m) => m.name ?? m.id);
  if (stableStringify(ids(before)) !== stableStringify(ids(now))) out.push(`model: run has ${show(ids(before))}, this command has ${show(ids(now))}`);
  else {
    before.forEach((m, i) => {
      for (const key of new Set([...Object.keys(m), ...Object.keys(now[i]!)])) {
        if (stableStringify(m[key]) !== stableStringify(now[i]![key])) out.push(`model ${String(m.name ?? m.id)} ${key}: run has ${show(m[key])}, this command has ${show(now[i]![key])}`);
      }
    });
  }
  const [rolesBefore, rolesNow] = [rolesOf(previous.config), rolesOf(current.config)];
  if (stableStringify(rolesBefore) !== stableStringify(rolesNow)) out.push(`grader roles: run has ${show(rolesBefore)}, this command has ${show(rolesNow)}`);
  for (const key of COMPARED_CONFIG) {
    const a = previous.config[key] ?? null;
    const b = current.config[key] ?? null;
    if (stableStringify(a) !== stableStringify(b)) out.push(`${key === 'suites' ? 'suites (name@version)' : key}: run has ${show(a)}, this command has ${show(b)}`);
  }
  const byName = new Map(previous.datasets.map((d) => [d.suite, d]));
  for (const d of current.datasets) {
    const p = byName.get(d.suite);
    if (!p) continue; // a suite difference is reported above
    if (p.suite_file_sha256 !== d.suite_file_sha256) out.push(`suite ${d.suite}: the suite file changed (sha256 ${p.suite_file_sha256.slice(0, 12)}… → ${d.suite_file_sha256.slice(0, 12)}…)`);
    const files = (fs: DatasetProvenance['files'] | undefined) => (fs ? fs.map((f) => `${f.path}@${f.sha256.slice(0, 12)}`) : undefined);
    const hashes = (fs: DatasetProvenance['files'] | undefined) => stableStringify(fs?.map((f) => f.sha256) ?? null);
    if (p.split !== d.split || hashes(p.files) !== hashes(d.files)) {
      out.push(`dataset of ${d.suite}: run read ${show(files(p.files))}${p.split !== d.split ? ` (split ${p.split})` : ''}, this command reads ${show(files(d.files))}${p.split !== d.split ? ` (split ${d.split})` : ''}`);
    }
    // Few-shot examples (their own split, or held out of the test file): name them apart, or two equal file lists are shown.
    if (hashes(p.fewshot?.files) !== hashes(d.fewshot?.files)) {
      out.push(`few-shot examples of ${d.suite}: run read ${show(files(p.fewshot?.files))}, this command reads ${show(files(d.fewshot?.files))}`);
    }
  }
  return out;
}

function withoutSpeed(settings: unknown): unknown {
  if (settings === null || typeof settings !== 'object') return settings;
  return Object.fromEntries(Object.entries(settings as Record<string, unknown>).filter(([k]) => !SPEED_ONLY.has(k)));
}

export function refuseResume(dir: string, differences: string[]): JpevalError {
  return new JpevalError(`cannot resume ${dir}: this command's settings differ from the run's:\n${differences.map((d) => `  - ${d}`).join('\n')}`, {
    hint: 'resume with the original settings (`jpeval run --resume DIR` alone takes them from run.json), or start a new run',
  });
}

/** The run record of a run directory, for resuming (a missing or unreadable run.json is an error naming it). */
export async function readRunForResume(dir: string): Promise<RunRecord> {
  if (!existsSync(path.join(dir, RUN_FILE))) {
    throw new JpevalError(`cannot resume ${dir}: no run.json there`, { hint: 'give the directory of one run (results/<run id>), as printed when it started' });
  }
  try {
    return await readRunRecord(dir);
  } catch (err) {
    throw new JpevalError(`cannot resume ${dir}: ${errorMessage(err)}`);
  }
}
