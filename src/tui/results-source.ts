import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseSampleRecord, readRunRecord } from '../results/read.js';
import type { RunRecord, SampleRecord } from '../results/types.js';
import { JpevalError } from '../util/errors.js';

/**
 * The TUI's one door to results on disk: run.json and samples.jsonl lines come in here and
 * leave as the shapes below, so a change of result schema touches only this file.
 */

export type RunView = RunRecord;
export type SampleView = SampleRecord;

/** run.json of a run directory, schema version 1 or 2, validated (errors name the file). */
export async function readRunView(dir: string): Promise<RunView> {
  return readRunRecord(dir);
}

/** Parses one samples.jsonl line, schema version 1 or 2 (`where` names file and line in the error). */
export function parseSampleLine(line: string, where: string): SampleView {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new JpevalError(`${where}: not valid JSON (${(err as Error).message})`);
  }
  return parseSampleRecord(value, where);
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
          // A run can finish (`completed`) with suites that errored or stopped: say so, as the CLI's exit code does.
          status: run.status === 'completed' && run.results.some((r) => !r.complete) ? 'completed, incomplete' : run.status,
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
