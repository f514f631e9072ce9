import type { GenerateRequest, GenerateResult, LoglikelihoodRequest, LoglikelihoodResult, ModelBackend, ModelInfo, RequestTiming } from '../models/types.js';
import { ResponseCache } from './response-cache.js';

/**
 * Puts a response cache in front of a backend. The key of every request is the hash of
 *   - the model's identity: backend kind, model id (for remote models the base URL + model name),
 *     revision or weights fingerprint, tokenizer hash, chat-template hash, and every setting that
 *     can change an answer (dtype, threads, batch size, BOS handling, extra request fields, …);
 *   - the exact request: the rendered prompt and decoding settings for generation, the
 *     (context, continuation) pair for log-likelihoods.
 * Settings that only change transport (streaming, which endpoint of a pool answered) are left
 * out. Errors are never cached. Sampled generation (temperature > 0 without a seed) is not
 * cached either: a cache would turn independent samples into one repeated sample.
 */

/** ModelInfo settings that do not change an answer (transport, bookkeeping). */
const TRANSPORT_SETTINGS = new Set(['stream', 'streamUsage', 'loglikelihoodMaxTokens', 'endpoints', 'concurrency', 'spin']);

export interface CacheIdentity {
  backend: string;
  id: string;
  model: string;
  revision: string | null;
  tokenizer: string | null;
  chat_template: string | null;
  settings: Record<string, unknown>;
}

export function cacheIdentity(info: ModelInfo): CacheIdentity {
  const settings = Object.fromEntries(Object.entries(info.settings).filter(([k]) => !TRANSPORT_SETTINGS.has(k)));
  return {
    backend: info.backend,
    id: info.id,
    model: info.model,
    revision: info.revision ?? null,
    tokenizer: info.tokenizer ?? null,
    chat_template: info.chatTemplate ?? null,
    settings,
  };
}

export function generateKey(identity: CacheIdentity, request: GenerateRequest): string {
  return ResponseCache.key({ identity, kind: 'generate', prompt: request.prompt, decoding: request.decoding });
}

export function loglikelihoodKey(identity: CacheIdentity, request: LoglikelihoodRequest): string {
  return ResponseCache.key({ identity, kind: 'loglikelihood', context: request.context, continuation: request.continuation });
}

/** A hit costs no request: timing is the instant of the lookup, with 0 attempts. */
function hitTiming(): RequestTiming {
  const now = Date.now();
  return { startedAt: now, endedAt: now, latencyMs: 0, attempts: 0 };
}

type StoredGeneration = Pick<GenerateResult, 'text' | 'usage' | 'finishReason'>;
type StoredLoglikelihood = Pick<LoglikelihoodResult, 'logprob' | 'isGreedy' | 'continuationTokens' | 'usage'>;

const cacheable = (request: GenerateRequest): boolean => request.decoding.temperature === 0 || request.decoding.seed !== undefined;

export async function withResponseCache(backend: ModelBackend, cache: ResponseCache): Promise<ModelBackend> {
  // Taken once, before any request, so lazily learnt transport details cannot shift keys mid-run.
  const identity = cacheIdentity(await backend.info());
  return {
    id: () => backend.id(),
    capabilities: () => backend.capabilities(),
    info: () => backend.info(),
    close: () => backend.close(),
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      if (!cacheable(request)) return backend.generate(request);
      const key = generateKey(identity, request);
      const hit = await cache.get<StoredGeneration>(key);
      if (hit !== undefined) return { ...hit, timing: hitTiming(), cached: true };
      const result = await backend.generate(request);
      const stored: StoredGeneration = { text: result.text, usage: result.usage, ...(result.finishReason !== undefined ? { finishReason: result.finishReason } : {}) };
      await cache.set(key, stored);
      return { ...result, cached: false };
    },
    async loglikelihood(requests: LoglikelihoodRequest[], signal?: AbortSignal): Promise<LoglikelihoodResult[]> {
      const keys = requests.map((r) => loglikelihoodKey(identity, r));
      const hits = await Promise.all(keys.map((k) => cache.get<StoredLoglikelihood>(k)));
      const missing = requests.flatMap((r, i) => (hits[i] === undefined ? [i] : []));
      // Misses go to the backend in one call, so a local backend still batches them together.
      const fresh = missing.length > 0 ? await backend.loglikelihood(missing.map((i) => requests[i]!), signal) : [];
      const results: LoglikelihoodResult[] = hits.map((h) => (h === undefined ? undefined! : { ...h, timing: hitTiming(), cached: true }));
      for (const [k, i] of missing.entries()) {
        const r = fresh[k]!;
        results[i] = { ...r, cached: false };
        await cache.set(keys[i]!, { logprob: r.logprob, isGreedy: r.isGreedy, continuationTokens: r.continuationTokens, usage: r.usage } satisfies StoredLoglikelihood);
      }
      return results;
    },
  };
}
