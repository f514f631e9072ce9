import { splitClauses } from './clauses.js';
import { classifyClause, HEDGE } from './cues.js';

/**
 * Abstention detector. A response is:
 *  - `abstain` when no clause carries an answer and at least one refuses, hedges or is only
 *    politeness (「申し訳ありませんが、わかりません」, 「そのような駅は存在しません」);
 *  - `hedged_attempt` when some clause carries an answer and the response also hedges or refuses
 *    somewhere (「自信はありませんが、東京だと思います」 — an answer asserted after a hedge is an attempt);
 *  - `attempt` otherwise.
 * `has_content` is false for a response with no answer-bearing word at all (empty, only
 * punctuation or filler): the grader leaves those `unscored` unless a clause refuses.
 * Deterministic and judge-free: kuromoji (IPADIC) morphemes plus the lexicon in cues.ts.
 */
export type AbstentionLabel = 'abstain' | 'attempt' | 'hedged_attempt';

export interface AbstentionVerdict {
  label: AbstentionLabel;
  has_content: boolean;
  /** What decided it: the refusal cue found (e.g. `わかる+ん`), or `hedge`, or `content`. */
  cues: string[];
}

const memo = new Map<string, AbstentionVerdict>();
const MEMO_LIMIT = 10_000;

export async function detectAbstention(response: string): Promise<AbstentionVerdict> {
  const hit = memo.get(response);
  if (hit) return hit;
  const clauses = await splitClauses(response);
  const kinds = clauses.map(classifyClause);
  const cues = kinds.flatMap((k) => (k.cue ? [k.cue] : []));
  const content = kinds.some((k) => k.kind === 'content');
  const refuses = kinds.some((k) => k.kind === 'abstain');
  const hedges = HEDGE.test(response) || kinds.some((k) => k.kind === 'hedge');
  let label: AbstentionLabel;
  if (content) label = refuses || hedges ? 'hedged_attempt' : 'attempt';
  else label = refuses || hedges || kinds.some((k) => k.kind === 'filler') ? 'abstain' : 'attempt';
  const verdict: AbstentionVerdict = { label, has_content: content, cues: [...cues, ...(hedges ? ['hedge'] : []), ...(content ? ['content'] : [])] };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(response, verdict);
  return verdict;
}
