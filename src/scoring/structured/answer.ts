import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';
import { extractJson } from './extract.js';
import { refusalDetectors, type RefusalDetector } from './refusal.js';

/**
 * One structured answer, read: parsed (and valid against the schema), unparseable (with the
 * reason), or a refusal written as prose. Checkers turn `parsed` into correct / wrong, so every item
 * lands in exactly one of four buckets.
 */
export type StructuredRead =
  | { status: 'parsed'; value: unknown }
  | { status: 'unparseable'; reason: 'empty' | 'no_json' | 'invalid_json' | 'schema_mismatch'; errors?: string[] }
  | { status: 'refused'; reason: 'refusal_phrase'; detector: string };

export type Bucket = 'correct' | 'wrong' | 'unparseable' | 'refused';

/** How a bucket shows up as the item's outcome. */
export const BUCKET_OUTCOME = { correct: 'correct', wrong: 'incorrect', unparseable: 'unscored', refused: 'not_attempted' } as const;

// Ajv is loaded and built on the first schema check, not at import: importing it and building its
// meta-schemas costs ~0.2-0.4 s, which every command importing the metric registry (`jpeval list`,
// `--help` of run) would otherwise pay. ajv is CommonJS, so a synchronous require keeps this API sync.
let ajvInstance: AjvInstance | undefined;
function ajv(): AjvInstance {
  if (!ajvInstance) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajvInstance = new Ajv({ allErrors: true, strict: false });
  }
  return ajvInstance;
}
const compiled = new Map<string, ValidateFunction>();

/** Schema violations of `value` (empty when valid), as `path: message` lines. */
export function schemaErrors(schema: Record<string, unknown>, value: unknown): string[] {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv().compile(schema)));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

/**
 * Reads a JSON answer valid under `schema`. Refusal is only considered when there is no JSON at all
 * (a JSON answer speaks for itself, e.g. `"decision": "refuse"`).
 */
export async function readStructured(raw: string, schema: Record<string, unknown> | undefined, detector: RefusalDetector = refusalDetectors.get('phrases')): Promise<StructuredRead> {
  const found = extractJson(raw);
  if (found.ok) {
    const errors = schema ? schemaErrors(schema, found.value) : [];
    return errors.length ? { status: 'unparseable', reason: 'schema_mismatch', errors } : { status: 'parsed', value: found.value };
  }
  if (await detector.isRefusal(raw)) return { status: 'refused', reason: 'refusal_phrase', detector: detector.name };
  return { status: 'unparseable', reason: found.reason };
}
