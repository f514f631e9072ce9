import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../src/datasets/generate.js';
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
