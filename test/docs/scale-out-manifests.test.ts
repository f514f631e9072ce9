import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { shardFromEnv } from '../../src/runner/shard.js';
import { projectRoot } from '../helpers/run-cli.js';

/** The shipped Kubernetes and CI examples must drive jpeval the way the harness reads them. */
type Container = { command?: string[]; args?: string[]; env?: { name: string; value?: string; valueFrom?: unknown }[]; volumeMounts?: { name: string; mountPath: string }[] };
type Job = {
  kind: string;
  metadata: { name: string };
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: Container[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] } } };
};

const docs = parseAllDocuments(readFileSync(path.join(projectRoot, 'docs/k8s/jpeval-indexed-job.yaml'), 'utf8')).map((d) => d.toJS() as Job);
const words = (c: Container) => [...(c.command ?? []), ...(c.args ?? [])];
const envOf = (c: Container, name: string) => c.env?.find((e) => e.name === name);
const flag = (argv: string[], name: string) => argv[argv.indexOf(name) + 1];

describe('docs/k8s/jpeval-indexed-job.yaml', () => {
  const shardJob = docs.find((d) => d.spec.completionMode === 'Indexed')!;
  const mergeJob = docs.find((d) => d !== shardJob)!;
  const shard = shardJob.spec.template.spec.containers[0]!;
  const merge = mergeJob.spec.template.spec.containers[0]!;

  it('is an Indexed Job whose completions count reaches each pod as JPEVAL_SHARD_COUNT', () => {
    expect(shardJob.kind).toBe('Job');
    const count = Number(envOf(shard, 'JPEVAL_SHARD_COUNT')?.value);
    expect(count).toBe(shardJob.spec.completions);
    expect(shardJob.spec.parallelism).toBeLessThanOrEqual(count);
    // What the harness makes of a pod's environment: its shard of the whole.
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: String(count - 1), JPEVAL_SHARD_COUNT: envOf(shard, 'JPEVAL_SHARD_COUNT')!.value })).toEqual({ index: count - 1, count });
    expect(Number(envOf(merge, 'JPEVAL_SHARD_COUNT')?.value)).toBe(count);
  });

  it('runs `jpeval run` into a shared volume with a per-index run id, and merges from the same volume', () => {
    const argv = words(shard);
    expect(argv.slice(0, 3)).toEqual(['npx', 'jpeval', 'run']);
    expect(flag(argv, '--run-id')).toContain('$(JOB_COMPLETION_INDEX)');
    const out = flag(argv, '--out')!;
    const mount = shard.volumeMounts!.find((m) => out.startsWith(`${m.mountPath}/`))!;
    expect(mount).toBeDefined();
    const claim = shardJob.spec.template.spec.volumes.find((v) => v.name === mount.name)!.persistentVolumeClaim?.claimName;
    expect(claim).toBeDefined();
    const script = words(merge).join(' ');
    expect(script).toContain(`jpeval merge ${out}/*`);
    expect(script).toMatch(/--out \/\S+/);
    const mergeMount = merge.volumeMounts!.find((m) => out.startsWith(`${m.mountPath}/`))!;
    expect(mergeJob.spec.template.spec.volumes.find((v) => v.name === mergeMount.name)!.persistentVolumeClaim?.claimName).toBe(claim);
  });

  it('takes the API key from a Secret, never a literal', () => {
    const key = envOf(shard, 'JPEVAL_API_KEY')!;
    expect(key.value).toBeUndefined();
    expect(key.valueFrom).toHaveProperty('secretKeyRef');
  });
});

describe('docs/ci/github-actions-matrix.yml', () => {
  const wf = parse(readFileSync(path.join(projectRoot, 'docs/ci/github-actions-matrix.yml'), 'utf8')) as {
    jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; env?: Record<string, unknown>; steps: { run?: string }[] }>;
  };
  it('runs one shard per matrix entry and merges them after', () => {
    const shards = wf.jobs.shard!.strategy!.matrix.shard;
    expect(shards).toEqual([...shards.keys()]);
    expect(Number(wf.jobs.shard!.env!.JPEVAL_SHARD_COUNT)).toBe(shards.length);
    const run = wf.jobs.shard!.steps.find((s) => s.run?.includes('jpeval run'))!.run!;
    expect(run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(wf.jobs.merge!.needs).toBe('shard');
    expect(wf.jobs.merge!.steps.some((s) => /jpeval merge \S+ --out \S+/.test(s.run ?? ''))).toBe(true);
  });
});
