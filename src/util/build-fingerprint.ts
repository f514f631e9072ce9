import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './hash.js';
import { projectRoot } from './paths.js';

/**
 * An identifier of the code that is running: it changes whenever any of jpeval's own modules or
 * one of its dependencies changes. Caches of results computed by code (parsed suite definitions,
 * item counts, the metric names; see derived-cache.ts) are keyed on it, so a rebuild, an
 * edit under `tsc --watch` or an `npm install` can never serve a result computed by other code.
 *
 * It is made from file metadata, not contents: the path, size and mtime of every module under
 * jpeval's code directory (dist/src after a build, src/ under vitest), the size and mtime of each
 * dependency's package.json (rewritten when it is installed), jpeval's package.json and the Node
 * version. Reading every module's bytes instead would cost more than the caches save.
 */
let memo: string | undefined;

/** dist/src (or src/ when running from TypeScript): the directory above this module's own. */
const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CODE_FILE = /\.(js|mjs|ts|tsx|json)$/;

const statLine = (file: string): string => {
  try {
    const s = statSync(file);
    return `${file}\0${s.size}\0${s.mtimeMs}`;
  } catch {
    return `${file}\0absent`;
  }
};

/** The package.json of a dependency, found the way Node finds it: node_modules here or above. */
function dependencyManifest(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The fingerprint of the code under `code` of the package at `root` (see above). */
export function fingerprintOf(root: string, code: string): string {
  const lines = [`node ${process.version}`];
  const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
  lines.push(manifest);
  const { dependencies = {} } = JSON.parse(manifest) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(dependencies).sort()) lines.push(statLine(dependencyManifest(root, name) ?? `node_modules/${name}`));
  // Plain concatenation: path.join's normalising, for every file, was a third of this function.
  const modules: string[] = [];
  for (const e of readdirSync(code, { withFileTypes: true, recursive: true })) {
    // `path` is the older name of parentPath (Node < 20.12): a wrong path would stat as absent and
    // hide every later change to that file.
    const dir = e.parentPath ?? (e as { path?: string }).path;
    if (e.isFile() && CODE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) modules.push(`${dir}${path.sep}${e.name}`);
  }
  for (const file of modules.sort()) lines.push(statLine(file));
  return sha256(lines.join('\n'));
}

/** The running jpeval's fingerprint, computed once per process. */
export function buildFingerprint(): string {
  memo ??= fingerprintOf(projectRoot, codeDir);
  return memo;
}
