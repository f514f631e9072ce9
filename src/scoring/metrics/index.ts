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
import { fmeaScore } from './industrial/choice-set.js';
import { examPassMetrics } from './industrial/exam-pass.js';
import { quantityMatch } from './industrial/quantity-match.js';
import { stProgram, stVectors } from './industrial/st-program.js';

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
  quantityMatch,
  stProgram,
  stVectors,
  fmeaScore,
  ...examPassMetrics,
  judgeMetric,
]) {
  metrics.register(metric.name, metric);
}
