import type { Item } from '../datasets/types.js';
import { modelRecord } from '../results/records.js';
import { readRunRecord, readSamples } from '../results/read.js';
import { summarize } from '../results/summary.js';
import { RESULTS_SCHEMA_VERSION, type RunRecord, type SampleRecord, type SuiteResult } from '../results/types.js';
import { RunWriter } from '../results/writer.js';
import { prepareScoring, resolveScorers, type ScoringRuntime } from '../scoring/scorers.js';
import { scoreItem } from '../scoring/score-item.js';
import type { GraderModel } from '../scoring/types.js';
import { dataRootFor, loadSuiteItems } from '../suites/load-items.js';
import type { Suite } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { gitRevision, jpevalVersion, newRunId } from '../util/provenance.js';
import { RunEvents } from './events.js';
import type { ModelToRun } from './run.js';
import { buildSuiteResult, type FinishedItem } from './suite-result.js';

/**
 * `jpeval score`: recomputes the scores of a saved run from its samples.jsonl with the CURRENT
 * suite definitions and metric code, without calling the evaluated model. Each sample's saved
 * output (raw_output, or choice_logprobs for choices ranked by log-likelihood) is re-extracted
 * and re-scored against the item as the suite's data defines it now; graders (e.g. `--judge`)
 * may be given to grade what was not graded, or to grade again. Samples stream through; only
 * the scores stay in memory. The result is a new run directory whose `rescored_from` names the
 * source run and what changed.
 */
export interface RescoreOptions {
  sourceDir: string;
  /** Every suite known now (built-in and --suites-dir); the source run's suites are found by name. */
  suites: Suite[];
  /** Only these suite names (from `--suite`); all of the run's suites when absent. */
  only?: Set<string>;
  outDir: string;
  runId?: string;
  /** Overrides the data directory the source run recorded. */
  dataDir?: string;
  roles?: Record<string, ModelToRun>;
  events?: RunEvents;
  signal?: AbortSignal;
  /** Reported when the source samples.jsonl ends in a line cut short (skipped). */
  warn?: (message: string) => void;
}

interface SuiteState {
  suite: Suite;
  /** Items by id, with their position in the data (scores are summarised in that order, as the runner does). */
  items: Map<string, { item: Item }>;
  scoring: ScoringRuntime;
}

interface Tally {
  source: SuiteResult;
  finished: FinishedItem[];
  errors: number;
}

/** The choice ranked first by log-probability (ties: the first, flagged), as the runner decides. */
function rankChoices(logprobs: number[]): { index: number; tie: boolean } {
  let best = 0;
  for (let i = 1; i < logprobs.length; i++) if (logprobs[i]! > logprobs[best]!) best = i;
  return { index: best, tie: logprobs.filter((lp) => Math.abs(lp - logprobs[best]!) < 1e-9).length > 1 };
}

async function loadSuiteState(suite: Suite, source: RunRecord, opts: RescoreOptions, graders: Record<string, GraderModel>): Promise<SuiteState> {
  const provenance = source.datasets.find((d) => d.suite === suite.name);
  const dataDir = opts.dataDir ?? (typeof source.config.data_dir === 'string' ? source.config.data_dir : undefined);
  const generator = provenance?.generator;
  const loaded = await loadSuiteItems(suite, {
    dataDir,
    ...(provenance ? { split: provenance.split } : {}),
    ...(generator ? { seed: generator.seed, generatedCount: generator.count } : {}),
  });
  const now = loaded.generator;
  if (generator && now && generator.sha256 !== now.sha256) {
    // Same ids (g<seed>-<n>), other items: the saved outputs would be scored against other questions.
    throw new JpevalError(
      `suite ${suite.name}: the items generated for seed ${generator.seed} are not those of the source run (generator ${generator.name} v${generator.version} → v${now.version}, sha256 ${generator.sha256.slice(0, 12)} → ${now.sha256.slice(0, 12)})`,
      { hint: `re-run the model on ${suite.name}, or leave it out with --suite` },
    );
  }
  const scoring = await prepareScoring(suite, { dataRoot: dataRootFor(suite, dataDir), graders, ...(opts.signal ? { signal: opts.signal } : {}) });
  return { suite, items: new Map(loaded.items.map((item) => [item.id, { item }])), scoring };
}

/** What differs between the source run and this re-scoring, in words (recorded in run.json). */
function describeChanges(source: RunRecord, states: Map<string, SuiteState>, opts: RescoreOptions): string[] {
  const changes: string[] = [];
  if (source.jpeval_version !== jpevalVersion()) changes.push(`jpeval ${source.jpeval_version} → ${jpevalVersion()}`);
  const revision = gitRevision();
  if (source.git_revision && revision && source.git_revision !== revision) changes.push(`git revision ${source.git_revision} → ${revision}`);
  for (const [name, spec] of Object.entries(opts.roles ?? {})) changes.push(`${name} role: ${spec.id}`);
  if (opts.only) changes.push(`suites restricted to: ${[...opts.only].join(', ')}`);
  for (const { suite } of states.values()) {
    const result = source.results.find((r) => r.suite === suite.name);
    const provenance = source.datasets.find((d) => d.suite === suite.name);
    if (result && result.suite_version !== suite.version) changes.push(`${suite.name}: suite version ${result.suite_version} → ${suite.version}`);
    if (provenance && provenance.suite_file_sha256 !== suite.sha256) changes.push(`${suite.name}: suite file changed (sha256 ${provenance.suite_file_sha256.slice(0, 12)} → ${suite.sha256.slice(0, 12)})`);
  }
  return changes;
}

export async function rescoreRun(opts: RescoreOptions): Promise<RunRecord> {
  const events = opts.events ?? new RunEvents();
  const signal = opts.signal ?? new AbortController().signal;
  const source = await readRunRecord(opts.sourceDir);
  const byName = new Map(opts.suites.map((s) => [s.name, s]));
  const wanted = [...new Set(source.results.map((r) => r.suite))].filter((name) => !opts.only || opts.only.has(name));
  if (wanted.length === 0) throw new JpevalError(`${opts.sourceDir}: no suite results to re-score${opts.only ? ` among ${[...opts.only].join(', ')}` : ''}`);
  for (const name of wanted) {
    if (!byName.has(name)) throw new JpevalError(`suite "${name}" of the source run is not defined here`, { hint: 'add its directory with --suites-dir, or leave it out with --suite' });
  }

  const started = Date.now();
  const runId = opts.runId ?? newRunId();
  const writer = new RunWriter(opts.outDir, runId);
  const graders: Record<string, GraderModel> = {};
  const closers: (() => Promise<void>)[] = [];
  const record: RunRecord = {
    ...source,
    schema_version: RESULTS_SCHEMA_VERSION,
    run_id: runId,
    status: 'running',
    jpeval_version: jpevalVersion(),
    node_version: process.version,
    started_at: new Date(started).toISOString(),
    datasets: source.datasets.filter((d) => wanted.includes(d.suite)),
    results: [],
    summary: [],
  };
  if (source.skipped_suites) record.skipped_suites = source.skipped_suites.filter((s) => wanted.includes(s.suite));
  delete record.finished_at;
  delete record.duration_s;
  delete record.complete;
  delete record.error;
  const revision = gitRevision();
  if (revision) record.git_revision = revision;
  else delete record.git_revision;
  await writer.open();
  try {
    for (const [role, spec] of Object.entries(opts.roles ?? {})) {
      const backend = await spec.open();
      closers.push(() => backend.close());
      (record.roles ??= {})[role] = modelRecord(await backend.info(), { name: spec.id });
      graders[role] = { role, id: spec.id, generate: (request) => backend.generate(request) };
    }
    const states = new Map<string, SuiteState>();
    for (const name of wanted) {
      const suite = byName.get(name)!;
      resolveScorers(suite);
      states.set(name, await loadSuiteState(suite, source, opts, graders));
    }
    const changes = describeChanges(source, states, opts);
    record.rescored_from = { run_id: source.run_id, dir: opts.sourceDir, changes };
    record.config = { ...source.config, rescored_from: source.run_id, rescore_changes: changes };
    record.config_hash = sha256(stableStringify(record.config));
    await writer.writeRun(record);

    const tallies = new Map<string, Tally>();
    const tallyFor = (sample: SampleRecord): Tally => {
      const key = `${sample.model}\u0000${sample.suite}`;
      let t = tallies.get(key);
      if (!t) {
        const result = source.results.find((r) => r.model === sample.model && r.suite === sample.suite);
        if (!result) throw new JpevalError(`${opts.sourceDir}: samples of ${sample.suite} × ${sample.model} have no result in run.json`);
        t = { source: result, finished: [], errors: 0 };
        tallies.set(key, t);
      }
      return t;
    };
    const onTornLine = (info: { file: string; line: number }): void => opts.warn?.(`${info.file}:${info.line}: last line cut short (the run was killed while writing it); skipped`);
    for await (const sample of readSamples(opts.sourceDir, { onTornLine, uniqueItems: true })) {
      if (signal.aborted) break;
      const state = states.get(sample.suite);
      if (!state) continue;
      const tally = tallyFor(sample);
      const out = await rescoreSample(sample, state, runId, signal);
      if (out.error !== undefined) tally.errors += 1;
      tally.finished.push({
        item_id: out.item_id,
        ...(out.error !== undefined ? { error: out.error } : { score: out.score }),
        ...(out.cluster !== undefined ? { cluster: out.cluster } : {}),
        ...(out.breakdown !== undefined ? { breakdown: out.breakdown } : {}),
        timing: [],
        usage: {},
        output_chars: out.output_chars,
      });
      writer.appendSample(out);
      events.emit({ type: 'item_finished', model: out.model, suite: out.suite, sample: out });
    }
    // In the source run's order; a result without samples (its model stopped first) is kept.
    for (const result of source.results) {
      const state = states.get(result.suite);
      if (!state) continue;
      const tally = tallies.get(`${result.model}\u0000${result.suite}`) ?? { source: result, finished: [], errors: 0 };
      record.results.push(suiteResult(tally, state.suite, source.config.seed, signal.aborted));
    }
    record.status = signal.aborted ? 'interrupted' : 'completed';
    record.complete = record.status === 'completed' && source.complete !== false && record.results.every((r) => r.complete);
    if (source.status !== 'completed') record.error = `the source run ${source.run_id} was ${source.status}; only its saved samples were re-scored`;
  } catch (err) {
    record.status = 'failed';
    record.error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    const finished = Date.now();
    record.finished_at = new Date(finished).toISOString();
    record.duration_s = Math.round((finished - started) / 10) / 100;
    record.summary = summarize(record.results);
    record.complete ??= false;
    for (const close of closers) await close();
    await writer.close();
    await writer.writeRun(record);
  }
  events.emit({ type: 'run_finished', record });
  return record;
}

async function rescoreSample(sample: SampleRecord, state: SuiteState, runId: string, signal: AbortSignal): Promise<SampleRecord> {
  const base = { ...sample, run_id: runId, suite_version: state.suite.version };
  if (sample.error !== undefined) return base;
  const item = state.items.get(sample.item_id)?.item;
  if (!item) {
    throw new JpevalError(`item ${sample.item_id} of suite ${sample.suite} is not in the suite's data now`, {
      hint: 'the data file changed since the run; point --data-dir at the data the run used',
    });
  }
  const ranked = sample.choice_logprobs ? rankChoices(sample.choice_logprobs) : undefined;
  const extra = ranked ? { predictedIndex: ranked.index, choiceLogprobs: sample.choice_logprobs!, ...(sample.choice_chars ? { choiceChars: sample.choice_chars } : {}) } : {};
  const { extracted, score } = await scoreItem(state.suite, item, sample.raw_output, extra, {
    ...state.scoring,
    signal,
    previous: sample.score,
  });
  if (ranked?.tie) score.flags.push('choice_tie');
  return { ...base, extracted, score, outcome: score.outcome };
}

function suiteResult(tally: Tally, suite: Suite, seed: unknown, aborted: boolean): SuiteResult {
  const { source } = tally;
  // The same aggregation as a run (canonical item order, intervals, rates, breakdown); speed figures stay the source's.
  const built = buildSuiteResult(
    { suite, modelId: source.model, mode: source.mode, shots: source.shots, seed: typeof seed === 'number' ? seed : 1234, skipped: source.skipped, total: source.n, stopped: aborted },
    tally.finished,
  );
  // Incomplete for reasons re-scoring cannot change (failed requests, an interrupted run) stays so;
  // incomplete only because a scorer failed (e.g. judge requests) may now be complete.
  const scorerErrorsBefore = source.outcomes.error - source.errors;
  const otherwiseComplete = source.complete || (source.errors === 0 && scorerErrorsBefore > 0);
  const scorerErrorsNow = built.outcomes.error - tally.errors;
  // The source's hallucination block and breakdown are stale after re-scoring: the new ones replace them.
  const { hallucination: _staleRates, breakdown: _staleBreakdown, ...rest } = source;
  return {
    ...rest,
    suite_version: suite.version,
    category: suite.category,
    primary_metric: built.primary_metric,
    n: built.n,
    errors: tally.errors,
    complete: !aborted && otherwiseComplete && scorerErrorsNow === 0 && built.n === source.n,
    metrics: built.metrics,
    outcomes: built.outcomes,
    flags: built.flags,
    ...(built.breakdown ? { breakdown: built.breakdown } : {}),
    ...(built.hallucination ? { hallucination: built.hallucination } : {}),
  };
}
