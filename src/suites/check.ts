import { loaders } from '../datasets/loaders/index.js';
import { extractors } from '../scoring/extractors/index.js';
import { resolveScorers } from '../scoring/scorers.js';
import { errorMessage, JpevalError } from '../util/errors.js';
import type { Suite } from './schema.js';

/**
 * Checks that every component a suite names by string exists (loader, extractor, metrics with their options), so a
 * typo fails before any inference instead of after an hour of generation.
 */
export function checkSuiteComponents(suite: Suite): void {
  const problems: string[] = [];
  const check = (kind: string, name: string, known: { has(n: string): boolean; names(): string[] }, field: string): void => {
    if (!known.has(name)) problems.push(`${suite.file}: ${field}: unknown ${kind} "${name}" (known: ${known.names().join(', ')})`);
  };
  check('dataset loader', suite.dataset.loader, loaders, 'dataset.loader');
  check('extractor', suite.answer.extractor, extractors, 'answer.extractor');
  // Unknown metrics and options a metric's optionsSchema rejects (errors name file and entry).
  try {
    resolveScorers(suite);
  } catch (err) {
    problems.push(errorMessage(err));
  }
  const names = suite.metrics.map((m) => m.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) problems.push(`${suite.file}: metrics: ${twice.join(', ')} listed twice (values are keyed by metric name)`);
  if (problems.length) throw new JpevalError(`invalid suite ${suite.name}\n${problems.join('\n')}`);
}
