import path from 'node:path';
import type { Command } from 'commander';
import { formatRunTable } from '../results/table.js';
import { readRunRecord } from '../results/read.js';
import { RunEvents } from '../runner/events.js';
import { rescoreRun } from '../runner/rescore.js';
import { loadAllSuites } from '../suites/load-suite.js';
import { JpevalError } from '../util/errors.js';
import { globToRegExp } from '../util/glob.js';
import { loadConfigFile } from '../config/config-file.js';
import { backendOptions, DEFAULTS, effectiveConfig } from '../config/effective.js';
import { createBackend } from '../models/create.js';
import type { ModelToRun } from '../runner/run.js';
import { collect, parseIntOption } from './output.js';

interface ScoreFlags {
  judge?: string;
  role?: string[];
  suite?: string[];
  suitesDir?: string[];
  dataDir?: string;
  out?: string;
  json?: boolean;
  baseUrl?: string;
  timeout?: number;
  maxRetries?: number;
  concurrency?: number;
  config?: string;
}

type IO = { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

export function registerScoreCommand(program: Command, io: IO, setExit: (code: number) => void): void {
  program
    .command('score')
    .argument('<run-dir>', 'a run directory (holding run.json and samples.jsonl), finished or interrupted')
    .description('re-score a saved run from its samples.jsonl with the current suites and metric code, without calling the evaluated model; writes a new run directory')
    .option('--judge <spec>', 'judge model for judge-scored suites (shorthand for --role judge=<spec>)')
    .option('--role <name=spec>', 'model for a grader role that scorers declare, repeatable', collect)
    .option('-s, --suite <name-or-glob>', 'only these suites of the run, repeatable', collect)
    .option('--suites-dir <dir>', 'extra directory of suite files, repeatable (for runs of suites outside suites/)', collect)
    .option('--data-dir <dir>', 'where upstream benchmark files are (default: the data dir the run recorded, else $JPEVAL_DATA_DIR)')
    .option('-o, --out <dir>', 'where the new run directory goes (default: next to RUN_DIR)')
    .option('--json', 'print the new run record as JSON instead of the table')
    .option('--base-url <url>', 'base URL for openai: grader specs (default: $OPENAI_BASE_URL)')
    .option('--concurrency <n>', 'grader requests in flight (default: 8 remote, 1 local)', parseIntOption('--concurrency', 1))
    .option('--timeout <ms>', `per-request timeout for graders in milliseconds (default: ${DEFAULTS.timeoutMs})`, parseIntOption('--timeout', 1))
    .option('--max-retries <n>', `retries per grader request (default: ${DEFAULTS.maxRetries})`, parseIntOption('--max-retries'))
    .option('-c, --config <file>', 'config file for grader roles (roles:) (default: ./jpeval.config.yaml if present)')
    .action(async (runDir: string, flags: ScoreFlags) => {
      setExit(await scoreCommand(runDir, flags, io));
    });
}

async function scoreCommand(runDir: string, flags: ScoreFlags, io: IO): Promise<number> {
  const sourceDir = path.resolve(runDir);
  const source = await readRunRecord(sourceDir);
  const runSuites = [...new Set(source.results.map((r) => r.suite))];
  let only: Set<string> | undefined;
  if (flags.suite?.length) {
    only = new Set();
    for (const pattern of flags.suite) {
      const re = globToRegExp(pattern);
      const matched = runSuites.filter((s) => re.test(s));
      if (matched.length === 0) throw new JpevalError(`--suite ${pattern} matches no suite of run ${source.run_id}`, { hint: `the run has: ${runSuites.join(', ')}` });
      matched.forEach((s) => only!.add(s));
    }
  }
  const events = new RunEvents();
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr.write('\njpeval: interrupted — cancelling grader requests; a partial run.json is written (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  events.subscribe((event) => {
    if (event.type === 'retry') io.stderr.write(`jpeval: retry ${event.attempt} for ${event.model} in ${(event.delayMs / 1000).toFixed(1)}s: ${event.reason}\n`);
  });
  // Graders: --judge / --role, else the config file's roles: (the evaluated model is never called).
  const config = effectiveConfig(flags, await loadConfigFile(flags.config));
  const roles: Record<string, ModelToRun> = Object.fromEntries(
    Object.entries(config.roles).map(([role, m]) => [role, { id: m.name, open: () => createBackend(m.spec, backendOptions(m, (info) => events.emit({ type: 'retry', model: m.name, ...info }))) }]),
  );
  const outDir = path.resolve(flags.out ?? path.dirname(sourceDir));
  try {
    const record = await rescoreRun({
      sourceDir,
      suites: await loadAllSuites(flags.suitesDir ?? []),
      ...(only ? { only } : {}),
      outDir,
      ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
      roles,
      events,
      signal: controller.signal,
      warn: (message) => io.stderr.write(`jpeval: warning: ${message}\n`),
    });
    if (flags.json) io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    else {
      io.stdout.write(`\n${formatRunTable(record)}\n\n`);
      io.stdout.write(`re-scored ${source.run_id}${record.rescored_from?.changes.length ? ` (${record.rescored_from.changes.join('; ')})` : ' (nothing changed)'}\n`);
      io.stdout.write(`results: ${path.join(outDir, record.run_id)}/run.json, samples.jsonl\n`);
    }
    if (record.status === 'interrupted') return 130;
    return record.status === 'completed' && record.results.every((r) => r.complete) ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
