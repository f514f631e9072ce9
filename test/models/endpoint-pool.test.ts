import { afterEach, describe, expect, it } from 'vitest';
import { EndpointPool } from '../../src/models/remote/endpoint-pool.js';
import { planEndpoints } from '../../src/models/remote/endpoint-plan.js';
import { RetryableError } from '../../src/models/remote/retry.js';
import { parseModelSpec, type RemoteModelSpec } from '../../src/models/spec.js';
import { ModelError } from '../../src/util/errors.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const refused = () => new RetryableError('connection error (ECONNREFUSED)', new ModelError('m', 'cannot reach'), undefined, 'connection');
let pools: EndpointPool<string>[] = [];
afterEach(() => {
  pools.forEach((p) => p.release());
  pools = [];
});
function pool(concurrencies: number[], timing = { baseCooldownMs: 50, maxCooldownMs: 200 }) {
  const p = new EndpointPool(concurrencies.map((c, i) => ({ url: `http://127.0.0.1:${9000 + i}/v1`, keySource: `$K${i}`, concurrency: c, client: `c${i}` })), timing);
  pools.push(p);
  return p;
}

describe('EndpointPool', () => {
  it('sends each request to the least-loaded endpoint, within each endpoint concurrency', async () => {
    const p = pool([2, 1]);
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 12 }, () =>
        p.run(async (e) => {
          active.set(e.client, (active.get(e.client) ?? 0) + 1);
          peak.set(e.client, Math.max(peak.get(e.client) ?? 0, active.get(e.client)!));
          await sleep(10);
          active.set(e.client, active.get(e.client)! - 1);
        }),
      ),
    );
    expect(peak.get('c0')).toBe(2);
    expect(peak.get('c1')).toBe(1);
    const [a, b] = p.usage();
    expect(a!.requests + b!.requests).toBe(12);
    expect(a!.requests).toBeGreaterThan(b!.requests);
  });

  it('moves a request off a failing endpoint at once, and tries the endpoint again after its cool-down', async () => {
    const p = pool([1, 1]);
    let down = true;
    const served: string[] = [];
    for (let i = 0; i < 6; i++) {
      await p.run(async (e) => {
        if (e.client === 'c1' && down) throw refused();
        served.push(e.client);
      });
    }
    expect(served).toEqual(['c0', 'c0', 'c0', 'c0', 'c0', 'c0']);
    expect(p.usage()[1]!.failures).toBe(1); // taken out after one failure, not tried per request
    down = false;
    await sleep(60);
    await Promise.all([0, 1].map(() => p.run(async (e) => { served.push(e.client); await sleep(5); })));
    expect(served.slice(6).sort()).toEqual(['c0', 'c1']);
  });

  it('when every endpoint is out, the failure goes to the caller, and requests wait for the first one back', async () => {
    const p = pool([1, 1]);
    await expect(p.run(async () => Promise.reject(refused()))).rejects.toBeInstanceOf(RetryableError);
    const started = Date.now();
    const who = await p.run(async (e) => e.client);
    expect(['c0', 'c1']).toContain(who);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
  });

  it('does not take an endpoint out for a request-specific error', async () => {
    const p = pool([1, 1]);
    await expect(p.run(async () => Promise.reject(new ModelError('m', 'HTTP 400')))).rejects.toThrow('HTTP 400');
    expect(p.usage().map((u) => u.failures)).toEqual([0, 0]);
  });
});

describe('planEndpoints', () => {
  const spec = parseModelSpec('http://127.0.0.1:1/v1,http://127.0.0.1:2/v1/#m') as RemoteModelSpec;
  it('reads several base URLs from the spec, and shares the model concurrency among them', () => {
    expect(spec.id).toBe('http://127.0.0.1:1/v1,http://127.0.0.1:2/v1#m');
    expect(planEndpoints(spec, { concurrency: 8 })).toEqual([
      { url: 'http://127.0.0.1:1/v1', concurrency: 4, apiKeyEnv: undefined },
      { url: 'http://127.0.0.1:2/v1', concurrency: 4, apiKeyEnv: undefined },
    ]);
  });
  it('crosses endpoints with a pool of keys; per-endpoint settings win', () => {
    const planned = planEndpoints(spec, { concurrency: 4, endpoints: [{ url: 'http://h/v1', concurrency: 3 }, { url: 'http://g' }], apiKeyEnvs: ['KA', 'KB'] });
    expect(planned).toEqual([
      { url: 'http://h/v1', concurrency: 3, apiKeyEnv: 'KA' },
      { url: 'http://h/v1', concurrency: 3, apiKeyEnv: 'KB' },
      { url: 'http://g/v1', concurrency: 1, apiKeyEnv: 'KA' },
      { url: 'http://g/v1', concurrency: 1, apiKeyEnv: 'KB' },
    ]);
  });
});
