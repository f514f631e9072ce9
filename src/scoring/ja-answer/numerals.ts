import { parseKanjiNumber } from '../numbers.js';

/**
 * Rewrites every number in an answer as plain Arabic digits, so that 「千」, 「1,000」, 「１０００」
 * and 「1千」 all read 1000. Steps (input already NFKC'd, so full-width digits are ASCII):
 *  1. thousands commas between digits are dropped (`1,000` → `1000`);
 *  2. mixed forms with 万/億/兆 (and 千/百 after a digit) are evaluated first (`3万5000` → 35000,
 *     `1.5億` → 150000000, `2千` → 2000), so their unit kanji are not read as numbers on their own;
 *  3. remaining runs of 漢数字 are evaluated (`二千二十三` → 2023, `二〇二三` → 2023);
 *  4. 割 after a number becomes a percentage (`3割` → `30%`, `3割5分` → `35%`).
 * The rewrite is applied to both sides of a comparison, so kanji numerals inside words (千葉,
 * 一般) turn into the same digits on both sides and still match each other.
 */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
const MIXED = /(\d+(?:\.\d+)?)([千百]?[万億兆]|[千百])((?:\d+(?:\.\d+)?[千百]?[万億兆]?)*)/g;
const KANJI_RUN = /[〇零一二三四五六七八九十百千万億兆]+/g;
const WARI = /(\d+(?:\.\d+)?)割(?:(\d)分)?/g;

const UNIT: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 億: 1e8, 兆: 1e12 };

/** Value of a digit/kanji-unit mix such as `3万5000`, `1.5億`, `2千`, `1億2000万`. */
function mixedValue(text: string): number | null {
  let total = 0;
  let section = 0;
  const re = /(\d+(?:\.\d+)?)([千百]?)([万億兆]?)/g;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') break;
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    let value = Number(m[1]);
    if (m[2]) value *= UNIT[m[2]]!;
    if (m[3]) {
      total += (section + value) * UNIT[m[3]]!;
      section = 0;
    } else section += value;
  }
  if (consumed !== text.length) return null;
  return total + section;
}

function digits(value: number): string {
  // Round away binary noise from 1.5 × 1e8 and the like; answers are never that precise.
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded);
}

export function normaliseNumerals(text: string): string {
  let out = text.replace(THOUSANDS, '$1');
  out = out.replace(MIXED, (whole) => {
    const value = mixedValue(whole);
    return value === null ? whole : digits(value);
  });
  out = out.replace(KANJI_RUN, (run) => {
    const value = parseKanjiNumber(run);
    return value === null ? run : digits(value);
  });
  out = out.replace(WARI, (_w, n: string, bu?: string) => `${digits(Number(n) * 10 + (bu ? Number(bu) : 0))}%`);
  return out;
}
