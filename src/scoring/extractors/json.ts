import { balancedEnd } from '../structured/extract.js';
import type { Extractor } from '../types.js';

/** The text of the first `{...}` in the output that parses as a JSON object, or null. */
export function firstJsonObject(raw: string): string | null {
  for (let start = raw.indexOf('{'); start !== -1; start = raw.indexOf('{', start + 1)) {
    const end = balancedEnd(raw, start);
    if (end === -1) continue;
    const candidate = raw.slice(start, end + 1);
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return candidate;
    } catch {
      // Not JSON (e.g. prose with braces): try the next opening brace.
    }
  }
  return null;
}

export const jsonExtractor: Extractor = {
  name: 'json',
  description: 'The first JSON object in the output (as written), or null.',
  extract: (raw) => firstJsonObject(raw),
};
