/** Japanese short-answer normalisation and matching (the three-way grader's "is it the answer?"). */
export { canonicalAnswer } from './canonical.js';
export { foldKana } from './kana.js';
export { normaliseNumerals } from './numerals.js';
export { eraToGregorian } from './era.js';
export { normaliseUnits } from './units.js';
export { stripWrapping } from './wrapping.js';
export { matchAnswer, type AnswerMatch } from './match.js';
