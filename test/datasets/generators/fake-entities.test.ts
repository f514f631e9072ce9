import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FROZEN_SEED, generateEntityRecords, realNames } from '../../../src/datasets/generators/fake-entities.js';
import { ENTITY_TYPES } from '../../../src/datasets/generators/entity-lexicon.js';

describe('fake-entities generator', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(generateEntityRecords(7)).toEqual(generateEntityRecords(7));
    const fakes = (seed: number) => generateEntityRecords(seed).filter((r) => !r.real).map((r) => r.entity).sort();
    expect(fakes(7)).not.toEqual(fakes(8));
  });

  it('balances fakes and reals per type with the same template, and never reuses a real name', () => {
    const records = generateEntityRecords(123);
    expect(records.length).toBeGreaterThanOrEqual(100);
    const reals = realNames();
    for (const type of ENTITY_TYPES) {
      const ofType = records.filter((r) => r.type === type);
      expect(ofType.filter((r) => r.real).length).toBe(ofType.filter((r) => !r.real).length);
      const templates = new Set(ofType.map((r) => r.question.replace(r.entity, '{{entity}}')));
      expect(templates.size).toBe(1);
    }
    for (const r of records.filter((x) => !x.real)) expect(reals.has(r.entity)).toBe(false);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.entity)).size).toBe(records.length);
  });

  it('the frozen released list is exactly the generator output for the frozen seed', () => {
    const file = readFileSync(new URL('../../../datasets/builtin/halluc/fake-entities-v1.jsonl', import.meta.url), 'utf8');
    const shipped = file.trim().split('\n').map((l) => JSON.parse(l));
    expect(shipped).toEqual(generateEntityRecords(FROZEN_SEED));
  });
});
