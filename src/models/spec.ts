import { existsSync } from 'node:fs';
import path from 'node:path';

import { JpevalError } from '../util/errors.js';

/**
 * Parsing of the `--model` string (and `models[].spec` in the config file) into a ModelSpec.
 *
 * The `id` of a spec is what results and caches are keyed on, so it must change whenever the
 * model or endpoint changes (base URL + model name) and must never contain a secret: API keys
 * only ever come from the environment, and URLs with embedded credentials are rejected.
 */

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

export type ModelSpec = RemoteModelSpec | LocalModelSpec | DefaultModelSpec;

export interface RemoteModelSpec {
  kind: 'remote';
  /** `<baseUrl>#<model>`; just `<baseUrl>` while the model is still to be resolved. */
  id: string;
  /** What the user wrote. */
  raw: string;
  /** `openai:` specs may use OPENAI_API_KEY; bare URLs do not (see the backend's key rules). */
  provider: 'openai' | 'url';
  /** Normalised: no trailing slash, no credentials; other query parameters (e.g. `?api-version=…`) are kept and sent. */
  baseUrl: string;
  /** Undefined when the spec was a bare URL: resolved at create time from GET /models. */
  model?: string;
  /** Several base URLs serving the model (`http://a/v1,http://b/v1#model`); baseUrl is the first. */
  endpoints?: string[];
}

export interface LocalModelSpec {
  kind: 'local';
  /** `local:<absolute dir>` */
  id: string;
  raw: string;
  dir: string;
}

export interface DefaultModelSpec {
  kind: 'default';
  id: 'default';
  raw: string;
}

export interface ParseModelSpecOptions {
  /** `--base-url` (or `base_url` in the config file) for `openai:` specs. */
  baseUrl?: string;
  /** Defaults to process.env; only OPENAI_BASE_URL is read. */
  env?: NodeJS.ProcessEnv;
  /** Directory relative local paths are resolved against (the config file's directory, or cwd). */
  cwd?: string;
}

const ACCEPTED_FORMS = [
  'openai:<model>                      e.g. openai:gpt-4o-mini (base URL from --base-url or OPENAI_BASE_URL)',
  'http(s)://HOST:PORT/v1#<model>      any OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1#llm-jp-3-1.8b',
  'http(s)://HOST:PORT/v1              only if the server lists exactly one model',
  'URL,URL,…#<model>                   several endpoints (replicas) serving one model',
  'local:<dir> | ./dir | /abs/dir      a local ONNX model directory',
  'default                             the embedded default model',
].join('\n  ');

/**
 * Query parameters whose names look like credentials (`api_key`, `access_token`, `api-key`,
 * `sig`, …). Azure's `api-version` and other plain parameters do not match.
 */
const CREDENTIAL_PARAM = /key|token|secret|passw|auth|sig/i;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The spec as it may be shown: any `user:password@` and credential-like query values in a URL masked. */
function redact(spec: string): string {
  return spec
    .replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^/@#]*@/i, '$1***@')
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep: string, name: string) =>
      CREDENTIAL_PARAM.test(decodedName(name)) ? `${sep}${name}=***` : whole,
    );
}

function specError(spec: string, detail: string): JpevalError {
  return new JpevalError(`invalid model spec "${redact(spec)}": ${detail}`, {
    hint: `accepted forms:\n  ${ACCEPTED_FORMS}`,
  });
}

export function parseModelSpec(spec: string, options: ParseModelSpecOptions = {}): ModelSpec {
  const raw = spec;
  const trimmed = spec.trim();
  if (trimmed === '') throw specError(raw, 'it is empty');
  const cwd = options.cwd ?? process.cwd();

  if (trimmed === 'default') return { kind: 'default', id: 'default', raw };

  if (/^https?:\/\//i.test(trimmed)) return parseUrlSpec(raw, trimmed);

  if (trimmed.startsWith('openai:')) {
    const model = trimmed.slice('openai:'.length).trim();
    if (model === '') throw specError(raw, 'missing model name after "openai:"');
    const env = options.env ?? process.env;
    const base = options.baseUrl ?? nonEmpty(env.OPENAI_BASE_URL) ?? DEFAULT_OPENAI_BASE_URL;
    const baseUrl = normaliseBaseUrl(raw, base);
    return { kind: 'remote', provider: 'openai', id: `${baseUrl}#${model}`, raw, baseUrl, model };
  }

  if (trimmed.startsWith('local:')) {
    const dir = trimmed.slice('local:'.length).trim();
    if (dir === '') throw specError(raw, 'missing directory after "local:"');
    return localSpec(raw, path.resolve(cwd, dir));
  }

  const looksLikePath =
    trimmed.startsWith('./') ||
    trimmed.startsWith('../') ||
    trimmed.startsWith('/') ||
    trimmed.startsWith('.\\') ||
    trimmed.startsWith('..\\') ||
    path.isAbsolute(trimmed);
  if (looksLikePath || existsSync(path.resolve(cwd, trimmed))) {
    return localSpec(raw, path.resolve(cwd, trimmed));
  }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (scheme !== undefined) throw specError(raw, `unknown scheme "${scheme}:"`);
  throw specError(raw, 'not a known form, and no file or directory by that name exists');
}

function localSpec(raw: string, dir: string): LocalModelSpec {
  return { kind: 'local', id: `local:${dir}`, raw, dir };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseUrlSpec(raw: string, trimmed: string): RemoteModelSpec {
  const hashAt = trimmed.indexOf('#');
  const urlPart = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  const model = hashAt === -1 ? undefined : trimmed.slice(hashAt + 1).trim();
  if (model === '') throw specError(raw, 'empty model name after "#" (write URL#<model>)');
  const urls = urlPart.split(',').map((u) => u.trim());
  if (urls.some((u) => u === '')) throw specError(raw, 'empty base URL in a comma-separated list');
  const endpoints = urls.map((u) => normaliseBaseUrl(raw, u));
  if (new Set(endpoints).size !== endpoints.length) throw specError(raw, 'the same base URL is listed twice');
  const baseUrl = endpoints[0]!;
  const joined = endpoints.join(',');
  return {
    kind: 'remote',
    provider: 'url',
    id: model === undefined ? joined : `${joined}#${model}`,
    raw,
    baseUrl,
    ...(model === undefined ? {} : { model }),
    ...(endpoints.length > 1 ? { endpoints } : {}),
  };
}

/**
 * Trailing slashes go (so `…/v1/` and `…/v1` key the same results); an empty path becomes `/v1`,
 * the path every OpenAI-compatible server we know (vLLM, llama.cpp, Ollama, TGI) serves under.
 */
export function normaliseBaseUrl(raw: string, base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw specError(raw, `"${redact(base)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw specError(raw, `base URL must be http(s), got "${url.protocol}"`);
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in the URL would end up in result files and cache keys.
    throw specError(
      raw,
      'the URL contains credentials; put the API key in an environment variable (JPEVAL_API_KEY, or api_key_env in the config file) instead',
    );
  }
  const secretParams = [...new Set(url.searchParams.keys())].filter((name) => CREDENTIAL_PARAM.test(name));
  if (secretParams.length > 0) {
    // The base URL is part of the spec id, which goes into run.json and every sample.
    throw specError(
      raw,
      `the URL's query has credential-like parameters (${secretParams.join(', ')}); jpeval reads API keys only from the environment: ` +
        'set JPEVAL_API_KEY (or OPENAI_API_KEY for openai: specs), or name a variable with api_key_env in the config file',
    );
  }
  let pathname = url.pathname.replace(/\/+$/, '');
  if (/\/(chat\/)?completions$/.test(pathname)) {
    throw specError(
      raw,
      `give the base URL (e.g. ${url.origin}${pathname.replace(/\/(chat\/)?completions$/, '')}), not an endpoint`,
    );
  }
  if (pathname === '') pathname = '/v1';
  return `${url.origin}${pathname}${url.search}`;
}
