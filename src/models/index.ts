/** The public face of model loading: parse a spec, create a backend. */
export type * from './types.js';
export {
  parseModelSpec,
  normaliseBaseUrl,
  DEFAULT_OPENAI_BASE_URL,
  type ModelSpec,
  type RemoteModelSpec,
  type LocalModelSpec,
  type DefaultModelSpec,
  type ParseModelSpecOptions,
} from './spec.js';
export { createBackend, backendDefaults, type CreateBackendOptions } from './create.js';
export { registerBackend, registeredBackends, type BackendRegistration, type BackendDefaults } from './backend-registry.js';
export { createOpenAICompatibleBackend, type OpenAICompatibleOptions } from './openai-compatible.js';
export type { RetryInfo } from './remote/retry.js';
