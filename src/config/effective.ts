import { backendDefaults, type CreateBackendOptions } from '../models/create.js';
import { planEndpoints, totalConcurrency, type EndpointOption } from '../models/remote/endpoint-plan.js';
import { parseModelSpec, type ModelSpec, type RemoteModelSpec } from '../models/spec.js';
import { JpevalError } from '../util/errors.js';
import type { ConfigModel, JpevalConfig } from './config-file.js';

/**
 * The one effective configuration of a run: flags > config file > defaults, merged here and
 * nowhere else. Run-wide defaults are the table below; per-backend defaults (concurrency, batch
 * size) are registered with each backend (models/backends/*.ts). `jpeval run --print-config`
 * prints the result with where each value came from.
 */
export const DEFAULTS = {
  seed: 1234,
  timeoutMs: 120_000,
  maxRetries: 6,
  mcMode: 'suite' as 'suite' | 'generate' | 'loglikelihood',
  out: 'results',
};

/** Where a value came from. */
export type Source = 'flag' | 'config' | 'default' | 'backend default';

/** The flags that take part in the merge (commander gives no defaults for them: the table does). */
export interface ConfigFlags {
  model?: string[];
  judge?: string;
  role?: string[];
  baseUrl?: string;
  concurrency?: number;
  batchSize?: number;
  timeout?: number;
  maxRetries?: number;
  threads?: number;
  dtype?: string;
  seed?: number;
  limit?: number;
  shots?: number;
  out?: string;
  dataDir?: string;
  split?: string;
  mcMode?: 'suite' | 'generate' | 'loglikelihood';
}

export interface EffectiveModel {
  /** The key results use: the config entry's `name`, else the spec id. */
  name: string;
  spec: ModelSpec;
  concurrency: number;
  batchSize: number;
  timeoutMs: number;
  maxRetries: number;
  apiKeyEnv?: string;
  /** Several endpoints serving a remote model (config `endpoints:`), and a pool of API keys (`api_key_envs:`). */
  endpoints?: EndpointOption[];
  apiKeyEnvs?: string[];
  /** Backend-specific settings (config `settings`, plus --threads / --dtype). */
  settings: Record<string, unknown>;
  from: { concurrency: Source; batch_size: Source; timeout_ms: Source; max_retries: Source };
}

export interface EffectiveConfig {
  configFile?: string;
  models: EffectiveModel[];
  roles: Record<string, EffectiveModel>;
  suites?: string[];
  dataDir?: string;
  split?: string;
  limit?: number;
  shots?: number;
  seed: number;
  mcMode: 'suite' | 'generate' | 'loglikelihood';
  out: string;
}

function pick<T>(...candidates: [T | undefined, Source][]): [T, Source] {
  for (const [value, source] of candidates) if (value !== undefined) return [value, source];
  throw new Error('pick: no default given');
}

/** `settings.batchSize` / `settings.batch_size` in a config entry mean the entry's batch size. */
function settingsBatchSize(entry: ConfigModel | undefined): number | undefined {
  const v = entry?.settings.batchSize ?? entry?.settings.batch_size;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

function effectiveModel(spec: ModelSpec, entry: ConfigModel | undefined, flags: ConfigFlags, file: JpevalConfig | undefined): EffectiveModel {
  const backend = backendDefaults(spec);
  let [concurrency, cFrom] = pick<number>([flags.concurrency, 'flag'], [entry?.concurrency, 'config'], [file?.concurrency, 'config'], [backend.concurrency, 'backend default']);
  if (spec.kind === 'remote') {
    // With several endpoints (or keys), the runner keeps every endpoint's slots busy.
    const planned = planEndpoints(spec as RemoteModelSpec, { concurrency, ...(entry?.endpoints ? { endpoints: entry.endpoints } : {}), ...(entry?.apiKeyEnvs ? { apiKeyEnvs: entry.apiKeyEnvs } : {}) });
    if (totalConcurrency(planned) > concurrency) [concurrency, cFrom] = [totalConcurrency(planned), 'config'];
  }
  const [batchSize, bFrom] = pick<number>([flags.batchSize, 'flag'], [entry?.batchSize ?? settingsBatchSize(entry), 'config'], [backend.batchSize, 'backend default']);
  const [timeoutMs, tFrom] = pick<number>([flags.timeout, 'flag'], [entry?.timeoutMs, 'config'], [file?.timeoutMs, 'config'], [DEFAULTS.timeoutMs, 'default']);
  const [maxRetries, rFrom] = pick<number>([flags.maxRetries, 'flag'], [entry?.maxRetries, 'config'], [file?.maxRetries, 'config'], [DEFAULTS.maxRetries, 'default']);
  const settings: Record<string, unknown> = { ...(entry?.settings ?? {}) };
  if (flags.threads !== undefined) settings.threads = flags.threads;
  if (flags.dtype !== undefined) settings.dtype = flags.dtype;
  return {
    name: entry?.name && entry.name !== entry.spec ? entry.name : spec.id,
    spec,
    concurrency,
    batchSize,
    timeoutMs,
    maxRetries,
    ...(entry?.apiKeyEnv ? { apiKeyEnv: entry.apiKeyEnv } : {}),
    ...(entry?.endpoints ? { endpoints: entry.endpoints } : {}),
    ...(entry?.apiKeyEnvs ? { apiKeyEnvs: entry.apiKeyEnvs } : {}),
    settings,
    from: { concurrency: cFrom, batch_size: bFrom, timeout_ms: tFrom, max_retries: rFrom },
  };
}

function parseRoleFlag(flag: string): [string, string] {
  const eq = flag.indexOf('=');
  const role = eq === -1 ? '' : flag.slice(0, eq).trim();
  if (!/^[a-z][a-z0-9_-]*$/.test(role)) throw new JpevalError(`--role expects NAME=SPEC with a lower-case role name, e.g. judge=openai:gpt-4o (got "${flag}")`);
  return [role, flag.slice(eq + 1)];
}

/** Merges flags, the config file and the defaults into the settings a run uses. */
export function effectiveConfig(flags: ConfigFlags, file: JpevalConfig | undefined): EffectiveConfig {
  const specOptions = flags.baseUrl ? { baseUrl: flags.baseUrl } : {};
  // `-m NAME` picks the config entry of that name; any other value is a spec.
  const byName = new Map((file?.models ?? []).map((m) => [m.name, m]));
  const chosen: { spec: ModelSpec; entry?: ConfigModel }[] = flags.model?.length
    ? flags.model.map((raw) => {
        const entry = byName.get(raw);
        return entry ? { spec: entry.modelSpec, entry } : { spec: parseModelSpec(raw, specOptions) };
      })
    : file?.models.length
      ? file.models.map((entry) => ({ spec: entry.modelSpec, entry }))
      : [{ spec: parseModelSpec('default') }];
  const models = chosen.map(({ spec, entry }) => effectiveModel(spec, entry, flags, file));
  const names = models.map((m) => m.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new JpevalError(`model ${twice[0]} is given twice`, { hint: 'give config entries with the same spec distinct `name`s to run them with different settings' });

  const roles: Record<string, EffectiveModel> = {};
  for (const [role, entry] of Object.entries(file?.roles ?? {})) roles[role] = effectiveModel(entry.modelSpec, entry, { ...flags, batchSize: undefined }, file);
  const fromFlags = new Map<string, string>();
  for (const flag of flags.role ?? []) {
    const [role, spec] = parseRoleFlag(flag);
    if (fromFlags.has(role)) throw new JpevalError(`--role ${role} given twice`);
    fromFlags.set(role, spec);
  }
  if (flags.judge !== undefined) {
    if (fromFlags.has('judge')) throw new JpevalError('both --judge and --role judge=… given; use one');
    fromFlags.set('judge', flags.judge);
  }
  for (const [role, raw] of fromFlags) {
    const entry = byName.get(raw);
    roles[role] = effectiveModel(entry ? entry.modelSpec : parseModelSpec(raw, specOptions), entry, { ...flags, batchSize: undefined }, file);
  }

  const limit = flags.limit ?? file?.limit;
  const shots = flags.shots ?? file?.shots;
  const dataDir = flags.dataDir ?? file?.dataDir;
  return {
    ...(file ? { configFile: file.path } : {}),
    models,
    roles,
    ...(file?.suites ? { suites: file.suites } : {}),
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(flags.split !== undefined ? { split: flags.split } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(shots !== undefined ? { shots } : {}),
    seed: flags.seed ?? file?.seed ?? DEFAULTS.seed,
    mcMode: flags.mcMode ?? DEFAULTS.mcMode,
    out: flags.out ?? file?.out ?? DEFAULTS.out,
  };
}

/** The factory options for a model (or grader) of the effective config. */
export function backendOptions(model: EffectiveModel, onRetry?: CreateBackendOptions['onRetry']): CreateBackendOptions {
  return {
    concurrency: model.concurrency,
    batchSize: model.batchSize,
    timeoutMs: model.timeoutMs,
    maxRetries: model.maxRetries,
    settings: model.settings,
    ...(model.apiKeyEnv ? { apiKeyEnv: model.apiKeyEnv } : {}),
    ...(model.endpoints ? { endpoints: model.endpoints } : {}),
    ...(model.apiKeyEnvs ? { apiKeyEnvs: model.apiKeyEnvs } : {}),
    ...(typeof model.settings.threads === 'number' ? { threads: model.settings.threads } : {}),
    ...(typeof model.settings.dtype === 'string' ? { dtype: model.settings.dtype } : {}),
    ...(onRetry ? { onRetry } : {}),
  };
}

/** What `--print-config` shows and run.json records for a model (no secrets: key env names only). */
export function describeModel(model: EffectiveModel): Record<string, unknown> {
  return {
    name: model.name,
    spec: model.spec.id,
    backend: model.spec.kind,
    concurrency: model.concurrency,
    batch_size: model.batchSize,
    timeout_ms: model.timeoutMs,
    max_retries: model.maxRetries,
    ...(model.apiKeyEnv ? { api_key_env: model.apiKeyEnv } : {}),
    ...(model.endpoints ? { endpoints: model.endpoints.map((e) => ({ url: e.url, concurrency: e.concurrency ?? null, api_key_env: e.apiKeyEnv ?? null })) } : {}),
    ...(model.apiKeyEnvs ? { api_key_envs: model.apiKeyEnvs } : {}),
    settings: model.settings,
  };
}
