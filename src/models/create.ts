import './backends/index.js';
import { backendFor, type BackendDefaults, type CreateBackendOptions } from './backend-registry.js';
import type { ModelSpec } from './spec-forms.js';
import type { ModelBackend } from './types.js';

/** One entry point from a parsed spec to a backend: its registered factory (loaded lazily). */
export type { CreateBackendOptions } from './backend-registry.js';

export async function createBackend(spec: ModelSpec, options: CreateBackendOptions): Promise<ModelBackend> {
  return backendFor(spec).create(spec, options);
}

/** The run defaults (concurrency, batch size) of the backend a spec names. */
export function backendDefaults(spec: ModelSpec): BackendDefaults {
  return backendFor(spec).defaults;
}
