import { Registry } from '../../util/registry.js';
import type { Metric } from '../types.js';
import { accuracy } from './accuracy.js';
import { bleu } from './bleu.js';
import { charF1 } from './char-f1.js';
import { exactMatch } from './exact-match.js';
import { judgeMetric } from './judge.js';
import { numericMatch } from './numeric-match.js';
import { pearson } from './pearson.js';
import { rouge2Metric } from './rouge-2.js';
import { rougeLMetric } from './rouge-l.js';
import { setF1Metric } from './set-f1.js';
import { spearman } from './spearman.js';
import { tokenF1 } from './token-f1.js';

/** Every metric a suite file can name in `metrics:`. */
export const metrics = new Registry<Metric>('metric');
for (const metric of [
  accuracy,
  exactMatch,
  charF1,
  tokenF1,
  setF1Metric,
  pearson,
  spearman,
  bleu,
  rougeLMetric,
  rouge2Metric,
  numericMatch,
  judgeMetric,
]) {
  metrics.register(metric.name, metric);
}
