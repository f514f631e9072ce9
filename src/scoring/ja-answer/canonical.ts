import { eraToGregorian } from './era.js';
import { foldKana } from './kana.js';
import { normaliseNumerals } from './numerals.js';
import { normaliseUnits } from './units.js';
import { stripWrapping } from './wrapping.js';

/**
 * The canonical form two short answers are compared in. In order:
 *  1. NFKC (full-width digits and letters → ASCII, half-width kana → full-width);
 *  2. the first line only (a short answer is its first line; explanations follow);
 *  3. wrapping stripped (「答えは〜です」, 「〜だと思います」, brackets, final 。);
 *  4. numbers as Arabic digits (漢数字, 万/億/兆, commas, 割 → %);
 *  5. 和暦 → 西暦 (令和5年 → 2023年), and a bare year's 年 dropped (2023年 → 2023);
 *  6. unit spellings → symbols (キロメートル → km, パーセント → %);
 *  7. katakana → hiragana, Latin letters lower-cased;
 *  8. whitespace, 中黒 and punctuation removed (a decimal point between digits is kept).
 */
export function canonicalAnswer(text: string): string {
  let out = text.normalize('NFKC');
  out = (out.split(/\n/).find((l) => l.trim() !== '') ?? '').trim();
  out = stripWrapping(out);
  out = normaliseNumerals(out);
  out = eraToGregorian(out);
  out = out.replace(/^(\d{3,4})年$/u, '$1');
  out = normaliseUnits(out);
  out = foldKana(out).toLowerCase();
  out = out.replace(/(?<!\d)\.|\.(?!\d)/g, '');
  out = out.replace(/[\s・･、,。!?！？「」『』"“”'()（）\[\]【】〈〉《》:：;；~〜\-‐–—]/gu, '');
  return out;
}
