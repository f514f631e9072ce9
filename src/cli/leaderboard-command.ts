import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { readHistory } from '../nightly/history.js';
import { writeLeaderboardSite } from '../leaderboard/write-site.js';
import { JpevalError } from '../util/errors.js';
import { expandRunDirs } from '../leaderboard/run-dirs.js';

interface LeaderboardFlags {
  out: string;
  history?: string;
  seed: string;
}

export function registerLeaderboardCommand(program: Command, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): void {
  program
    .command('leaderboard')
    .description('turn run directories (or a results/ folder of them) into leaderboard.json, .md, .csv and a static HTML site')
    .argument('<run-dir...>', 'run directories (each with run.json + samples.jsonl), or folders containing them')
    .requiredOption('-o, --out <dir>', 'output directory for the leaderboard and site')
    .option('--history <file>', 'nightly history (JSON lines) to draw history lines from')
    .option('--seed <n>', 'seed for the paired bootstrap', '1234')
    .action(async (dirs: string[], flags: LeaderboardFlags) => {
      const started = performance.now();
      const runDirs = await expandRunDirs(dirs);
      const seed = Number(flags.seed);
      if (!Number.isInteger(seed)) throw new JpevalError(`--seed must be an integer (got "${flags.seed}")`);
      const history = flags.history ? (await readHistory(flags.history, (m) => io.stderr.write(`jpeval: ${m}\n`))).points : [];
      const site = await writeLeaderboardSite(runDirs, flags.out, { seed, history, warn: (m) => io.stderr.write(`jpeval: ${m}\n`) });
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout.write(`leaderboard: ${site.data.entries.length} model run(s) × ${site.data.suites.length} suite(s) from ${runDirs.length} run(s) in ${secs} s\n`);
      io.stdout.write(`wrote ${site.files.map((f) => `${site.outDir}/${f}`).join('\n      ')}\nopen ${site.outDir}/index.html in a browser (no server needed)\n`);
    });
}
