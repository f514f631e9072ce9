import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import { loadConfigFile, type JpevalConfig } from '../config/config-file.js';
import { backendOptions, DEFAULTS, describeModel, effectiveConfig, type ConfigFlags, type EffectiveConfig, type EffectiveModel } from '../config/effective.js';
import { createBackend } from '../models/create.js';
import { ProgressReporter } from '../progress/reporter.js';
import { formatRunTable } from '../results/table.js';
import { RunEvents } from '../runner/events.js';
import { runEvaluation, type ModelToRun, type RunOptions } from '../runner/run.js';
import { loadAllSuites, loadSuiteFile, selectSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { isGlob } from '../util/glob.js';
import { hostInfo } from '../util/host.js';
import { newRunId } from '../util/provenance.js';
import { parseShard, shardFromEnv } from '../runner/shard.js';
import { collect, parseIntOption } from './output.js';
import { responseCacheFor } from './response-cache-option.js';
import { applyRecordedSettings, splitRunDir } from './resume-flags.js';

/** Built-in backends whose answers depend only on files on this machine (cached by default). */
const LOCAL_KINDS = new Set(['local', 'default']);

export interface RunFlags extends ConfigFlags {
  suite?: string[];
  suitesDir?: string[];
  json?: boolean;
  config?: string;
  progress: 'auto' | 'tty' | 'plain' | 'none';
  printConfig?: boolean;
  /** `--gen-count`: items generated per run by generator suites (0 = the frozen set only). */
  genCount?: number;
  /** undefined: on for local models, off for remote ones. */
  cache?: boolean;
  cacheDir?: string;
  cacheMaxMb?: number;
  resume?: string;
  runId?: string;
  shard?: string;
}

export function registerRunCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('evaluate models on suites and write results (no flags: the embedded default model on the built-in suites)')
    .option('-m, --model <spec>', 'model spec, repeatable: openai:<model> | http://HOST:PORT/v1#<model> | local:<dir> | ./dir | default', collect)
    .option('-s, --suite <name-or-glob>', "suite name or glob, repeatable (e.g. 'j*'); default: the built-in suites", collect)
    .option('--suites-dir <dir>', 'extra directory of suite files, repeatable', collect)
    .option('--data-dir <dir>', 'where upstream benchmark files are (default: $JPEVAL_DATA_DIR)')
    .option('--split <name>', "which split to evaluate (default: each suite's own, e.g. valid for JGLUE)")
    .option('--limit <n>', 'evaluate only the first N items of each suite', parseIntOption('--limit', 1))
    .option('--shots <n>', "number of few-shot examples (default: each suite's own)", parseIntOption('--shots'))
    .option('--seed <n>', 'seed for few-shot sampling, bootstrap intervals and generated items', parseIntOption('--seed'))
    .option('--gen-count <n>', "items generated per run by generator suites (default: each suite's own; 0 = frozen set only)", parseIntOption('--gen-count'))
    .option('--concurrency <n>', "requests in flight per model (default: the backend's, 8 remote, 1 local)", parseIntOption('--concurrency', 1))
    .option('--batch-size <n>', "items per log-likelihood call (default: the backend's, 8 local, 1 remote)", parseIntOption('--batch-size', 1))
    .option('--mc-mode <mode>', 'choice tasks: suite (each suite, or the model, decides) | generate | loglikelihood (default: suite)')
    .option('-o, --out <dir>', 'results directory (default: results/)')
    .option('--json', 'print the run record as JSON instead of the table')
    .option('-c, --config <file>', 'config file (default: ./jpeval.config.yaml if present)')
    .option('--base-url <url>', 'base URL for openai: specs (default: $OPENAI_BASE_URL)')
    .option('--timeout <ms>', `per-request timeout in milliseconds (default: ${DEFAULTS.timeoutMs})`, parseIntOption('--timeout', 1))
    .option('--max-retries <n>', `retries per request (429 / 5xx / network), with backoff (default: ${DEFAULTS.maxRetries})`, parseIntOption('--max-retries'))
    .option('--threads <n>', 'local models: onnxruntime intra-op threads', parseIntOption('--threads', 1))
    .option('--dtype <variant>', 'local models: fp32 | fp16 | q8 (model_quantized.onnx) …')
    .option('--progress <kind>', 'auto | tty | plain | none', 'auto')
    .option('--judge <spec>', 'model that rates outputs of judge-scored suites (e.g. mt-bench-ja); shorthand for --role judge=<spec>')
    .option('--role <name=spec>', 'model for a grader role that scorers declare (e.g. judge=openai:gpt-4o), repeatable', collect)
    .option('--print-config', 'print the effective settings (flags > config file > defaults) per model and role, and exit')
    .option('--cache', 'answer repeated requests from the response cache (default: on for local models, off for remote)')
    .option('--no-cache', 'never read or write the response cache')
    .option('--cache-dir <dir>', 'response cache directory (default: $JPEVAL_CACHE_DIR/responses or ~/.cache/jpeval/responses)')
    .option('--cache-max-mb <n>', 'size cap of the response cache; least recently used entries are evicted (default 2048)', parseIntOption('--cache-max-mb', 1))
    .option('--shard <i/n>', 'run only part i of n of every suite (0 ≤ i < n); combine the parts with jpeval merge (default: from JOB_COMPLETION_INDEX and JPEVAL_SHARD_COUNT)')
    .option('--run-id <id>', 'name the run directory (<out>/<id>); when it already holds this run, the run is resumed')
    .option('--resume <run-dir>', 'continue a killed or interrupted run: finished items are kept, the rest run (settings not given are taken from its run.json)')
    .action(async (flags: RunFlags, command: Command) => {
      setExit(await runCommand(flags, io, (key) => command.getOptionValueSource(key as string) === 'cli'));
    });
}

/**
 * Suite patterns may be names, globs, or paths to suite files (from the CLI or the config file).
 * Suites reached only through a glob are optional: skipped (and listed) when their data is absent.
 */
async function pickSuites(patterns: string[] | undefined, extraDirs: string[]): Promise<{ suites: Suite[]; optional: Set<string> }> {
  const all = await loadAllSuites(extraDirs);
  // The no-flag run is the quick look: built-in suites, minus those tagged `opt-in` (long
  // generation suites such as ind-factory-plan or ind-plc-st, run when selected by name or glob).
  if (!patterns?.length) return { suites: all.filter((s) => s.source.kind === 'builtin' && !s.tags.includes('opt-in')), optional: new Set() };
  const picked: Suite[] = [];
  const explicit = new Set<string>();
  for (const pattern of patterns) {
    const fromFile = /\.(ya?ml|json)$/i.test(pattern) ? [await loadSuiteFile(pattern)] : selectSuites(all, [pattern]);
    if (!isGlob(pattern)) fromFile.forEach((s) => explicit.add(s.name));
    for (const s of fromFile) if (!picked.some((p) => p.name === s.name)) picked.push(s);
  }
  return { suites: picked, optional: new Set(picked.map((s) => s.name).filter((n) => !explicit.has(n))) };
}

/**
 * Flags, the config file (or the configuration the TUI's picker assembled) and, when resuming,
 * the run's recorded settings, merged into one effective configuration.
 */
async function resolveRun(
  flags: RunFlags,
  given: (flag: keyof RunFlags) => boolean,
  preloaded?: JpevalConfig,
): Promise<{ flags: RunFlags; config: EffectiveConfig; target?: string }> {
  // --resume DIR, or --run-id naming a run that exists: continue it (settings not given come from its run.json).
  const named = flags.resume ?? (flags.runId !== undefined ? path.join(flags.out ?? DEFAULTS.out, flags.runId) : undefined);
  const resuming = named !== undefined && (flags.resume !== undefined || existsSync(path.join(named, 'run.json')));
  let recorded: ReturnType<typeof applyRecordedSettings<RunFlags>> | undefined;
  if (resuming) {
    const { readRunForResume } = await import('../runner/resume.js');
    recorded = applyRecordedSettings(flags, await readRunForResume(path.resolve(named)), given);
    flags = recorded.flags;
  }
  if (flags.mcMode !== undefined && !['suite', 'generate', 'loglikelihood'].includes(flags.mcMode)) {
    throw new JpevalError(`--mc-mode must be suite, generate or loglikelihood (got "${flags.mcMode}")`);
  }
  if (!['auto', 'tty', 'plain', 'none'].includes(flags.progress)) {
    throw new JpevalError(`--progress must be auto, tty, plain or none (got "${flags.progress}")`);
  }
  const file = preloaded ?? (await loadConfigFile(flags.config));
  // Resuming without -m / --config: the models and graders exactly as the run recorded them.
  const withRecorded = recorded?.models
    ? { ...(file ?? { path: '(run.json)', roles: {} }), models: recorded.models, ...(recorded.roles ? { roles: recorded.roles } : {}) }
    : file;
  return { flags, config: effectiveConfig(flags, withRecorded), ...(resuming ? { target: named } : {}) };
}

/**
 * Turns flags (and jpeval.config.yaml) into the runner's options. `jpeval run` and the TUI both
 * start runs through here, so a run started from either is the same run.
 */
export async function prepareRun(
  flagsIn: RunFlags,
  events: RunEvents,
  signal: AbortSignal,
  preloaded?: JpevalConfig,
  given: (flag: keyof RunFlags) => boolean = () => true,
): Promise<RunOptions> {
  const { flags, config, target } = await resolveRun(flagsIn, given, preloaded);
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : shardFromEnv();
  const { suites, optional } = await pickSuites(flags.suite ?? config.suites, flags.suitesDir ?? []);
  const cache = responseCacheFor(flags);
  const toRun = (model: EffectiveModel, cached: boolean): ModelToRun => ({
    id: model.name,
    concurrency: model.concurrency,
    batchSize: model.batchSize,
    open: () => {
      const open = () => createBackend(model.spec, backendOptions(model, (info) => events.emit({ type: 'retry', model: model.name, ...info })));
      // On by default only for jpeval's own local backends (same weights, same answers); a plugin
      // backend may call a service that changes behind the same name, so it is cached only with --cache.
      return cached ? cache.wrap(LOCAL_KINDS.has(model.spec.kind), open) : open();
    },
  });
  const models = config.models.map((m) => toRun(m, true));
  // Graders are not cached: their requests are built by scorers, per item.
  const roles = Object.fromEntries(Object.entries(config.roles).map(([role, model]) => [role, toRun(model, false)]));
  const where = target !== undefined ? splitRunDir(target) : undefined;
  return {
    models,
    ...(Object.keys(roles).length ? { roles } : {}),
    suites,
    optionalSuites: optional,
    outDir: where?.outDir ?? config.out,
    ...(where ? { runId: where.runId, resume: true } : flags.runId !== undefined ? { runId: flags.runId } : shard ? { runId: `${newRunId()}-shard-${shard.index}-of-${shard.count}` } : {}),
    ...(shard ? { shard } : {}),
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(config.split ? { split: config.split } : {}),
    ...(config.limit !== undefined ? { limit: config.limit } : {}),
    ...(config.shots !== undefined ? { shots: config.shots } : {}),
    seed: config.seed,
    ...(flags.genCount !== undefined ? { generatedCount: flags.genCount } : {}),
    concurrency: config.models[0]?.concurrency ?? 1,
    batchSize: config.models[0]?.batchSize ?? 1,
    mcMode: config.mcMode,
    config: {
      models: config.models.map(describeModel),
      roles: Object.fromEntries(Object.entries(config.roles).map(([role, m]) => [role, describeModel(m)])),
      suites: suites.map((s) => `${s.name}@${s.version}`),
      suites_dirs: (flags.suitesDir ?? []).map((d) => path.resolve(d)),
      data_dir: config.dataDir ?? null,
      split: config.split ?? null,
      limit: config.limit ?? null,
      shots: config.shots ?? null,
      seed: config.seed,
      gen_count: flags.genCount ?? null,
      mc_mode: config.mcMode,
      shard: shard ?? null,
      cache: flags.cache ?? 'local models only',
      // Throughput is compared only between runs on equal hardware (leaderboard, nightly).
      host: hostInfo(),
    },
    events,
    signal,
  };
}

async function runCommand(flags: RunFlags, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, given: (flag: keyof RunFlags) => boolean = () => true): Promise<number> {
  if (flags.printConfig) {
    const printable = printableConfig(await resolveRun(flags, given));
    io.stdout.write(flags.json ? `${JSON.stringify(printable, null, 2)}\n` : YAML.stringify(printable));
    return 0;
  }
  const events = new RunEvents();
  const controller = new AbortController();
  const runOptions = await prepareRun(flags, events, controller.signal, undefined, given);
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr.write('\njpeval: interrupted — cancelling requests in flight; finished items are kept and a partial run.json is written (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const progressKind = flags.progress === 'auto' ? (io.stderr.isTTY ? 'tty' : 'plain') : flags.progress;
  if (progressKind !== 'none') {
    const reporter = new ProgressReporter({ stream: io.stderr, interactive: progressKind === 'tty' });
    events.subscribe(reporter.handle);
  } else {
    // No progress lines, but warnings (e.g. a role no suite uses) are not progress: still say them.
    events.subscribe((event) => {
      if (event.type === 'warning') io.stderr.write(`warning: ${event.message}\n`);
    });
  }
  try {
    const record = await runEvaluation(runOptions);
    const runJson = path.join(path.resolve(runOptions.outDir), record.run_id, 'run.json');
    if (flags.json) io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    else if (record.results.length === 0) {
      // Nothing was scored (every model failed to start): the reason, not an empty table.
      io.stderr.write(`jpeval: no results (${record.status})${record.error ? `:\n${record.error.replace(/^/gm, '  ')}` : ''}\nrun record: ${runJson}\n`);
    } else {
      io.stdout.write(`\n${formatRunTable(record)}\n\n`);
      io.stdout.write(`results: ${path.join(path.resolve(runOptions.outDir), record.run_id)}/run.json, samples.jsonl\n`);
      if (record.status !== 'completed') io.stdout.write(`status: ${record.status}${record.error ? `\n${record.error}` : ''}\n`);
    }
    if (record.status === 'interrupted') return 130;
    const incomplete = record.results.some((r) => !r.complete);
    return record.status === 'completed' && !incomplete ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** `--print-config`: every model and role with its effective settings and where each came from. */
function printableConfig({ flags, config, target }: Awaited<ReturnType<typeof resolveRun>>): Record<string, unknown> {
  const withSources = (m: EffectiveModel) => ({ ...describeModel(m), from: m.from });
  // What the run would use (prepareRun): --suite over the config's, the resumed run's directory, the shard.
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : shardFromEnv();
  return {
    config_file: config.configFile ?? null,
    models: config.models.map(withSources),
    roles: Object.fromEntries(Object.entries(config.roles).map(([role, m]) => [role, withSources(m)])),
    run: {
      suites: flags.suite ?? config.suites ?? null,
      data_dir: config.dataDir ?? null,
      split: config.split ?? null,
      limit: config.limit ?? null,
      shots: config.shots ?? null,
      seed: config.seed,
      mc_mode: config.mcMode,
      gen_count: flags.genCount ?? null,
      shard: shard ?? null,
      out: target !== undefined ? splitRunDir(target).outDir : config.out,
      ...(target !== undefined ? { resume: path.resolve(target) } : flags.runId !== undefined ? { run_id: flags.runId } : {}),
    },
  };
}
