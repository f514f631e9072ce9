import { FAILURE_MODES, type FailureMode } from '../../industrial/fmea-data.js';
import { createRng, shuffle } from '../../util/random.js';
import { pick, recordRng } from './seeded.js';
import type { ItemGenerator } from './types.js';

/**
 * ind-fmea records. Three of every four are "select all that apply" questions (causes, detection,
 * countermeasures of one failure mode) whose options — a random non-empty subset of the right ones
 * plus the wrong ones — are shuffled with the record's seed; the fourth is an RPN calculation
 * (S×O×D, the reduction after a countermeasure, or the larger of two modes' RPNs).
 * Record: {kind: choice_set | rpn, equipment, mode, question, answer, answer_set? | value}.
 */

const ASPECTS = [
  { key: 'causes', wrong: 'wrongCauses', label: '考えられる原因' },
  { key: 'detection', wrong: 'wrongDetection', label: '発見・検出の方法' },
  { key: 'countermeasures', wrong: 'wrongCountermeasures', label: '再発防止・予防の対策' },
] as const;

function choiceSet(rng: () => number, fm: FailureMode, aspect: (typeof ASPECTS)[number]): Record<string, unknown> {
  const right = fm[aspect.key];
  const k = 1 + Math.floor(rng() * right.length);
  const chosen = shuffle(right, rng).slice(0, k);
  const options = shuffle([...chosen.map((text) => ({ text, ok: true })), ...fm[aspect.wrong].map((text) => ({ text, ok: false }))], rng);
  const answerSet = options.flatMap((o, i) => (o.ok ? [i + 1] : []));
  const question =
    `${fm.equipment}の故障モード「${fm.mode}」について、${aspect.label}として適切なものをすべて選び、番号で答えてください。\n` +
    options.map((o, i) => `${i + 1}. ${o.text}`).join('\n');
  return { kind: 'choice_set', equipment: fm.equipment, mode: fm.mode, aspect: aspect.key, question, answer_set: answerSet, answer: answerSet.join(', ') };
}

const rating = (rng: () => number, lo = 1): number => lo + Math.floor(rng() * (11 - lo));

function rpn(rng: () => number, fm: FailureMode): Record<string, unknown> {
  const variant = Math.floor(rng() * 3);
  const S = rating(rng, 2);
  const D = rating(rng, 2);
  const base = { kind: 'rpn', equipment: fm.equipment, mode: fm.mode };
  if (variant === 0) {
    const O = rating(rng);
    const value = S * O * D;
    const question = `${fm.equipment}の故障モード「${fm.mode}」を、影響度（S）${S}、発生度（O）${O}、検出度（D）${D}と評価した（いずれも10段階）。リスク優先数（RPN）はいくらか。整数で答えてください。`;
    return { ...base, variant: 'rpn', params: { S, O, D }, question, value, answer: String(value) };
  }
  if (variant === 1) {
    const O1 = rating(rng, 3);
    const O2 = 1 + Math.floor(rng() * (O1 - 1));
    const value = S * D * (O1 - O2);
    const question = `${fm.equipment}の故障モード「${fm.mode}」は、影響度（S）${S}、発生度（O）${O1}、検出度（D）${D}と評価されていた。対策の結果、発生度だけが${O2}に下がった。リスク優先数（RPN）はいくつ減ったか。整数で答えてください。`;
    return { ...base, variant: 'rpn_reduction', params: { S, D, O1, O2 }, question, value, answer: String(value) };
  }
  const others = FAILURE_MODES.filter((m) => m.equipment === fm.equipment && m.mode !== fm.mode);
  const other = pick(rng, others);
  const [O, S2, O2, D2] = [rating(rng), rating(rng, 2), rating(rng), rating(rng, 2)];
  const a = S * O * D;
  const b = S2 * O2 * D2;
  const value = Math.max(a, b);
  const question = `${fm.equipment}のFMEAで、故障モード「${fm.mode}」は S=${S}、O=${O}、D=${D}、故障モード「${other.mode}」は S=${S2}、O=${O2}、D=${D2}と評価された。リスク優先数（RPN＝S×O×D）が大きいほうのRPNはいくらか。整数で答えてください。`;
  return { ...base, variant: 'rpn_max', params: { S, O, D, S2, O2, D2 }, question, value, answer: String(value) };
}

/** The value an RPN record's parameters give (validate recomputes every gold with it). */
export function rpnFromParams(variant: string, p: Record<string, number>): number {
  if (variant === 'rpn') return p.S! * p.O! * p.D!;
  if (variant === 'rpn_reduction') return p.S! * p.D! * (p.O1! - p.O2!);
  return Math.max(p.S! * p.O! * p.D!, p.S2! * p.O2! * p.D2!);
}

export const fmeaGenerator: ItemGenerator = {
  name: 'ind-fmea',
  version: 2,
  distinct: true,
  description: 'FMEA choice sets (causes, detection, countermeasures; options shuffled per seed) and RPN calculations',
  generate(seed, count) {
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng('ind-fmea', seed, i);
      // Failure modes in a seed-dependent rotation, so every mode appears in any 64 consecutive records.
      const offset = Math.floor(createRng(seed)() * FAILURE_MODES.length);
      const fm = FAILURE_MODES[(Math.floor(i / 4) + offset) % FAILURE_MODES.length]!;
      return i % 4 === 3 ? rpn(rng, fm) : choiceSet(rng, fm, ASPECTS[i % 4]!);
    });
  },
};
