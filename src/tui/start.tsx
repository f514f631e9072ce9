import { render } from 'ink';
import path from 'node:path';
import { loadConfigFile, type JpevalConfig } from '../config/config-file.js';
import { errorMessage } from '../util/errors.js';
import { App } from './app.js';
import { countItems, primaryMetricOf, suiteCatalog, suiteChoice } from './catalog.js';
import { initialPickState, type ModelChoice } from './pick-state.js';
import type { TuiContext } from './session.js';

export interface TuiFlags {
  config?: string;
  dataDir?: string;
  suitesDir?: string[];
  out?: string;
  results?: string;
}

export interface TuiIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Why the full-screen TUI cannot run here, or undefined when it can. */
export function whyNotInteractive(io: Pick<TuiIo, 'stdin' | 'stdout' | 'env'>): string | undefined {
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return `CI is set (CI=${ci})`;
  if (!io.stdin.isTTY) return 'stdin is not a terminal';
  if (!io.stdout.isTTY) return 'stdout is not a terminal';
  return undefined;
}

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

/** `jpeval tui`: loads the config and the suite catalog, then runs the app full screen. */
export async function runTui(flags: TuiFlags, io: TuiIo): Promise<number> {
  const why = whyNotInteractive(io);
  if (why) {
    io.stderr.write(`jpeval tui: needs an interactive terminal, but ${why}.\n  use jpeval run (with --progress plain) and jpeval list for non-interactive use\n`);
    return 2;
  }
  const cwd = process.cwd();
  let config: JpevalConfig | undefined;
  let configError: string | undefined;
  try {
    config = await loadConfigFile(flags.config);
  } catch (err) {
    if (flags.config) throw err; // a file the user named must be readable
    configError = errorMessage(err).split('\n')[0];
  }
  const dataDir = flags.dataDir ?? config?.dataDir ?? io.env.JPEVAL_DATA_DIR;
  const ctx: TuiContext = {
    cwd,
    ...(config ? { config } : {}),
    ...(configError ? { configError } : {}),
    ...(dataDir ? { dataDir } : {}),
    suitesDirs: flags.suitesDir ?? [],
    outDir: path.resolve(cwd, flags.out ?? config?.out ?? 'results'),
  };
  const suites = await suiteCatalog(ctx.suitesDirs);
  const fromConfig: ModelChoice[] = (config?.models ?? []).map((m) => ({ spec: m.name, label: m.name === m.spec ? m.spec : `${m.name} (${m.spec})`, source: 'config', picked: true }));
  const models: ModelChoice[] = [...fromConfig, ...(fromConfig.some((m) => m.spec === 'default') ? [] : [{ spec: 'default', label: 'default', source: 'default' as const, picked: fromConfig.length === 0 }])];
  const wanted = new Set(config?.suites ?? []);
  const initialPick = initialPickState(
    models,
    suites.map((s) => suiteChoice(s, wanted.has(s.name))),
    { ...(config?.limit !== undefined ? { limit: config.limit } : {}), ...(config?.shots !== undefined ? { shots: config.shots } : {}), ...(config?.concurrency !== undefined ? { concurrency: config.concurrency } : {}) },
  );
  const countSuites = (report: (counts: Record<string, number | null>) => void): void => {
    void (async () => {
      for (const suite of suites) report({ [suite.name]: await countItems(suite, dataDir) });
    })();
  };

  let summary: { interrupted: boolean; runDir?: string; pending?: Promise<unknown> } = { interrupted: false };
  io.stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <App
      ctx={ctx}
      initialPick={initialPick}
      {...(flags.results ? { initialRoute: { name: 'runs', dir: path.resolve(cwd, flags.results) } as const } : {})}
      storeOptions={{ primaryMetricOf: primaryMetricOf(suites) }}
      countSuites={countSuites}
      onQuit={(s) => (summary = s)}
    />,
    { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: false, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    io.stdout.write(LEAVE_ALT_SCREEN);
  }
  if (summary.pending && summary.interrupted) io.stderr.write('jpeval tui: stopping the run; finished items are kept and a partial run.json is written…\n');
  await summary.pending;
  if (summary.runDir) io.stdout.write(`last run: ${summary.runDir}/run.json, samples.jsonl\n`);
  return summary.interrupted ? 130 : 0;
}
