import { createRequire } from 'node:module';
import path from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

/** One morpheme as jpeval's metrics see it. */
export interface Token {
  surface: string;
  /** IPADIC part of speech, top level (名詞, 動詞, 形容詞, 副詞, 助詞, 記号, …). */
  pos: string;
  /** IPADIC POS sub-category 1 (e.g. 固有名詞, 非自立, 空白), `*` when none. */
  posDetail: string;
  /** Dictionary (base) form; the surface when the dictionary has none (unknown words). */
  basicForm: string;
}

let pending: Promise<Tokenizer<IpadicFeatures>> | undefined;

/** Where the IPADIC dictionary shipped with the kuromoji npm package lives. */
export function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/**
 * The process-wide kuromoji tokenizer. Loading the dictionary takes about a second and ~100 MB,
 * so it happens only when a metric first needs it; concurrent first callers share one promise.
 * A failed load is not cached, so a later call can retry.
 */
export function getTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  if (!pending) {
    pending = new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
      // kuromoji's code is required here, with its dictionary, not at import: every command that
      // loads the metric registry (e.g. `jpeval list`) would otherwise pay for its modules.
      const kuromoji = createRequire(import.meta.url)('kuromoji') as typeof import('kuromoji');
      kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tokenizer) => {
        if (err) reject(err);
        else resolve(tokenizer);
      });
    });
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/** True when the kuromoji dictionary has been requested in this process (for tests / diagnostics). */
export function tokenizerRequested(): boolean {
  return pending !== undefined;
}

const WHITESPACE_ONLY = /^\s*$/u;

/**
 * Morphological analysis with IPADIC. Whitespace-only tokens are dropped, as MeCab (which
 * llm-jp-eval's `ja-mecab` BLEU tokenizer uses) never emits them.
 */
export async function tokenize(text: string): Promise<Token[]> {
  if (text.length === 0) return [];
  const tokenizer = await getTokenizer();
  const out: Token[] = [];
  for (const t of tokenizer.tokenize(text)) {
    if (WHITESPACE_ONLY.test(t.surface_form)) continue;
    out.push({
      surface: t.surface_form,
      pos: t.pos,
      posDetail: t.pos_detail_1,
      basicForm: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
    });
  }
  return out;
}

/** Surface forms of the morphemes (whitespace dropped). */
export async function morphemes(text: string): Promise<string[]> {
  return (await tokenize(text)).map((t) => t.surface);
}

const CONTENT_POS = new Set(['名詞', '動詞', '形容詞', '副詞']);

/** Base forms of nouns, verbs, adjectives and adverbs (IPADIC top-level POS), in text order. */
export async function contentWords(text: string): Promise<string[]> {
  return (await tokenize(text)).filter((t) => CONTENT_POS.has(t.pos)).map((t) => t.basicForm);
}
