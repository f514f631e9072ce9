import { gradeShortAnswer } from '../hallucination/grade.js';
import { groundingMentions } from '../hallucination/grounding.js';
import type { MeanMetric } from '../types.js';
import { referenceTexts } from './common.js';
import { sourceText } from './grounded.js';

/**
 * The halluc-grounded headline: 1 when the answer is right (answer_grade: correct) AND every
 * number, quantity and proper noun in it occurs in the source (grounded), else 0. `grounded` alone
 * is won by saying nothing (a refusal invents nothing); this is not: a refusal is `not_attempted`
 * and scores 0, an answer with an invented figure is `incorrect` even when the rest is right.
 * No halluc_* flags of its own: answer_grade already gives them, and the rates count each item once.
 */
export const groundedCorrect: MeanMetric = {
  kind: 'mean',
  name: 'grounded_correct',
  description: 'share of items answered correctly with no number, quantity or proper noun absent from the source (0–1); refusing scores 0',
  needsTokenizer: true,
  range: [0, 1],
  async score(input) {
    const text = input.prediction ?? input.raw;
    if (text.trim() === '') return { value: 0, outcome: 'unscored', details: { reason: 'empty_output' } };
    const g = await gradeShortAnswer(input.prediction, referenceTexts(input.item));
    if (g.grade !== 'correct') return { value: 0, outcome: g.grade, details: { grade: g.grade, reason: g.reason } };
    const unsupported = (await groundingMentions(text, sourceText(input))).filter((m) => !m.supported);
    if (unsupported.length) return { value: 0, outcome: 'incorrect', details: { grade: 'correct', reason: 'unsupported_mention', unsupported: unsupported.map((m) => m.text) } };
    return { value: 1, outcome: 'correct', details: { grade: 'correct' } };
  },
};
