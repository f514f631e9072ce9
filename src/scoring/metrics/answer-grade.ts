import { gradeShortAnswer } from '../hallucination/grade.js';
import type { MeanMetric } from '../types.js';
import { referenceTexts } from './common.js';

/**
 * Three-way grade of a short answer (hallucination/grade.ts): value 1 when correct, else 0 (an
 * abstention, a wrong answer and an undecidable one all score 0, so denominators never shrink);
 * the grade itself is the item's outcome when this is the primary metric, and always a
 * `halluc_<grade>` flag, from which run.json's hallucination rates are computed.
 */
export const answerGrade: MeanMetric = {
  kind: 'mean',
  name: 'answer_grade',
  description: 'three-way grade (correct / incorrect / not attempted, unscored when undecidable) of a Japanese short answer; 1 when correct',
  needsTokenizer: true,
  range: [0, 1],
  async score({ prediction, item }) {
    const g = await gradeShortAnswer(prediction, referenceTexts(item));
    return { value: g.grade === 'correct' ? 1 : 0, outcome: g.grade, flags: g.flags, details: { grade: g.grade, reason: g.reason, abstention: g.abstention, match: g.match } };
  },
};
