import { extractProgram } from '../../plc/extract-program.js';
import { answerSegment, quantitiesIn } from '../units/quantity.js';
import type { Extractor } from '../types.js';

/**
 * Extractors of the industrial suites. They return what the checker will read (so samples.jsonl
 * shows it) or null when there is nothing to read, which makes the item `unscored` rather than
 * `incorrect`. The metrics re-read the raw output themselves (they need its lines).
 */

/** The answer's quantity as written ("8.83 kW", "8.83" when no unit follows), or null without a number. */
export const quantityExtractor: Extractor = {
  name: 'quantity',
  description: 'ind-unit-calc: the number (and unit) of the answer line (last 答え line or last line, after its last =), or null.',
  extract(raw) {
    const segment = answerSegment(raw);
    const q = quantitiesIn(segment)[0];
    if (!q) return null;
    return segment.slice(q.number.start, q.unit ? q.number.end + q.unit.length : q.number.end + (q.unknownUnit ? q.unknownUnit.length + 1 : 0)).trim();
  },
};

/** The PROGRAM … END_PROGRAM text found in the answer, or null. */
export const stProgramExtractor: Extractor = {
  name: 'st_program',
  description: 'ind-plc-st: the PROGRAM … END_PROGRAM in the answer (markdown fences and prose allowed), or null.',
  extract: (raw) => extractProgram(raw)?.source ?? null,
};

/** The answer line when it holds at least one number (option numbers or an integer), or null. */
export const answerLineExtractor: Extractor = {
  name: 'answer_line',
  description: 'The answer line (last 答え line or last line, after its last =) when it contains a number, or null.',
  extract(raw) {
    const segment = answerSegment(raw);
    return /\d/.test(segment) ? segment : null;
  },
};
