import { JpevalError } from '../util/errors.js';
import { hashString } from '../util/random.js';

/**
 * Splitting a run across machines: `--shard i/n` (0 ≤ i < n) runs the i-th of n disjoint parts of
 * every suite, and `jpeval merge` puts the parts back together. Kubernetes Indexed Jobs set
 * JOB_COMPLETION_INDEX in each pod; with the completions count in JPEVAL_SHARD_COUNT (the Job's
 * `completions`, passed as an env variable), a run takes its shard from them.
 *
 * The split is deterministic and balanced by expected cost: items are sorted by cost (longest
 * first; ties by a hash of the item id, then the id) and each goes to the shard with the least
 * cost so far (longest-processing-time-first). It depends only on the suite's item set (ids and
 * contents), never on timing or on which items a resumed run already has.
 */

export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(text: string, source = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new JpevalError(`${source} expects i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "${text}"`, {
      hint: 'shards are numbered from 0, like Kubernetes JOB_COMPLETION_INDEX',
    });
  }
  return { index, count };
}

/** The shard of a pod of a Kubernetes Indexed Job, when JOB_COMPLETION_INDEX and JPEVAL_SHARD_COUNT are set. */
export function shardFromEnv(env: NodeJS.ProcessEnv = process.env): ShardSpec | undefined {
  const index = env.JOB_COMPLETION_INDEX;
  const count = env.JPEVAL_SHARD_COUNT;
  if (index === undefined || index === '') return undefined;
  if (count === undefined || count === '') {
    throw new JpevalError('JOB_COMPLETION_INDEX is set but JPEVAL_SHARD_COUNT is not', {
      hint: "pass the Job's completions count to the pod as JPEVAL_SHARD_COUNT (see docs/scale-out.md), or give --shard i/n",
    });
  }
  return parseShard(`${index}/${count}`, 'JOB_COMPLETION_INDEX/JPEVAL_SHARD_COUNT');
}

export interface CostedItem {
  id: string;
  cost: number;
}

/** Which shard each item id belongs to (longest-processing-time-first over the whole item set). */
export function assignShards(items: readonly CostedItem[], count: number): Map<string, number> {
  const order = items
    .map((it) => ({ ...it, h: hashString(it.id) >>> 0 }))
    .sort((a, b) => b.cost - a.cost || a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  for (const it of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[best]!) best = s;
    load[best]! += Math.max(1, it.cost);
    out.set(it.id, best);
  }
  return out;
}

/** Expected cost of an item: the characters a model reads (its fields), times its requests. */
export function itemCost(item: { vars: Record<string, unknown>; choices?: string[] }, loglikelihood: boolean): number {
  let chars = 0;
  for (const v of Object.values(item.vars)) chars += typeof v === 'string' ? v.length : JSON.stringify(v ?? null).length;
  return loglikelihood && item.choices ? chars * item.choices.length : chars;
}
