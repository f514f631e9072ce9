import { JpevalError } from '../util/errors.js';

/**
 * Model spec shapes and the helpers backends share when parsing one (spec.ts dispatches a
 * `--model` string to the backend that claims it; backends/*.ts parse their own forms).
 *
 * The `id` of a spec is what results and caches are keyed on, so it must change whenever the
 * model or endpoint changes (base URL + model name) and must never contain a secret: API keys
 * only ever come from the environment, and URLs with embedded credentials are rejected.
 */

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * What every parsed spec has: `kind` names the registered backend that parsed it (and creates
 * it); backends add their own fields (a plugin backend's spec is any object of this shape).
 */
export interface ModelSpec {
  kind: string;
  /** The normalised identity results and caches are keyed on; never holds a secret. */
  id: string;
  /** What the user wrote. */
  raw: string;
}

export interface RemoteModelSpec extends ModelSpec {
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

export interface LocalModelSpec extends ModelSpec {
  kind: 'local';
  /** `local:<absolute dir>` */
  id: string;
  raw: string;
  dir: string;
}

export interface DefaultModelSpec extends ModelSpec {
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
export function redact(spec: string): string {
  return spec
    .replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^/@#]*@/i, '$1***@')
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep: string, name: string) =>
      CREDENTIAL_PARAM.test(decodedName(name)) ? `${sep}${name}=***` : whole,
    );
}

/**
 * The error for a spec no backend accepts, listing the accepted forms. The forms come from the
 * backend registry (backend-registry.ts), which registers them as backends are added.
 */
export function specError(spec: string, detail: string): JpevalError {
  return new JpevalError(`invalid model spec "${redact(spec)}": ${detail}`, {
    hint: `accepted forms:\n  ${acceptedForms().join('\n  ')}`,
  });
}

let formsSource: () => string[] = () => [];
/** Set once by the backend registry so that spec errors list every registered form. */
export function setAcceptedForms(source: () => string[]): void {
  formsSource = source;
}
function acceptedForms(): string[] {
  return formsSource();
}

export function localSpec(raw: string, dir: string): LocalModelSpec {
  return { kind: 'local', id: `local:${dir}`, raw, dir };
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function parseUrlSpec(raw: string, trimmed: string): RemoteModelSpec {
  const hashAt = trimmed.indexOf('#');
  const urlPart = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  const model = hashAt === -1 ? undefined : trimmed.slice(hashAt + 1).trim();
  if (model === '') throw specError(raw, 'empty model name after "#" (write URL#<model>)');
  // `URL,URL,…#model`: replicas serving one model; the id names them all, so results and caches
  // of a pool never mix with those of a single endpoint.
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
