/** Hallucination grading and rates (judge-free): three-way grades, fabricated entities, unanswerable RC. */
export { gradeShortAnswer, type Grade, type GradeResult } from './grade.js';
export { hallucinationRates, gradeCountsFromFlags, proportion, penalty, PENALTY_THRESHOLD, type HallucinationRates, type GradeCounts, type Rate } from './rates.js';
export { entityRates, unanswerableRates, harmonic, type EntityRates, type UnanswerableRates } from './paired-rates.js';
export { suiteHallucination, formatHallucinationCell, type SuiteHallucination } from './summary.js';
