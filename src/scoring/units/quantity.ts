import { findNumbers, prepareNumberText, type ParsedNumber } from './japanese-number.js';
import { readUnit, type ParsedUnit } from './parse-unit.js';

/**
 * Finding the answer quantity (number + unit) in a model's free-text answer.
 *
 * Which part of the output is the answer: the last line that starts with a 答/解答/Answer label
 * (text after the label), else the last non-empty line. Within it, the text after the last `=`
 * or `≒` (so "P = √3×200×30×0.85 = 8.83 kW" reads 8.83 kW), and in that the first number. Arabic
 * numbers are preferred; 漢数字 are read only when the segment has no Arabic digit (so 三相 in
 * "三相200V" is not a number).
 */

export interface Quantity {
  number: ParsedNumber;
  /** The unit written right after the number, or null when none (or an unknown one) follows. */
  unit: ParsedUnit | null;
  /** The characters right after the number, when they look like an unknown unit (e.g. "kWw", "ｋｇｆｍ"). */
  unknownUnit?: string;
}

const LABEL = /^\s*(?:\*\*)?(?:最終的な)?(?:答え?|解答|回答|結果|Answer|A)(?:\*\*)?\s*[:：]\s*(?:\*\*)?/iu;

/** The answer segment of an output (see module comment); '' when the output is empty. */
export function answerSegment(raw: string): string {
  const lines = prepareNumberText(raw)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^```/.test(l));
  if (lines.length === 0) return '';
  const labelled = [...lines].reverse().find((l) => LABEL.test(l));
  let segment = labelled ? labelled.replace(LABEL, '') : (lines[lines.length - 1] as string);
  const eq = Math.max(segment.lastIndexOf('='), segment.lastIndexOf('≒'));
  if (eq !== -1 && /\d|[〇一二三四五六七八九十]/.test(segment.slice(eq + 1))) segment = segment.slice(eq + 1);
  return segment.replace(/\*\*/g, '').trim();
}

/** Every number in a segment with the unit that follows it. */
export function quantitiesIn(segment: string): Quantity[] {
  const text = prepareNumberText(segment);
  const arabic = /\d/.test(text);
  const numbers = findNumbers(text, { kanji: !arabic }).filter((n) => !n.ratio || true);
  return numbers.map((number) => {
    if (number.ratio) return { number, unit: null };
    const unit = readUnit(text, number.end);
    if (unit) return { number, unit };
    const junk = /^\s?([A-Za-zμΩ°℃]+)/u.exec(text.slice(number.end));
    return junk ? { number, unit: null, unknownUnit: junk[1] as string } : { number, unit: null };
  });
}

/** The answer quantity of a raw output (first number of its answer segment), or null when it has no number. */
export function extractQuantity(raw: string): Quantity | null {
  return quantitiesIn(answerSegment(raw))[0] ?? null;
}
