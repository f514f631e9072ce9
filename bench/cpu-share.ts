/**
 * How much of a stretch of work a part of the program took, read from a V8 CPU profile of it.
 * On a shared 2-core machine two runs of the same work differ by ±15 % in wall time, which hides a
 * few per cent of extra work; the profile attributes each sample to the code on the stack, so the
 * share of one part is measured within the same run and is stable to a fraction of a per cent.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShare {
  /** Milliseconds of samples with the part's code anywhere on the stack. */
  part_ms: number;
  /** Milliseconds of busy samples: not idle, not the garbage collector (whose work no stack owns). */
  busy_ms: number;
  /** part / busy × 100: conservative, since collection caused by the part is not counted for it. */
  share_percent: number;
}

/** Runs `work` under the sampling profiler and returns the share of busy time spent in code whose URL matches `part`. */
export async function cpuShareOf(part: RegExp, work: () => Promise<void>, samplingIntervalUs = 250): Promise<CpuShare> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await session.post('Profiler.start');
    try {
      await work();
    } catch (err) {
      await session.post('Profiler.stop');
      throw err;
    }
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    return shareIn(profile, part);
  } finally {
    session.disconnect();
  }
}

export function shareIn(profile: Profile, part: RegExp): CpuShare {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const inPart = new Map<number, boolean>();
  const owned = (id: number): boolean => {
    const known = inPart.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const mine = part.test(byId.get(id)!.callFrame.url) || (parent !== undefined && owned(parent));
    inPart.set(id, mine);
    return mine;
  };
  let busy = 0;
  let partUs = 0;
  profile.samples.forEach((id, i) => {
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(idle)' || name === '(garbage collector)' || name === '(program)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    if (owned(id)) partUs += dt;
  });
  return { part_ms: Math.round(partUs / 100) / 10, busy_ms: Math.round(busy / 100) / 10, share_percent: busy > 0 ? Math.round((partUs / busy) * 1000) / 10 : 0 };
}
