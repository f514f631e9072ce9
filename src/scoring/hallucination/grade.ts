import { detectAbstention, type AbstentionLabel } from '../abstention/index.js';
import { matchAnswer, type AnswerMatch } from '../ja-answer/index.js';

/**
 * Three-way grading of a short answer (judge-free): `correct`, `incorrect`, `not_attempted`, and
 * `unscored` whenever the grader cannot decide — never folded into another bucket.
 *  1. No readable answer (extractor gave null) → `unscored` (`unreadable`); a blank output →
 *     `unscored` (`empty_output`).
 *  2. The abstention detector says `abstain` → `not_attempted`.
 *  3. Otherwise (attempt or hedged attempt) the answer is matched (ja-answer/match.ts):
 *     exact / contains / several-all-accepted → `correct`; several candidates, some accepted and
 *     some not → `unscored` (`ambiguous`); no match → `incorrect`, unless the response has no
 *     answer-bearing word at all (only symbols or filler) → `unscored` (`no_answer`).
 * Flags for run.json: `halluc_<grade>`, plus `abstained` and `hedged`.
 */
export type Grade = 'correct' | 'incorrect' | 'not_attempted' | 'unscored';

export interface GradeResult {
  grade: Grade;
  reason: string;
  abstention: AbstentionLabel | null;
  match: AnswerMatch['kind'] | null;
  flags: string[];
}

export async function gradeShortAnswer(response: string | null, references: readonly string[]): Promise<GradeResult> {
  const done = (grade: Grade, reason: string, abstention: AbstentionLabel | null, match: AnswerMatch['kind'] | null): GradeResult => {
    const flags = [`halluc_${grade}`];
    if (grade === 'not_attempted') flags.push('abstained');
    if (abstention === 'hedged_attempt') flags.push('hedged');
    return { grade, reason, abstention, match, flags };
  };
  if (response === null) return done('unscored', 'unreadable', null, null);
  if (response.trim() === '') return done('unscored', 'empty_output', null, null);
  const verdict = await detectAbstention(response);
  if (verdict.label === 'abstain') return done('not_attempted', 'abstained', verdict.label, null);
  const match = matchAnswer(response, references);
  switch (match.kind) {
    case 'exact':
    case 'contains':
    case 'several':
      return done('correct', `match_${match.kind}`, verdict.label, match.kind);
    case 'ambiguous':
      return done('unscored', 'ambiguous', verdict.label, match.kind);
    default:
      return verdict.has_content ? done('incorrect', 'no_match', verdict.label, match.kind) : done('unscored', 'no_answer', verdict.label, match.kind);
  }
}
