import type OpenAI from 'openai';

import { UnsupportedError } from '../util/errors.js';
import { EndpointPool, type PoolEndpoint } from './remote/endpoint-pool.js';
import { planEndpoints, type EndpointOption } from './remote/endpoint-plan.js';
import { scoreEchoedPrompt } from './remote/echo-logprobs.js';
import {
  type StreamMode,
  applyStop,
  generationBody,
  parseGenerationReply,
  readGenerationStream,
} from './remote/generation.js';
import {
  HttpStatusError,
  type RequestContext,
  attempt,
  createSdkClient,
  parseJsonBody,
  postJson,
  readText,
  replyError,
} from './remote/http.js';
import { resolveApiKey } from './remote/api-key.js';
import { type ServerListing, fetchServerModels, modelNotServed, pickModel } from './remote/server-models.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetries } from './remote/retry.js';
import { type RemoteSettings, parseRemoteSettings } from './remote/settings.js';
import type { RemoteModelSpec } from './spec.js';
import type {
  BackendCapabilities,
  BackendOptions,
  GenerateRequest,
  GenerateResult,
  LoglikelihoodRequest,
  LoglikelihoodResult,
  ModelBackend,
  ModelInfo,
} from './types.js';

/**
 * The backend for any OpenAI-compatible server: vLLM, llama.cpp server, Ollama, TGI, and the
 * commercial APIs. Generation streams (to measure time to first token) and falls back step by
 * step for servers that reject `stream_options` or streaming; log-likelihoods come from
 * completions with `echo: true` (see remote/echo-logprobs.ts).
 */

export interface OpenAICompatibleOptions extends BackendOptions {
  /** Name of the env variable holding the API key (config `api_key_env`). */
  apiKeyEnv?: string;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Backoff tuning (tests shorten it); maxRetries comes from BackendOptions. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** Several endpoints serving this model (config `endpoints:`); default: the spec's base URL(s). */
  endpoints?: EndpointOption[];
  /** A pool of API keys (config `api_key_envs:`): every endpoint is used once with each key. */
  apiKeyEnvs?: string[];
}

/** Statuses with which servers reject a parameter they do not know. */
const REJECTED_PARAMETER = new Set([400, 422]);
const STREAM_LADDER: StreamMode[] = ['with-usage', 'no-usage', 'off'];
/** Statuses with which servers say "no such endpoint / feature". */
const NOT_AVAILABLE = new Set([400, 404, 405, 422, 501]);
/**
 * The context a continuation is scored after when the request has none (minimal pairs, cloze
 * items score whole sentences). Servers give a prompt's first token no log-probability, so an
 * empty context would leave the continuation's first token unscored. Servers that echo a BOS
 * token would not need this, but one rule for every server keeps scores comparable across
 * servers; a lone newline is the most neutral one-character context.
 */
export const EMPTY_CONTEXT = '\n';

function tagOf(request: { tag?: string }): string | undefined {
  const tag = request.tag;
  return typeof tag === 'string' ? tag : undefined;
}

export async function createOpenAICompatibleBackend(
  spec: RemoteModelSpec,
  options: OpenAICompatibleOptions,
): Promise<ModelBackend> {
  const env = options.env ?? process.env;
  const settings = parseRemoteSettings(spec.raw, options.settings);
  const isOpenAI = spec.provider === 'openai' || new URL(spec.baseUrl).hostname === 'api.openai.com';
  const planned = planEndpoints(spec, options);
  const pool = new EndpointPool<OpenAI>(
    planned.map((e) => {
      const key = resolveApiKey({ ...spec, baseUrl: e.url }, e.apiKeyEnv, env);
      return { url: e.url, keySource: key.source, concurrency: e.concurrency, client: createSdkClient(e.url, key.key, options.timeoutMs, isOpenAI) };
    }),
  );
  // Probing GET /models fails fast on an unreachable server (instead of retrying every item),
  // resolves `URL` specs without `#model`, and records what the server says about the model.
  // With several endpoints, one that cannot be reached starts out of the pool; all of them is an error.
  const probes = await Promise.allSettled(
    pool.endpoints.map((e) =>
      fetchServerModels(e.client, { modelId: spec.id, baseUrl: e.url, endpoint: 'GET /models', keySource: e.keySource }, Math.min(options.timeoutMs, 30_000)),
    ),
  );
  const firstOk = probes.findIndex((p) => p.status === 'fulfilled');
  if (firstOk === -1) {
    pool.release();
    throw (probes[0] as PromiseRejectedResult).reason;
  }
  probes.forEach((p, i) => {
    if (p.status === 'rejected') pool.markDown(pool.endpoints[i]!);
  });
  const probeCtx: RequestContext = { modelId: spec.id, baseUrl: pool.endpoints[firstOk]!.url, endpoint: 'GET /models', keySource: pool.endpoints[firstOk]!.keySource };
  const listing = (probes[firstOk] as PromiseFulfilledResult<ServerListing>).value;
  let picked;
  try {
    picked = pickModel(spec, listing, probeCtx);
  } catch (err) {
    pool.release();
    throw err;
  }
  return new OpenAICompatibleBackend(spec, picked.model, pool, settings, picked.metadata, listing, options);
}

class OpenAICompatibleBackend implements ModelBackend {
  private readonly modelId: string;
  private readonly policy: RetryPolicy;
  private streamMode: StreamMode;
  /** max_tokens that works for echo scoring: 0 on most servers, 1 on vLLM; undefined until known. */
  private echoMaxTokens: 0 | 1 | undefined;
  /** Set once the server has shown it cannot score; later calls fail without a request. */
  private echoUnsupported: UnsupportedError | undefined;

  constructor(
    private readonly spec: RemoteModelSpec,
    private readonly model: string,
    private readonly pool: EndpointPool<OpenAI>,
    private readonly settings: RemoteSettings,
    private readonly serverMetadata: Record<string, unknown> | undefined,
    /** What GET /models said at start-up: tells a wrong model name from a missing endpoint. */
    private readonly listing: ServerListing,
    private readonly options: OpenAICompatibleOptions,
  ) {
    this.modelId = spec.model === undefined ? `${spec.id}#${model}` : spec.id;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry, maxRetries: options.maxRetries };
    this.streamMode = settings.stream ? 'with-usage' : 'off';
  }

  id(): string {
    return this.modelId;
  }

  capabilities(): BackendCapabilities {
    // Optimistic: whether a server has /completions or echo is only known once we try.
    return { chat: true, completion: true, loglikelihood: this.echoUnsupported === undefined };
  }

  async info(): Promise<ModelInfo> {
    return {
      id: this.modelId,
      backend: 'openai-compatible',
      model: this.model,
      baseUrl: this.spec.baseUrl,
      settings: {
        stream: this.streamMode !== 'off',
        streamUsage: this.streamMode === 'with-usage',
        maxTokensParam: this.settings.maxTokensParam,
        extraBody: this.settings.extraBody,
        ...(this.echoMaxTokens === undefined ? {} : { loglikelihoodMaxTokens: this.echoMaxTokens }),
        loglikelihoodEmptyContext: EMPTY_CONTEXT,
        ...(this.serverMetadata === undefined ? {} : { server: this.serverMetadata }),
        ...(this.pool.size > 1 ? { endpoints: this.pool.usage() } : {}),
      },
    };
  }

  private context(at: PoolEndpoint<OpenAI>, endpoint: string, tag: string | undefined): RequestContext {
    return {
      modelId: this.modelId,
      baseUrl: at.url,
      endpoint,
      keySource: at.keySource,
      ...(tag === undefined ? {} : { tag }),
    };
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const chat = request.prompt.kind === 'chat';
    let startedAt = Date.now();
    const { value, attempts } = await withRetries(
      () =>
        this.pool.run((at) => {
          startedAt = Date.now();
          return this.generateOnce(request, this.context(at, chat ? 'POST /chat/completions' : 'POST /completions', tagOf(request)), at.client);
        }, request.signal),
      this.policy,
      { ...(this.options.onRetry ? { onRetry: this.options.onRetry } : {}), ...(request.signal ? { signal: request.signal } : {}) },
    );
    const endedAt = Date.now();
    return {
      text: applyStop(value.text, request.decoding.stop),
      usage: value.usage,
      ...(value.finishReason === undefined ? {} : { finishReason: value.finishReason }),
      timing: {
        startedAt,
        endedAt,
        latencyMs: endedAt - startedAt,
        ...(value.firstTokenAt === undefined ? {} : { firstTokenAt: value.firstTokenAt, ttftMs: value.firstTokenAt - startedAt }),
        attempts,
      },
    };
  }

  /**
   * One attempt. A 400/422 may mean the server does not know `stream_options` or streaming, so
   * step down (with usage → without → not streamed) and take the first mode that works. Only
   * adopt the lower mode once it has worked, so one bad prompt cannot switch streaming off.
   */
  private async generateOnce(request: GenerateRequest, ctx: RequestContext, client: OpenAI) {
    const chat = request.prompt.kind === 'chat';
    const ladder = STREAM_LADDER.slice(STREAM_LADDER.indexOf(this.streamMode));
    let firstRejection: HttpStatusError | undefined;
    for (const mode of ladder) {
      try {
        const result = await this.send(request, ctx, client, mode);
        if (mode !== ladder[0] && this.streamMode === ladder[0]) this.streamMode = mode;
        return result;
      } catch (err) {
        const notServed = modelNotServed(err, ctx, this.model, this.listing);
        if (notServed !== undefined) throw notServed;
        if (err instanceof HttpStatusError && !chat && err.status === 404) {
          throw new UnsupportedError(
            this.modelId,
            `the server has no /completions endpoint (HTTP 404: ${err.serverDetail}), which plain-text prompts need`,
            'use a chat prompt format for this suite, or a server that serves /v1/completions (vLLM, llama.cpp, Ollama do)',
          );
        }
        if (!(err instanceof HttpStatusError) || !REJECTED_PARAMETER.has(err.status)) throw err;
        firstRejection ??= err;
      }
    }
    throw firstRejection!;
  }

  private send(request: GenerateRequest, ctx: RequestContext, client: OpenAI, mode: StreamMode) {
    const chat = request.prompt.kind === 'chat';
    const body = generationBody(request, {
      model: this.model,
      streamMode: mode,
      maxTokensParam: this.settings.maxTokensParam,
      extraBody: this.settings.extraBody,
    });
    return attempt(ctx, this.options.timeoutMs, request.signal, async (signal) => {
      const response = await postJson(client, chat ? '/chat/completions' : '/completions', body, signal);
      const contentType = response.headers.get('content-type');
      if (mode !== 'off' && response.body !== null && contentType?.includes('text/event-stream')) {
        return readGenerationStream(ctx, chat, response.body);
      }
      // Some servers ignore `stream` and answer with one JSON document; accept that too.
      return parseGenerationReply(ctx, chat, await readText(response), contentType);
    });
  }

  async loglikelihood(requests: LoglikelihoodRequest[], signal?: AbortSignal): Promise<LoglikelihoodResult[]> {
    if (this.echoUnsupported !== undefined) throw this.echoUnsupported;
    // On the first failure, stop the rest of the batch instead of letting it run to no purpose.
    const batch = new AbortController();
    const linked = signal === undefined ? batch.signal : AbortSignal.any([batch.signal, signal]);
    try {
      return await Promise.all(
        requests.map((request) =>
          this.scoreWithRetries(request, linked).catch((err: unknown) => {
            batch.abort(err);
            throw err;
          }),
        ),
      );
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? err;
      throw err;
    }
  }

  private async scoreWithRetries(request: LoglikelihoodRequest, signal: AbortSignal): Promise<LoglikelihoodResult> {
    if (signal.aborted) throw signal.reason;
    if (this.echoUnsupported !== undefined) throw this.echoUnsupported;
    let startedAt = Date.now();
    const { value, attempts } = await withRetries(
      () =>
        this.pool.run((at) => {
          startedAt = Date.now();
          return this.scoreOnce(request, this.context(at, 'POST /completions (echo, logprobs)', tagOf(request)), at.client, signal);
        }, signal),
      this.policy,
      { ...(this.options.onRetry ? { onRetry: this.options.onRetry } : {}), signal },
    );
    const endedAt = Date.now();
    return { ...value, timing: { startedAt, endedAt, latencyMs: endedAt - startedAt, attempts } };
  }

  private async scoreOnce(request: LoglikelihoodRequest, ctx: RequestContext, client: OpenAI, signal: AbortSignal) {
    const tries: (0 | 1)[] = this.echoMaxTokens === undefined ? [0, 1] : [this.echoMaxTokens];
    let lastRejection: HttpStatusError | undefined;
    for (const maxTokens of tries) {
      try {
        const result = await this.echoRequest(request, ctx, client, signal, maxTokens);
        this.echoMaxTokens ??= maxTokens;
        return result;
      } catch (err) {
        const notServed = modelNotServed(err, ctx, this.model, this.listing);
        if (notServed !== undefined) throw notServed;
        if (!(err instanceof HttpStatusError) || !NOT_AVAILABLE.has(err.status)) throw err;
        lastRejection = err;
      }
    }
    // Neither max_tokens 0 nor 1 was accepted: the server cannot echo the prompt with logprobs.
    if (this.echoMaxTokens !== undefined) throw lastRejection!;
    throw this.unsupported(`HTTP ${lastRejection!.status}: ${lastRejection!.serverDetail}`);
  }

  private unsupported(detail: string): UnsupportedError {
    this.echoUnsupported ??= new UnsupportedError(
      this.modelId,
      `the server cannot score log-likelihoods: completions with echo+logprobs are not supported (${detail})`,
      'set choices.mode: generate in the suite, or use a server that echoes prompt logprobs (e.g. vLLM) or a local model',
    );
    return this.echoUnsupported;
  }

  private echoRequest(request: LoglikelihoodRequest, ctx: RequestContext, client: OpenAI, signal: AbortSignal, maxTokens: 0 | 1) {
    const context = request.context === '' ? EMPTY_CONTEXT : request.context;
    const body = {
      model: this.model,
      prompt: context + request.continuation,
      echo: true,
      logprobs: 1,
      max_tokens: maxTokens,
      temperature: 0,
    };
    return attempt(ctx, this.options.timeoutMs, signal, async (inner) => {
      const response = await postJson(client, '/completions', body, inner);
      const text = await readText(response);
      const reply = parseJsonBody(ctx, text, response.headers.get('content-type'));
      const choice = (reply as { choices?: { logprobs?: unknown }[] }).choices?.[0];
      if (choice === undefined) throw replyError(ctx, 'reply has no choices[0]', text);
      const score = scoreEchoedPrompt(choice.logprobs as never, context, request.continuation);
      if (!score.ok) {
        if (score.unsupported) throw this.unsupported(score.reason);
        throw replyError(ctx, `malformed logprobs: ${score.reason}`, text);
      }
      const usage = (reply as { usage?: { prompt_tokens?: unknown } }).usage;
      return {
        logprob: score.logprob,
        isGreedy: score.isGreedy,
        continuationTokens: score.continuationTokens,
        usage: typeof usage?.prompt_tokens === 'number' ? { promptTokens: usage.prompt_tokens } : {},
      };
    });
  }

  async close(): Promise<void> {
    this.pool.release();
  }
}
