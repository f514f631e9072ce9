import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import { loadConfigFile } from '../config/config-file.js';
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
import { collect, parseIntOption } from './output.js';

interface RunFlags extends ConfigFlags {
  suite?: string[];
  suitesDir?: string[];
  json?: boolean;
  config?: string;
  progress: 'auto' | 'tty' | 'plain' | 'none';
  printConfig?: boolean;
  /** `--gen-count`: items generated per run by generator suites (0 = the frozen set only). */
  genCount?: number;
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
    .action(async (flags: RunFlags) => {
      setExit(await runCommand(flags, io));
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

async function runCommand(flags: RunFlags, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
  if (flags.mcMode !== undefined && !['suite', 'generate', 'loglikelihood'].includes(flags.mcMode)) {
    throw new JpevalError(`--mc-mode must be suite, generate or loglikelihood (got "${flags.mcMode}")`);
  }
  if (!['auto', 'tty', 'plain', 'none'].includes(flags.progress)) {
    throw new JpevalError(`--progress must be auto, tty, plain or none (got "${flags.progress}")`);
  }
  const config = effectiveConfig(flags, await loadConfigFile(flags.config));
  if (flags.printConfig) {
    const printable = printableConfig(config);
    io.stdout.write(flags.json ? `${JSON.stringify(printable, null, 2)}\n` : YAML.stringify(printable));
    return 0;
  }
  const { suites, optional } = await pickSuites(flags.suite ?? config.suites, flags.suitesDir ?? []);

  const events = new RunEvents();
  const controller = new AbortController();
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

  const toRun = (model: EffectiveModel): ModelToRun => ({
    id: model.name,
    concurrency: model.concurrency,
    batchSize: model.batchSize,
    open: () => createBackend(model.spec, backendOptions(model, (info) => events.emit({ type: 'retry', model: model.name, ...info }))),
  });
  const models = config.models.map(toRun);
  const roles = Object.fromEntries(Object.entries(config.roles).map(([role, model]) => [role, toRun(model)]));
  const runOptions: RunOptions = {
    models,
    ...(Object.keys(roles).length ? { roles } : {}),
    suites,
    optionalSuites: optional,
    outDir: config.out,
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
      data_dir: config.dataDir ?? null,
      split: config.split ?? null,
      limit: config.limit ?? null,
      shots: config.shots ?? null,
      seed: config.seed,
      gen_count: flags.genCount ?? null,
      mc_mode: config.mcMode,
      // Throughput is compared only between runs on equal hardware (leaderboard, nightly).
      host: hostInfo(),
    },
    events,
    signal: controller.signal,
  };
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
function printableConfig(config: EffectiveConfig): Record<string, unknown> {
  const withSources = (m: EffectiveModel) => ({ ...describeModel(m), from: m.from });
  return {
    config_file: config.configFile ?? null,
    models: config.models.map(withSources),
    roles: Object.fromEntries(Object.entries(config.roles).map(([role, m]) => [role, withSources(m)])),
    run: {
      suites: config.suites ?? null,
      data_dir: config.dataDir ?? null,
      split: config.split ?? null,
      limit: config.limit ?? null,
      shots: config.shots ?? null,
      seed: config.seed,
      mc_mode: config.mcMode,
      out: config.out,
    },
  };
}
