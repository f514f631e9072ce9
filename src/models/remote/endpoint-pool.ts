import { type EndpointLimit, acquireEndpointLimit } from './endpoint-limits.js';
import { RetryableError } from './retry.js';

/**
 * Several endpoints serving one model (vLLM replicas behind no load balancer, Ray Serve
 * deployments, one API with a pool of keys): each request goes to the least-loaded healthy
 * endpoint that has a free slot. An endpoint whose request fails in a way another endpoint
 * could avoid (connection refused or lost, timeout, 5xx, 429) is taken out for a cool-down that
 * doubles with each consecutive failure (1 s, 2 s, … 30 s) and the request moves at once to
 * another healthy endpoint; after the cool-down the endpoint gets requests again (and goes
 * straight back out if it still fails). When every endpoint is out, requests wait for the first
 * one to come back, and the failure goes to the caller's retry policy. A pool of one endpoint
 * behaves exactly like a plain endpoint.
 */

export interface PoolEndpointConfig<C> {
  url: string;
  /** Where this endpoint's API key came from (e.g. `$KEY_A`): recorded, never the key. */
  keySource: string;
  concurrency: number;
  /** The client (HTTP SDK instance) that talks to this endpoint with its key. */
  client: C;
}

export interface PoolEndpoint<C> extends PoolEndpointConfig<C> {
  readonly index: number;
  active: number;
  requests: number;
  failures: number;
  consecutiveFailures: number;
  downUntil: number;
  limit: EndpointLimit;
}

export interface EndpointUsage {
  url: string;
  key_source: string;
  concurrency: number;
  requests: number;
  failures: number;
}

export interface PoolTiming {
  baseCooldownMs: number;
  maxCooldownMs: number;
}

export const DEFAULT_POOL_TIMING: PoolTiming = { baseCooldownMs: 1_000, maxCooldownMs: 30_000 };

/** Failures that say "this endpoint, now" rather than "this request": worth another endpoint. */
export function isEndpointFailure(err: unknown): boolean {
  return err instanceof RetryableError;
}

export class EndpointPool<C> {
  readonly endpoints: PoolEndpoint<C>[];
  private waiters: (() => void)[] = [];

  constructor(
    configs: PoolEndpointConfig<C>[],
    private readonly timing: PoolTiming = DEFAULT_POOL_TIMING,
    private readonly now: () => number = Date.now,
  ) {
    if (configs.length === 0) throw new Error('EndpointPool needs at least one endpoint');
    this.endpoints = configs.map((c, index) => ({
      ...c,
      index,
      active: 0,
      requests: 0,
      failures: 0,
      consecutiveFailures: 0,
      downUntil: 0,
      // Shared with every other backend using the same endpoint and key (see endpoint-limits.ts).
      limit: acquireEndpointLimit(`${c.url} ${c.keySource}`, c.concurrency),
    }));
  }

  get size(): number {
    return this.endpoints.length;
  }

  /** Total requests the pool can have in flight. */
  get concurrency(): number {
    return this.endpoints.reduce((s, e) => s + e.concurrency, 0);
  }

  usage(): EndpointUsage[] {
    return this.endpoints.map((e) => ({ url: e.url, key_source: e.keySource, concurrency: e.concurrency, requests: e.requests, failures: e.failures }));
  }

  /** Takes an endpoint out after a failure (exposed for start-up probes). */
  markDown(endpoint: PoolEndpoint<C>): void {
    endpoint.failures += 1;
    endpoint.consecutiveFailures += 1;
    const cooldown = Math.min(this.timing.maxCooldownMs, this.timing.baseCooldownMs * 2 ** (endpoint.consecutiveFailures - 1));
    endpoint.downUntil = this.now() + cooldown;
    this.wake();
  }

  /**
   * Runs one attempt of a request on the best endpoint; on an endpoint failure, moves it to
   * another healthy endpoint (each endpoint tried at most once per call) before giving up.
   */
  async run<T>(attempt: (endpoint: PoolEndpoint<C>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const tried = new Set<number>();
    for (;;) {
      const endpoint = await this.acquire(tried, signal);
      tried.add(endpoint.index);
      endpoint.requests += 1;
      try {
        const value = await endpoint.limit.run(() => attempt(endpoint));
        endpoint.consecutiveFailures = 0;
        return value;
      } catch (err) {
        if (!isEndpointFailure(err) || signal?.aborted) throw err;
        if (this.size > 1) this.markDown(endpoint);
        const another = this.endpoints.some((e) => !tried.has(e.index) && !this.isDown(e));
        if (!another) throw err;
      } finally {
        endpoint.active -= 1;
        this.wake();
      }
    }
  }

  private isDown(e: PoolEndpoint<C>): boolean {
    return e.downUntil > this.now();
  }

  /** The least-loaded healthy endpoint with a free slot (not one already tried for this request). */
  private pick(exclude: Set<number>): PoolEndpoint<C> | undefined {
    let best: PoolEndpoint<C> | undefined;
    for (const e of this.endpoints) {
      if (exclude.has(e.index) || this.isDown(e) || e.active >= e.concurrency) continue;
      if (best === undefined || e.active / e.concurrency < best.active / best.concurrency || (e.active / e.concurrency === best.active / best.concurrency && e.requests < best.requests)) {
        best = e;
      }
    }
    return best;
  }

  private async acquire(exclude: Set<number>, signal?: AbortSignal): Promise<PoolEndpoint<C>> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      // Endpoints already tried are used again only when nothing else is left.
      const endpoint = this.pick(exclude) ?? (this.endpoints.every((e) => exclude.has(e.index) || this.isDown(e)) ? this.pick(new Set()) : undefined);
      if (endpoint !== undefined) {
        endpoint.active += 1;
        return endpoint;
      }
      await this.waitForChange(signal);
    }
  }

  /** Resolves when a slot frees, an endpoint's cool-down ends, or the caller aborts. */
  private waitForChange(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const healthy = this.endpoints.some((e) => !this.isDown(e));
      const nextBack = Math.min(...this.endpoints.map((e) => e.downUntil));
      const timer = healthy ? undefined : setTimeout(done, Math.max(1, nextBack - this.now()));
      const onAbort = (): void => {
        cleanup();
        reject(signal?.reason);
      };
      function cleanup(): void {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      const self = this;
      function done(): void {
        cleanup();
        self.waiters = self.waiters.filter((w) => w !== done);
        resolve();
      }
      this.waiters.push(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  release(): void {
    for (const e of this.endpoints) e.limit.release();
  }
}
