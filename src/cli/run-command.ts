import path from 'node:path';
import type { Command } from 'commander';
import { loadConfigFile, type JpevalConfig } from '../config/config-file.js';
import { createBackend } from '../models/create.js';
import { parseModelSpec, type ModelSpec } from '../models/spec.js';
import { ProgressReporter } from '../progress/reporter.js';
import { formatRunTable } from '../results/table.js';
import { RunEvents } from '../runner/events.js';
import { runEvaluation, type ModelToRun, type RunOptions } from '../runner/run.js';
import { loadAllSuites, loadSuiteFile, selectSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { isGlob } from '../util/glob.js';
import { collect, parseIntOption } from './output.js';

export interface RunFlags {
  model?: string[];
  suite?: string[];
  suitesDir?: string[];
  dataDir?: string;
  split?: string;
  limit?: number;
  shots?: number;
  seed?: number;
  genCount?: number;
  concurrency?: number;
  batchSize?: number;
  mcMode: 'suite' | 'generate' | 'loglikelihood';
  out?: string;
  json?: boolean;
  config?: string;
  baseUrl?: string;
  timeout: number;
  maxRetries: number;
  threads?: number;
  dtype?: string;
  progress: 'auto' | 'tty' | 'plain' | 'none';
  judge?: string;
}

interface ModelPlan {
  spec: ModelSpec;
  concurrency: number;
  batchSize: number;
  timeoutMs: number;
  maxRetries: number;
  apiKeyEnv?: string;
  settings: Record<string, unknown>;
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
    .option('--concurrency <n>', 'requests in flight per model (default: 8 remote, 1 local)', parseIntOption('--concurrency', 1))
    .option('--batch-size <n>', 'items per log-likelihood call (default: 8 local, 1 remote)', parseIntOption('--batch-size', 1))
    .option('--mc-mode <mode>', 'choice tasks: suite (each suite decides) | generate | loglikelihood', 'suite')
    .option('-o, --out <dir>', 'results directory (default: results/)')
    .option('--json', 'print the run record as JSON instead of the table')
    .option('-c, --config <file>', 'config file (default: ./jpeval.config.yaml if present)')
    .option('--base-url <url>', 'base URL for openai: specs (default: $OPENAI_BASE_URL)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', parseIntOption('--timeout', 1), 120_000)
    .option('--max-retries <n>', 'retries per request (429 / 5xx / network), with backoff', parseIntOption('--max-retries'), 6)
    .option('--threads <n>', 'local models: onnxruntime intra-op threads', parseIntOption('--threads', 1))
    .option('--dtype <variant>', 'local models: fp32 | fp16 | q8 (model_quantized.onnx) …')
    .option('--progress <kind>', 'auto | tty | plain | none', 'auto')
    .option('--judge <spec>', 'model that rates outputs of judge-scored suites (e.g. mt-bench-ja); same spec forms as --model')
    .action(async (flags: RunFlags) => {
      setExit(await runCommand(flags, io));
    });
}

function modelPlans(flags: RunFlags, config: JpevalConfig | undefined): ModelPlan[] {
  type Entry = JpevalConfig['models'][number];
  const fromFlags = (flags.model ?? []).map((raw) => ({ spec: parseModelSpec(raw, flags.baseUrl ? { baseUrl: flags.baseUrl } : {}), entry: undefined as Entry | undefined }));
  const fromConfig = fromFlags.length ? [] : (config?.models ?? []).map((entry) => ({ spec: entry.modelSpec, entry }));
  const all = fromFlags.length || fromConfig.length ? [...fromFlags, ...fromConfig] : [{ spec: parseModelSpec('default'), entry: undefined }];
  return all.map(({ spec, entry }) => {
    const local = spec.kind !== 'remote';
    const settings: Record<string, unknown> = { ...(entry?.settings ?? {}) };
    if (flags.threads !== undefined) settings.threads = flags.threads;
    if (flags.dtype !== undefined) settings.dtype = flags.dtype;
    return {
      spec,
      concurrency: flags.concurrency ?? entry?.concurrency ?? config?.concurrency ?? (local ? 1 : 8),
      batchSize: flags.batchSize ?? (local ? 8 : 1),
      timeoutMs: entry?.timeoutMs ?? flags.timeout,
      maxRetries: entry?.maxRetries ?? flags.maxRetries,
      ...(entry?.apiKeyEnv ? { apiKeyEnv: entry.apiKeyEnv } : {}),
      settings,
    };
  });
}

/**
 * Suite patterns may be names, globs, or paths to suite files (from the CLI or the config file).
 * Suites reached only through a glob are optional: skipped (and listed) when their data is absent.
 */
async function pickSuites(patterns: string[] | undefined, extraDirs: string[]): Promise<{ suites: Suite[]; optional: Set<string> }> {
  const all = await loadAllSuites(extraDirs);
  if (!patterns?.length) return { suites: all.filter((s) => s.source.kind === 'builtin'), optional: new Set() };
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
 * Turns flags (and jpeval.config.yaml) into the runner's options. `jpeval run` and the TUI both
 * start runs through here, so a run started from either is the same run.
 */
export async function prepareRun(flags: RunFlags, events: RunEvents, signal: AbortSignal, preloaded?: JpevalConfig): Promise<RunOptions> {
  if (!['suite', 'generate', 'loglikelihood'].includes(flags.mcMode)) {
    throw new JpevalError(`--mc-mode must be suite, generate or loglikelihood (got "${flags.mcMode}")`);
  }
  if (!['auto', 'tty', 'plain', 'none'].includes(flags.progress)) {
    throw new JpevalError(`--progress must be auto, tty, plain or none (got "${flags.progress}")`);
  }
  // The TUI passes the configuration its picker assembled (a subset of the file's models, typed specs).
  const config = preloaded ?? (await loadConfigFile(flags.config));
  const plans = modelPlans(flags, config);
  const { suites, optional } = await pickSuites(flags.suite ?? config?.suites, flags.suitesDir ?? []);
  const dataDir = flags.dataDir ?? config?.dataDir;
  const onlyDefault = plans.every((p) => p.spec.kind === 'default');
  // The embedded model is a character n-gram LM: it cannot follow instructions, so choice tasks
  // are ranked by log-likelihood unless the user asked otherwise (recorded in every result).
  const mcMode = flags.mcMode === 'suite' && onlyDefault ? 'loglikelihood' : flags.mcMode;

  const seed = flags.seed ?? config?.seed ?? 1234;
  const models: ModelToRun[] = plans.map((plan) => ({
    id: plan.spec.id,
    concurrency: plan.concurrency,
    batchSize: plan.batchSize,
    open: () =>
      createBackend(plan.spec, {
        concurrency: plan.concurrency,
        timeoutMs: plan.timeoutMs,
        maxRetries: plan.maxRetries,
        settings: plan.settings,
        ...(plan.apiKeyEnv ? { apiKeyEnv: plan.apiKeyEnv } : {}),
        ...(typeof plan.settings.threads === 'number' ? { threads: plan.settings.threads } : {}),
        ...(typeof plan.settings.dtype === 'string' ? { dtype: plan.settings.dtype } : {}),
        batchSize: plan.batchSize,
        onRetry: (info) => events.emit({ type: 'retry', model: plan.spec.id, ...info }),
      }),
  }));
  const judgeSpec = flags.judge ? parseModelSpec(flags.judge, flags.baseUrl ? { baseUrl: flags.baseUrl } : {}) : undefined;
  const judge: ModelToRun | undefined = judgeSpec && {
    id: judgeSpec.id,
    open: () =>
      createBackend(judgeSpec, {
        concurrency: flags.concurrency ?? (judgeSpec.kind === 'remote' ? 8 : 1),
        timeoutMs: flags.timeout,
        maxRetries: flags.maxRetries,
        settings: {},
        onRetry: (info) => events.emit({ type: 'retry', model: judgeSpec.id, ...info }),
      }),
  };
  const runOptions: RunOptions = {
    models,
    ...(judge ? { judge } : {}),
    suites,
    optionalSuites: optional,
    outDir: flags.out ?? config?.out ?? 'results',
    ...(dataDir ? { dataDir } : {}),
    ...(flags.split ? { split: flags.split } : {}),
    ...((flags.limit ?? config?.limit) !== undefined ? { limit: flags.limit ?? config?.limit } : {}),
    ...((flags.shots ?? config?.shots) !== undefined ? { shots: flags.shots ?? config?.shots } : {}),
    seed,
    ...(flags.genCount !== undefined ? { generatedCount: flags.genCount } : {}),
    concurrency: plans[0]?.concurrency ?? 1,
    batchSize: plans[0]?.batchSize ?? 1,
    mcMode,
    config: {
      models: plans.map((p) => ({ id: p.spec.id, concurrency: p.concurrency, batch_size: p.batchSize, timeout_ms: p.timeoutMs, max_retries: p.maxRetries, settings: p.settings })),
      suites: suites.map((s) => `${s.name}@${s.version}`),
      data_dir: dataDir ?? null,
      split: flags.split ?? null,
      limit: flags.limit ?? config?.limit ?? null,
      shots: flags.shots ?? config?.shots ?? null,
      seed,
      gen_count: flags.genCount ?? null,
      mc_mode: mcMode,
      judge: judgeSpec?.id ?? null,
    },
    events,
    signal,
  };
  return runOptions;
}

async function runCommand(flags: RunFlags, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const events = new RunEvents();
  const controller = new AbortController();
  const runOptions = await prepareRun(flags, events, controller.signal);
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
