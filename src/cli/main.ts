import { Command, CommanderError } from 'commander';
import { jpevalVersion } from '../util/provenance.js';
import { reportError } from './output.js';

/**
 * The CLI entry point. Returns the exit code instead of calling process.exit so that tests can
 * drive it in-process as well as through bin/jpeval.js.
 *
 * Start-up cost is import cost: each command's module (and what it pulls in: the HTTP SDK, the
 * runner, suite parsing) is imported only when that command runs. For top-level help, commands
 * are registered from the table below with just their descriptions.
 */
type Io = { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
type SetExit = (code: number) => void;

interface CommandEntry {
  name: string;
  description: string;
  register: (program: Command, io: Io, setExit: SetExit) => Promise<void>;
}

/** Every command, in help order. A new command is one entry here. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'run',
    description: 'evaluate models on suites and write results (no flags: the embedded default model on the built-in suites)',
    register: async (p, io, setExit) => (await import('./run-command.js')).registerRunCommand(p, io, setExit),
  },
  {
    name: 'list',
    description: 'list suites (with whether their data is present) and metrics',
    register: async (p, io) => (await import('./list-command.js')).registerListCommand(p, io),
  },
  {
    name: 'validate',
    description: "check every suite file and jpeval's own items, and audit choice suites for answers guessable from the choices alone",
    register: async (p, io, setExit) => (await import('./validate-command.js')).registerValidateCommand(p, io, setExit),
  },
  {
    name: 'data',
    description: 'get public benchmark files into your data directory',
    register: async (p, io, setExit) => (await import('./data-command.js')).registerDataCommand(p, io, setExit),
  },
  {
    name: 'score',
    description: "re-score a saved run from its samples.jsonl with the current suites and metrics (fill graders such as --judge later); the model is not called",
    register: async (p, io, setExit) => (await import('./score-command.js')).registerScoreCommand(p, io, setExit),
  },
  {
    name: 'leaderboard',
    description: 'build leaderboard.json/.md/.csv and a static HTML site from run directories',
    register: async (p, io) => (await import('./leaderboard-command.js')).registerLeaderboardCommand(p, io),
  },
  {
    name: 'nightly',
    description: 'run the nightly evaluation: models x suites, history, regressions, throughput drift, canary, site',
    register: async (p, io, setExit) => (await import('./nightly-command.js')).registerNightlyCommand(p, io, setExit),
  },
  {
    name: 'tui',
    description: 'interactive terminal UI: pick models and suites, watch a run live, browse and compare results',
    register: async (p, io, setExit) => (await import('./tui-command.js')).registerTuiCommand(p, io, setExit),
  },
  {
    name: 'merge',
    description: 'combine the shards of a run (--shard i/n) into one run with the scores of an unsharded run',
    register: async (p, io, setExit) => (await import('./merge-command.js')).registerMergeCommand(p, io, setExit),
  },
];

/** The command named on the command line (first argument that is not an option), if any. */
function commandOf(argv: string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  // `jpeval help run` shows run's full help, so run's options must be registered.
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = new Command()
    .name('jpeval')
    .description('Japanese-language LLM evaluation harness')
    .version(jpevalVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  try {
    // Plugins register backends, metrics, extractors or loaders before any command parses its input.
    if (process.env.JPEVAL_PLUGINS) await (await import('./plugins.js')).loadPlugins(process.env.JPEVAL_PLUGINS);
    const chosen = commandOf(argv);
    if (chosen !== undefined) await chosen.register(program, io, setExit);
    // Other commands appear in help (and in "unknown command" suggestions) by name only.
    for (const c of COMMANDS) if (c !== chosen) program.command(c.name).description(c.description).allowUnknownOption().allowExcessArguments();
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportError(err, io.stderr);
  }
}
