import type { SuiteResult } from '../results/types.js';
import type { Outcome } from '../scoring/types.js';
import { exactMcNemarP as mcnemarExactP } from '../stats/mcnemar.js';
import type { RunView } from './results-source.js';
import { indexSamples, type SampleEntry } from './sample-index.js';

/**
 * Comparing two runs: suites are paired by (suite, model), or by suite alone when each run has
 * one model for it (the usual "same suites, new model" comparison). Items are paired by id;
 * an item flips when it is correct in one run and not in the other.
 */

export interface SuitePair {
  suite: string;
  a: SuiteResult;
  b: SuiteResult;
}

export interface SuiteDiff {
  suite: string;
  modelA: string;
  modelB: string;
  primaryMetric: string;
  valueA?: number;
  valueB?: number;
  ciA?: [number, number];
  ciB?: [number, number];
  delta?: number;
  /** Items paired by id in both runs. */
  paired: number;
  /** Not correct in A, correct in B. */
  gained: number;
  /** Correct in A, not correct in B. */
  lost: number;
  /** Exact McNemar p over the discordant pairs. */
  p: number;
}

export interface Flip {
  itemId: string;
  outcomeA: Outcome;
  outcomeB: Outcome;
  entryA: SampleEntry;
  entryB: SampleEntry;
}

export function pairSuites(a: RunView, b: RunView): SuitePair[] {
  const pairs: SuitePair[] = [];
  for (const ra of a.results) {
    const sameSuite = b.results.filter((rb) => rb.suite === ra.suite);
    const match = sameSuite.find((rb) => rb.model === ra.model) ?? (sameSuite.length === 1 && a.results.filter((r) => r.suite === ra.suite).length === 1 ? sameSuite[0] : undefined);
    if (match) pairs.push({ suite: ra.suite, a: ra, b: match });
  }
  return pairs;
}

const value = (r: SuiteResult): { value?: number; ci?: [number, number] } => {
  const m = r.metrics[r.primary_metric];
  return m && m.value !== null && Number.isFinite(m.value) ? { value: m.value, ci: [m.ci95[0] ?? m.value, m.ci95[1] ?? m.value] } : {};
};

/** Pure: the per-suite difference from the two runs' item outcomes (entries of one pair each). */
export function diffSuite(pair: SuitePair, entriesA: SampleEntry[], entriesB: SampleEntry[]): { diff: SuiteDiff; flips: Flip[] } {
  const byId = new Map(entriesA.map((e) => [e.itemId, e]));
  const flips: Flip[] = [];
  let paired = 0;
  let gained = 0;
  let lost = 0;
  for (const eb of entriesB) {
    const ea = byId.get(eb.itemId);
    if (!ea) continue;
    paired += 1;
    const okA = ea.outcome === 'correct';
    const okB = eb.outcome === 'correct';
    if (okA === okB) continue;
    if (okB) gained += 1;
    else lost += 1;
    flips.push({ itemId: eb.itemId, outcomeA: ea.outcome, outcomeB: eb.outcome, entryA: ea, entryB: eb });
  }
  const va = value(pair.a);
  const vb = value(pair.b);
  return {
    diff: {
      suite: pair.suite,
      modelA: pair.a.model,
      modelB: pair.b.model,
      primaryMetric: pair.a.primary_metric,
      ...(va.value !== undefined ? { valueA: va.value, ciA: va.ci } : {}),
      ...(vb.value !== undefined ? { valueB: vb.value, ciB: vb.ci } : {}),
      ...(va.value !== undefined && vb.value !== undefined ? { delta: vb.value - va.value } : {}),
      paired,
      gained,
      lost,
      p: mcnemarExactP(gained, lost),
    },
    flips,
  };
}

export interface Comparison {
  diffs: SuiteDiff[];
  flips: Flip[][];
}

/** Streams both runs' samples once each and compares every paired suite. */
export async function compareRuns(a: RunView, fileA: string, b: RunView, fileB: string): Promise<Comparison> {
  const pairs = pairSuites(a, b);
  const wantA = new Set(pairs.map((p) => `${p.a.model}\u0000${p.suite}`));
  const wantB = new Set(pairs.map((p) => `${p.b.model}\u0000${p.suite}`));
  const [entriesA, entriesB] = await Promise.all([
    indexSamples(fileA, (s) => wantA.has(`${s.model}\u0000${s.suite}`)),
    indexSamples(fileB, (s) => wantB.has(`${s.model}\u0000${s.suite}`)),
  ]);
  const diffs: SuiteDiff[] = [];
  const flips: Flip[][] = [];
  for (const pair of pairs) {
    const { diff, flips: f } = diffSuite(
      pair,
      entriesA.filter((e) => e.model === pair.a.model && e.suite === pair.suite),
      entriesB.filter((e) => e.model === pair.b.model && e.suite === pair.suite),
    );
    diffs.push(diff);
    flips.push(f);
  }
  return { diffs, flips };
}
