import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { derivedCacheDir } from '../../src/util/derived-cache.js';

/** Gives each test of the calling file a fresh, empty JPEVAL_CACHE_DIR, restored afterwards. */
export function useFreshCacheDir(prefix: string): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.JPEVAL_CACHE_DIR;
    process.env.JPEVAL_CACHE_DIR = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.JPEVAL_CACHE_DIR;
    else process.env.JPEVAL_CACHE_DIR = saved;
  });
}

/** The files a derived cache of this kind holds now (every build's folder). */
export function derivedCacheFiles(kind: string): string[] {
  const dir = derivedCacheDir(kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
