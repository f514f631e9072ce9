import { JpevalError } from '../util/errors.js';
import type { RetryPolicy } from './remote/retry.js';
import { setAcceptedForms, type ModelSpec, type ParseModelSpecOptions } from './spec-forms.js';
import type { BackendOptions, ModelBackend } from './types.js';

/**
 * Backends by registry. Each backend file (src/models/backends/*.ts, or a plugin module named in
 * JPEVAL_PLUGINS) registers: the spec forms it claims, how it parses them, its run defaults, and
 * a factory that loads the implementation lazily (so a remote-only run never loads onnxruntime).
 * Its preferred multiple-choice mode comes from the backend's own `capabilities()`.
 */

/** Options every factory receives (flags > config file > defaults, merged in config/effective.ts). */
export interface CreateBackendOptions extends BackendOptions {
  /** Items per log-likelihood call (a local backend batches and sorts across them). */
  batchSize?: number;
  /** Name of the env variable holding the API key (config `api_key_env`). */
  apiKeyEnv?: string;
  /** Remote backends: several endpoints serving the model (config `endpoints:`) and a pool of API keys (`api_key_envs:`). */
  endpoints?: { url: string; concurrency?: number; apiKeyEnv?: string }[];
  apiKeyEnvs?: string[];
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Backoff tuning for remote backends (tests shorten it); maxRetries comes from BackendOptions. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** Local backends: ONNX weights variant (`q8`, `fp32`, …) and onnxruntime threads. */
  dtype?: string;
  threads?: number;
}

/** Defaults a backend's models run with unless a flag or the config file says otherwise. */
export interface BackendDefaults {
  /** Requests in flight. */
  concurrency: number;
  /** Items per log-likelihood call. */
  batchSize: number;
}

export interface BackendRegistration<S extends ModelSpec = ModelSpec> {
  /** The `kind` of the specs it parses, e.g. `remote`, `local`, `default`. */
  kind: string;
  /** One line per accepted spec form, shown in help and spec errors. */
  forms: string[];
  /** Whether a (trimmed) spec string is this backend's, by its prefix; asked in registration order. */
  claims(spec: string): boolean;
  /** Asked only when no backend claims the spec (e.g. an existing directory → local ONNX). */
  fallback?(spec: string, options: ParseModelSpecOptions): boolean;
  /** Parses a claimed spec; throws specError() naming what is wrong. */
  parse(spec: string, raw: string, options: ParseModelSpecOptions): S;
  defaults: BackendDefaults;
  /** Creates the backend, importing its implementation lazily. */
  create(spec: S, options: CreateBackendOptions): Promise<ModelBackend>;
}

const registered: BackendRegistration[] = [];

/** Adds a backend. A second registration of the same kind is an error (specs key results). */
export function registerBackend<S extends ModelSpec>(backend: BackendRegistration<S>): void {
  // Plugins are plain JavaScript: check the shape here, not in the first run that needs it.
  const b = backend as Partial<BackendRegistration<S>> | undefined;
  const missing = [
    typeof b?.kind === 'string' && b.kind !== '' ? '' : 'kind (a non-empty string)',
    ...(['claims', 'parse', 'create'] as const).map((f) => (typeof b?.[f] === 'function' ? '' : `${f}()`)),
    Number.isInteger(b?.defaults?.concurrency) && Number.isInteger(b?.defaults?.batchSize) ? '' : 'defaults { concurrency, batchSize }',
  ].filter(Boolean);
  if (missing.length) throw new Error(`a backend registration needs ${missing.join(', ')}`);
  if (registered.some((r) => r.kind === backend.kind)) throw new Error(`backend "${backend.kind}" is registered twice`);
  const parse = backend.parse.bind(backend);
  backend.parse = (spec, raw, options) => {
    const parsed = parse(spec, raw, options);
    if (parsed?.kind !== backend.kind || typeof parsed.id !== 'string' || parsed.id === '') {
      throw new JpevalError(`backend "${backend.kind}": parse("${spec}") must return { kind: "${backend.kind}", id, raw, … }`);
    }
    return parsed;
  };
  registered.push(backend as unknown as BackendRegistration);
}

/** The backend that parsed a spec (by its kind). */
export function backendFor(spec: Pick<ModelSpec, 'kind'>): BackendRegistration {
  const backend = registered.find((b) => b.kind === spec.kind);
  if (!backend) throw new JpevalError(`no backend registered for model specs of kind "${spec.kind}"`, { hint: `registered: ${registered.map((b) => b.kind).join(', ')}` });
  return backend;
}

export function registeredBackends(): readonly BackendRegistration[] {
  return registered;
}

setAcceptedForms(() => registered.flatMap((b) => b.forms));
