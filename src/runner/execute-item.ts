import type { Item } from '../datasets/types.js';
import type { DecodingSettings, LoglikelihoodRequest, ModelBackend, Prompt, RequestTiming, TokenUsage } from '../models/types.js';
import { choiceLabels } from '../suites/choices.js';
import { promptText } from '../suites/render.js';
import type { Suite } from '../suites/schema.js';
import { renderTemplate } from '../suites/template.js';

/** What inference produced for one item, before scoring. */
export interface Inference {
  raw: string;
  choiceLogprobs?: number[];
  /** Characters of each scored continuation (for per-character log-likelihood). */
  choiceChars?: number[];
  predictedIndex?: number;
  timing: RequestTiming[];
  usage: TokenUsage;
  /** E.g. `choice_tie`: several choices share the best log-probability (the first one is taken). */
  flags?: string[];
  /** With a response cache: `hit` when every request of the item was answered from it. */
  cache?: 'hit' | 'miss';
}

/** An item's cache status from its requests' (undefined when no cache is in front of the backend). */
export function cacheStatus(results: { cached?: boolean }[]): 'hit' | 'miss' | undefined {
  if (results.length === 0 || results.every((r) => r.cached === undefined)) return undefined;
  return results.every((r) => r.cached === true) ? 'hit' : 'miss';
}

export type ScoringMode = 'generate' | 'loglikelihood';

export function decodingFor(suite: Suite): DecodingSettings {
  const g = suite.generation;
  return { maxTokens: g.max_tokens, temperature: g.temperature, stop: g.stop, ...(g.top_p !== undefined ? { topP: g.top_p } : {}) };
}

export async function generateItem(backend: ModelBackend, suite: Suite, item: Item, prompt: Prompt, signal?: AbortSignal): Promise<Inference> {
  const result = await backend.generate({ prompt, decoding: decodingFor(suite), tag: `${suite.name}/${item.id}`, ...(signal ? { signal } : {}) });
  const cache = cacheStatus([result]);
  return { raw: result.text, timing: [result.timing], usage: result.usage, ...(cache ? { cache } : {}) };
}

/**
 * The sentence of a cloze item with each choice written into its blank, or undefined when the
 * field has no blank. Uses the last line that has a blank (instructions often precede the
 * sentence and may mention the blank themselves) and the last blank on it.
 */
export function clozeSentences(suite: Suite, item: Item): string[] | undefined {
  const cloze = suite.choices?.cloze;
  const source = cloze ? item.vars[cloze.field] : undefined;
  if (!cloze || typeof source !== 'string') return undefined;
  const blank = new RegExp(cloze.blank, 'g');
  const line = source.split('\n').reverse().find((l) => new RegExp(cloze.blank).test(l));
  if (line === undefined) return undefined;
  const matches = [...line.matchAll(blank)];
  const last = matches[matches.length - 1]!;
  const before = line.slice(0, last.index);
  const after = line.slice(last.index + last[0].length);
  return (item.choices ?? []).map((text) => `${before}${text}${after}`);
}

/** The (context, continuation) pairs that score an item's choices by log-likelihood. */
export function choiceRequests(suite: Suite, item: Item, prompt: Prompt): LoglikelihoodRequest[] {
  const cloze = clozeSentences(suite, item);
  if (cloze) return cloze.map((sentence, i) => ({ tag: `${suite.name}/${item.id}#${i}`, context: '', continuation: sentence }));
  const context = suite.choices?.context === 'none' ? '' : promptText(prompt);
  const labels = choiceLabels(suite, item);
  const template = suite.choices?.continuation ?? '{{text}}';
  return (item.choices ?? []).map((text, i) => ({
    tag: `${suite.name}/${item.id}#${i}`,
    context,
    continuation: renderTemplate(template, { text, label: labels[i] ?? String(i) }, `suite ${suite.name} choices.continuation`),
  }));
}

/**
 * Scores several items' choices in one backend call (so a local backend can share contexts and
 * sort by length across items), then splits the results back per item.
 */
export async function loglikelihoodItems(
  backend: ModelBackend,
  suite: Suite,
  batch: { item: Item; prompt: Prompt }[],
  signal?: AbortSignal,
): Promise<Inference[]> {
  const perItem = batch.map(({ item, prompt }) => choiceRequests(suite, item, prompt));
  const results = await backend.loglikelihood(perItem.flat(), signal);
  let offset = 0;
  return perItem.map((requests) => {
    const mine = results.slice(offset, offset + requests.length);
    offset += requests.length;
    const logprobs = mine.map((r) => r.logprob);
    let best = 0;
    for (let i = 1; i < logprobs.length; i++) if (logprobs[i]! > logprobs[best]!) best = i;
    const usage: TokenUsage = { promptTokens: mine.reduce((s, r) => s + (r.usage.promptTokens ?? 0), 0), completionTokens: 0 };
    const ties = logprobs.filter((lp) => Math.abs(lp - logprobs[best]!) < 1e-9).length;
    const cache = cacheStatus(mine);
    return {
      ...(cache ? { cache } : {}),
      raw: requests[best]?.continuation ?? '',
      choiceLogprobs: logprobs,
      choiceChars: requests.map((r) => [...r.continuation.trim()].length),
      predictedIndex: best,
      ...(ties > 1 ? { flags: ['choice_tie'] } : {}),
      timing: mine.map((r) => r.timing),
      usage,
    };
  });
}
