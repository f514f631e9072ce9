import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { JpevalError } from '../util/errors.js';

/**
 * Accepts run directories and folders of them (e.g. `results/`): a folder without run.json
 * contributes each subfolder that has one, oldest run id first (run ids start with a timestamp).
 */
export async function expandRunDirs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const st = await stat(arg).catch(() => undefined);
    if (!st?.isDirectory()) throw new JpevalError(`${arg}: no such directory`, { hint: 'pass run directories (results/<run-id>) or the results folder' });
    if (existsSync(path.join(arg, 'run.json'))) {
      out.push(arg);
      continue;
    }
    const subs = (await readdir(arg, { withFileTypes: true })).filter((d) => d.isDirectory() && existsSync(path.join(arg, d.name, 'run.json'))).map((d) => path.join(arg, d.name)).sort();
    if (!subs.length) throw new JpevalError(`${arg}: no run.json in it or in its subfolders`, { hint: 'jpeval run writes results/<run-id>/run.json' });
    out.push(...subs);
  }
  return [...new Set(out.map((d) => path.resolve(d)))];
}
