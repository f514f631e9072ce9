import OpenAI from 'openai';

import { ModelError } from '../../util/errors.js';
import { RetryableError, parseRetryAfter } from './retry.js';

/**
 * The HTTP layer under the OpenAI-compatible backend: the official SDK sends the requests
 * (auth header, URL joining, error typing); this module adds a whole-request timeout (the SDK's
 * covers only the wait for headers, not a slow stream), keeps error bodies that do not use
 * OpenAI's `{"error": …}` envelope (vLLM, llama.cpp, TGI), and turns every failure into either
 * a RetryableError or a ModelError whose message names the request.
 */

/** Statuses worth retrying: timeouts, conflicts, rate limits, server errors. */
const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);

export interface RequestContext {
  /** The backend id (`<baseUrl>#<model>`); ModelError prefixes its messages with it. */
  modelId: string;
  baseUrl: string;
  /** e.g. `POST /chat/completions` */
  endpoint: string;
  /** Optional item identifier from the caller, for error messages. */
  tag?: string;
  /** Name of the env variable the key came from (never the key), for auth hints. */
  keySource: string;
}

const errorBodies = new WeakMap<Headers, string>();

/**
 * The error body with the request's own API key masked: some servers and proxies echo the
 * Authorization header in their error message, which would otherwise reach the console, the
 * error fields of samples.jsonl and run.json.
 */
export function maskKey(text: string, headers: ConstructorParameters<typeof Headers>[0] | undefined): string {
  let key: string | undefined;
  try {
    key = new Headers(headers).get('authorization')?.replace(/^Bearer\s+/i, '').trim();
  } catch {
    return text;
  }
  return key !== undefined && key.length >= 6 ? text.split(key).join('***') : text;
}

/** A fetch that remembers the raw body of error replies (API key masked), keyed by their headers object. */
const rememberingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.ok) return response;
  const text = maskKey(await response.text().catch(() => ''), init?.headers);
  const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  errorBodies.set(copy.headers, text);
  return copy;
};

export function createSdkClient(baseUrl: string, apiKey: string, timeoutMs: number, openaiProvider: boolean): OpenAI {
  // The SDK appends paths to baseURL as a string, so a query (Azure's `?api-version=…`) must go
  // in defaultQuery instead, or `/completions` would land inside it.
  const url = new URL(baseUrl);
  const query = Object.fromEntries(url.searchParams);
  url.search = '';
  return new OpenAI({
    baseURL: url.toString(),
    ...(Object.keys(query).length === 0 ? {} : { defaultQuery: query }),
    apiKey,
    // The SDK would send OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment to any server;
    // only OpenAI itself should see them.
    ...(openaiProvider ? {} : { organization: null, project: null }),
    // Our own retry loop (retry.ts) handles retries; the SDK's timeout is only a backstop.
    maxRetries: 0,
    timeout: timeoutMs + 1_000,
    fetch: rememberingFetch,
  });
}

/** URL and headers the SDK would send for a POST to one path, built once per client and path. */
interface PostTemplate {
  url: string;
  /** The SDK's own Headers object (passed as is: fetch copies it, in the SDK's order). */
  headers: Headers;
}

const postTemplates = new WeakMap<OpenAI, Map<string, Promise<PostTemplate>>>();

function postTemplate(client: OpenAI, path: string): Promise<PostTemplate> {
  let byPath = postTemplates.get(client);
  if (byPath === undefined) postTemplates.set(client, (byPath = new Map()));
  let template = byPath.get(path);
  if (template === undefined) {
    // The SDK itself builds the URL (base URL, default query) and headers (auth, user agent,
    // X-Stainless-*, content-type): they are the same for every request to this path (no
    // retries in the SDK, no per-request timeout or idempotency key), so reuse them.
    template = client.buildRequest({ method: 'post', path, body: {} }, { retryCount: 0 }).then(({ url, req }) => ({
      url,
      headers: req.headers instanceof Headers ? req.headers : new Headers(req.headers as ConstructorParameters<typeof Headers>[0]),
    }));
    template.catch(() => byPath.delete(path));
    byPath.set(path, template);
  }
  return template;
}

function isUnexpectedRedirect(err: unknown): boolean {
  const cause = (err as { cause?: unknown } | null)?.cause;
  return err instanceof TypeError && cause instanceof Error && cause.message === 'unexpected redirect';
}

/**
 * POSTs a JSON body the way `client.post(path, { body, signal }).asResponse()` does — same URL,
 * headers and JSON body, same error types (APIError from the reply status, APIConnectionError,
 * APIConnectionTimeoutError, APIUserAbortError) — with plain fetch, skipping the SDK's per-request
 * header merging, log formatting and abort wiring, which cost more CPU than the fetch itself on
 * a busy run.
 */
export async function postJson(client: OpenAI, path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  const template = await postTemplate(client, path);
  if (signal.aborted) throw new OpenAI.APIUserAbortError();
  let response: Response;
  const json = JSON.stringify(body);
  try {
    try {
      // redirect 'error' spares fetch a copy of the request (a tee of its body stream) that only
      // following a redirect needs; a server that does redirect gets the request again, followed.
      response = await fetch(template.url, { method: 'POST', headers: template.headers, body: json, signal, redirect: 'error' });
    } catch (err) {
      if (signal.aborted || !isUnexpectedRedirect(err)) throw err;
      response = await fetch(template.url, { method: 'POST', headers: template.headers, body: json, signal });
    }
  } catch (caught) {
    if (signal.aborted) throw new OpenAI.APIUserAbortError();
    const err = caught instanceof Error ? caught : new Error(String(caught));
    const isTimeout = err.name === 'AbortError' || /timed? ?out/i.test(String(err) + ('cause' in err ? String(err.cause) : ''));
    if (isTimeout) throw new OpenAI.APIConnectionTimeoutError();
    throw new OpenAI.APIConnectionError({ cause: err });
  }
  if (response.ok) return response;
  const text = maskKey(await response.text().catch(() => ''), template.headers);
  errorBodies.set(response.headers, text);
  let errorJson: unknown;
  try {
    errorJson = JSON.parse(text) as unknown;
  } catch {
    errorJson = undefined;
  }
  throw OpenAI.APIError.generate(response.status, errorJson as object | undefined, errorJson ? undefined : text, response.headers);
}

export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty body)';
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function where(ctx: RequestContext): string {
  return ctx.tag === undefined ? ctx.endpoint : `${ctx.endpoint} (${ctx.tag})`;
}

/**
 * A reply that broke off after its headers arrived (server crashed, proxy cut the connection):
 * `progress` says how far it got. Classified as a retryable lost connection, not "cannot reach".
 */
export class ReplyInterrupted extends Error {
  constructor(
    readonly progress: string,
    cause: unknown,
  ) {
    super(`reply interrupted ${progress}`, { cause });
    this.name = 'ReplyInterrupted';
  }
}

/** The whole body of a non-streamed reply; a connection lost while reading it is a ReplyInterrupted. */
export async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (err) {
    throw new ReplyInterrupted('while the reply body was being read', err);
  }
}

/** A non-retryable HTTP error reply; the status lets callers fall back (e.g. stream → no stream). */
export class HttpStatusError extends ModelError {
  constructor(
    modelId: string,
    detail: string,
    readonly status: number,
    readonly serverDetail: string,
    hint?: string,
  ) {
    // Bad credentials will not fix themselves: the runner stops this model instead of failing every item.
    super(modelId, detail, { fatal: status === 401 || status === 403, ...(hint === undefined ? {} : { hint }) });
    this.name = 'HttpStatusError';
  }
}

export function replyError(ctx: RequestContext, detail: string, body?: string): ModelError {
  const suffix = body === undefined ? '' : `: ${excerpt(body)}`;
  return new ModelError(ctx.modelId, `${where(ctx)}: ${detail}${suffix}`);
}

/** Parses a JSON reply body, or throws a ModelError naming the request with an excerpt of it. */
export function parseJsonBody(ctx: RequestContext, text: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = contentType === null ? '' : ` (${contentType.split(';')[0]})`;
    throw replyError(ctx, `reply is not JSON${type}`, text);
  }
}

/** The first errno-style code (ECONNREFUSED, ENOTFOUND, …) in an error's cause chain. */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) e = errors[0];
    else e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The server's own words for an error reply: `error.message` (OpenAI), `message` (vLLM),
 * `detail` (FastAPI), `error` as a string (TGI, Ollama), else an excerpt of the raw body.
 */
function statusDetail(err: InstanceType<typeof OpenAI.APIError>): string {
  const raw = err.headers === undefined ? undefined : errorBodies.get(err.headers);
  if (raw === undefined || raw.trim() === '') return excerpt(err.message.replace(/^\d+\s*/, ''));
  try {
    const body = JSON.parse(raw) as Record<string, unknown>;
    const nested = body.error !== null && typeof body.error === 'object' ? (body.error as Record<string, unknown>).message : undefined;
    const candidates = [nested, body.message, body.detail, body.error];
    for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return excerpt(c);
  } catch {
    // not JSON: fall through to the raw text
  }
  return excerpt(raw);
}

/** Callbacks to run when a caller's signal aborts: one listener per signal, however many requests share it. */
const abortCallbacks = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` when `signal` aborts; returns the function that unregisters it. Many requests in
 * flight share one caller signal: a listener each would trip Node's MaxListenersExceededWarning.
 */
function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = abortCallbacks.get(signal);
  if (callbacks === undefined) {
    const set = new Set<() => void>();
    abortCallbacks.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        for (const fn of [...set]) fn();
        set.clear();
      },
      { once: true },
    );
    callbacks = set;
  }
  const registered = callbacks;
  registered.add(callback);
  return () => registered.delete(callback);
}

/**
 * Runs one attempt with a timeout covering the whole exchange (headers and body), mapping every
 * failure to RetryableError (retry may help) or ModelError (it will not). A caller abort
 * propagates unchanged.
 */
export async function attempt<T>(
  ctx: RequestContext,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  // One controller aborted by the timeout or by the caller (cheaper than AbortSignal.any per request).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  let unlink: (() => void) | undefined;
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else if (callerSignal !== undefined) unlink = onAbort(callerSignal, () => controller.abort(callerSignal.reason));
  try {
    return await run(controller.signal);
  } catch (err) {
    if (callerSignal?.aborted) throw callerSignal.reason ?? err;
    throw classifyFailure(ctx, err, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    unlink?.();
  }
}

export function classifyFailure(ctx: RequestContext, err: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (err instanceof RetryableError || err instanceof ModelError) return err;
  if (timedOut || err instanceof OpenAI.APIConnectionTimeoutError) {
    return new RetryableError(
      `timed out after ${timeoutMs} ms`,
      new ModelError(ctx.modelId, `${where(ctx)}: no complete reply within ${timeoutMs} ms`, {
        hint: 'raise timeout_ms in the config file (or --timeout) if the server is just slow',
        retryable: true,
      }),
      undefined,
      'timeout',
    );
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const status = err.status;
    const detail = statusDetail(err);
    if (RETRYABLE_STATUS.has(status) || status >= 500) {
      return new RetryableError(
        `HTTP ${status}`,
        new ModelError(ctx.modelId, `${where(ctx)}: HTTP ${status}: ${detail}`, { retryable: true }),
        parseRetryAfter(err.headers),
      );
    }
    if (status === 401 || status === 403) {
      return new HttpStatusError(
        ctx.modelId,
        `${where(ctx)}: HTTP ${status} (not authorised): ${detail}`,
        status,
        detail,
        `the API key was taken from ${ctx.keySource}. jpeval reads keys only from the environment: ` +
          'JPEVAL_API_KEY, OPENAI_API_KEY (sent only to openai: specs and api.openai.com), or the variable named by api_key_env in the config file',
      );
    }
    return new HttpStatusError(ctx.modelId, `${where(ctx)}: HTTP ${status}: ${detail}`, status, detail);
  }
  const code = networkCode(err);
  if (err instanceof ReplyInterrupted) {
    // The server was reached and started answering; saying "cannot reach" would send the user
    // checking URLs and firewalls instead of the server's logs.
    const reason = code ?? (err.cause instanceof Error ? err.cause.message : String(err.cause));
    return new RetryableError(
      `connection lost during the reply (${reason})`,
      new ModelError(ctx.modelId, `${where(ctx)}: the connection to ${ctx.baseUrl} was lost during the reply (${reason}) ${err.progress}`, {
        hint: 'the server (or a proxy in front of it) closed the connection mid-reply; check its logs for a crash or restart',
        retryable: true,
        cause: err,
      }),
      undefined,
      'connection',
    );
  }
  // Connection refused / reset / DNS failures, from the SDK (APIConnectionError).

  const isConnection =
    err instanceof OpenAI.APIConnectionError || code !== undefined || (err instanceof TypeError && /fetch failed|terminated/i.test(err.message));
  if (isConnection) {
    const reason = code ?? (err instanceof Error ? err.message : String(err));
    return new RetryableError(
      `connection error (${reason})`,
      new ModelError(ctx.modelId, `cannot reach ${ctx.baseUrl} (${reason}) while sending ${where(ctx)}`, {
        hint: 'is the server running, and is the base URL (including /v1) right?',
        retryable: true,
        cause: err,
      }),
      undefined,
      'connection',
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}
