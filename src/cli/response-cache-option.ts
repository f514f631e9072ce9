import type { ModelBackend } from '../models/types.js';

/**
 * The run command's response cache: on by default for local models (re-running a suite on the
 * same weights is then free), off by default for remote ones (a server may be updated behind the
 * same URL and model name); `--cache` / `--no-cache` decide for every model. The cache modules are
 * imported only when a cache is used.
 */
export interface CacheChoice {
  wrap(local: boolean, open: () => Promise<ModelBackend>): Promise<ModelBackend>;
}

export function responseCacheFor(flags: { cache?: boolean; cacheDir?: string; cacheMaxMb?: number }): CacheChoice {
  let opened: Promise<import('../cache/response-cache.js').ResponseCache> | undefined;
  const cache = async () => {
    const { ResponseCache, defaultResponseCacheDir, DEFAULT_CACHE_MAX_BYTES } = await import('../cache/response-cache.js');
    opened ??= ResponseCache.open(flags.cacheDir ?? defaultResponseCacheDir(), flags.cacheMaxMb !== undefined ? flags.cacheMaxMb * 1024 * 1024 : DEFAULT_CACHE_MAX_BYTES);
    return opened;
  };
  return {
    async wrap(local, open) {
      const backend = await open();
      if (!(flags.cache ?? local)) return backend;
      const { withResponseCache } = await import('../cache/cached-backend.js');
      return withResponseCache(backend, await cache());
    },
  };
}
