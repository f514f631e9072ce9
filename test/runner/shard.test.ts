import { describe, expect, it } from 'vitest';
import { assignShards, itemCost, parseShard, shardFromEnv } from '../../src/runner/shard.js';

describe('shards', () => {
  it('parses i/n from 0, and refuses anything else', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/2', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/0 ≤ i < n/);
  });

  it('takes the shard of a Kubernetes Indexed Job pod from its environment', () => {
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '2', JPEVAL_SHARD_COUNT: '5' })).toEqual({ index: 2, count: 5 });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '2' })).toThrow(/JPEVAL_SHARD_COUNT/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '5', JPEVAL_SHARD_COUNT: '5' })).toThrow();
  });

  it('splits every item into exactly one shard, the same way every time, balanced by cost', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `item-${i}`, cost: 10 + ((i * 7919) % 500) }));
    const a = assignShards(items, 4);
    const b = assignShards([...items].reverse(), 4);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort()); // independent of input order
    expect(a.size).toBe(1000);
    const load = [0, 0, 0, 0];
    for (const it of items) load[a.get(it.id)!]! += it.cost;
    const total = load.reduce((s, x) => s + x, 0);
    // LPT: no shard more than one item's cost (≤ 509) above the mean
    for (const l of load) expect(Math.abs(l - total / 4)).toBeLessThanOrEqual(510);
  });

  it('costs an item by the characters it sends, times its choices when each is scored', () => {
    expect(itemCost({ vars: { q: 'あいう', n: 12 } }, false)).toBe(5);
    expect(itemCost({ vars: { q: 'あいう' }, choices: ['a', 'b'] }, true)).toBe(6);
  });
});
