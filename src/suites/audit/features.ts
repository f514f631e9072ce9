/**
 * Surface features of a choice text that a model could exploit without reading the question:
 * length, script mix and sentence ending. The artifact audit (./baselines.ts) predicts answers
 * from these alone; a suite whose gold answers stand out on them measures less than it claims.
 */

/** NFKC with whitespace and trailing punctuation removed, so width and 。 do not count as content. */
export function auditText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/[。．.！!？?」』）)]+$/u, '');
}

/** Length in code points of the audited text. */
export function choiceLength(text: string): number {
  return [...auditText(text)].length;
}

/** Share of hiragana, katakana, kanji and other characters (sums to 1 for non-empty text). */
export function scriptProfile(text: string): [number, number, number, number] {
  const chars = [...auditText(text)];
  if (chars.length === 0) return [0, 0, 0, 0];
  let hira = 0;
  let kata = 0;
  let kanji = 0;
  for (const ch of chars) {
    if (/\p{Script=Hiragana}/u.test(ch)) hira++;
    else if (/\p{Script=Katakana}|ー/u.test(ch)) kata++;
    else if (/\p{Script=Han}|々/u.test(ch)) kanji++;
  }
  const n = chars.length;
  return [hira / n, kata / n, kanji / n, (n - hira - kata - kanji) / n];
}

// Polite (です・ます) endings, the register feature a reader sees first.
const POLITE_ENDING = /(です|ます|ました|ません|ましょう|でした|でしょう|ください|ございます|ございません|ませ|まして)$/u;
const HUMBLE_OR_RESPECT = /(いたし|いただ|申し|参り|伺|拝|おり|られ|なさ|おっしゃ|いらっしゃ|召し上が|ご覧)/u;

/**
 * A coarse class of how a choice ends: polite or plain register, plus whether it carries an
 * honorific verb, plus its last two characters' script. Choices of one item that share a class
 * look alike; the one with a class of its own is the odd one out.
 */
export function endingClass(text: string): string {
  const t = auditText(text);
  const register = POLITE_ENDING.test(t) ? 'polite' : 'plain';
  const honorific = HUMBLE_OR_RESPECT.test(t) ? '+keigo' : '';
  return `${register}${honorific}`;
}
