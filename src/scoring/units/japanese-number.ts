/**
 * Reading one number written the way Japanese engineers write it, at a given position of a text
 * already NFKC-normalised (so 全角 digits are ASCII and ㎜ is "mm"):
 *  - Arabic digits with thousands commas (`12,500`), decimals, exponents (`1.2e3`, `1.2×10^3`, `1.2×10³`);
 *  - 漢数字 (`三十五`, `二〇二四`) and mixed forms with 万/億/兆 and 千/百/十 (`1万2000`, `2億5千万`, `3千`);
 *  - negatives written `-`, `−`, `△`/`▲` (accounting style) or `マイナス`;
 *  - 割/分/厘 ratios (`3割5分` = 0.35);
 *  - hedges before the number (`約`, `およそ`, `概ね`, `≒`, `~`) are skipped and reported as `approx`.
 */

export interface ParsedNumber {
  value: number;
  /** Index just after the number (and its 割/分/厘 or exponent part). */
  end: number;
  /** Index where the number (including its sign and hedge) starts. */
  start: number;
  approx: boolean;
  /** True when written as a 割/分/厘 ratio (already divided: 3割 → 0.3). */
  ratio: boolean;
}

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };
const HEDGES = ['約', 'およそ', '概ね', 'おおよそ', '≒', '~', '〜', '≈'];
const NEGATIVE_MARKS = ['△', '▲', 'マイナス', '-', '\u2212'];

/**
 * NFKC plus the minus variants NFKC leaves alone. Superscript powers are rewritten as `^n` first,
 * because NFKC would turn `10³` into `103` and `m²` into `m2`.
 */
export function prepareNumberText(text: string): string {
  return text
    .replace(/[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, (sup) => `^${[...sup].map((c) => SUPERSCRIPT[c]).join('')}`)
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFF0D]/g, '-');
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isKanjiNumeral = (ch: string | undefined): boolean => ch !== undefined && (ch in KANJI_DIGIT || ch in SMALL);

/** Arabic digits with optional thousands commas and decimal part, at i. */
function readArabic(text: string, i: number): { value: number; end: number } | null {
  const m = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|^\.\d+/.exec(text.slice(i));
  if (!m) return null;
  return { value: Number(m[0].replace(/,/g, '')), end: i + m[0].length };
}

/**
 * A "section" below 万: digits (Arabic or kanji) combined with 千/百/十 (`3千2百`, `三千二百`, `25`).
 * Returns null when nothing numeric starts at i.
 */
function readSection(text: string, i: number): { value: number; end: number } | null {
  let section = 0;
  let current: number | null = null;
  let pos = i;
  let any = false;
  for (;;) {
    const ch = text[pos];
    if (isDigit(ch) || (ch === '.' && isDigit(text[pos + 1]))) {
      if (current !== null) break; // two Arabic runs in a row: stop (e.g. "12 34")
      const a = readArabic(text, pos);
      if (!a) break;
      current = a.value;
      pos = a.end;
      any = true;
    } else if (ch !== undefined && ch in KANJI_DIGIT) {
      current = (current ?? 0) * 10 + (KANJI_DIGIT[ch] as number);
      pos += 1;
      any = true;
    } else if (ch !== undefined && ch in SMALL && (any || isKanjiNumeral(text[pos + 1]) || (text[pos + 1] ?? '') in LARGE)) {
      // 十/百/千 count only inside a numeral run (二十, 3千, 十五, 千万); a lone 十 (十分な) is a word.
      section += (current ?? 1) * (SMALL[ch] as number);
      current = null;
      pos += 1;
      any = true;
    } else break;
  }
  if (!any) return null;
  return { value: section + (current ?? 0), end: pos };
}

/** Exponent after a mantissa: `e3`, `E-2`, `×10^3`, `x10^-3`, `×10³`, `*10**3`. */
function readExponent(text: string, i: number): { factor: number; end: number } | null {
  const rest = text.slice(i);
  const e = /^[eE]([-+]?\d+)/.exec(rest);
  if (e) return { factor: 10 ** Number(e[1]), end: i + e[0].length };
  const times = /^\s*[×x*]\s*10(?:\^|\*\*)\(?([-+]?\d+)\)?/.exec(rest);
  if (times) return { factor: 10 ** Number(times[1]), end: i + times[0].length };
  const sup = /^\s*[×x*]\s*10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/.exec(rest);
  if (sup) {
    const exp = [...(sup[1] as string)].map((c) => SUPERSCRIPT[c]).join('');
    return { factor: 10 ** Number(exp), end: i + sup[0].length };
  }
  return null;
}

/** Parses a number starting exactly at `start` (hedge and sign included), or null. */
export function readNumberAt(text: string, start: number): ParsedNumber | null {
  let pos = start;
  let approx = false;
  for (let again = true; again; ) {
    again = false;
    for (const h of HEDGES) {
      if (text.startsWith(h, pos)) {
        pos += h.length;
        approx = true;
        again = true;
      }
    }
    while (text[pos] === ' ') pos++;
  }
  let negative = false;
  for (const mark of NEGATIVE_MARKS) {
    if (text.startsWith(mark, pos)) {
      negative = true;
      pos += mark.length;
      while (text[pos] === ' ') pos++;
      break;
    }
  }
  if (!negative && text[pos] === '+') pos++;

  let total = 0;
  let any = false;
  let end = pos;
  for (;;) {
    const section = readSection(text, end);
    if (!section) {
      // 万/億 directly after an earlier large unit is malformed; stop.
      break;
    }
    const unitCh = text[section.end];
    if (unitCh !== undefined && unitCh in LARGE) {
      total += (section.value === 0 && !any ? 1 : section.value) * (LARGE[unitCh] as number);
      end = section.end + 1;
      any = true;
      continue;
    }
    total += section.value;
    end = section.end;
    any = true;
    break;
  }
  if (!any) return null;
  const exp = readExponent(text, end);
  if (exp) {
    total *= exp.factor;
    end = exp.end;
  }
  let ratio = false;
  if (text[end] === '割') {
    // 3割5分2厘 = 0.352: 割 is a tenth, 分 a hundredth, 厘 a thousandth (only after 割).
    total *= 0.1;
    end += 1;
    ratio = true;
    for (const [mark, scale] of [['分', 0.01], ['厘', 0.001]] as const) {
      const part = readSection(text, end);
      if (part && text[part.end] === mark) {
        total += part.value * scale;
        end = part.end + 1;
      }
    }
  }
  return { value: negative ? -total : total, start, end, approx, ratio };
}

/**
 * Whether a number may start at i: not inside a word made of ASCII letters/digits (so "M8" bolts
 * or "ID-3" do not read as numbers), and for a kanji numeral not part of common words such as
 * 一定, 一般, 十分, 三相 (a 漢数字 must be followed by another numeral, a unit-like character or a boundary).
 */
function mayStartNumber(text: string, i: number): boolean {
  const prev = text[i - 1];
  const ch = text[i] as string;
  if (prev !== undefined && /[A-Za-z0-9_.]/.test(prev) && (isDigit(ch) || ch === '-' || ch === '+' || ch === '.')) return false;
  return true;
}

/** Every number in a text (already prepared with prepareNumberText), left to right, non-overlapping. */
export function findNumbers(text: string, options: { kanji?: boolean } = {}): ParsedNumber[] {
  const out: ParsedNumber[] = [];
  const kanji = options.kanji ?? true;
  for (let i = 0; i < text.length; ) {
    const ch = text[i] as string;
    const candidate =
      isDigit(ch) ||
      (ch === '.' && isDigit(text[i + 1])) ||
      HEDGES.some((h) => text.startsWith(h, i)) ||
      NEGATIVE_MARKS.some((m) => text.startsWith(m, i)) ||
      ch === '+' ||
      (kanji && isKanjiNumeral(ch));
    if (candidate && mayStartNumber(text, i)) {
      const n = readNumberAt(text, i);
      if (n) {
        out.push(n);
        i = n.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The value of a whole string that should be just a number (`"1万2000"`, `"△3.5"`), or null. */
export function parseJapaneseNumber(text: string): number | null {
  const prepared = prepareNumberText(text).trim();
  const n = readNumberAt(prepared, 0);
  if (!n || prepared.slice(n.end).trim() !== '') return null;
  return n.value;
}
