import type { Item, LoadReport } from '../datasets/types.js';
import type { ModelBackend, ModelInfo } from '../models/types.js';
import { RunWriter } from '../results/writer.js';
import { summarize } from '../results/summary.js';
import { RESULTS_SCHEMA_VERSION, type DatasetProvenance, type RunRecord, type SuiteResult } from '../results/types.js';
import { checkSuiteComponents } from '../suites/check.js';
import { dataRootFor, loadSuiteItems } from '../suites/load-items.js';
import { createJudge, type Judge } from '../scoring/judge.js';
import type { Suite } from '../suites/schema.js';
import { errorMessage, JpevalError, MissingDataError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { gitRevision, jpevalVersion, newRunId } from '../util/provenance.js';
import { RunEvents } from './events.js';
import type { ScoringMode } from './execute-item.js';
import { FatalModelError, runSuite } from './run-suite.js';

export interface ModelToRun {
  /** The normalised spec id (what results are keyed on). */
  id: string;
  open: () => Promise<ModelBackend>;
  /** Per-model overrides of RunOptions.concurrency / batchSize (e.g. from jpeval.config.yaml). */
  concurrency?: number;
  batchSize?: number;
}

export interface RunOptions {
  models: ModelToRun[];
  /** Rates the outputs of judge-scored suites (those with a `judge` section). */
  judge?: ModelToRun;
  suites: Suite[];
  /**
   * Suites picked only by a glob (`--suite 'j*'`): when their data is absent they are skipped and
   * listed in run.json, instead of stopping the run. Suites named explicitly must have their data.
   */
  optionalSuites?: Set<string>;
  outDir: string;
  runId?: string;
  dataDir?: string;
  split?: string;
  limit?: number;
  /** Overrides every suite's default number of shots. */
  shots?: number;
  seed: number;
  /** Overrides generator suites' per-run item count (`--gen-count`); items come from `seed`. */
  generatedCount?: number;
  concurrency: number;
  batchSize: number;
  /** `suite`: each suite's own choice mode; otherwise force one for every choice task. */
  mcMode: 'suite' | ScoringMode;
  /** The effective configuration, recorded (it must hold no secrets). */
  config: Record<string, unknown>;
  events?: RunEvents;
  signal?: AbortSignal;
}

interface LoadedSuite {
  suite: Suite;
  items: Item[];
  pool: Item[];
  shots: number;
  skipped: number;
  provenance: DatasetProvenance;
}

const fileProvenance = (reports: LoadReport[]) => reports.map((r) => ({ path: r.file, sha256: r.sha256, records: r.records, skipped: r.skipped.length }));

async function loadSuite(suite: Suite, opts: RunOptions, warn: (message: string) => void): Promise<LoadedSuite> {
  const generation = { seed: opts.seed, ...(opts.generatedCount !== undefined ? { generatedCount: opts.generatedCount } : {}) };
  const loaded = await loadSuiteItems(suite, { dataDir: opts.dataDir, split: opts.split, limit: opts.limit, ...generation });
  let shots = opts.shots ?? suite.prompt.shots;
  let pool: Item[] = loaded.items;
  let fewshot: DatasetProvenance['fewshot'];
  const fewshotSplit = suite.dataset.fewshot_split;
  if (shots > 0 && fewshotSplit && fewshotSplit !== loaded.split) {
    // Few-shot pools are small prefixes for `first`; `random` needs the whole split.
    const limit = suite.prompt.fewshot_sampler === 'first' ? shots + 1 : undefined;
    try {
      const shotData = await loadSuiteItems(suite, { dataDir: opts.dataDir, split: fewshotSplit, ...generation, ...(limit ? { limit } : {}) });
      pool = shotData.items;
      fewshot = { split: fewshotSplit, files: fileProvenance(shotData.reports) };
    } catch (err) {
      // The suite's own default shots fall back to zero-shot (warned, and recorded as shots: 0);
      // shots the user asked for with --shots must be there.
      if (!(err instanceof MissingDataError) || opts.shots !== undefined) {
        if (err instanceof MissingDataError) throw new MissingDataError(err.message, `${err.hint ?? ''}\nor run it zero-shot with --shots 0`);
        throw err;
      }
      warn(`${suite.name}: few-shot split "${fewshotSplit}" not present, running zero-shot (${err.message})`);
      shots = 0;
    }
  } else if (shots > 0 && opts.limit !== undefined && loaded.items.length >= opts.limit) {
    // Shots come from the evaluated split itself: draw them from the whole split, so a prompt
    // never depends on --limit.
    pool = (await loadSuiteItems(suite, { dataDir: opts.dataDir, split: loaded.split, ...generation })).items;
  }
  // From the evaluated split an item is never its own shot, so one fewer is available.
  const available = fewshot ? pool.length : Math.max(0, pool.length - 1);
  if (shots > available) {
    warn(`${suite.name}: only ${available} few-shot example(s) available, ${shots} asked for; using ${available}`);
    shots = available;
  }
  const skipped = loaded.reports.reduce((s, r) => s + r.skipped.length, 0);
  return {
    suite,
    items: loaded.items,
    pool,
    shots,
    skipped,
    provenance: {
      suite: suite.name,
      split: loaded.split,
      files: fileProvenance(loaded.reports),
      ...(fewshot ? { fewshot } : {}),
      ...(loaded.generator ? { generator: loaded.generator } : {}),
      suite_file_sha256: suite.sha256,
    },
  };
}

function modeFor(suite: Suite, opts: RunOptions, backend: ModelBackend): ScoringMode {
  const isChoiceTask = suite.task === 'multiple_choice' || suite.task === 'minimal_pair' || (suite.task === 'classification' && suite.choices);
  if (!isChoiceTask) return 'generate';
  const wanted = opts.mcMode === 'suite' ? (suite.choices?.mode ?? 'generate') : opts.mcMode;
  if (wanted === 'loglikelihood' && !backend.capabilities().loglikelihood) {
    if (opts.mcMode === 'loglikelihood') {
      throw new JpevalError(`model ${backend.id()} cannot compute log-likelihoods, but --mc-mode loglikelihood was asked for`, {
        hint: 'use --mc-mode generate (or suite) for this backend',
      });
    }
    return 'generate';
  }
  return wanted;
}

/**
 * Runs every suite against every model. Samples stream to disk as items finish, run.json is
 * checkpointed after each suite, and on abort (Ctrl-C) a partial run.json marked `interrupted`
 * is written. One model failing does not discard the others' results.
 */
export async function runEvaluation(opts: RunOptions): Promise<RunRecord> {
  const events = opts.events ?? new RunEvents();
  const signal = opts.signal ?? new AbortController().signal;
  const runId = opts.runId ?? newRunId();
  const writer = new RunWriter(opts.outDir, runId);
  const started = Date.now();

  // Load all data before any inference: a missing file or bad line fails in seconds, not after an hour.
  opts.suites.forEach(checkSuiteComponents);
  const loaded: LoadedSuite[] = [];
  const skippedSuites: { suite: string; reason: string }[] = [];
  const warnings: string[] = [];
  for (const suite of opts.suites) {
    try {
      loaded.push(await loadSuite(suite, opts, (message) => warnings.push(message)));
    } catch (err) {
      if (!(err instanceof MissingDataError) || !opts.optionalSuites?.has(suite.name)) throw err;
      skippedSuites.push({ suite: suite.name, reason: err.message });
    }
  }
  if (loaded.length === 0) {
    throw new JpevalError('no selected suite has its data present', {
      hint: skippedSuites.map((s) => s.reason).join('\n'),
    });
  }

  const revision = gitRevision();
  const record: RunRecord = {
    schema_version: RESULTS_SCHEMA_VERSION,
    run_id: runId,
    status: 'running',
    jpeval_version: jpevalVersion(),
    ...(revision ? { git_revision: revision } : {}),
    node_version: process.version,
    started_at: new Date(started).toISOString(),
    config: opts.config,
    config_hash: sha256(stableStringify(opts.config)),
    models: [],
    datasets: loaded.map((l) => l.provenance),
    ...(skippedSuites.length ? { skipped_suites: skippedSuites } : {}),
    results: [],
    summary: [],
  };
  await writer.open();
  const unsubscribe = events.subscribe((event) => {
    if (event.type === 'item_finished') writer.appendSample(event.sample);
  });
  events.emit({ type: 'run_started', runId, outDir: writer.dir, models: opts.models.map((m) => m.id), suites: opts.suites.map((s) => s.name) });
  await writer.writeRun(record);
  for (const s of skippedSuites) events.emit({ type: 'warning', message: `skipped ${s.suite}: data not present (${s.reason})` });
  for (const message of warnings) events.emit({ type: 'warning', message });

  const failures: string[] = [];
  let judgeBackend: ModelBackend | undefined;
  try {
    const judges = new Map<string, Judge>();
    if (opts.judge) {
      judgeBackend = await opts.judge.open();
      record.judge = await judgeBackend.info();
      for (const l of loaded) {
        if (l.suite.judge) judges.set(l.suite.name, await createJudge(judgeBackend, l.suite, dataRootFor(l.suite, opts.dataDir)));
      }
      if (judges.size === 0) events.emit({ type: 'warning', message: `--judge given, but no selected suite is judge-scored` });
    }
    for (const model of opts.models) {
      if (signal.aborted) break;
      let backend: ModelBackend | undefined;
      try {
        backend = await model.open();
        const info: ModelInfo = await backend.info();
        const concurrency = model.concurrency ?? opts.concurrency;
        const batchSize = model.batchSize ?? opts.batchSize;
        record.models.push({ ...info, settings: { ...info.settings, batch_size: batchSize, concurrency, mc_mode: opts.mcMode } });
        for (const l of loaded) {
          if (signal.aborted) break;
          const result: SuiteResult = await runSuite({
            runId,
            backend,
            modelId: model.id,
            suite: l.suite,
            items: l.items,
            fewshotPool: l.pool,
            shots: l.shots,
            seed: opts.seed,
            mode: modeFor(l.suite, opts, backend),
            concurrency,
            batchSize,
            ...(judges.has(l.suite.name) ? { judge: judges.get(l.suite.name)! } : {}),
            skipped: l.skipped,
            events,
            signal,
          });
          record.results.push(result);
          record.summary = summarize(record.results);
          await writer.writeRun(record);
        }
      } catch (err) {
        if (!(err instanceof FatalModelError) && !(err instanceof JpevalError)) throw err;
        failures.push(`${model.id}: ${errorMessage(err)}`);
        events.emit({ type: 'warning', message: `model ${model.id} stopped: ${errorMessage(err)}` });
        // Keep what the stopped suite scored, and name every suite this model never reached.
        if (err instanceof FatalModelError && err.result) record.results.push(err.result);
        const reached = new Set(record.results.filter((r) => r.model === model.id).map((r) => r.suite));
        for (const l of loaded) {
          if (!reached.has(l.suite.name)) (record.skipped_suites ??= []).push({ suite: l.suite.name, model: model.id, reason: `model stopped: ${errorMessage(err)}` });
        }
      } finally {
        await backend?.close();
      }
    }
    record.status = signal.aborted ? 'interrupted' : failures.length ? 'failed' : 'completed';
    record.complete = record.status === 'completed' && record.results.every((r) => r.complete);
    if (failures.length) record.error = failures.join('\n');
  } catch (err) {
    record.status = 'failed';
    record.error = errorMessage(err);
    throw err;
  } finally {
    const finished = Date.now();
    record.finished_at = new Date(finished).toISOString();
    record.duration_s = Math.round((finished - started) / 10) / 100;
    record.summary = summarize(record.results);
    record.complete ??= false;
    unsubscribe();
    await judgeBackend?.close();
    await writer.close();
    await writer.writeRun(record);
  }
  events.emit({ type: 'run_finished', record });
  return record;
}
