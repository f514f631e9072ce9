import path from 'node:path';
import { resolveDataFiles } from '../datasets/resolve.js';
import { MissingDataError } from '../util/errors.js';
import { builtinDatasetsDir } from '../util/paths.js';
import type { Suite } from './schema.js';

/** The directory a suite's files are found under: jpeval's own datasets/ for builtin suites. */
export function dataRootFor(suite: Suite, dataDir: string | undefined): string {
  if (suite.source.kind === 'builtin') return builtinDatasetsDir;
  const dir = dataDir ?? process.env.JPEVAL_DATA_DIR;
  if (!dir) {
    throw new MissingDataError(
      `suite ${suite.name} reads ${suite.source.benchmark ?? 'upstream'} data from your copy, but no data directory was given`,
      `pass --data-dir DIR (or set JPEVAL_DATA_DIR) pointing at a folder that contains ${describeFiles(suite, suite.dataset.split)}${suite.source.how_to_get ? `\n${suite.source.how_to_get}` : ''}`,
    );
  }
  return path.resolve(dir);
}

function describeFiles(suite: Suite, split: string): string {
  const spec = suite.dataset.splits[split];
  return (Array.isArray(spec) ? spec : [spec ?? '?']).join(', ');
}

interface VersionedSplits {
  name: string | undefined;
  splits: Record<string, string | string[]>;
}

/** The suite's file sets to try, in order: `splits` (its own version), then `dataset.versions`. */
function fileSets(suite: Suite): VersionedSplits[] {
  return [{ name: suite.dataset.version, splits: suite.dataset.splits }, ...(suite.dataset.versions ?? [])];
}

export interface ResolvedSplit {
  files: string[];
  /** Which published version was found (undefined for suites that know only one). */
  version?: string;
}

/**
 * Resolves a split's file patterns to files: the first version of the upstream files (see
 * `dataset.versions`) whose every file is present. `split@version` asks for one version. The error
 * says what was looked for and how to get it.
 */
export async function resolveSplit(suite: Suite, root: string, requested: string): Promise<ResolvedSplit> {
  const [split, wantedVersion] = requested.split('@') as [string, string | undefined];
  const sets = fileSets(suite).filter((set) => wantedVersion === undefined || set.name === wantedVersion);
  if (wantedVersion !== undefined && sets.length === 0) {
    const known = fileSets(suite).flatMap((v) => (v.name ? [v.name] : []));
    throw new MissingDataError(`suite ${suite.name} has no version "${wantedVersion}"`, known.length ? `versions: ${known.join(', ')}` : 'this suite knows one version of its files');
  }
  const withSplit = sets.filter((set) => set.splits[split] !== undefined);
  if (withSplit.length === 0) {
    // A MissingDataError, so that a suite reached through a glob is skipped rather than fatal.
    throw new MissingDataError(`suite ${suite.name} has no split "${split}"`, `splits: ${Object.keys(suite.dataset.splits).join(', ')}`);
  }
  const lookedFor: string[] = [];
  for (const set of withSplit) {
    const spec = set.splits[split]!;
    const files: string[] = [];
    let complete = true;
    for (const pattern of Array.isArray(spec) ? spec : [spec]) {
      const found = await resolveDataFiles(root, pattern);
      if (found.length === 0) {
        lookedFor.push(`${pattern}${set.name ? ` (version ${set.name})` : ''}`);
        complete = false;
        break;
      }
      files.push(...found);
    }
    if (complete) return { files, ...(set.name ? { version: set.name } : {}) };
  }
  const how = suite.source.how_to_get ? `\n${suite.source.how_to_get}` : '';
  throw new MissingDataError(
    `suite ${suite.name}: file ${lookedFor.join(' or ')} not found under ${root}`,
    `jpeval looks for a file whose path ends with that name anywhere below the data directory, or with that file name when it is distinctive.${how}\nTry: jpeval data pull ${suite.name}`,
  );
}

/** Resolves a split's file patterns to files (see resolveSplit). */
export async function resolveSplitFiles(suite: Suite, root: string, split: string): Promise<string[]> {
  return (await resolveSplit(suite, root, split)).files;
}
