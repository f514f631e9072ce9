import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal OpenAI-compatible server on 127.0.0.1 for the remote benchmark: GET /v1/models and
 * POST /v1/completions and /v1/chat/completions (streamed or not), each answered after a fixed
 * delay with a fixed short answer. Its own cost per request is tiny and identical for every client.
 */
export interface LoopbackServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function startLoopbackServer(opts: { delayMs: number; answer?: string; model?: string }): Promise<LoopbackServer> {
  const model = opts.model ?? 'bench-model';
  const answer = opts.answer ?? '東京';
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.startsWith('/v1/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: model, object: 'model' }] }));
        return;
      }
      state.requests += 1;
      const body = JSON.parse(raw || '{}') as { stream?: boolean; messages?: unknown };
      const chat = req.url?.includes('/chat/') === true;
      setTimeout(() => {
        const usage = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 };
        if (body.stream !== true) {
          res.writeHead(200, { 'content-type': 'application/json' });
          const choice = chat ? { index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' } : { index: 0, text: answer, finish_reason: 'stop' };
          res.end(JSON.stringify({ id: 'b', object: chat ? 'chat.completion' : 'text_completion', model, choices: [choice], usage }));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const piece = chat ? { index: 0, delta: { content: answer }, finish_reason: null } : { index: 0, text: answer, finish_reason: null };
        const last = chat ? { index: 0, delta: {}, finish_reason: 'stop' } : { index: 0, text: '', finish_reason: 'stop' };
        res.write(`data: ${JSON.stringify({ id: 'b', model, choices: [piece] })}\n\n`);
        res.write(`data: ${JSON.stringify({ id: 'b', model, choices: [last] })}\n\n`);
        res.write(`data: ${JSON.stringify({ id: 'b', model, choices: [], usage })}\n\n`);
        res.end('data: [DONE]\n\n');
      }, opts.delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
