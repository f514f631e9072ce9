import path from 'node:path';
import type { Command } from 'commander';
import { JpevalError } from '../util/errors.js';

export function registerMergeCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('combine the shards of a run (--shard i/n) into one run with the scores of an unsharded run')
    .argument('<shard-dirs...>', 'the run directories of all n shards')
    .requiredOption('-o, --out <dir>', 'directory of the merged run (must not hold a run yet)')
    .option('--json', 'print the merged run record as JSON instead of the table')
    .action(async (dirs: string[], flags: { out: string; json?: boolean }) => {
      if (dirs.length === 0) throw new JpevalError('give the shard run directories');
      const { mergeShards } = await import('../results/merge.js');
      const record = await mergeShards(dirs, flags.out);
      if (flags.json) io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      else {
        const { formatRunTable } = await import('../results/table.js');
        io.stdout.write(`\n${formatRunTable(record)}\n\n`);
        io.stdout.write(`merged ${dirs.length} shards: ${path.join(path.resolve(flags.out), 'run.json')}, samples.jsonl\n`);
      }
      setExit(record.status === 'completed' && record.results.every((r) => r.complete) ? 0 : 1);
    });
}
