import path from 'node:path';
import type { ConfigModel } from '../config/config-file.js';
import { parseModelSpec } from '../models/spec.js';
import type { RunRecord } from '../results/types.js';

/**
 * `jpeval run --resume RUN_DIR`: settings the command line does not give are taken from the
 * run's run.json, so `--resume DIR` alone continues a run exactly as it was started, and the
 * original command with `--resume` added works too (the runner then refuses any difference).
 */

export interface ResumableFlags {
  model?: string[];
  suite?: string[];
  suitesDir?: string[];
  dataDir?: string;
  split?: string;
  limit?: number;
  shots?: number;
  seed?: number;
  genCount?: number;
  mcMode?: 'suite' | 'generate' | 'loglikelihood';
  judge?: string;
  role?: string[];
  shard?: string;
  config?: string;
}

/** A model (or grader) as run.json's config records it (config/effective.ts describeModel). */
type RecordedModel = {
  name?: string;
  spec?: string;
  /** Results schema v1 recorded the spec id as `id`. */
  id?: string;
  concurrency?: number;
  batch_size?: number;
  timeout_ms?: number;
  max_retries?: number;
  api_key_env?: string | null;
  settings?: Record<string, unknown>;
  endpoints?: { url: string; concurrency: number | null; api_key_env: string | null }[];
  api_key_envs?: string[];
};

/** A recorded model as a config file entry would give it (same name, spec and per-model settings). */
function asConfigModel(m: RecordedModel): ConfigModel {
  const spec = m.spec ?? m.id ?? 'default';
  return {
    spec,
    modelSpec: parseModelSpec(spec),
    name: m.name ?? spec,
    settings: m.settings ?? {},
    ...(m.concurrency !== undefined ? { concurrency: m.concurrency } : {}),
    ...(m.batch_size !== undefined ? { batchSize: m.batch_size } : {}),
    ...(m.timeout_ms !== undefined ? { timeoutMs: m.timeout_ms } : {}),
    ...(m.max_retries !== undefined ? { maxRetries: m.max_retries } : {}),
    ...(m.api_key_env ? { apiKeyEnv: m.api_key_env } : {}),
    ...(m.endpoints
      ? { endpoints: m.endpoints.map((e) => ({ url: e.url, ...(e.concurrency !== null ? { concurrency: e.concurrency } : {}), ...(e.api_key_env ? { apiKeyEnv: e.api_key_env } : {}) })) }
      : {}),
    ...(m.api_key_envs ? { apiKeyEnvs: m.api_key_envs } : {}),
  };
}

/** Fills flags the user did not give from the run's recorded configuration. */
export function applyRecordedSettings<F extends ResumableFlags>(
  flags: F,
  run: RunRecord,
  given: (flag: keyof F) => boolean,
): { flags: F; models?: ConfigModel[]; roles?: Record<string, ConfigModel> } {
  const c = run.config;
  const out: F = { ...flags };
  const set = <K extends keyof F>(key: K, value: F[K] | null | undefined) => {
    if (!given(key) && value !== null && value !== undefined) out[key] = value;
  };
  set('suite', (c.suites as string[] | undefined)?.map((s) => s.replace(/@\d+$/, '')) as F['suite']);
  set('suitesDir', (c.suites_dirs as string[] | undefined)?.length ? (c.suites_dirs as F['suitesDir']) : undefined);
  set('dataDir', c.data_dir as F['dataDir']);
  set('split', c.split as F['split']);
  set('limit', c.limit as F['limit']);
  set('shots', c.shots as F['shots']);
  set('seed', c.seed as F['seed']);
  set('genCount', c.gen_count as F['genCount']);
  set('mcMode', c.mc_mode as F['mcMode']);
  const shard = c.shard as { index: number; count: number } | null | undefined;
  set('shard', (shard ? `${shard.index}/${shard.count}` : undefined) as F['shard']);
  if (given('model') || given('config')) return { flags: out };
  // The models and grader roles, with their per-model settings, as a config file would give them.
  const models = ((c.models as RecordedModel[] | undefined) ?? []).map(asConfigModel);
  const recordedRoles = (c.roles as Record<string, RecordedModel> | undefined) ?? {};
  const roles = given('judge') || given('role') ? undefined : Object.fromEntries(Object.entries(recordedRoles).map(([role, m]) => [role, asConfigModel(m)]));
  return { flags: out, models, ...(roles ? { roles } : {}) };
}

/** `results/<run id>` → its --out parent and run id. */
export function splitRunDir(dir: string): { outDir: string; runId: string } {
  const absolute = path.resolve(dir);
  return { outDir: path.dirname(absolute), runId: path.basename(absolute) };
}
