/**
 * Start-up benchmark: wall time of `node bin/jpeval.js --help` and `node bin/jpeval.js list`,
 * median of N runs (after one warm-up run that fills the suite parse cache), as a user sees it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/jpeval.js');

function wall(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runStartupBench(runs = 7): Promise<{ help_s: number; list_s: number; version_s: number }> {
  const out = { help: [] as number[], list: [] as number[], version: [] as number[] };
  await wall(['list']);
  for (let i = 0; i < runs; i++) {
    out.help.push(await wall(['--help']));
    out.list.push(await wall(['list']));
    out.version.push(await wall(['--version']));
  }
  const s = (xs: number[]) => Math.round(median(xs)) / 1000;
  return { help_s: s(out.help), list_s: s(out.list), version_s: s(out.version) };
}
