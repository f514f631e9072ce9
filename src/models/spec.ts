import './backends/index.js';
import { registeredBackends } from './backend-registry.js';
import { specError, type ModelSpec, type ParseModelSpecOptions } from './spec-forms.js';

/**
 * Parsing of the `--model` string (and `models[].spec` in the config file) into a ModelSpec: the
 * first registered backend that claims it parses it (backend-registry.ts); when none claims it,
 * a backend's fallback may (an existing directory is a local model).
 *
 * The `id` of a spec is what results and caches are keyed on, so it must change whenever the
 * model or endpoint changes and must never contain a secret: API keys only ever come from the
 * environment, and URLs with embedded credentials are rejected.
 */
export type { ModelSpec, RemoteModelSpec, LocalModelSpec, DefaultModelSpec, ParseModelSpecOptions } from './spec-forms.js';
export { DEFAULT_OPENAI_BASE_URL, normaliseBaseUrl } from './spec-forms.js';

export function parseModelSpec(spec: string, options: ParseModelSpecOptions = {}): ModelSpec {
  const raw = spec;
  const trimmed = spec.trim();
  if (trimmed === '') throw specError(raw, 'it is empty');
  const backends = registeredBackends();
  const claimed = backends.find((b) => b.claims(trimmed)) ?? backends.find((b) => b.fallback?.(trimmed, options));
  if (claimed) return claimed.parse(trimmed, raw, options);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (scheme !== undefined) throw specError(raw, `unknown scheme "${scheme}:"`);
  throw specError(raw, 'not a known form, and no file or directory by that name exists');
}
