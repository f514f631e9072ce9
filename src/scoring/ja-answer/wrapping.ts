/**
 * Strips the sentence a short answer is wrapped in, so that 「答えは東京です。」, 「東京だと思います」
 * and 「東京」 all leave 「東京」. Input is NFKC'd. Prefixes (答えは, 正解は, 回答：, …) and suffixes
 * (です, でございます, だと思います, と考えられます, …) are peeled repeatedly, with surrounding
 * brackets and final punctuation, until nothing changes. Only wrapping is removed: a negation
 * (「東京ではありません」) is not a suffix here, so it never turns into 「東京」.
 */
const PREFIXES = [
  /^(?:はい|ええ|えーと|えっと|うーん)[、,]\s*/u,
  /^(?:私の)?(?:答え|回答|解答|正解|結論)(?:は|：|:|=|＝)\s*/u,
  /^(?:おそらく|たぶん|多分|恐らく|確か|きっと)[、,]?\s*/u,
  /^(?:自信はありませんが|確かではありませんが|正確ではないかもしれませんが)[、,]?\s*/u,
  /^(?:(?:その|この)?(?:質問|問い)の)?答えとしては[、,]?\s*/u,
];

const SUFFIXES = [
  /[。．.!！?？]+$/u,
  /(?:だ|である|です)?(?:と|かと)(?:思います|思われます|考えられます|存じます|思う|考えます)$/u,
  /(?:でございます|でしょう|だろう|です|である|だ|となります|になります)$/u,
  /(?:か)?(?:もしれません|もしれない)$/u,
  /(?:が正解|が答え)$/u,
];

const BRACKETS: [string, string][] = [
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
  ['“', '”'],
  ['(', ')'],
  ['【', '】'],
  ["'", "'"],
];

export function stripWrapping(text: string): string {
  let out = text.trim();
  for (let guard = 0; guard < 20; guard++) {
    const before = out;
    for (const re of PREFIXES) out = out.replace(re, '');
    for (const re of SUFFIXES) out = out.replace(re, '');
    for (const [open, close] of BRACKETS) {
      if (out.length >= 2 && out.startsWith(open) && out.endsWith(close) && !out.slice(1, -1).includes(open)) out = out.slice(1, -1);
    }
    out = out.trim();
    if (out === before) break;
  }
  return out;
}
