import type { Item } from '../datasets/types.js';
import type { ModelBackend } from '../models/types.js';
import { modelRecord } from '../results/records.js';
import { RunWriter } from '../results/writer.js';
import { summarize } from '../results/summary.js';
import { RESULTS_SCHEMA_VERSION, type RunRecord, type SuiteResult } from '../results/types.js';
import { checkSuiteComponents } from '../suites/check.js';
import { dataRootFor } from '../suites/load-items.js';
import { prepareScoring, rolesOf, type ScoringRuntime } from '../scoring/scorers.js';
import type { GraderModel } from '../scoring/types.js';
import type { Suite } from '../suites/schema.js';
import { errorMessage, JpevalError, MissingDataError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { gitRevision, jpevalVersion, newRunId } from '../util/provenance.js';
import { RunEvents } from './events.js';
import type { ScoringMode } from './execute-item.js';
import { loadResumeState, readRunForResume, refuseResume, resumeDifferences, resumeKey, type ResumeState } from './resume.js';
import { FatalModelError, runSuite, type SuiteRunInput } from './run-suite.js';
import type { ShardSpec } from './shard.js';
import { planSuite, type PlanOptions, type SuitePlan } from './suite-plan.js';

export interface ModelToRun {
  /** The key results use: the config entry's `name`, else the normalised spec id. */
  id: string;
  open: () => Promise<ModelBackend>;
  /** Per-model overrides of RunOptions.concurrency / batchSize (e.g. from jpeval.config.yaml). */
  concurrency?: number;
  batchSize?: number;
}

export interface RunOptions {
  models: ModelToRun[];
  /** Grader models by role (`judge` from --judge): given to the scorers that declare that role. */
  roles?: Record<string, ModelToRun>;
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
  /** Run only this part of every suite (`--shard i/n`, or a Kubernetes Indexed Job's index). */
  shard?: ShardSpec;
  /**
   * Continue the run in `<outDir>/<runId>` (`--resume`): its finished items are kept, the rest run.
   * Refused when this run's settings differ from the recorded ones.
   */
  resume?: boolean;
  /** The effective configuration, recorded (it must hold no secrets). */
  config: Record<string, unknown>;
  events?: RunEvents;
  signal?: AbortSignal;
}

/** A suite's evaluated items (in memory) and few-shot pool as a run uses them: for tests and tools, not for runs (which stream). */
export async function loadSuite(suite: Suite, opts: RunOptions, warn: (message: string) => void): Promise<Omit<SuitePlan, 'items' | 'total'> & { items: Item[] }> {
  const plan = await planSuite(suite, planOptionsFor(suite, opts), warn);
  const items: Item[] = [];
  for await (const item of plan.items()) items.push(item);
  const { items: _stream, total: _total, ...rest } = plan;
  return { ...rest, items };
}

function planOptionsFor(suite: Suite, opts: RunOptions): PlanOptions {
  return {
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.split !== undefined ? { split: opts.split } : {}),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    ...(opts.shots !== undefined ? { shots: opts.shots } : {}),
    ...(opts.generatedCount !== undefined ? { generatedCount: opts.generatedCount } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    seed: opts.seed,
    loglikelihood: opts.mcMode === 'loglikelihood' || (opts.mcMode === 'suite' && suite.choices?.mode === 'loglikelihood'),
  };
}

/** What a resumed run already has of one model × suite: finished items, and outputs still to score. */
function resumedPart(resumed: ResumeState | undefined, key: string): Pick<SuiteRunInput, 'done' | 'unscored'> {
  const done = resumed?.done.get(key);
  const unscored = resumed?.unscored.get(key);
  return { ...(done ? { done } : {}), ...(unscored ? { unscored } : {}) };
}

function modeFor(suite: Suite, opts: RunOptions, backend: ModelBackend): ScoringMode {
  const isChoiceTask = suite.task === 'multiple_choice' || suite.task === 'minimal_pair' || (suite.task === 'classification' && suite.choices);
  if (!isChoiceTask) return 'generate';
  const wanted = opts.mcMode === 'suite' ? (backend.capabilities().preferredChoiceMode ?? suite.choices?.mode ?? 'generate') : opts.mcMode;
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
  // The run stops on the caller's signal (Ctrl-C) or when results can no longer be written.
  const writeStop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, writeStop.signal]) : writeStop.signal;
  const runId = opts.runId ?? newRunId();
  const writer = new RunWriter(opts.outDir, runId);
  const started = Date.now();

  // Load all data before any inference: a missing file or bad line fails in seconds, not after an hour.
  opts.suites.forEach(checkSuiteComponents);
  const loaded: SuitePlan[] = [];
  const skippedSuites: { suite: string; reason: string }[] = [];
  const warnings: string[] = [];
  for (const suite of opts.suites) {
    try {
      loaded.push(await planSuite(suite, planOptionsFor(suite, opts), (message) => warnings.push(message)));
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

  // Resuming: the recorded settings must match, and what was finished is kept.
  const previous = opts.resume ? await readRunForResume(writer.dir) : undefined;
  let resumed: ResumeState | undefined;
  if (previous) {
    const differences = resumeDifferences(previous, { config: opts.config, datasets: loaded.map((l) => l.provenance) });
    if (differences.length) throw refuseResume(writer.dir, differences);
    resumed = await loadResumeState(writer.samplesPath);
  }

  const revision = gitRevision();
  const record: RunRecord = {
    schema_version: RESULTS_SCHEMA_VERSION,
    run_id: runId,
    status: 'running',
    jpeval_version: jpevalVersion(),
    ...(revision ? { git_revision: revision } : {}),
    node_version: process.version,
    started_at: previous?.started_at ?? new Date(started).toISOString(),
    ...(previous && resumed
      ? { resumes: [...(previous.resumes ?? []), { at: new Date(started).toISOString(), kept_items: resumed.kept, dropped: resumed.dropped }] }
      : {}),
    config: opts.config,
    config_hash: sha256(stableStringify(opts.config)),
    models: [],
    datasets: loaded.map((l) => l.provenance),
    ...(skippedSuites.length ? { skipped_suites: skippedSuites } : {}),
    results: [],
    summary: [],
  };
  await writer.open();
  writer.onFailure = (error) => {
    events.emit({ type: 'warning', message: `${error.message}: stopping the run` });
    writeStop.abort(error);
  };
  const unsubscribe = events.subscribe((event) => {
    if (event.type === 'item_finished') writer.appendSample(event.sample);
  });
  events.emit({ type: 'run_started', runId, outDir: writer.dir, models: opts.models.map((m) => m.id), suites: opts.suites.map((s) => s.name) });
  await writer.writeRun(record);
  for (const s of skippedSuites) events.emit({ type: 'warning', message: `skipped ${s.suite}: data not present (${s.reason})` });
  for (const message of warnings) events.emit({ type: 'warning', message });
  if (resumed) {
    const d = resumed.dropped;
    events.emit({
      type: 'warning',
      message: `resuming ${writer.dir}: ${resumed.kept} finished item(s) kept; dropped ${d.torn} torn line(s), ${d.errors} failed item(s) to retry, ${d.duplicates} duplicate(s), ${d.unreadable} unreadable line(s)${d.scoring_interrupted ? `; ${d.scoring_interrupted} output(s) whose scoring was interrupted, to score again` : ''}`,
    });
  }

  const failures: string[] = [];
  const graderBackends: { role: string; id: string; backend: ModelBackend }[] = [];
  try {
    const graders: Record<string, GraderModel> = {};
    for (const [role, spec] of Object.entries(opts.roles ?? {})) {
      const backend = await spec.open();
      graderBackends.push({ role, id: spec.id, backend });
      (record.roles ??= {})[role] = modelRecord(await backend.info(), { name: spec.id });
      graders[role] = { role, id: spec.id, generate: (request) => backend.generate(request) };
      if (!loaded.some((l) => rolesOf(l.suite).includes(role))) events.emit({ type: 'warning', message: `a model was given for the ${role} role, but no selected suite has a scorer for it` });
    }
    const scoring = new Map<string, ScoringRuntime>();
    for (const l of loaded) scoring.set(l.suite.name, await prepareScoring(l.suite, { dataRoot: dataRootFor(l.suite, opts.dataDir), graders }));
    for (const model of opts.models) {
      if (signal.aborted) break;
      let backend: ModelBackend | undefined;
      let recordInfo: (() => Promise<void>) | undefined;
      try {
        backend = await model.open();
        const concurrency = model.concurrency ?? opts.concurrency;
        const batchSize = model.batchSize ?? opts.batchSize;
        // Re-read after every suite: a backend learns settings while running (a server's stream
        // mode, echo limits, metadata), and run.json should hold what the requests really used.
        const slot = record.models.length;
        const opened = backend;
        recordInfo = async (): Promise<void> => {
          record.models[slot] = modelRecord(await opened.info(), { name: model.id, settings: { batch_size: batchSize, concurrency, mc_mode: opts.mcMode } });
        };
        await recordInfo();
        for (const l of loaded) {
          if (signal.aborted) break;
          const result: SuiteResult = await runSuite({
            runId,
            backend,
            modelId: model.id,
            suite: l.suite,
            items: l.items,
            total: l.total,
            ...resumedPart(resumed, resumeKey(model.id, l.suite.name)),
            fewshotPool: l.pool,
            shots: l.shots,
            seed: opts.seed,
            mode: modeFor(l.suite, opts, backend),
            concurrency,
            batchSize,
            scoring: scoring.get(l.suite.name)!,
            skipped: l.skipped,
            events,
            signal,
          });
          record.results.push(result);
          record.summary = summarize(record.results);
          await recordInfo();
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
        // Also when the model stopped: what it had learnt by then is part of its identity.
        await recordInfo?.().catch(() => undefined);
        await backend?.close();
      }
    }
    if (writer.failure) failures.push(writer.failure.message);
    record.status = writer.failure ? 'failed' : signal.aborted ? 'interrupted' : failures.length ? 'failed' : 'completed';
    record.complete = record.status === 'completed' && record.results.every((r) => r.complete);
    if (failures.length) record.error = failures.join('\n');
  } catch (err) {
    record.status = 'failed';
    record.error = errorMessage(err);
    throw err;
  } finally {
    const finished = Date.now();
    record.finished_at = new Date(finished).toISOString();
    record.duration_s = Math.round((finished - Date.parse(record.started_at)) / 10) / 100;
    record.summary = summarize(record.results);
    record.complete ??= false;
    unsubscribe();
    for (const g of graderBackends) {
      (record.roles ??= {})[g.role] = modelRecord(await g.backend.info(), { name: g.id });
      await g.backend.close();
    }
    await writer.close();
    // With a full disk this last write fails too; the previous run.json stays whole.
    if (writer.failure) await writer.writeRun(record).catch(() => undefined);
    else await writer.writeRun(record);
  }
  if (writer.failure) throw writer.failure;
  events.emit({ type: 'run_finished', record });
  return record;
}
