import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { ConfigModel, JpevalConfig } from '../config/config-file.js';
import { prepareRun, type RunFlags } from '../cli/run-command.js';
import { parseModelSpec } from '../models/spec.js';
import type { RunRecord } from '../results/types.js';
import { RunEvents } from '../runner/events.js';
import { runEvaluation } from '../runner/run.js';
import { errorMessage } from '../util/errors.js';
import type { RunStore } from './store.js';

/** What the TUI was started with (flags of `jpeval tui` and the config file, if any). */
export interface TuiContext {
  cwd: string;
  config?: JpevalConfig;
  /** A config file that exists but could not be read: shown in the picker, not fatal. */
  configError?: string;
  dataDir?: string;
  suitesDirs: string[];
  /** Where runs started from the TUI write their results (and where the browser opens). */
  outDir: string;
}

export interface Selection {
  models: string[];
  suites: string[];
  limit?: number;
  shots?: number;
  concurrency?: number;
}

/** A picked model keeps its config entry (name, base_url, api_key_env, …); a typed spec is bare. */
function configModel(ctx: TuiContext, spec: string): ConfigModel {
  const entry = ctx.config?.models.find((m) => m.name === spec || m.spec === spec);
  if (entry) return entry;
  return { spec, modelSpec: parseModelSpec(spec, { cwd: ctx.cwd }), name: spec, settings: {} };
}

/** The configuration a selection stands for: the file's settings narrowed to what was picked. */
export function configForSelection(ctx: TuiContext, selection: Selection): JpevalConfig {
  const base = ctx.config;
  return {
    path: base?.path ?? path.join(ctx.cwd, 'jpeval.config.yaml'),
    roles: base?.roles ?? {},
    models: selection.models.map((spec) => configModel(ctx, spec)),
    suites: selection.suites,
    out: ctx.outDir,
    ...(ctx.dataDir ?? base?.dataDir ? { dataDir: ctx.dataDir ?? base?.dataDir } : {}),
    ...(selection.limit !== undefined ? { limit: selection.limit } : {}),
    ...(selection.shots !== undefined ? { shots: selection.shots } : {}),
    ...((selection.concurrency ?? base?.concurrency) !== undefined ? { concurrency: selection.concurrency ?? base?.concurrency } : {}),
    ...(base?.seed !== undefined ? { seed: base.seed } : {}),
    ...(base?.timeoutMs !== undefined ? { timeoutMs: base.timeoutMs } : {}),
    ...(base?.maxRetries !== undefined ? { maxRetries: base.maxRetries } : {}),
  };
}

/** The flags `jpeval run` would get: everything else comes from the configuration. */
export function flagsFor(ctx: TuiContext, selection: Selection): RunFlags {
  // No timeout / retries here: as flags they would override the config file's (effective.ts fills defaults).
  return {
    mcMode: 'suite',
    progress: 'none',
    suitesDir: ctx.suitesDirs,
    out: ctx.outDir,
    ...(selection.concurrency !== undefined ? { concurrency: selection.concurrency } : {}),
  };
}

/**
 * Runs a selection through the same code path as `jpeval run` (prepareRun → runEvaluation),
 * feeding the store. Resolves with the run record, or undefined when the run could not start.
 */
export async function startRun(ctx: TuiContext, selection: Selection, store: RunStore, signal: AbortSignal): Promise<RunRecord | undefined> {
  const events = new RunEvents();
  events.subscribe(store.handle);
  try {
    const options = await prepareRun(flagsFor(ctx, selection), events, signal, configForSelection(ctx, selection));
    return await runEvaluation(options);
  } catch (err) {
    store.fail(errorMessage(err));
    return undefined;
  }
}

/** The selection as a jpeval.config.yaml that `jpeval run` (and `jpeval tui`) read back. */
export function selectionYaml(ctx: TuiContext, selection: Selection, file: string): string {
  const dir = path.dirname(path.resolve(ctx.cwd, file));
  const rel = (p: string): string => path.relative(dir, p) || '.';
  const entry = (m: ConfigModel) => ({
    spec: m.spec,
    ...(m.name !== m.spec ? { name: m.name } : {}),
    ...(m.baseUrl ? { base_url: m.baseUrl } : {}),
    ...(m.apiKeyEnv ? { api_key_env: m.apiKeyEnv } : {}),
    ...(m.concurrency !== undefined ? { concurrency: m.concurrency } : {}),
    ...(m.batchSize !== undefined ? { batch_size: m.batchSize } : {}),
    ...(m.timeoutMs !== undefined ? { timeout_ms: m.timeoutMs } : {}),
    ...(m.maxRetries !== undefined ? { max_retries: m.maxRetries } : {}),
    ...(m.endpoints
      ? { endpoints: m.endpoints.map((e) => ({ url: e.url, ...(e.concurrency !== undefined ? { concurrency: e.concurrency } : {}), ...(e.apiKeyEnv ? { api_key_env: e.apiKeyEnv } : {}) })) }
      : {}),
    ...(m.apiKeyEnvs ? { api_key_envs: m.apiKeyEnvs } : {}),
    ...(Object.keys(m.settings).length ? { settings: m.settings } : {}),
  });
  const models = selection.models.map((spec) => {
    const m = ctx.config?.models.find((e) => e.name === spec || e.spec === spec);
    return m ? entry(m) : spec;
  });
  const roles = Object.entries(ctx.config?.roles ?? {});
  const dataDir = ctx.dataDir ?? ctx.config?.dataDir;
  const doc = {
    models,
    suites: selection.suites,
    ...(dataDir ? { data_dir: rel(dataDir) } : {}),
    out: rel(path.resolve(ctx.cwd, ctx.outDir)),
    ...(selection.limit !== undefined ? { limit: selection.limit } : {}),
    ...(selection.shots !== undefined ? { shots: selection.shots } : {}),
    ...((selection.concurrency ?? ctx.config?.concurrency) !== undefined ? { concurrency: selection.concurrency ?? ctx.config?.concurrency } : {}),
    ...(ctx.config?.seed !== undefined ? { seed: ctx.config.seed } : {}),
    ...(ctx.config?.timeoutMs !== undefined ? { timeout_ms: ctx.config.timeoutMs } : {}),
    ...(ctx.config?.maxRetries !== undefined ? { max_retries: ctx.config.maxRetries } : {}),
    // The graders the run used (the TUI runs with the config's roles), so the saved file runs the same.
    ...(roles.length ? { roles: Object.fromEntries(roles.map(([role, m]) => [role, entry(m)])) } : {}),
  };
  return `# written by jpeval tui; run it with: jpeval run --config ${path.basename(file)}\n${YAML.stringify(doc)}`;
}

export async function saveSelection(ctx: TuiContext, selection: Selection, file: string): Promise<string> {
  const absolute = path.resolve(ctx.cwd, file);
  await writeFile(absolute, selectionYaml(ctx, selection, absolute));
  return absolute;
}
