import { afterEach, describe, expect, it } from 'vitest';

import { parseModelSpec } from '../../src/models/spec.js';
import { createBackend } from '../../src/models/create.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { chatRequest, remoteBackend } from './remote-helpers.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = 'sk-test-SECRET-4f9a2c';
const OPENAI_SECRET = 'sk-openai-SECRET-77e1';

/** Everything a user or a result file could ever see of an error. */
function visible(err: unknown): string {
  const e = err as Error & { hint?: string; cause?: unknown };
  return [e.message, e.hint, String(e), e.stack, String(e.cause), JSON.stringify(e)].join('\n');
}

const authOf = (s: FakeServer) => s.requests.map((r) => r.headers.authorization);

describe('API keys', () => {
  it('sends JPEVAL_API_KEY but never shows it in info() or error messages', async () => {
    server = await startFakeOpenAIServer({
      apiKey: SECRET,
      respond: (req) => (req.prompt === 'bad' ? { status: 400, body: '{"error":{"message":"bad request"}}' } : 'OK'),
    });
    const backend = await remoteBackend(server, { env: { JPEVAL_API_KEY: SECRET } });
    expect((await backend.generate(chatRequest('q'))).text).toBe('OK');
    expect(authOf(server).every((a) => a === `Bearer ${SECRET}`)).toBe(true);

    const info = await backend.info();
    expect(JSON.stringify(info)).not.toContain(SECRET);
    expect(backend.id()).not.toContain(SECRET);

    const err = await backend.generate(chatRequest('bad')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/HTTP 400: bad request/);
    expect(visible(err)).not.toContain(SECRET);
  });

  it('masks the key when the server echoes it in an error reply (some proxies do)', async () => {
    server = await startFakeOpenAIServer({
      apiKey: SECRET,
      respond: (req) =>
        req.prompt === 'plain'
          ? { status: 400, body: `no route for key ${SECRET}` }
          : { status: 400, body: JSON.stringify({ error: { message: `invalid request for Bearer ${SECRET}` } }) },
    });
    const backend = await remoteBackend(server, { env: { JPEVAL_API_KEY: SECRET } });
    for (const prompt of ['json', 'plain']) {
      const err = await backend.generate(chatRequest(prompt)).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/HTTP 400: .*\*\*\*/);
      expect(visible(err)).not.toContain(SECRET);
    }
  });

  it('cuts the key out of an error body that echoes it (gateways echoing Authorization)', async () => {
    server = await startFakeOpenAIServer({
      respond: () => ({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: Bearer ${SECRET}` } }) }),
    });
    const backend = await remoteBackend(server, { env: { JPEVAL_API_KEY: SECRET } });
    const err = await backend.generate(chatRequest('q')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/HTTP 401 \(not authorised\): Incorrect API key provided: Bearer \*\*\*/);
    expect(visible(err)).not.toContain(SECRET);
  });

  it('masks the key in an error object inside a 200 reply (any reply a server writes can echo it)', async () => {
    server = await startFakeOpenAIServer({
      respond: () => ({ status: 200, body: JSON.stringify({ error: { message: `upstream rejected Bearer ${SECRET}` } }) }),
    });
    const backend = await remoteBackend(server, { env: { JPEVAL_API_KEY: SECRET } });
    const err = await backend.generate(chatRequest('q')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(visible(err)).not.toContain(SECRET);
  });

  it('explains where the key came from on a 401, without printing it', async () => {
    server = await startFakeOpenAIServer({ apiKey: 'the-right-key' });
    const backend = await remoteBackend(server, { env: { MY_VLLM_KEY: SECRET }, apiKeyEnv: 'MY_VLLM_KEY' });
    const err = await backend.generate(chatRequest('q')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/HTTP 401 \(not authorised\)/);
    expect((err as { hint?: string }).hint).toContain('$MY_VLLM_KEY');
    expect(visible(err)).not.toContain(SECRET);
  });

  it('refuses an api_key_env that is not set', async () => {
    server = await startFakeOpenAIServer();
    await expect(remoteBackend(server, { apiKeyEnv: 'NOT_SET_ANYWHERE' })).rejects.toThrow(/api_key_env names NOT_SET_ANYWHERE/);
  });

  it('does not send OPENAI_API_KEY to an arbitrary URL, but does for openai: specs', async () => {
    server = await startFakeOpenAIServer({ respond: () => 'OK' });
    const byUrl = await remoteBackend(server, { env: { OPENAI_API_KEY: OPENAI_SECRET } });
    await byUrl.generate(chatRequest('q'));
    expect(authOf(server)).not.toContain(`Bearer ${OPENAI_SECRET}`);
    expect(authOf(server)[0]).toBe('Bearer sk-no-key-required');

    const before = server.requests.length;
    const openai = await createBackend(parseModelSpec('openai:fake-model', { baseUrl: server.url }), {
      concurrency: 1,
      timeoutMs: 5000,
      maxRetries: 0,
      settings: {},
      env: { OPENAI_API_KEY: OPENAI_SECRET },
    });
    expect(openai.id()).toBe(`${server.url}#fake-model`);
    await openai.generate(chatRequest('q'));
    expect(authOf(server).slice(before).every((a) => a === `Bearer ${OPENAI_SECRET}`)).toBe(true);
    expect(JSON.stringify(await openai.info())).not.toContain(OPENAI_SECRET);
  });

  it('does not forward OPENAI_ORG_ID / OPENAI_PROJECT_ID to arbitrary servers', async () => {
    server = await startFakeOpenAIServer({ respond: () => 'OK' });
    const saved = { org: process.env.OPENAI_ORG_ID, project: process.env.OPENAI_PROJECT_ID };
    process.env.OPENAI_ORG_ID = 'org-should-not-leak';
    process.env.OPENAI_PROJECT_ID = 'proj-should-not-leak';
    try {
      const backend = await remoteBackend(server);
      await backend.generate(chatRequest('q'));
    } finally {
      if (saved.org === undefined) delete process.env.OPENAI_ORG_ID;
      else process.env.OPENAI_ORG_ID = saved.org;
      if (saved.project === undefined) delete process.env.OPENAI_PROJECT_ID;
      else process.env.OPENAI_PROJECT_ID = saved.project;
    }
    const headers = JSON.stringify(server.requests.map((r) => r.headers));
    expect(headers).not.toContain('should-not-leak');
  });

  it('asks for a key up front when talking to api.openai.com without one (no request made)', async () => {
    await expect(
      createBackend(parseModelSpec('openai:gpt-4o-mini', { env: {} }), {
        concurrency: 1,
        timeoutMs: 1000,
        maxRetries: 0,
        settings: {},
        env: {},
      }),
    ).rejects.toThrow(/no API key: set OPENAI_API_KEY/);
  });
});
