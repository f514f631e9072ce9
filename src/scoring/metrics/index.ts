import { Registry } from '../../util/registry.js';
import type { Metric } from '../types.js';
import { accuracy } from './accuracy.js';
import { answerGrade } from './answer-grade.js';
import { accuracyPerChar } from './accuracy-per-char.js';
import { bleu } from './bleu.js';
import { charF1 } from './char-f1.js';
import { entityCallMetric } from './entity-call.js';
import { exactMatch } from './exact-match.js';
import { indMetrics } from './ind-metrics.js';
import { grounded } from './grounded.js';
import { groundedCorrect } from './grounded-correct.js';
import { judgeMetric } from './judge.js';
import { mc2 } from './mc2.js';
import { numericMatch } from './numeric-match.js';
import { passageCallMetric } from './passage-call.js';
import { pearson } from './pearson.js';
import { rouge2Metric } from './rouge-2.js';
import { rougeLMetric } from './rouge-l.js';
import { setF1Metric } from './set-f1.js';
import { sourceRougeL } from './source-rouge-l.js';
import { spearman } from './spearman.js';
import { tokenF1 } from './token-f1.js';
import { truthGrade } from './truth-grade.js';
import { unanswerableHm } from './unanswerable-hm.js';
import { unsupportedMentionRate } from './unsupported-mention-rate.js';
import { youdenJ } from './youden-j.js';
import { fmeaScore } from './industrial/choice-set.js';
import { examPassMetrics } from './industrial/exam-pass.js';
import { quantityMatch } from './industrial/quantity-match.js';
import { stProgram, stVectors } from './industrial/st-program.js';

/** Every metric a suite file can name in `metrics:`. */
export const metrics = new Registry<Metric>('metric');
for (const metric of [
  accuracy,
  accuracyPerChar,
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
  ...indMetrics,
  // Hallucination (docs/metrics.md § Hallucination): judge-free grades, paired refusal rates, grounding.
  answerGrade,
  truthGrade,
  entityCallMetric,
  youdenJ,
  passageCallMetric,
  unanswerableHm,
  grounded,
  groundedCorrect,
  unsupportedMentionRate,
  sourceRougeL,
  mc2,
]) {
  metrics.register(metric.name, metric);
}
