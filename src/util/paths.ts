import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The jpeval package root (where suites/ and datasets/ live), found by walking up from this file:
 * works from src/ under vitest and from dist/src/ after a build.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'suites'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('jpeval: cannot find the package root (package.json + suites/)');
}

export const projectRoot = findProjectRoot();
export const builtinSuitesDir = path.join(projectRoot, 'suites');
export const builtinDatasetsDir = path.join(projectRoot, 'datasets');

/** Where jpeval keeps what it builds and caches (models, responses, derived data): `$JPEVAL_CACHE_DIR`, or `~/.cache/jpeval`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.JPEVAL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'jpeval');
}
