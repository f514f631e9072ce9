import { readDerived, writeDerived } from '../util/derived-cache.js';

/**
 * Parsing suite YAML costs ~150 ms for ~70 KB of suites plus ~150 ms to import the parser. A
 * parse is a pure function of the text and of the parser (a dependency, so covered by the build
 * fingerprint), so it is kept in the derived cache (util/derived-cache.ts: checksummed entries, a
 * cache that cannot be written is not used). Validation (zod) still runs on every load that is
 * not answered by the suite-definition cache in front of this one.
 */
const KIND = 'suites';

/** Parses YAML text, from the cache when this exact text was parsed before. Throws the parser's errors. */
export async function parseYamlCached(text: string): Promise<unknown> {
  const stored = readDerived<{ value: unknown }>(KIND, text);
  if (stored && 'value' in stored) return stored.value;
  const { parse } = await import('yaml');
  const value = parse(text) as unknown;
  const json = JSON.stringify(value);
  // Only plain JSON data round-trips; YAML with e.g. dates or non-finite numbers is not cached.
  if (json !== undefined && JSON.stringify(JSON.parse(json)) === json) writeDerived(KIND, text, { value });
  return value;
}
