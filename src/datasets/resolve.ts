import { readdirSync } from 'node:fs';
import path from 'node:path';
import { JpevalError } from '../util/errors.js';
import { globToRegExp, isGlob } from '../util/glob.js';

/**
 * Finds upstream files by their upstream names anywhere below a data directory, so a user's copy
 * can be laid out however they like. Two ways a file matches a suite's pattern (e.g.
 * `JTruthfulQA/data/JTruthfulQA.csv`):
 *
 * 1. its path ends with the whole pattern (`~/data/JTruthfulQA/data/JTruthfulQA.csv`);
 * 2. failing that, by file name: its path and the pattern end the same way, and either its whole
 *    path below the data directory is a tail of the pattern (the data directory *is* the clone,
 *    whatever its folder is called: `data/JTruthfulQA.csv`), or the file name is distinctive
 *    (`mgsm_ja.tsv`, not `train.json`), so the folders above it may be named anything.
 *
 * A plain pattern must match exactly one file at the best level: two copies are an error that lists
 * them (jpeval never guesses which copy was meant). A glob returns every match, sorted; found by
 * file name, its matches must all sit in one folder. Listings are cached per root for the life of
 * the process.
 */
const listings = new Map<string, Promise<string[]>>();

const SKIP_DIRS = new Set(['node_modules', '.git', '.cache']);

/** Several files match a suite's file name and jpeval cannot tell which copy is meant. */
export class AmbiguousDataError extends JpevalError {
  constructor(
    readonly pattern: string,
    readonly candidates: string[],
  ) {
    super(`${candidates.length} files match ${pattern}; cannot tell which to read:\n${candidates.map((c) => `  ${c}`).join('\n')}`, {
      hint: 'keep one copy under --data-dir, or pass the folder of the copy you mean as --data-dir',
    });
    this.name = 'AmbiguousDataError';
  }
}

// Synchronous: a data directory is walked once per process, and one readdir per folder through the
// thread pool cost several times the walk itself (it is on `jpeval list`'s start-up path).
function walk(root: string, rel = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...walk(root, childRel));
    } else if (entry.isFile() || entry.isSymbolicLink()) out.push(childRel);
  }
  return out;
}

function listing(root: string): Promise<string[]> {
  const key = path.resolve(root);
  let cached = listings.get(key);
  if (!cached) {
    cached = Promise.resolve(walk(key).sort());
    listings.set(key, cached);
  }
  return cached;
}

/** Forget cached listings (after `jpeval data pull` adds files, and in tests). */
export function clearResolveCache(): void {
  listings.clear();
}

// File names that say nothing about their benchmark (train.json, valid-v1.1.json, dev_ver1.2.json,
// data.json, test_2.tsv): found by name only when the folders above them agree with the pattern.
const GENERIC_STEM = /^(data|train|dev|test|valid|validation|eval|question|questions|all|input|output)([-_.]?(v(er)?)?\d+(\.\d+)*|[-_.](all|full))?$/i;

/** Whether a file name (or a file-name glob) identifies its benchmark on its own. */
export function isDistinctiveName(name: string): boolean {
  const stem = name.replace(/\.[^.]*$/, '');
  const literal = stem.replace(/[*?]/g, '');
  if (literal.replace(/[-_.\d]/g, '').length < 2) return false; // `*.json`, `?.csv`
  // A wildcard may stand for a version number: `valid-*.json` is as generic as `valid-1.json`.
  return !GENERIC_STEM.test(stem.replace(/[*?]+/g, '1'));
}

/** How many trailing path segments of `file` match the pattern's trailing segments. */
function commonTail(fileSegs: string[], patternSegs: RegExp[]): number {
  let n = 0;
  while (n < fileSegs.length && n < patternSegs.length && patternSegs[patternSegs.length - 1 - n]!.test(fileSegs[fileSegs.length - 1 - n]!)) n++;
  return n;
}

function byFileName(files: string[], norm: string): string[] {
  const patternSegs = norm.split('/').map((s) => globToRegExp(s));
  const distinctive = isDistinctiveName(norm.split('/').at(-1)!);
  let best = 0;
  let found: string[] = [];
  for (const f of files) {
    const segs = f.split('/');
    const tail = commonTail(segs, patternSegs);
    if (tail === 0) continue;
    const insideLayout = tail === segs.length; // the whole relative path is a tail of the pattern
    if (!insideLayout && !distinctive) continue;
    if (tail > best) {
      best = tail;
      found = [f];
    } else if (tail === best) found.push(f);
  }
  return found;
}

/**
 * All files under `root` that a suite's `pattern` names (see above), as absolute paths. Empty when
 * nothing matches; throws AmbiguousDataError when a plain name matches several copies.
 */
export async function resolveDataFiles(root: string, pattern: string): Promise<string[]> {
  const files = await listing(root);
  const abs = (f: string) => path.join(path.resolve(root), f);
  const norm = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const re = globToRegExp(`**/${norm}`);
  const direct = globToRegExp(norm);
  const glob = isGlob(norm);
  let matches = files.filter((f) => direct.test(f) || re.test(f));
  const viaName = matches.length === 0;
  if (viaName) matches = byFileName(files, norm);
  if (matches.length === 0) return [];
  if (glob) {
    const dirs = [...new Set(matches.map((f) => path.posix.dirname(f)))];
    if (viaName && dirs.length > 1) throw new AmbiguousDataError(pattern, dirs.map((d) => `${abs(d)}/`));
    return matches.map(abs);
  }
  if (matches.length > 1) throw new AmbiguousDataError(pattern, matches.map(abs));
  return [abs(matches[0]!)];
}
