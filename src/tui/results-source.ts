import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunRecord, SampleRecord } from '../results/types.js';
import { JpevalError } from '../util/errors.js';

/**
 * The TUI's one door to results on disk: run.json and samples.jsonl lines come in here and
 * leave as the shapes below, so a change of result schema touches only this file.
 */

export type RunView = RunRecord;
export type SampleView = SampleRecord;

export async function readRunView(dir: string): Promise<RunView> {
  const file = path.join(dir, 'run.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new JpevalError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as RunView;
  } catch (err) {
    throw new JpevalError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

/** Parses one samples.jsonl line (`where` names file and line in the error). */
export function parseSampleLine(line: string, where: string): SampleView {
  try {
    return JSON.parse(line) as SampleView;
  } catch (err) {
    throw new JpevalError(`${where}: not valid JSON (${(err as Error).message})`);
  }
}

export const samplesFile = (runDir: string): string => path.join(runDir, 'samples.jsonl');

export interface RunListing {
  dir: string;
  runId: string;
  status: string;
  startedAt: string;
  models: string[];
  suites: string[];
  /** Set when run.json could not be read: the row still shows, with the reason. */
  error?: string;
}

/**
 * Runs under a results directory, newest first. The directory may itself be a run (it holds a
 * run.json), or a folder of runs as `jpeval run --out` writes them.
 */
export async function listRuns(resultsDir: string): Promise<RunListing[]> {
  const dirs = existsSync(path.join(resultsDir, 'run.json'))
    ? [resultsDir]
    : (await readdir(resultsDir, { withFileTypes: true }).catch(() => []))
        .filter((d) => d.isDirectory() && existsSync(path.join(resultsDir, d.name, 'run.json')))
        .map((d) => path.join(resultsDir, d.name));
  const listings = await Promise.all(
    dirs.map(async (dir): Promise<RunListing> => {
      try {
        const run = await readRunView(dir);
        return {
          dir,
          runId: run.run_id,
          status: run.status,
          startedAt: run.started_at,
          models: [...new Set(run.results.map((r) => r.model))].concat(run.results.length ? [] : run.models.map((m) => m.id)),
          suites: [...new Set(run.results.map((r) => r.suite))],
        };
      } catch (err) {
        return { dir, runId: path.basename(dir), status: 'unreadable', startedAt: '', models: [], suites: [], error: (err as Error).message };
      }
    }),
  );
  return listings.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.runId.localeCompare(a.runId));
}
