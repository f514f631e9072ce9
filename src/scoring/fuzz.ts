/**
 * A faithful port of what llm-jp-eval's char_f1 calls: `fuzzywuzzy.fuzz.token_sort_ratio(a, b)`
 * with python-Levenshtein installed, default arguments (`force_ascii=True, full_process=True`).
 *
 *  1. full_process: drop code points U+0080–U+00FF (fuzzywuzzy's `asciidammit` with force_ascii),
 *     replace every non-word character (Python `\W`: not a letter, number or `_`) with a space,
 *     lower-case, strip.
 *  2. split on whitespace, sort the tokens (by code point, as Python sorts str), join with one space.
 *  3. ratio: equal strings (including two empty ones) → 100; one empty → 0; otherwise
 *     `round(100 * Levenshtein.ratio(a, b))` with Python's round-half-to-even.
 * Levenshtein.ratio(a, b) = (|a| + |b| − d) / (|a| + |b|), d = edit distance where a substitution
 * costs 2 (i.e. the insert/delete distance), which equals 2·LCS(a, b) / (|a| + |b|). Lengths count
 * code points, as Python does.
 */

const LATIN1_HIGH = /[\u0080-\u00ff]/gu;
const NON_WORD = /[^\p{L}\p{N}_]/gu;

/** fuzzywuzzy `utils.full_process(s, force_ascii=True)`. */
export function fullProcess(text: string): string {
  return text.replace(LATIN1_HIGH, '').replace(NON_WORD, ' ').toLowerCase().trim();
}

/** Python `sorted()` order on str: by code point (JS default sort compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  // UTF-16 order equals code-point order up to the first differing unit unless a surrogate is
  // involved there; only then compare code point by code point.
  const n16 = Math.min(a.length, b.length);
  let i = 0;
  while (i < n16 && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n16) {
    if (a.length === b.length) return 0;
  } else {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if ((x < 0xd800 || x > 0xdfff) && (y < 0xd800 || y > 0xdfff)) return x - y;
  }
  return compareCodePointsSlow(a, b);
}

function compareCodePointsSlow(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = (ca[i] as string).codePointAt(0) as number;
    const y = (cb[i] as string).codePointAt(0) as number;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

/** fuzzywuzzy `_process_and_sort`. */
export function processAndSort(text: string): string {
  const tokens = fullProcess(text).split(/\s+/u).filter((t) => t.length > 0);
  return tokens.sort(compareCodePoints).join(' ').trim();
}

/** Length of the longest common subsequence of two code-point arrays (O(n·m) time, O(m) memory). */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) cur[j] = (prev[j - 1] as number) + 1;
      else cur[j] = Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** python-Levenshtein `ratio(a, b)` in [0, 1]. */
export function levenshteinRatio(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  const lensum = ca.length + cb.length;
  if (lensum === 0) return 1;
  const distance = lensum - 2 * lcsLength(ca, cb);
  // Same operation order as the C implementation: (lensum - ldist) / lensum.
  return (lensum - distance) / lensum;
}

/** Python 3 `round(x)` for a float: nearest integer, exact .5 ties to even. */
export function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** fuzzywuzzy `fuzz.ratio` on already processed strings, an integer 0–100. */
export function ratio(a: string, b: string): number {
  if (a === b) return 100;
  if (a.length === 0 || b.length === 0) return 0;
  return pythonRound(100 * levenshteinRatio(a, b));
}

/** fuzzywuzzy `fuzz.token_sort_ratio(a, b)`, an integer 0–100. */
export function tokenSortRatio(a: string, b: string): number {
  return ratio(processAndSort(a), processAndSort(b));
}
