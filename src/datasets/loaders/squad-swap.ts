import { tokenize } from '../../scoring/tokenizer.js';
import { DataError } from '../../util/errors.js';
import { createRng, sampleWithoutReplacement } from '../../util/random.js';
import type { DatasetLoader, RawRecord } from '../types.js';
import { squadLoader } from './squad.js';

/**
 * Unanswerable reading comprehension from a SQuAD-style file (JGLUE JSQuAD, the user's copy):
 * `questions` answerable questions are drawn with `seed` (options; recorded in the suite file and
 * so in its hash), and each is asked twice — with its own paragraph (`swapped: false`) and with a
 * paragraph of another article (`swapped: true`). A swapped paragraph is accepted only when none
 * of the gold answers and none of the question's key nouns (proper nouns, and common nouns of two
 * or more characters) occur in it, so the question cannot be answered from it; candidates are
 * drawn in seeded order and a question with no acceptable paragraph among `tries` is skipped.
 * Records: `{id, question, context, title, answers, answer, swapped, expected, original_id}`;
 * `id` is `<qid>-orig` / `<qid>-swap` and `original_id` clusters the pair.
 */
const GENERIC_NOUNS = new Set(['こと', 'もの', 'ため', 'とき', 'よう', 'これ', 'それ', 'どこ', 'なに', '何', 'いつ', '誰', 'どれ', '年', '月', '日', '人', '方', '名前', '場所', '時代', '以外']);

/** The nouns a swapped paragraph must not contain for the question to be unanswerable from it. */
export async function keyNouns(question: string): Promise<string[]> {
  const out = new Set<string>();
  for (const t of await tokenize(question.normalize('NFKC'))) {
    if (t.pos !== '名詞' || GENERIC_NOUNS.has(t.surface)) continue;
    if (t.posDetail === '固有名詞' || ((t.posDetail === '一般' || t.posDetail === 'サ変接続') && [...t.surface].length >= 2)) out.add(t.surface);
  }
  return [...out];
}

function option(options: Record<string, unknown>, name: string, fallback: number): number {
  const v = options[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`squad-swap: option ${name} must be a non-negative integer`);
  return v;
}

export const squadSwapLoader: DatasetLoader = {
  name: 'squad-swap',
  description: 'SQuAD-style JSON (JSQuAD) asked with its own and with another article\'s paragraph (seeded swap, answer and key nouns checked absent)',
  async *read(file: string, options: Record<string, unknown>): AsyncIterable<RawRecord> {
    const seed = option(options, 'seed', 20261202);
    const wanted = option(options, 'questions', 100);
    const tries = option(options, 'tries', 50);
    const records: Record<string, unknown>[] = [];
    for await (const raw of squadLoader.read(file, {})) if (raw.record.is_impossible !== true) records.push(raw.record);
    if (records.length < 2) throw new DataError(file, 'squad-swap needs at least two answerable questions');
    const rng = createRng(seed);
    const order = sampleWithoutReplacement(records.map((_, i) => i), records.length, rng);
    const paragraphs = [...new Map(records.map((r) => [String(r.context), String(r.title)])).entries()];
    let produced = 0;
    for (const index of order) {
      if (produced >= wanted) break;
      const rec = records[index]!;
      const answers = (rec.answers as string[]).map((a) => a.normalize('NFKC'));
      const nouns = await keyNouns(String(rec.question));
      let swap: [string, string] | undefined;
      for (let t = 0; t < tries && !swap; t++) {
        const candidate = paragraphs[Math.floor(rng() * paragraphs.length)]!;
        if (candidate[1] === rec.title) continue;
        const text = candidate[0].normalize('NFKC');
        if (answers.some((a) => text.includes(a)) || nouns.some((n) => text.includes(n))) continue;
        swap = candidate;
      }
      if (!swap) continue;
      produced++;
      const base = { question: rec.question, answers: rec.answers, answer: rec.answer, original_id: String(rec.id) };
      yield { record: { id: `${rec.id}-orig`, ...base, context: rec.context, title: rec.title, swapped: false, expected: rec.answer }, file, line: index + 1 };
      yield { record: { id: `${rec.id}-swap`, ...base, context: swap[0], title: swap[1], swapped: true, expected: '（この文章からは答えられない）' }, file, line: index + 1 };
    }
  },
};
