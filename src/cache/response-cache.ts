import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256, stableStringify } from '../util/hash.js';
import { cacheRoot } from '../util/paths.js';

/**
 * A content-addressed store of model responses on disk: one small JSON file per request, named by
 * the SHA-256 of everything that can change the answer (see cached-backend.ts for what goes into
 * the key). Entries carry a checksum of their key and value; an entry that fails it (a torn
 * write, a disk error, someone editing files) is deleted and treated as a miss, never served.
 *
 * Size cap and eviction: the total size of entries is kept under `maxBytes`. When a write takes
 * it over, the least recently used entries (oldest last-access time, which `get` records in the
 * file's mtime because many file systems do not maintain atime) are deleted until the cache is at
 * 90 % of the cap, so eviction runs rarely rather than on every write.
 *
 * Entries hold the request's answer and nothing else: no request headers, no API keys (the key
 * material is hashed, and it never contains credentials in the first place).
 */

export const CACHE_FORMAT_VERSION = 1;
export const DEFAULT_CACHE_MAX_BYTES = 2 * 1024 ** 3;

/** `$JPEVAL_CACHE_DIR/responses`, or `~/.cache/jpeval/responses`. */
export function defaultResponseCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(env), 'responses');
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  /** Entries that failed their checksum (or did not parse) and were dropped. */
  corrupt: number;
  writes: number;
  evicted: number;
}

interface StoredEntry {
  v: number;
  key: string;
  checksum: string;
  value: unknown;
}

const checksumOf = (key: string, valueJson: string): string => sha256(`${key}\n${valueJson}`);

export class ResponseCache {
  readonly stats: ResponseCacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0, evicted: 0 };
  private evicting: Promise<void> | undefined;

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
    private totalBytes: number,
  ) {}

  /** Opens (creating) the cache directory and measures what it holds. */
  static async open(dir: string, maxBytes: number = DEFAULT_CACHE_MAX_BYTES): Promise<ResponseCache> {
    await mkdir(dir, { recursive: true });
    const entries = await listEntries(dir);
    return new ResponseCache(dir, maxBytes, entries.reduce((s, e) => s + e.size, 0));
  }

  /** The key of a request: a hash of its identity and the request itself (canonical JSON). */
  static key(material: unknown): string {
    return sha256(stableStringify(material));
  }

  get sizeBytes(): number {
    return this.totalBytes;
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const file = this.file(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      this.stats.misses += 1;
      return undefined;
    }
    const value = verify(text, key);
    if (value === undefined) {
      this.stats.corrupt += 1;
      this.stats.misses += 1;
      await rm(file, { force: true }).catch(() => undefined);
      this.totalBytes = Math.max(0, this.totalBytes - Buffer.byteLength(text));
      return undefined;
    }
    this.stats.hits += 1;
    // Record the access for LRU eviction; failure to do so only makes eviction less precise.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return value as T;
  }

  async set(key: string, value: unknown): Promise<void> {
    const valueJson = JSON.stringify(value);
    const entry = `{"v":${CACHE_FORMAT_VERSION},"key":${JSON.stringify(key)},"checksum":"${checksumOf(key, valueJson)}","value":${valueJson}}\n`;
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const previous = await stat(file).then((s) => s.size).catch(() => 0);
      await writeFile(tmp, entry);
      await rename(tmp, file);
      this.totalBytes += Buffer.byteLength(entry) - previous;
      this.stats.writes += 1;
    } catch {
      // A cache that cannot be written (full disk, read-only) must not fail the run.
      await rm(tmp, { force: true }).catch(() => undefined);
      return;
    }
    if (this.totalBytes > this.maxBytes) await this.evict();
  }

  /** Deletes least recently used entries until the cache is at 90 % of its cap. */
  async evict(): Promise<void> {
    this.evicting ??= (async () => {
      const entries = await listEntries(this.dir);
      let total = entries.reduce((s, e) => s + e.size, 0);
      const target = Math.floor(this.maxBytes * 0.9);
      entries.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.file < b.file ? -1 : 1));
      for (const e of entries) {
        if (total <= target) break;
        await rm(e.file, { force: true }).catch(() => undefined);
        total -= e.size;
        this.stats.evicted += 1;
      }
      this.totalBytes = total;
    })().finally(() => {
      this.evicting = undefined;
    });
    return this.evicting;
  }
}

/** The entry's value if the file is a whole, uncorrupted entry for `key`. */
function verify(text: string, key: string): unknown {
  let entry: StoredEntry;
  try {
    entry = JSON.parse(text) as StoredEntry;
  } catch {
    return undefined;
  }
  if (entry === null || typeof entry !== 'object' || entry.v !== CACHE_FORMAT_VERSION || entry.key !== key || !('value' in entry)) return undefined;
  if (checksumOf(key, JSON.stringify(entry.value)) !== entry.checksum) return undefined;
  return entry.value;
}

async function listEntries(dir: string): Promise<{ file: string; size: number; mtimeMs: number }[]> {
  const out: { file: string; size: number; mtimeMs: number }[] = [];
  let shards: string[];
  try {
    shards = await readdir(dir);
  } catch {
    return out;
  }
  for (const shard of shards) {
    let names: string[];
    try {
      names = await readdir(path.join(dir, shard));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(dir, shard, name);
      const s = await stat(file).catch(() => undefined);
      if (s?.isFile()) out.push({ file, size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  return out;
}
