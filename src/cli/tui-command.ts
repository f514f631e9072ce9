import type { Command } from 'commander';
import type { TuiFlags } from '../tui/start.js';
import { collect } from './output.js';

export function registerTuiCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('tui')
    .description('interactive terminal UI: pick models and suites, watch a run live, browse and compare results')
    .option('-c, --config <file>', 'config file (default: ./jpeval.config.yaml if present)')
    .option('--data-dir <dir>', 'where upstream benchmark files are (default: $JPEVAL_DATA_DIR)')
    .option('--suites-dir <dir>', 'extra directory of suite files, repeatable', collect)
    .option('-o, --out <dir>', 'results directory for runs started here, and the one browsed (default: results/)')
    .option('--results <dir>', 'open the results browser on this directory (or run directory)')
    .action(async (flags: TuiFlags) => {
      // Ink and React load only for the TUI: `jpeval run` starts without them.
      const { runTui } = await import('../tui/start.js');
      setExit(await runTui(flags, { stdin: process.stdin, stdout: io.stdout, stderr: io.stderr, env: process.env }));
    });
}
