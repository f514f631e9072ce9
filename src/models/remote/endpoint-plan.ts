import type { RemoteModelSpec } from '../spec.js';
import { normaliseBaseUrl } from '../spec.js';

/**
 * Which endpoints (base URL × API key) a remote model is served from, and each one's concurrency.
 * Sources, most specific first: the config entry's `endpoints:` list, else the spec's base URLs
 * (`http://a/v1,http://b/v1#model`); each crossed with the config's `api_key_envs:` when given.
 * Endpoints without their own concurrency share the model's evenly, so `--concurrency` stays the
 * model's total requests in flight.
 */

export interface EndpointOption {
  url: string;
  concurrency?: number;
  /** Name of the env variable holding this endpoint's key. */
  apiKeyEnv?: string;
}

export interface PlannedEndpoint {
  url: string;
  concurrency: number;
  apiKeyEnv: string | undefined;
}

export function planEndpoints(
  spec: RemoteModelSpec,
  options: { concurrency: number; endpoints?: EndpointOption[]; apiKeyEnv?: string; apiKeyEnvs?: string[] },
): PlannedEndpoint[] {
  const base: EndpointOption[] = options.endpoints?.length
    ? options.endpoints.map((e) => ({ ...e, url: normaliseBaseUrl(spec.raw, e.url) }))
    : (spec.endpoints ?? [spec.baseUrl]).map((url) => ({ url }));
  const keys = options.apiKeyEnvs?.length ? options.apiKeyEnvs : [options.apiKeyEnv];
  const crossed = base.flatMap((e) => keys.map((k) => ({ url: e.url, concurrency: e.concurrency, apiKeyEnv: e.apiKeyEnv ?? k })));
  const unset = crossed.filter((e) => e.concurrency === undefined).length;
  const fixed = crossed.reduce((s, e) => s + (e.concurrency ?? 0), 0);
  const share = unset > 0 ? Math.max(1, Math.ceil(Math.max(options.concurrency - fixed, unset) / unset)) : 0;
  return crossed.map((e) => ({ url: e.url, concurrency: e.concurrency ?? share, apiKeyEnv: e.apiKeyEnv }));
}

/** Requests a model's endpoints can have in flight together (the runner's concurrency for it). */
export function totalConcurrency(planned: PlannedEndpoint[]): number {
  return planned.reduce((s, e) => s + e.concurrency, 0);
}
