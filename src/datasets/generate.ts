import { DataError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { generators } from './generators/index.js';
import { generatedId } from './generators/seeded.js';
import type { GeneratorProvenance, ItemGenerator } from './generators/types.js';
import type { RawRecord } from './types.js';

export interface GeneratedRecords {
  records: RawRecord[];
  provenance: GeneratorProvenance;
}

/** A record's content without its id, as a comparison key. */
export function recordKey(record: Record<string, unknown>): string {
  const { id: _id, ...rest } = record;
  return stableStringify(rest);
}

/**
 * The first `count` records of the generator's sequence that repeat neither an earlier one nor a
 * frozen record (prefix-stable: the generator is, and the filter only looks back).
 */
function distinctRecords(generator: ItemGenerator, seed: number, count: number, frozen: Iterable<Record<string, unknown>>, file: string): Record<string, unknown>[] {
  if (count === 0) return [];
  const excluded = new Set([...frozen].map(recordKey));
  for (let drawn = count; ; drawn *= 2) {
    const seen = new Set(excluded);
    const kept: Record<string, unknown>[] = [];
    for (const record of generator.generate(seed, drawn)) {
      const key = recordKey(record);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(record);
      if (kept.length === count) return kept;
    }
    if (drawn > 20 * count + 100) throw new DataError(file, `only ${kept.length} distinct new records in ${drawn} drawn (asked for ${count})`);
  }
}

/**
 * Runs a suite's generator for one run seed. Each record gets the id `g<seed>-<i>` (its `id` field),
 * and `file` names the generator (`generator:<name>@<version>`, line = i + 1) so errors in a
 * generated record point at it. A generator that sets its own id, or returns another count, is a bug
 * reported here rather than a silently odd suite. A `distinct` generator's records are deduplicated
 * against each other and against `frozen` (the suite's frozen records) before ids are given.
 */
export function generateRecords(name: string, seed: number, count: number, frozen: Iterable<Record<string, unknown>> = []): GeneratedRecords {
  const generator = generators.get(name);
  const file = `generator:${generator.name}@${generator.version}`;
  const produced = generator.distinct ? distinctRecords(generator, seed >>> 0, count, frozen, file) : generator.generate(seed >>> 0, count);
  if (produced.length !== count) throw new DataError(file, `asked for ${count} records, got ${produced.length}`);
  const records = produced.map((record, i): RawRecord => {
    if ('id' in record) throw new DataError(file, 'a generated record must not set `id` (the loader assigns it)', { line: i + 1, field: 'id' });
    return { record: { id: generatedId(seed, i), ...record }, file, line: i + 1 };
  });
  return {
    records,
    provenance: { name: generator.name, version: generator.version, seed: seed >>> 0, count, sha256: sha256(stableStringify(records.map((r) => r.record))) },
  };
}
