import { describe, expect, it } from 'vitest';
import { generateRecords, recordKey } from '../../src/datasets/generate.js';
import { generators } from '../../src/datasets/generators/index.js';
import { generatedId } from '../../src/datasets/generators/seeded.js';
import { loaders } from '../../src/datasets/loaders/index.js';

/** The generator contract (src/datasets/generators/types.ts), checked for every registered generator. */
describe('every registered generator keeps the contract', () => {
  it('the generator loader is registered (suites name it as dataset.loader)', () => expect(loaders.has('generator')).toBe(true));
  for (const name of generators.names()) {
    it(`${name}: deterministic, prefix-stable, no ids, JSON-safe`, () => {
      const a = generateRecords(name, 20261202, 40);
      expect(JSON.stringify(generateRecords(name, 20261202, 40))).toBe(JSON.stringify(a));
      expect(JSON.stringify(generateRecords(name, 20261202, 15).records)).toBe(JSON.stringify(a.records.slice(0, 15)));
      expect(generateRecords(name, 20261203, 40).provenance.sha256).not.toBe(a.provenance.sha256);
      for (const r of a.records) expect(JSON.parse(JSON.stringify(r.record))).toEqual(r.record);
      expect(a.records.map((r) => r.record.id)).toEqual(a.records.map((_, i) => generatedId(20261202, i)));
    });
  }
});

describe('distinct generators: no repeats within a run, none of the frozen set', () => {
  for (const name of generators.names().filter((n) => generators.get(n).distinct)) {
    it(name, () => {
      const frozen = generators.get(name).generate(20261202, 60);
      const run = generateRecords(name, 20261202, 100, frozen).records.map((r) => recordKey(r.record));
      expect(new Set(run).size).toBe(100);
      const frozenKeys = new Set(frozen.map(recordKey));
      expect(run.filter((k) => frozenKeys.has(k))).toEqual([]);
      // Prefix-stable under the filter too.
      expect(generateRecords(name, 20261202, 30, frozen).records.map((r) => recordKey(r.record))).toEqual(run.slice(0, 30));
      expect(generateRecords(name, 20261202, 0, frozen).records).toEqual([]); // --gen-count 0 (looped forever once)
    });
  }
});
