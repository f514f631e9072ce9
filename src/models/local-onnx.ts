/**
 * The local in-process backend: a causal LM in the Hugging Face ONNX layout, loaded ONCE through
 * transformers.js (remote loading off), whose decoder session jpeval then drives itself so that
 * loglikelihood requests can share their context's KV cache (see local/loglikelihood.ts).
 * Selected by `--model ./dir` or `local:<dir>`. Generation and scoring use the same session;
 * calls are serialised (the session is compute-bound), so `concurrency` has no effect here.
 * Every option can also come from `settings` (config file): dtype, threads, batchSize,
 * maxSequences, scoring, spin.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { InferenceSession } from 'onnxruntime-node';
import { ModelError, errorMessage } from '../util/errors.js';
import type {
  BackendCapabilities,
  BackendOptions,
  GenerateRequest,
  GenerateResult,
  LoglikelihoodRequest,
  LoglikelihoodResult,
  ModelBackend,
  ModelInfo,
  Prompt,
  RequestTiming,
} from './types.js';
import { Decoder } from './local/decoder.js';
import { generateTokens } from './local/generate.js';
import { LogprobKernel } from './local/logprob-kernel.js';
import { inspectModelDir, loadModel, type LoadedModel } from './local/load.js';
import { scoreNaive, scoreShared, splitTrailingSpace, type TokenizedRequest } from './local/loglikelihood.js';

export interface LocalOnnxOptions extends BackendOptions {
  /** transformers.js dtype: fp32 (model.onnx, default), q8 (model_quantized.onnx), fp16 (model_fp16.onnx), … */
  dtype?: string;
  threads?: number;
  /** Items (distinct contexts) per forward pass when scoring (default 8, as the CLI's --batch-size). */
  batchSize?: number;
  /** Cap on sequences (choices) per forward pass (default 64). */
  maxSequences?: number;
  /** Score with one full sequence per request instead of sharing contexts (for comparison). */
  scoring?: 'shared' | 'naive';
  /** Let idle onnxruntime threads spin between runs (default off; see local/load.ts). */
  spin?: boolean;
  /** Identity to report instead of `local:<dir>` (e.g. `default` for the embedded model). */
  id?: string;
  /** Weights revision to record; default: a fingerprint of config.json and the ONNX file's size and mtime. */
  revision?: string;
  /** Reported by capabilities(): how choice tasks should be answered when the suite leaves it to the model. */
  preferredChoiceMode?: 'generate' | 'loglikelihood';
}

/** Cheap identity of the weights (hashing a multi-GB file at every load would cost minutes). */
function weightsFingerprint(dir: string, onnxFile: string): string {
  const stats = statSync(path.join(dir, onnxFile));
  return createHash('sha256')
    .update(readFileSync(path.join(dir, 'config.json')))
    .update(`${onnxFile}:${stats.size}:${stats.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
}

/** How continuation tokens are cut out (documented in info().settings). */
export const TOKENIZATION_RULE =
  'lm-eval: trailing context whitespace moves to the continuation; continuation tokens = encode(context+continuation)[len(encode(context)):]';

/** `local:<dir>` or a path → absolute directory. */
export function localModelDir(spec: string): string {
  return path.resolve(spec.startsWith('local:') ? spec.slice('local:'.length) : spec);
}

function startsWith(xs: number[], prefix: number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (xs[i] !== prefix[i]) return false;
  return true;
}

/** Serialise calls: the session is compute-bound, and interleaving forward passes only adds memory. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** The backend plus access to its ONNX session (for benchmarks that time raw forward passes). */
export interface LocalOnnxBackend extends ModelBackend {
  session(): InferenceSession;
}

export async function createLocalOnnxBackend(dir: string, options: LocalOnnxOptions): Promise<LocalOnnxBackend> {
  const settings = options.settings ?? {};
  const dtype = options.dtype ?? (typeof settings.dtype === 'string' ? settings.dtype : 'fp32');
  const threads = options.threads ?? (typeof settings.threads === 'number' ? settings.threads : availableParallelism());
  const batchSize = options.batchSize ?? (typeof settings.batchSize === 'number' ? settings.batchSize : 8);
  const maxSequences = options.maxSequences ?? (typeof settings.maxSequences === 'number' ? settings.maxSequences : 64);
  const scoring = options.scoring ?? (settings.scoring === 'naive' ? 'naive' : 'shared');
  const files = inspectModelDir(localModelDir(dir), dtype);
  const id = options.id ?? `local:${files.dir}`;
  const spin = options.spin ?? settings.spin === true;
  const loaded: LoadedModel = await loadModel(files, threads, spin);
  const { tokenizer } = loaded;
  const cfg = files.config;
  const num = (k: string) => (typeof cfg[k] === 'number' ? (cfg[k] as number) : undefined);
  const heads = num('num_attention_heads');
  const hidden = num('hidden_size');
  // Only used when the cache inputs have symbolic head / head_dim dimensions.
  const kvHeads = num('num_key_value_heads') ?? heads;
  const headDim = num('head_dim') ?? (hidden && heads ? hidden / heads : undefined);
  const decoder = new Decoder(loaded.session, {
    ...(kvHeads ? { numKeyValueHeads: kvHeads } : {}),
    ...(headDim ? { headDim } : {}),
  });

  // Does plain-text encoding add a BOS token? A doubled or missing BOS silently changes scores.
  const probe = tokenizer.encode('a');
  const bosId = tokenizer.bos_token_id ?? (typeof cfg.bos_token_id === 'number' ? cfg.bos_token_id : undefined);
  const addsBos = bosId !== undefined && bosId !== null && probe[0] === bosId;
  const eosIds = [cfg.eos_token_id, tokenizer.eos_token_id]
    .flat()
    .filter((x): x is number => typeof x === 'number');
  const padId = tokenizer.pad_token_id ?? eosIds[0] ?? 0;
  const chatTemplate = tokenizer.chat_template ?? files.chatTemplate;
  const maxLength = num('max_position_embeddings') ?? num('n_positions') ?? 2048;
  const mutex = new Mutex();
  const kernel = new LogprobKernel();
  // Cache-copy buffers shared by every scoring call (the mutex serialises them); freed on close.
  const scratch = new Map<string, ArrayBuffer>();

  function promptIds(prompt: Prompt): number[] {
    if (prompt.kind === 'text') return tokenizer.encode(prompt.text);
    if (chatTemplate) {
      const text = tokenizer.apply_chat_template(prompt.messages, { tokenize: false, add_generation_prompt: true }) as string;
      // The template writes its own BOS (as Hugging Face's apply_chat_template(tokenize=True) assumes).
      return tokenizer.encode(text, { add_special_tokens: false });
    }
    return tokenizer.encode(prompt.messages.map((m) => m.content).join('\n\n'));
  }

  function tokenizeRequest(r: LoglikelihoodRequest, contextCache: Map<string, number[]>): TokenizedRequest {
    const [contextText, continuationText] = splitTrailingSpace(r.context, r.continuation);
    // Choices of one item share their context: encode it once.
    let ctxIds = contextCache.get(contextText);
    if (!ctxIds) {
      ctxIds = tokenizer.encode(contextText);
      contextCache.set(contextText, ctxIds);
    }
    const whole = tokenizer.encode(contextText + continuationText);
    let prefix: number[];
    let continuation: number[];
    if (continuationText === '') {
      // Nothing to score: log P = 0 (filtered out before any forward pass).
      return { prefix: ctxIds, continuation: [] };
    }
    if (ctxIds.length === 0) {
      // lm-eval scores an empty context from the end-of-text token (BOS where the model has one).
      const start = bosId ?? eosIds[0];
      if (start === undefined) throw new ModelError(id, 'empty context and the tokenizer has neither BOS nor EOS');
      prefix = [start];
      continuation = whole;
    } else {
      const n = Math.min(ctxIds.length, whole.length - 1);
      // Usually whole starts with the context's own encoding: then reuse that array, so every
      // choice of an item shares one prefix object (chunkGroups keys it once, not per choice).
      prefix = n === ctxIds.length && startsWith(whole, ctxIds) ? ctxIds : whole.slice(0, n);
      continuation = whole.slice(n);
    }
    // lm-eval keeps the last max_length input tokens: (prefix + continuation)[:-1][-maxLength:].
    const overflow = prefix.length + continuation.length - 1 - maxLength;
    if (overflow > 0) {
      if (overflow >= prefix.length) {
        throw new ModelError(id, `continuation of ${continuation.length} tokens exceeds the context window (${maxLength})`);
      }
      prefix = prefix.slice(overflow);
    }
    return { prefix, continuation };
  }

  const info: ModelInfo = {
    id,
    backend: 'local-onnx',
    model: path.basename(files.dir),
    revision: options.revision ?? weightsFingerprint(files.dir, files.onnxFile),
    tokenizer: files.tokenizerHash,
    ...(chatTemplate ? { chatTemplate: createHash('sha256').update(chatTemplate).digest('hex').slice(0, 16) } : {}),
    settings: {
      dtype,
      onnxFile: files.onnxFile,
      threads,
      spin,
      batchSize,
      maxSequences,
      scoring,
      addsBos,
      bosTokenId: bosId ?? null,
      chatTemplate: chatTemplate ? 'tokenizer' : 'none (messages joined by blank lines)',
      tokenization: TOKENIZATION_RULE,
      maxLength,
    },
  };

  const capabilities: BackendCapabilities = { chat: true, completion: true, loglikelihood: true, ...(options.preferredChoiceMode ? { preferredChoiceMode: options.preferredChoiceMode } : {}) };

  return {
    id: () => id,
    session: () => loaded.session,
    capabilities: () => capabilities,
    info: async () => info,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      return mutex.run(async () => {
        // Generation never uses the scoring buffers: do not keep them alive through it.
        scratch.clear();
        const startedAt = Date.now();
        let ids = promptIds(request.prompt);
        if (ids.length === 0) {
          // An empty prompt without BOS: start from BOS / EOS as lm-eval does for empty contexts.
          const start = bosId ?? eosIds[0];
          if (start === undefined) throw new ModelError(id, 'empty prompt and the tokenizer has neither BOS nor EOS');
          ids = [start];
        }
        // Keep the prompt's end when prompt + new tokens would overflow the context window.
        const budget = maxLength - request.decoding.maxTokens;
        if (ids.length > budget && budget > 0) ids = ids.slice(ids.length - budget);
        try {
          const out = await generateTokens(
            decoder,
            ids,
            request.decoding,
            eosIds,
            (t) => tokenizer.decode(t, { skip_special_tokens: true }),
            request.signal,
          );
          const endedAt = Date.now();
          const timing: RequestTiming = { startedAt, endedAt, latencyMs: endedAt - startedAt, attempts: 1 };
          if (out.firstTokenAt !== undefined) {
            timing.firstTokenAt = out.firstTokenAt;
            timing.ttftMs = out.firstTokenAt - startedAt;
          }
          return {
            text: out.text,
            usage: { promptTokens: ids.length, completionTokens: out.tokens.length },
            timing,
            finishReason: out.finishReason,
          };
        } catch (err) {
          if (request.signal?.aborted) throw err;
          throw new ModelError(id, `generation failed: ${errorMessage(err)}`, { cause: err });
        }
      });
    },
    async loglikelihood(requests: LoglikelihoodRequest[], signal?: AbortSignal): Promise<LoglikelihoodResult[]> {
      return mutex.run(async () => {
        const contextCache = new Map<string, number[]>();
        const all = requests.map((r) => tokenizeRequest(r, contextCache));
        const scorable = all.flatMap((r, i) => (r.continuation.length > 0 ? [i] : []));
        const tokenized = scorable.map((i) => all[i]!);
        const opts = { batchSize, maxSequences, kernel, padId, scratch, ...(signal ? { signal } : {}) };
        let scored;
        try {
          scored = await (scoring === 'naive' ? scoreNaive : scoreShared)(decoder, tokenized, opts);
        } catch (err) {
          if (signal?.aborted) throw err;
          throw new ModelError(id, `loglikelihood failed: ${errorMessage(err)}`, { cause: err });
        }
        const now = Date.now();
        const results: LoglikelihoodResult[] = all.map((r) => ({
          logprob: 0,
          isGreedy: true,
          continuationTokens: 0,
          usage: { promptTokens: r.prefix.length, completionTokens: 0 },
          timing: { startedAt: now, endedAt: now, latencyMs: 0, attempts: 1 },
        }));
        if (scored.some((s) => Number.isNaN(s.logprob))) {
          throw new ModelError(id, 'the model returned NaN log-probabilities', {
            hint: 'some exports mishandle fully padded rows in a batch; try --batch-size 1',
          });
        }
        scored.forEach((s, k) => {
          const r = tokenized[k]!;
          results[scorable[k]!] = {
            logprob: s.logprob,
            isGreedy: s.isGreedy,
            continuationTokens: r.continuation.length,
            usage: { promptTokens: r.prefix.length + r.continuation.length, completionTokens: 0 },
            // Requests scored in one batched pass share its wall-clock interval.
            timing: { startedAt: s.startedAt, endedAt: s.endedAt, latencyMs: s.endedAt - s.startedAt, attempts: 1 },
          };
        });
        return results;
      });
    },
    close: async () => {
      scratch.clear();
      await kernel.dispose();
      await loaded.dispose();
    },
  };
}
