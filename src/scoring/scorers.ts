import type { z } from 'zod';
import type { MetricEntry } from '../suites/schema.js';
import { JpevalError } from '../util/errors.js';
import { metrics } from './metrics/index.js';
import type { GraderModel, Metric, ScorerEnvironment } from './types.js';

/** A suite's `metrics:` entry as code may write it: a bare name, or the parsed {name, options}. */
export type MetricRef = string | MetricEntry;

/** One scorer of a suite: the registered metric and its validated options. */
export interface ResolvedScorer {
  name: string;
  metric: Metric;
  options: Record<string, unknown>;
}

export const metricName = (ref: MetricRef): string => (typeof ref === 'string' ? ref : ref.name);

function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(options)'}: ${i.message}`).join('; ');
}

const resolved = new WeakMap<readonly MetricRef[], ResolvedScorer[]>();

/**
 * The suite's scorers with their options parsed by each metric's `optionsSchema` (defaults
 * filled in). Unknown metrics and bad options are errors naming the suite file and entry.
 */
export function resolveScorers(suite: { name?: string; file?: string; metrics: readonly MetricRef[] }): ResolvedScorer[] {
  const cached = resolved.get(suite.metrics);
  if (cached) return cached;
  const where = suite.file ?? suite.name ?? 'suite';
  const out = suite.metrics.map((ref, i) => {
    const name = metricName(ref);
    if (!metrics.has(name)) throw new JpevalError(`${where}: metrics[${i}]: unknown metric "${name}" (known: ${metrics.names().join(', ')})`);
    const metric = metrics.get(name);
    const given = typeof ref === 'string' ? {} : ref.options;
    let options: Record<string, unknown> = given;
    if (metric.optionsSchema) {
      const parsed = metric.optionsSchema.safeParse(given);
      if (!parsed.success) throw new JpevalError(`${where}: metrics[${i}] (${name}): invalid options: ${formatIssues(parsed.error.issues)}`);
      options = parsed.data;
    } else if (Object.keys(given).length > 0) {
      throw new JpevalError(`${where}: metrics[${i}] (${name}): this metric takes no options (got ${Object.keys(given).join(', ')})`);
    }
    return { name, metric, options };
  });
  resolved.set(suite.metrics, out);
  return out;
}

/** Grader roles the suite's scorers declare (e.g. ['judge']). */
export function rolesOf(suite: { metrics: readonly MetricRef[] }): string[] {
  return [...new Set(resolveScorers(suite).flatMap((s) => (s.metric.role ? [s.metric.role] : [])))];
}

/** What scoring needs at run time besides the suite and the item. */
export interface ScoringRuntime {
  signal?: AbortSignal;
  /** Grader models by role name. */
  graders?: Record<string, GraderModel>;
  /** What each scorer's `prepare` returned, by metric name. */
  prepared?: Record<string, unknown>;
}

/**
 * Runs each scorer's `prepare` once for a suite (skipping scorers whose grader role is not
 * filled: they will only flag their items) and returns the runtime to score its items with.
 */
export async function prepareScoring(
  suite: { name: string; file?: string; metrics: readonly MetricRef[]; source?: { how_to_get?: string | undefined } },
  env: { dataRoot: string; graders?: Record<string, GraderModel>; signal?: AbortSignal },
): Promise<ScoringRuntime> {
  const prepared: Record<string, unknown> = {};
  const scorerEnv: ScorerEnvironment = { suite: { name: suite.name, ...(suite.source?.how_to_get ? { howToGet: suite.source.how_to_get } : {}) }, dataRoot: env.dataRoot };
  for (const s of resolveScorers(suite)) {
    if (!s.metric.prepare) continue;
    if (s.metric.role && !env.graders?.[s.metric.role]) continue;
    prepared[s.name] = await s.metric.prepare(s.options, scorerEnv);
  }
  return { prepared, ...(env.graders ? { graders: env.graders } : {}), ...(env.signal ? { signal: env.signal } : {}) };
}
