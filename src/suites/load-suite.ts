import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { JpevalError } from '../util/errors.js';
import { globToRegExp } from '../util/glob.js';
import { builtinSuitesDir } from '../util/paths.js';
import { parseYamlCached } from './parsed-yaml-cache.js';
import { suiteSchema, type Suite } from './schema.js';

function formatZodIssues(file: string, issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      return `${file}: ${where}: ${issue.message}`;
    })
    .join('\n');
}

/** Reads and validates one suite file (YAML or JSON); errors name the file and the field. */
export async function loadSuiteFile(file: string): Promise<Suite> {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  file = relative.startsWith('..') ? absolute : relative;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    throw new JpevalError(`cannot read suite file ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = absolute.endsWith('.json') ? JSON.parse(text) : await parseYamlCached(text);
  } catch (err) {
    const detail = (err as Error).name === 'YAMLParseError' ? (err as Error).message.split('\n')[0] : (err as Error).message;
    throw new JpevalError(`${file}: not valid ${absolute.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`);
  }
  const parsed = suiteSchema.safeParse(raw);
  if (!parsed.success) {
    throw new JpevalError(`invalid suite file\n${formatZodIssues(file, parsed.error.issues)}`, {
      hint: 'see docs/suite-format.md for every field',
    });
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { ...parsed.data, file: absolute, sha256 };
}

export async function findSuiteFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Every suite in the given directories (the built-in suites/ dir first). Duplicate names are an
 * error: a suite name identifies results across runs.
 */
export async function loadAllSuites(extraDirs: string[] = []): Promise<Suite[]> {
  const files = [];
  for (const dir of [builtinSuitesDir, ...extraDirs]) files.push(...(await findSuiteFiles(dir)));
  const suites = await Promise.all(files.map((f) => loadSuiteFile(f)));
  const seen = new Map<string, string>();
  for (const suite of suites) {
    const other = seen.get(suite.name);
    if (other) throw new JpevalError(`suite name "${suite.name}" is defined twice: ${other} and ${suite.file}`);
    seen.set(suite.name, suite.file);
  }
  return suites.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Picks suites by names or globs (`j*`, `ja-*`), keeping the order of the patterns. A pattern that
 * matches nothing is an error listing close names, so a typo never silently runs nothing.
 */
export function selectSuites(all: Suite[], patterns: string[]): Suite[] {
  const picked: Suite[] = [];
  for (const pattern of patterns) {
    const re = globToRegExp(pattern);
    const matches = all.filter((s) => re.test(s.name) || s.tags.includes(pattern));
    if (matches.length === 0) {
      const close = all.filter((s) => s.name.includes(pattern.replace(/[*?]/g, ''))).map((s) => s.name);
      throw new JpevalError(`unknown suite "${pattern}"`, {
        hint: close.length ? `did you mean: ${close.join(', ')}?` : 'run `jpeval list` to see every suite',
      });
    }
    for (const m of matches) if (!picked.includes(m)) picked.push(m);
  }
  return picked;
}
