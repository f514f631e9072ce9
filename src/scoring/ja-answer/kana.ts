/**
 * Kana folding for answer matching: katakana → hiragana, so that 「りんご」 and 「リンゴ」 compare
 * equal. The prolonged sound mark ー is kept (it carries a mora in both scripts). Applied after
 * NFKC, so half-width katakana has already become full-width.
 */
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

export function foldKana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= KATAKANA_START && cp <= KATAKANA_END ? String.fromCodePoint(cp - KANA_OFFSET) : ch;
  }
  return out;
}
