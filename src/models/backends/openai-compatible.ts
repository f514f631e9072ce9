import { DEFAULT_OPENAI_BASE_URL, nonEmpty, normaliseBaseUrl, parseUrlSpec, specError, type RemoteModelSpec } from '../spec-forms.js';
import type { BackendRegistration } from '../backend-registry.js';

/** Any OpenAI-compatible HTTP server (vLLM, llama.cpp, Ollama, TGI, OpenAI): `openai:<model>` or a URL. */
export const openaiCompatibleBackend: BackendRegistration<RemoteModelSpec> = {
  kind: 'remote',
  forms: [
    'openai:<model>                      e.g. openai:gpt-4o-mini (base URL from --base-url or OPENAI_BASE_URL)',
    'http(s)://HOST:PORT/v1#<model>      any OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1#llm-jp-3-1.8b',
    'http(s)://HOST:PORT/v1              only if the server lists exactly one model',
    'URL,URL,…#<model>                   several endpoints (replicas) serving one model',
  ],
  claims: (spec) => /^https?:\/\//i.test(spec) || spec.startsWith('openai:'),
  parse(spec, raw, options) {
    if (!spec.startsWith('openai:')) return parseUrlSpec(raw, spec);
    const model = spec.slice('openai:'.length).trim();
    if (model === '') throw specError(raw, 'missing model name after "openai:"');
    const env = options.env ?? process.env;
    const base = options.baseUrl ?? nonEmpty(env.OPENAI_BASE_URL) ?? DEFAULT_OPENAI_BASE_URL;
    const baseUrl = normaliseBaseUrl(raw, base);
    return { kind: 'remote', provider: 'openai', id: `${baseUrl}#${model}`, raw, baseUrl, model };
  },
  // Remote servers batch requests themselves: many in flight, one item per log-likelihood call.
  defaults: { concurrency: 8, batchSize: 1 },
  async create(spec, options) {
    const { createOpenAICompatibleBackend } = await import('../openai-compatible.js');
    return createOpenAICompatibleBackend(spec, options);
  },
};
