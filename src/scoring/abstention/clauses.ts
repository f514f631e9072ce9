import { tokenize, type Token } from '../tokenizer.js';

/**
 * A response cut into clauses for the abstention detector: sentences (split at 。！？ and line
 * breaks), each further split after a conjunctive particle (が, けど, けれども, ものの), so that
 * 「自信はありませんが、東京だと思います」 becomes a hedge clause and an answer clause.
 * Quoted spans (「…」『…』“…”) are masked as one noun first: words inside quotes are mentioned,
 * not said (「わかりません」という曲 is an answer, not a refusal).
 */
export interface Clause {
  text: string;
  tokens: Token[];
}

/** The noun a quoted span is replaced with (IPADIC reads it as one common noun). */
export const QUOTE_MASK = '引用';

const QUOTED = /「[^「」]*」|『[^『』]*』|“[^“”]*”|"[^"]*"/gu;
const SENTENCE_END = /[。！？!?\n]+/u;
const CLAUSE_BREAK = new Set(['が', 'けど', 'けれど', 'けれども', 'ものの', 'ですが']);

export function maskQuotes(text: string): string {
  return text.replace(QUOTED, QUOTE_MASK);
}

export async function splitClauses(response: string): Promise<Clause[]> {
  const masked = maskQuotes(response.normalize('NFKC'));
  const clauses: Clause[] = [];
  for (const sentence of masked.split(SENTENCE_END)) {
    if (sentence.trim() === '') continue;
    let current: Token[] = [];
    const flush = (): void => {
      const body = current.filter((t) => t.pos !== '記号' || t.surface !== '、');
      if (body.length > 0) clauses.push({ text: body.map((t) => t.surface).join(''), tokens: body });
      current = [];
    };
    for (const token of await tokenize(sentence)) {
      current.push(token);
      if (token.pos === '助詞' && token.posDetail === '接続助詞' && CLAUSE_BREAK.has(token.surface)) flush();
    }
    flush();
  }
  return clauses;
}
