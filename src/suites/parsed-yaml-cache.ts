import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Parsing the suite YAML files is most of what `jpeval list` and a run's start-up cost (the yaml
 * library parses ~70 KB of suites in ~150 ms, plus ~150 ms to import it). A suite file's parse is
 * a pure function of its text, so it is kept as JSON under the cache directory, keyed by the
 * SHA-256 of the text and the parser's version; validation (zod) still runs on every load. An
 * entry is checked against its own hash before use, and a cache that cannot be written is simply
 * not used.
 */
const FORMAT = 1;

function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.JPEVAL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'jpeval'), 'suites');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Parses YAML text, from the cache when this exact text was parsed before. Throws the parser's errors. */
export async function parseYamlCached(text: string): Promise<unknown> {
  const key = sha256(`${FORMAT}\n${text}`);
  const file = path.join(cacheDir(), `${key}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { key: string; check: string; json: string };
    if (stored.key === key && sha256(stored.json) === stored.check) return JSON.parse(stored.json) as unknown;
  } catch {
    // absent or unreadable: parse below
  }
  const { parse } = await import('yaml');
  const value = parse(text) as unknown;
  const json = JSON.stringify(value);
  // Only plain JSON data round-trips; YAML with e.g. dates or non-finite numbers is not cached.
  if (json !== undefined && JSON.stringify(JSON.parse(json)) === json) {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ key, check: sha256(json), json }));
      await rename(tmp, file);
    } catch {
      // read-only or full cache directory: fine, parse next time too
    }
  }
  return value;
}
