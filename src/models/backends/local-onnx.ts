import { existsSync } from 'node:fs';
import path from 'node:path';
import { localSpec, specError, type LocalModelSpec } from '../spec-forms.js';
import type { BackendRegistration, CreateBackendOptions } from '../backend-registry.js';
import type { LocalOnnxOptions } from '../local-onnx.js';

const looksLikePath = (spec: string): boolean =>
  spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || spec.startsWith('.\\') || spec.startsWith('..\\') || path.isAbsolute(spec);

/** The options the local ONNX backend takes, from the common factory options. */
export function localOptions(options: CreateBackendOptions): LocalOnnxOptions {
  const { apiKeyEnv: _key, env: _env, retry: _retry, ...rest } = options;
  return rest;
}

/** A causal LM in the Hugging Face ONNX layout, run in-process: `local:<dir>`, `./dir`, `/abs/dir`. */
export const localOnnxBackend: BackendRegistration<LocalModelSpec> = {
  kind: 'local',
  forms: ['local:<dir> | ./dir | /abs/dir      a local ONNX model directory'],
  claims: (spec) => spec.startsWith('local:') || looksLikePath(spec),
  fallback: (spec, options) => existsSync(path.resolve(options.cwd ?? process.cwd(), spec)),
  parse(spec, raw, options) {
    const cwd = options.cwd ?? process.cwd();
    if (!spec.startsWith('local:')) return localSpec(raw, path.resolve(cwd, spec));
    const dir = spec.slice('local:'.length).trim();
    if (dir === '') throw specError(raw, 'missing directory after "local:"');
    return localSpec(raw, path.resolve(cwd, dir));
  },
  // One compute-bound session: requests are serialised; items are batched per forward pass.
  defaults: { concurrency: 1, batchSize: 8 },
  async create(spec, options) {
    const { createLocalOnnxBackend } = await import('../local-onnx.js');
    return createLocalOnnxBackend(spec.dir, { ...localOptions(options), id: spec.id });
  },
};
