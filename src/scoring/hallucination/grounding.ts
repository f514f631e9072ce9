import { foldKana } from '../ja-answer/kana.js';
import { normaliseNumerals } from '../ja-answer/numerals.js';
import { normaliseUnits } from '../ja-answer/units.js';
import { tokenize } from '../tokenizer.js';

/**
 * Grounding check for answers written from a source text: which numbers, quantities (number +
 * unit) and proper nouns in the output does the source not contain? Both texts are NFKC'd and
 * their numbers and units normalised (ja-answer), so 「十五ミリ」 in the output and 「15 mm」 in the
 * source agree. Mentions:
 *  - `quantity`: a number with a unit right after it (`15mm`, `0.8mpa`, `30%`, `60℃`, `24個`);
 *  - `number`: any other number;
 *  - `name`: a proper noun (IPADIC 固有名詞) or a Latin-letter code (`KD-350`, `RS2`, `MPa`).
 * A quantity is supported when the same number with the same unit occurs in the source, a
 * number when it occurs there at all, a name when its text does (kana- and case-folded).
 */
export interface Mention {
  kind: 'quantity' | 'number' | 'name';
  text: string;
  supported: boolean;
}

const UNIT = '(?:mm/s|m/s|km2|m2|m3|mpa|kpa|kw|hz|km|cm|mm|kg|mg|ml|mω|ω|m|g|t|l|%|w|v|a|℃|分間|分|秒|時間|日|か月|年|回転|回|個|台|本|枚|度|倍|人|名|升|ショット)';
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNIT})`, 'gu');
const NUMBER = /\d+(?:\.\d+)?/gu;
const CODE = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/gu;

export function normaliseForGrounding(text: string): string {
  return foldKana(normaliseUnits(normaliseNumerals(text.normalize('NFKC')))).toLowerCase();
}

function numberKey(n: string): string {
  return String(Number(n));
}

function quantities(text: string): Set<string> {
  return new Set([...text.matchAll(QUANTITY)].map((m) => `${numberKey(m[1]!)}${m[2]}`));
}

export async function groundingMentions(output: string, source: string): Promise<Mention[]> {
  const out = normaliseForGrounding(output);
  const src = normaliseForGrounding(source);
  const srcQuantities = quantities(src);
  const srcNumbers = new Set([...src.matchAll(NUMBER)].map((m) => numberKey(m[0])));
  const mentions = new Map<string, Mention>();
  const covered = new Set<number>();
  for (const m of out.matchAll(CODE)) {
    // Unit symbols right after a number belong to its quantity; a code's digits (KD-350) are not numbers.
    if (/\d\s*$/u.test(out.slice(Math.max(0, m.index! - 4), m.index!))) continue;
    for (let i = m.index!; i < m.index! + m[0].length; i++) covered.add(i);
    mentions.set(`c:${m[0]}`, { kind: 'name', text: m[0], supported: src.includes(m[0]) });
  }
  for (const m of out.matchAll(QUANTITY)) {
    if (covered.has(m.index!)) continue;
    const key = `${numberKey(m[1]!)}${m[2]}`;
    for (let i = m.index!; i < m.index! + m[1]!.length; i++) covered.add(i);
    mentions.set(`q:${key}`, { kind: 'quantity', text: key, supported: srcQuantities.has(key) });
  }
  for (const m of out.matchAll(NUMBER)) {
    if (covered.has(m.index!)) continue;
    const key = numberKey(m[0]);
    mentions.set(`n:${key}`, { kind: 'number', text: key, supported: srcNumbers.has(key) });
  }
  for (const t of await tokenize(output.normalize('NFKC'))) {
    if (t.pos !== '名詞' || t.posDetail !== '固有名詞') continue;
    const key = normaliseForGrounding(t.surface);
    if (/^[a-z0-9-]+$/.test(key)) continue;
    mentions.set(`p:${key}`, { kind: 'name', text: t.surface, supported: src.includes(key) });
  }
  return [...mentions.values()];
}
