import { Command, CommanderError } from 'commander';
import { jpevalVersion } from '../util/provenance.js';
import { registerListCommand } from './list-command.js';
import { reportError } from './output.js';
import { registerRunCommand } from './run-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerDataCommand } from './data-command.js';
import { registerTuiCommand } from './tui-command.js';

/**
 * The CLI entry point. Returns the exit code instead of calling process.exit so that tests can
 * drive it in-process as well as through bin/jpeval.js.
 */
export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
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
  registerRunCommand(program, io, setExit);
  registerListCommand(program, io);
  registerValidateCommand(program, io, setExit);
  registerDataCommand(program, io, setExit);
  registerTuiCommand(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportError(err, io.stderr);
  }
}
