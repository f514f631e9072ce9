import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readDerived, writeDerived } from '../util/derived-cache.js';
import { sha256 } from '../util/hash.js';
import type { SuiteDefinition } from './schema.js';

/**
 * Validated suite definitions, cached. Reading a suite means parsing its YAML, merging its
 * includes and validating it with zod, and importing zod and the schema alone is ~70 ms of
 * `jpeval list`. The result is a pure function of the suite file's path and text, its included
 * files' texts and jpeval's code, so it is kept in the derived cache (util/derived-cache.ts: keyed
 * on the build fingerprint as well), keyed on the suite file's path and text; the entry names the
 * included files with the hash of each one's text, and is used only if every one still matches.
 * Only definitions that validated are stored: an invalid file is parsed, and reported, each time.
 */
const KIND = 'suite-definitions';

interface Stored {
  /** Included files (absolute), in reading order, with the SHA-256 of each one's text. */
  includes: { file: string; sha256: string }[];
  definition: SuiteDefinition;
}

const material = (absolute: string, text: string): string => `${absolute}\n${text}`;

/**
 * The definition validated from this suite file's text before, with every file's text (the suite
 * file's first, then its includes) for the suite's hash; undefined when not cached or an included
 * file has changed or gone.
 */
export async function cachedSuiteDefinition(absolute: string, text: string): Promise<{ definition: SuiteDefinition; texts: string[] } | undefined> {
  const stored = readDerived<Stored>(KIND, material(absolute, text));
  if (!stored || !Array.isArray(stored.includes) || stored.definition === null || typeof stored.definition !== 'object') return undefined;
  const texts = [text];
  for (const include of stored.includes) {
    let included: string;
    try {
      included = readFileSync(include.file, 'utf8');
    } catch {
      return undefined; // gone: the full read reports it
    }
    if (sha256(included) !== include.sha256) return undefined;
    texts.push(included);
  }
  return { definition: stored.definition, texts };
}

/**
 * Stores a definition that validated, read from `texts` (the suite file's, then each of
 * `includes`'). Definitions that would not come back identical from JSON (an `undefined` value,
 * a date from YAML) are not stored.
 */
export function storeSuiteDefinition(absolute: string, texts: string[], includes: string[], definition: SuiteDefinition): void {
  if (texts.length !== includes.length + 1) return;
  const json = JSON.stringify(definition);
  if (!isDeepStrictEqual(JSON.parse(json), definition)) return;
  const stored: Stored = { includes: includes.map((file, i) => ({ file, sha256: sha256(texts[i + 1]!) })), definition };
  writeDerived(KIND, material(absolute, texts[0]!), stored);
}
