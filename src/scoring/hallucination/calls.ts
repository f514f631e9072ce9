import { detectAbstention } from '../abstention/index.js';
import type { Grade } from './grade.js';

/**
 * Refuse-or-answer calls for the paired suites, on the abstention detector's label (a hedged
 * attempt counts as answering: it still asserts something about the entity or the passage).
 *
 * Fabricated entities: a fake accepted → `incorrect` + `fabricated_entity` (`fake_accepted`);
 * a fake refused → `correct` (`fake_refused`); a real answered → `correct` (`real_accepted`);
 * a real refused → `not_attempted` (`real_refused`). A blank output → `unscored` (`entity_unscored`).
 *
 * Unanswerable RC: a swapped (unanswerable) passage refused → `correct` (`swapped_abstained`),
 * answered → `incorrect` + `fabricated_answer` (`swapped_answered`); an original passage answered →
 * the answer's own grade decides elsewhere, here `original_answered`; refused → `not_attempted`
 * (`original_abstained`). A blank output → `unscored` (`rc_unscored`).
 */
export interface Call {
  outcome: Grade;
  /** True when the model answered (accepted the entity / the passage), null when undecidable. */
  answered: boolean | null;
  flags: string[];
}

async function answered(response: string | null): Promise<boolean | null> {
  if (response === null || response.trim() === '') return null;
  return (await detectAbstention(response)).label !== 'abstain';
}

export async function entityCall(response: string | null, real: boolean): Promise<Call> {
  const a = await answered(response);
  if (a === null) return { outcome: 'unscored', answered: null, flags: ['entity_unscored'] };
  if (real) return a ? { outcome: 'correct', answered: true, flags: ['real_accepted'] } : { outcome: 'not_attempted', answered: false, flags: ['real_refused', 'abstained'] };
  return a ? { outcome: 'incorrect', answered: true, flags: ['fake_accepted', 'fabricated_entity'] } : { outcome: 'correct', answered: false, flags: ['fake_refused', 'abstained'] };
}

export async function passageCall(response: string | null, swapped: boolean): Promise<Call> {
  const a = await answered(response);
  if (a === null) return { outcome: 'unscored', answered: null, flags: ['rc_unscored'] };
  if (swapped) return a ? { outcome: 'incorrect', answered: true, flags: ['swapped_answered', 'fabricated_answer'] } : { outcome: 'correct', answered: false, flags: ['swapped_abstained', 'abstained'] };
  return a ? { outcome: 'correct', answered: true, flags: ['original_answered'] } : { outcome: 'not_attempted', answered: false, flags: ['original_abstained', 'abstained'] };
}
