import { createBackend } from '../models/create.js';
import { parseModelSpec } from '../models/spec.js';
import { ProgressReporter } from '../progress/reporter.js';
import { RunEvents } from '../runner/events.js';
import { runEvaluation, type ModelToRun } from '../runner/run.js';
import { loadAllSuites, loadSuiteFile, selectSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { hostInfo } from '../util/host.js';
import type { RunRecord } from '../results/types.js';
import type { NightlyModel } from './config.js';

export interface NightlyRunRequest {
  models: NightlyModel[];
  suites: string[];
  suitesDir?: string[];
  dataDir?: string;
  limit?: number;
  shots?: number;
  seed: number;
  outDir: string;
  mcMode?: 'suite' | 'generate' | 'loglikelihood';
  progress?: NodeJS.WriteStream;
  signal?: AbortSignal;
}

async function pickSuites(patterns: string[], dirs: string[]): Promise<Suite[]> {
  const all = await loadAllSuites(dirs);
  const out: Suite[] = [];
  for (const p of patterns) {
    const found = /\.(ya?ml|json)$/i.test(p) ? [await loadSuiteFile(p)] : selectSuites(all, [p]);
    for (const s of found) if (!out.some((x) => x.name === s.name)) out.push(s);
  }
  return out;
}

/**
 * Resolves the night's suites and the canary's suite and model before anything runs, so a typo in
 * nightly.yaml is an error naming the file and field — not, for the canary, a failure after the
 * whole night ran and its history line was appended.
 */
export async function checkNightlySelections(file: string, suites: string[], suitesDir: string[], canary?: { model: string; suite: string }): Promise<void> {
  const named = async (field: string, f: () => unknown): Promise<void> => {
    try {
      await f();
    } catch (err) {
      if (!(err instanceof JpevalError)) throw err;
      throw new JpevalError(`${file}: ${field}: ${err.message}`, err.hint ? { hint: err.hint } : {});
    }
  };
  await named('suites', () => pickSuites(suites, suitesDir));
  if (canary) {
    await named('canary.model', () => parseModelSpec(canary.model));
    await named('canary.suite', () => pickSuites([canary.suite], suitesDir));
  }
}

/** One night's run through the same pipeline as `jpeval run` (runEvaluation), no subprocess. */
export async function executeNightlyRun(req: NightlyRunRequest): Promise<{ record: RunRecord; dir: string }> {
  const events = new RunEvents();
  if (req.progress) events.subscribe(new ProgressReporter({ stream: req.progress, interactive: false }).handle);
  const suites = await pickSuites(req.suites, req.suitesDir ?? []);
  const onlyDefault = req.models.every((m) => m.spec.kind === 'default');
  const mcMode = req.mcMode ?? (onlyDefault ? 'loglikelihood' : 'suite');
  const models: ModelToRun[] = req.models.map((m) => {
    const local = m.spec.kind !== 'remote';
    const concurrency = m.concurrency ?? (local ? 1 : 8);
    const batchSize = m.batchSize ?? (local ? 8 : 1);
    return {
      id: m.name,
      concurrency,
      batchSize,
      open: () =>
        createBackend(m.spec, {
          concurrency,
          timeoutMs: m.timeoutMs ?? 120_000,
          maxRetries: m.maxRetries ?? 6,
          settings: m.settings,
          batchSize,
          ...(m.apiKeyEnv ? { apiKeyEnv: m.apiKeyEnv } : {}),
          onRetry: (info) => events.emit({ type: 'retry', model: m.name, ...info }),
        }),
    };
  });
  const record = await runEvaluation({
    models,
    suites,
    outDir: req.outDir,
    ...(req.dataDir ? { dataDir: req.dataDir } : {}),
    ...(req.limit !== undefined ? { limit: req.limit } : {}),
    ...(req.shots !== undefined ? { shots: req.shots } : {}),
    seed: req.seed,
    concurrency: models[0]?.concurrency ?? 1,
    batchSize: models[0]?.batchSize ?? 1,
    mcMode,
    config: {
      models: models.map((m) => ({ id: m.id, concurrency: m.concurrency, batch_size: m.batchSize })),
      suites: suites.map((s) => `${s.name}@${s.version}`),
      limit: req.limit ?? null,
      shots: req.shots ?? null,
      seed: req.seed,
      mc_mode: mcMode,
      source: 'nightly',
      host: hostInfo(),
    },
    events,
    ...(req.signal ? { signal: req.signal } : {}),
  });
  return { record, dir: `${req.outDir}/${record.run_id}` };
}
