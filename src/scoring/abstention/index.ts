/** Judge-free abstention detection on kuromoji morphemes. */
export { detectAbstention, type AbstentionLabel, type AbstentionVerdict } from './detect.js';
export { splitClauses, maskQuotes, type Clause } from './clauses.js';
