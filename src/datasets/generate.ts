import { DataError } from '../util/errors.js';
import { sha256, stableStringify } from '../util/hash.js';
import { generators } from './generators/index.js';
import { generatedId } from './generators/seeded.js';
import type { GeneratorProvenance } from './generators/types.js';
import type { RawRecord } from './types.js';

export interface GeneratedRecords {
  records: RawRecord[];
  provenance: GeneratorProvenance;
}

/**
 * Runs a suite's generator for one run seed. Each record gets the id `g<seed>-<i>` (its `id` field),
 * and `file` names the generator (`generator:<name>@<version>`, line = i + 1) so errors in a
 * generated record point at it. A generator that sets its own id, or returns another count, is a bug
 * reported here rather than a silently odd suite.
 */
export function generateRecords(name: string, seed: number, count: number): GeneratedRecords {
  const generator = generators.get(name);
  const file = `generator:${generator.name}@${generator.version}`;
  const produced = generator.generate(seed >>> 0, count);
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
