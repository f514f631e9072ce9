import { wilsonInterval } from '../../scoring/intervals.js';
import { BASELINES, type AuditItem, type Baseline } from './baselines.js';

/** A suite fails the audit when a choice-only baseline beats chance by more than this (10 points). */
export const MAX_EXCESS_OVER_CHANCE = 0.1;

export interface BaselineResult {
  name: string;
  description: string;
  /** Expected accuracy of the baseline over the items. */
  accuracy: number;
  /** Wilson 95 % interval of that accuracy (expected credits treated as successes). */
  interval: [number, number];
  /** accuracy − chance. */
  excess: number;
}

export interface AuditReport {
  items: number;
  /** Accuracy of a uniform random guess: the mean of 1/k over items. */
  chance: number;
  baselines: BaselineResult[];
  /** The baseline with the largest excess over chance. */
  worst: BaselineResult;
  /** True when the worst baseline beats chance by more than MAX_EXCESS_OVER_CHANCE. */
  failed: boolean;
}

/** Runs every choice-only baseline on a suite's items. Items with fewer than two choices are skipped. */
export function auditItems(all: AuditItem[], baselines: Baseline[] = BASELINES): AuditReport {
  const items = all.filter((i) => i.choices.length >= 2 && i.gold >= 0 && i.gold < i.choices.length);
  const n = items.length;
  const chance = n === 0 ? 0 : items.reduce((s, i) => s + 1 / i.choices.length, 0) / n;
  const results = baselines.map((b): BaselineResult => {
    const credits = b.credits(items);
    const successes = credits.reduce((s, c) => s + c, 0);
    const accuracy = n === 0 ? 0 : successes / n;
    return { name: b.name, description: b.description, accuracy, interval: wilsonInterval(Math.min(successes, n), n), excess: accuracy - chance };
  });
  const worst = results.reduce((a, b) => (b.excess > a.excess ? b : a));
  // A rounding hair above the line is not a failure: compare in basis points.
  const failed = n > 0 && Math.round(worst.excess * 1e4) > MAX_EXCESS_OVER_CHANCE * 1e4;
  return { items: n, chance, baselines: results, worst, failed };
}

/** One line for the validate output: the worst baseline against chance. */
export function formatAudit(suite: string, report: AuditReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const w = report.worst;
  return `${suite}: ${report.items} items, chance ${pct(report.chance)}; worst baseline ${w.name} ${pct(w.accuracy)} [${pct(w.interval[0])}, ${pct(w.interval[1])}] (${w.excess >= 0 ? '+' : ''}${(w.excess * 100).toFixed(1)} points)${report.failed ? ' — FAILS the artifact audit' : ''}`;
}
