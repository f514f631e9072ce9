import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFingerprint } from './build-fingerprint.js';
import { sha256 } from './hash.js';
import { cacheRoot } from './paths.js';

/**
 * A disk cache for values that are a pure function of some inputs and of jpeval's code: one small
 * JSON file per entry under `$JPEVAL_CACHE_DIR/<kind>/<build>/` (default `~/.cache/jpeval/…`),
 * named by the SHA-256 of the caller's key material plus the build fingerprint (see
 * build-fingerprint.ts), so other code never reads an entry. The caller's key material must name
 * every input that can change the value.
 *
 * Every build has its own folder, and a build's first write removes all but the most recently
 * written KEEP_BUILDS folders: entries of a build that is gone can never be read again, and
 * without this each rebuild would leave its entries behind. A few are kept for checkouts of
 * different versions sharing one cache directory.
 *
 * An entry carries its full key and a checksum of its value; a torn, edited or otherwise corrupt
 * file is a miss (and is overwritten), never served. A cache directory that cannot be written is
 * simply not used. Reads and writes are synchronous: these are small files read at start-up, where
 * a round trip through the thread pool per file costs more than the read.
 */
const FORMAT = 1;
const KEEP_BUILDS = 8;

export function derivedCacheDir(kind: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(env), kind);
}

interface Entry {
  key: string;
  check: string;
  json: string;
}

function locate(kind: string, material: string): { key: string; file: string } {
  const build = buildFingerprint();
  const key = sha256(`${FORMAT}\n${build}\n${material}`);
  return { key, file: path.join(derivedCacheDir(kind), build.slice(0, 16), `${key}.json`) };
}

/** Removes the folders of all but the KEEP_BUILDS most recently written builds (`keep` is one). */
function pruneBuilds(kindDir: string, keep: string): void {
  const builds = readdirSync(kindDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== path.basename(keep))
    .map((e) => ({ dir: path.join(kindDir, e.name), written: statSync(path.join(kindDir, e.name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { dir } of builds.slice(KEEP_BUILDS - 1)) rmSync(dir, { recursive: true, force: true });
}

/** The stored value for this key material, or undefined (absent, corrupt or from other code). */
export function readDerived<T>(kind: string, material: string): T | undefined {
  try {
    const { key, file } = locate(kind, material);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry.key !== key || typeof entry.json !== 'string' || sha256(`${key}\n${entry.json}`) !== entry.check) return undefined;
    return JSON.parse(entry.json) as T;
  } catch {
    return undefined; // absent or unreadable (or no fingerprint: then there is no cache)
  }
}

/** Stores a JSON value (the caller makes sure it survives a JSON round trip). Never throws. */
export function writeDerived(kind: string, material: string, value: unknown): void {
  try {
    const { key, file } = locate(kind, material);
    const json = JSON.stringify(value);
    const buildDir = path.dirname(file);
    if (!existsSync(buildDir)) {
      mkdirSync(buildDir, { recursive: true });
      pruneBuilds(path.dirname(buildDir), buildDir);
    }
    // Written whole to a temporary name and renamed, so a reader never sees half an entry.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, check: sha256(`${key}\n${json}`), json } satisfies Entry));
    renameSync(tmp, file);
  } catch {
    // read-only or full cache directory: compute again next time
  }
}
