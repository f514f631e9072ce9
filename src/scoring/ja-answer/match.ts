import { canonicalAnswer } from './canonical.js';

/**
 * How a response's first line relates to the accepted answers. The rule for "correct":
 *  - `exact`: the canonical forms (canonical.ts) are equal;
 *  - `contains`: an accepted answer (≥ 2 canonical characters) occurs inside the response, at a
 *    number boundary (「2023」 does not occur in 「20231」), and is not negated right after
 *    (「東京ではなく…」, 「東京じゃない」, 「東京以外」);
 *  - `several`: the response names several candidates (「東京か大阪」, 「東京、大阪」, 「A または B」):
 *    correct only when every candidate is accepted; when some are and some are not the grader
 *    cannot tell a hedge across candidates from a list, so it is `ambiguous` (→ unscored);
 *  - anything else, including a response that is only part of an accepted answer (「東京」 for
 *    「東京都」, unless the suite lists it as an alias), is `none` (→ incorrect).
 */
export type AnswerMatch =
  | { kind: 'exact' | 'contains'; accepted: string }
  | { kind: 'several'; accepted: string[] }
  | { kind: 'ambiguous'; matched: string[]; unmatched: string[] }
  | { kind: 'none' };

const NEGATION_AFTER = /^(?:では|じゃ|で)?(?:ない|なく|なかった|ありません|ありませ|はない|はなく)|^以外/u;
const CANDIDATE_SPLIT = /\s*(?:、|(?<!\d),|,(?!\d)|\s+or\s+|または|もしくは|あるいは|か、|か\s)\s*/u;

function occursAt(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function containsAccepted(response: string, accepted: string): boolean {
  if ([...accepted].length < 2 && !/^\d+$/.test(accepted)) return false;
  for (const i of occursAt(response, accepted)) {
    const before = response[i - 1] ?? '';
    const after = response.slice(i + accepted.length);
    if (/\d/.test(accepted[0]!) && /[\d.]/.test(before)) continue;
    if (/\d/.test(accepted.at(-1)!) && /^[\d.]/.test(after)) continue;
    if (NEGATION_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

/** Splits a reference list written as one string (NIILC joins its answers with ","). */
export function acceptedAnswers(references: readonly string[]): string[] {
  return [...new Set(references.flatMap((r) => r.split(/(?<!\d),|,(?!\d)|、/u)).map((r) => r.trim()).filter((r) => r !== ''))];
}

export function matchAnswer(response: string, references: readonly string[]): AnswerMatch {
  const accepted = acceptedAnswers(references).map((a) => ({ text: a, canon: canonicalAnswer(a) })).filter((a) => a.canon !== '');
  const canon = canonicalAnswer(response);
  if (canon === '' || accepted.length === 0) return { kind: 'none' };
  const exact = accepted.find((a) => a.canon === canon);
  if (exact) return { kind: 'exact', accepted: exact.text };

  const firstLine = (response.normalize('NFKC').split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const parts = firstLine.split(CANDIDATE_SPLIT).map(canonicalAnswer).filter((p) => p !== '');
  if (parts.length > 1) {
    const matched: string[] = [];
    const unmatched: string[] = [];
    for (const p of parts) {
      const hit = accepted.find((a) => a.canon === p || containsAccepted(p, a.canon));
      if (hit) matched.push(hit.text);
      else unmatched.push(p);
    }
    if (unmatched.length === 0) return { kind: 'several', accepted: matched };
    if (matched.length > 0) return { kind: 'ambiguous', matched, unmatched };
    return { kind: 'none' };
  }
  const contained = accepted.find((a) => containsAccepted(canon, a.canon));
  return contained ? { kind: 'contains', accepted: contained.text } : { kind: 'none' };
}
