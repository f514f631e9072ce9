/**
 * A real loopback HTTP server speaking the OpenAI-compatible API, for tests.
 *
 *   const server = await startFakeOpenAIServer({
 *     models: ['fake-model'],
 *     // Script answers: look at the prompt, return the text (or a raw HTTP reply, or a delay).
 *     respond: (req) => (req.prompt.includes('日本の首都') ? '東京' : '大阪'),
 *   });
 *   // spec: `${server.url}#fake-model`   (server.url is http://127.0.0.1:PORT/v1)
 *   …
 *   await server.close();
 *
 * Endpoints: GET /v1/models; POST /v1/chat/completions and /v1/completions, both streamed (SSE,
 * with a usage chunk when `stream_options.include_usage`) and not; completions with
 * `echo: true, logprobs: N` return the prompt's tokens with `tokens`, `token_logprobs`,
 * `top_logprobs` and `text_offset`.
 *
 * The "tokenizer" is one token per Unicode code point, so tests can hand-compute everything:
 * usage counts are code-point counts; `max_tokens` cuts the answer to that many characters;
 * `stop` cuts it at the first stop string (finish_reason "stop"), like real servers.
 *
 * `respond(req)` may return:
 *   - a string: the answer text;
 *   - `{ text, delayMs?, tokenDelayMs?, finishReason?, breakAfterTokens? }`: delay before the first
 *     content token (headers and the role chunk go out at once, so a stream's TTFT ≈ delayMs), and
 *     between tokens; `breakAfterTokens: n` destroys the socket after n streamed content tokens
 *     (a server crashing mid-reply; non-streamed replies are cut after the headers);
 *   - `{ status, body, headers? }`: that exact HTTP reply (errors, non-JSON bodies, …).
 * `req.prompt` is the completion prompt, or for chat the message contents joined by "\n".
 *
 * Echo scoring: token i of the prompt gets `logprob(prompt before it, token)` (default −1); the
 * first token has null, as on real servers. `greedy(prefix)` names the most likely next token
 * (default: the actual one); when it differs, top_logprobs lists it with half the actual
 * token's logprob (i.e. more likely). With max_tokens ≥ 1, that many generated "X" tokens
 * (logprob −0.1) follow the prompt, as vLLM returns. `bos: '<s>'` echoes that token first, as
 * vLLM does: with null logprob, its length counted in `text_offset`, and the prompt's first real
 * token then gets `logprob('', token)` (it is predicted from BOS).
 * `echoReply(body)` may return a raw reply to send for an echo request instead (malformed echoes).
 *
 * `requests` records every request (method, path, query, headers, parsed body); `maxInFlight` is the
 * highest number of requests handled at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChatMessage {
  role: string;
  content: string;
}

export interface FakeRequest {
  kind: 'chat' | 'completion';
  model: string;
  prompt: string;
  messages?: FakeChatMessage[];
  body: Record<string, unknown>;
}

export type RawReply = { status: number; body: string; headers?: Record<string, string> };
export type TextReply = { text: string; delayMs?: number; tokenDelayMs?: number; finishReason?: string; breakAfterTokens?: number };
export type FakeReply = string | RawReply | TextReply;

export interface FakeServerOptions {
  /** Listed by GET /v1/models. Default ['fake-model']. Requests for other models get 404. */
  models?: string[];
  respond?: (req: FakeRequest) => FakeReply | Promise<FakeReply>;
  logprob?: (context: string, token: string) => number;
  greedy?: (context: string) => string | undefined;
  /** The first `count` POST requests get this reply instead (e.g. 429 with Retry-After). */
  failFirst?: { count: number; status: number; headers?: Record<string, string>; body?: string };
  /** false: echo requests get 400 (like chat-only APIs). 'needs-max-tokens-1': max_tokens 0 gets 400 (like vLLM). Default true. */
  echo?: boolean | 'needs-max-tokens-1';
  /** false: /v1/completions is 404. Default true. */
  completions?: boolean;
  /** false: requests with stream_options get 400. Default true. */
  streamOptions?: boolean;
  /** false: GET /v1/models is 404. Default true. */
  modelsEndpoint?: boolean;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get 401. */
  apiKey?: string;
  /** When set, echo replies start with this token (e.g. '<s>'), as vLLM's do. */
  bos?: string;
  /** Script echo replies: return a raw reply to send instead of the computed one, or undefined. */
  echoReply?: (body: Record<string, unknown>) => RawReply | undefined;
  /** Listen on this port (e.g. to bring a "crashed" server back where it was); default: any free port. */
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The URL's query parameters. */
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> | undefined;
  at: number;
}

export interface FakeServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chars = (text: string) => Array.from(text);

function json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function openaiError(res: http.ServerResponse, status: number, message: string): void {
  json(res, status, { error: { message, type: 'invalid_request_error', code: null } });
}

function isRaw(reply: FakeReply): reply is RawReply {
  return typeof reply === 'object' && 'status' in reply;
}

/** Applies stop strings and max_tokens (one token per character) like a server would. */
function shape(text: string, body: Record<string, unknown>, finish: string | undefined): { text: string; finish: string } {
  let out = text;
  let reason = finish ?? 'stop';
  const stops = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? (body.stop as string[]) : [];
  for (const s of stops) {
    const at = out.indexOf(s);
    if (s !== '' && at !== -1) out = out.slice(0, at);
  }
  const max = (body.max_tokens ?? body.max_completion_tokens) as number | undefined;
  if (typeof max === 'number' && chars(out).length > max) {
    out = chars(out).slice(0, max).join('');
    reason = 'length';
  }
  return { text: out, finish: reason };
}

export async function startFakeOpenAIServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const models = options.models ?? ['fake-model'];
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let posts = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> => {
    const path = (req.url ?? '').split('?')[0]!;
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams);
    let body: Record<string, unknown> | undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return openaiError(res, 400, 'request body is not JSON');
      }
    }
    requests.push({ method: req.method ?? '', path, query, headers: req.headers, body, at: Date.now() });

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return openaiError(res, 401, 'Incorrect API key provided');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      if (options.modelsEndpoint === false) return openaiError(res, 404, 'Not Found');
      const data = models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'fake', max_model_len: 4096 }));
      return json(res, 200, { object: 'list', data });
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/completions')) {
      return openaiError(res, 404, `no route ${req.method} ${path}`);
    }
    if (options.failFirst !== undefined && posts++ < options.failFirst.count) {
      const f = options.failFirst;
      res.writeHead(f.status, { 'content-type': 'application/json', ...f.headers });
      return void res.end(f.body ?? JSON.stringify({ error: { message: `scripted failure ${f.status}` } }));
    }
    if (body === undefined) return openaiError(res, 400, 'missing body');
    const chat = path === '/v1/chat/completions';
    if (!chat && options.completions === false) return openaiError(res, 404, 'Not Found');
    const model = String(body.model);
    if (!models.includes(model)) return openaiError(res, 404, `The model \`${model}\` does not exist.`);
    if (body.stream_options !== undefined && options.streamOptions === false) {
      return openaiError(res, 400, 'Unrecognized request argument supplied: stream_options');
    }

    if (!chat && body.echo === true) return echo(res, body);

    const messages = chat ? (body.messages as FakeChatMessage[]) : undefined;
    const prompt = chat ? messages!.map((m) => m.content).join('\n') : String(Array.isArray(body.prompt) ? body.prompt[0] : body.prompt);
    const reply = await (options.respond ?? (() => 'OK'))({
      kind: chat ? 'chat' : 'completion',
      model,
      prompt,
      ...(messages ? { messages } : {}),
      body,
    });
    if (isRaw(reply)) {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      return void res.end(reply.body);
    }
    const scripted: TextReply = typeof reply === 'string' ? { text: reply } : reply;
    const { text, finish } = shape(scripted.text, body, scripted.finishReason);
    const usage = { prompt_tokens: chars(prompt).length, completion_tokens: chars(text).length };
    const base = { id: 'fake-1', created: 1700000000, model };

    if (body.stream !== true) {
      await sleep(scripted.delayMs ?? 0);
      if (scripted.breakAfterTokens !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"id":"fake-1",');
        return void setTimeout(() => res.destroy(), 20);
      }
      const choice = chat
        ? { index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }
        : { index: 0, text, logprobs: null, finish_reason: finish };
      return json(res, 200, {
        ...base,
        object: chat ? 'chat.completion' : 'text_completion',
        choices: [choice],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    }

    const object = chat ? 'chat.completion.chunk' : 'text_completion';
    const send = (value: unknown) => {
      if (!res.destroyed) res.write(`data: ${JSON.stringify(value)}\n\n`);
    };
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (chat) send({ ...base, object, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    await sleep(scripted.delayMs ?? 0);
    for (const [i, c] of chars(text).entries()) {
      if (i === scripted.breakAfterTokens) {
        // Let the chunks already written reach the client, then drop the connection.
        await sleep(20);
        res.destroy();
        return;
      }
      if (i > 0 && scripted.tokenDelayMs) await sleep(scripted.tokenDelayMs);
      send({ ...base, object, choices: [chat ? { index: 0, delta: { content: c }, finish_reason: null } : { index: 0, text: c, finish_reason: null }] });
    }
    send({ ...base, object, choices: [chat ? { index: 0, delta: {}, finish_reason: finish } : { index: 0, text: '', finish_reason: finish }] });
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage === true) {
      send({ ...base, object, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    }
    if (!res.destroyed) res.end('data: [DONE]\n\n');
  };

  const echo = (res: http.ServerResponse, body: Record<string, unknown>): void => {
    if (options.echo === false) return openaiError(res, 400, 'echo is not supported with logprobs for this model');
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : 16;
    if (options.echo === 'needs-max-tokens-1' && maxTokens < 1) {
      // vLLM's own error envelope, not OpenAI's.
      return json(res, 400, { object: 'error', message: `max_tokens must be at least 1, got ${maxTokens}.`, type: 'BadRequestError', code: 400 });
    }
    const scripted = options.echoReply?.(body);
    if (scripted !== undefined) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      return void res.end(scripted.body);
    }
    const prompt = String(Array.isArray(body.prompt) ? body.prompt[0] : body.prompt);
    const logprob = options.logprob ?? (() => -1);
    const tokens: string[] = [];
    const tokenLogprobs: (number | null)[] = [];
    const topLogprobs: (Record<string, number> | null)[] = [];
    const textOffset: number[] = [];
    const bos = options.bos ?? '';
    if (options.bos !== undefined) {
      tokens.push(bos);
      textOffset.push(0);
      tokenLogprobs.push(null);
      topLogprobs.push(null);
    }
    // vLLM counts the BOS text in every offset.
    const shift = chars(bos).length;
    let prefix = '';
    for (const [i, tok] of chars(prompt).entries()) {
      tokens.push(tok);
      textOffset.push(shift + i);
      if (i === 0 && options.bos === undefined) {
        tokenLogprobs.push(null);
        topLogprobs.push(null);
      } else {
        const lp = logprob(prefix, tok);
        const g = options.greedy?.(prefix) ?? tok;
        tokenLogprobs.push(lp);
        topLogprobs.push(g === tok ? { [tok]: lp } : { [g]: lp / 2, [tok]: lp });
      }
      prefix += tok;
    }
    const promptLength = tokens.length;
    for (let k = 0; k < maxTokens; k++) {
      tokens.push('X');
      textOffset.push(shift + chars(prompt).length + k);
      tokenLogprobs.push(-0.1);
      topLogprobs.push({ X: -0.1 });
    }
    json(res, 200, {
      id: 'fake-echo',
      object: 'text_completion',
      created: 1700000000,
      model: body.model,
      choices: [
        {
          index: 0,
          text: prompt + 'X'.repeat(maxTokens),
          logprobs: { tokens, token_logprobs: tokenLogprobs, top_logprobs: topLogprobs, text_offset: textOffset },
          finish_reason: 'length',
        },
      ],
      usage: { prompt_tokens: promptLength, completion_tokens: maxTokens, total_tokens: promptLength + maxTokens },
    });
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('close', finish);
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      handle(req, res, raw).catch((err: unknown) => {
        if (!res.headersSent) openaiError(res, 500, `fake server bug: ${String(err)}`);
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
