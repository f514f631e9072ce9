import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { JpevalError } from '../util/errors.js';
import { globToRegExp } from '../util/glob.js';
import { builtinSuitesDir } from '../util/paths.js';
import type { Suite, SuiteDefinition } from './schema.js';
import { cachedSuiteDefinition, storeSuiteDefinition } from './suite-definition-cache.js';

function formatZodIssues(file: string, issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      return `${file}: ${where}: ${issue.message}`;
    })
    .join('\n');
}

// Suite files are small and read once, at start-up: synchronous reads take ~1.5 ms for all of
// them where the same reads through the thread pool took ~12 ms (`jpeval list`'s start-up).
async function readSuiteText(absolute: string, shown: string): Promise<string> {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new JpevalError(`cannot read suite file ${shown}: ${(err as Error).message}`);
  }
}

async function readDataFile(absolute: string, shown: string, known?: string): Promise<{ text: string; data: unknown }> {
  const text = known ?? (await readSuiteText(absolute, shown));
  try {
    // The YAML cache (and what it imports) is needed only when a definition is not cached.
    return { text, data: absolute.endsWith('.json') ? JSON.parse(text) : await (await import('./parsed-yaml-cache.js')).parseYamlCached(text) };
  } catch (err) {
    const detail = (err as Error).name === 'YAMLParseError' ? (err as Error).message.split('\n')[0] : (err as Error).message;
    throw new JpevalError(`${shown}: not valid ${absolute.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`);
  }
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Base values under the suite's own: mappings merge key by key, anything else (lists too) is replaced. */
export function mergeOver(base: unknown, own: unknown): unknown {
  if (!isMapping(base) || !isMapping(own)) return own;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) out[key] = key in base ? mergeOver(base[key], value) : value;
  return out;
}

/**
 * A suite file with its `include:` files (one path or a list, relative to the including file;
 * later ones and the file itself win) merged under it. Returns the merged data and every file's
 * path and text, in reading order, for the suite's hash.
 */
async function readWithIncludes(absolute: string, shown: string, chain: string[] = [], known?: string): Promise<{ data: unknown; texts: string[]; files: string[] }> {
  if (chain.includes(absolute)) throw new JpevalError(`${shown}: include cycle: ${[...chain, absolute].map((f) => path.basename(f)).join(' → ')}`);
  const { text, data } = await readDataFile(absolute, shown, known);
  if (!isMapping(data) || data.include === undefined) return { data, texts: [text], files: [absolute] };
  const { include, ...own } = data;
  const list = typeof include === 'string' ? [include] : include;
  if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) throw new JpevalError(`${shown}: include: expected a file path or a list of them`);
  let merged: unknown = {};
  const texts: string[] = [];
  const files: string[] = [];
  for (const file of list as string[]) {
    const target = path.resolve(path.dirname(absolute), file);
    if (!existsSync(target)) throw new JpevalError(`${shown}: include: ${file} not found (looked for ${target})`);
    const base = await readWithIncludes(target, `${shown} → ${file}`, [...chain, absolute]);
    merged = mergeOver(merged, base.data);
    texts.push(...base.texts);
    files.push(...base.files);
  }
  return { data: mergeOver(merged, own), texts: [text, ...texts], files: [absolute, ...files] };
}

/** The suite's hash: every file's text, the suite file's first and its includes in reading order. */
function suiteHash(texts: string[]): string {
  // The hash covers the included files too: a change to a shared base changes every suite using it.
  const hash = createHash('sha256');
  texts.forEach((t, i) => hash.update(i === 0 ? t : `\0${t}`));
  return hash.digest('hex');
}

/** Reads and validates one suite file (YAML or JSON, with its includes); errors name the file and the field. */
export async function loadSuiteFile(file: string): Promise<Suite> {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  file = relative.startsWith('..') ? absolute : relative;
  const text = await readSuiteText(absolute, file);
  // A definition validated before from this exact text (and includes) by this build: the schema
  // and zod are not even imported (most of `jpeval list`'s start-up otherwise).
  const cached = await cachedSuiteDefinition(absolute, text);
  if (cached) return { ...cached.definition, file: absolute, sha256: suiteHash(cached.texts) };
  const { data: raw, texts, files } = await readWithIncludes(absolute, file, [], text);
  const { suiteSchema } = await import('./schema.js');
  // jitless: zod otherwise compiles (new Function) a fast path for each object schema on its first
  // parse, which for the ~50 suite files a command validates once each cost more than it saves
  // (~0.1-0.2 s of `jpeval list`'s start-up). The result is the same either way.
  const parsed = suiteSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    throw new JpevalError(`invalid suite file\n${formatZodIssues(file, parsed.error.issues)}`, {
      hint: 'see docs/suite-format.md for every field',
    });
  }
  const definition: SuiteDefinition = parsed.data;
  storeSuiteDefinition(absolute, texts, files.slice(1), definition);
  return { ...definition, file: absolute, sha256: suiteHash(texts) };
}

export async function findSuiteFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true }); // synchronous: see readSuiteText
  } catch {
    return [];
  }
  // `_`-prefixed files and directories hold shared bases for `include:`, not suites.
  return entries
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name) && !path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).some((part) => part.startsWith('_')))
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
  return suites.sort((a, b) => compareSuiteNames(a.name, b.name));
}

/** Suite-name characters (the schema allows only these) in the order of Unicode's root collation. */
const NAME_ORDER = new Map([...'_-.0123456789abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, i]));

/**
 * Orders suite names as `localeCompare` does in English (and the root locale): for these
 * characters that is this rank order, compared character by character. Not localeCompare itself:
 * its first call loads ICU's collation data (~15 ms of `jpeval list`), and it sorted suites
 * differently under some locales (`ch` after `h` in Czech), so a run's suite order depended on
 * the user's locale.
 */
export function compareSuiteNames(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = NAME_ORDER.get(a[i]!);
    const y = NAME_ORDER.get(b[i]!);
    if (x === undefined || y === undefined) return a.localeCompare(b, 'en'); // not a valid name: never happens after validation
    if (x !== y) return x - y;
  }
  return a.length - b.length;
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
