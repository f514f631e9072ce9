import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecord, readSamples } from '../../src/results/read.js';
import type { SampleRecord } from '../../src/results/types.js';
import { projectRoot } from '../../src/util/paths.js';

const V1 = path.join(projectRoot, 'test/fixtures/runs/v1-counters');

async function all(dir: string, torn: unknown[] = []): Promise<SampleRecord[]> {
  const out: SampleRecord[] = [];
  for await (const s of readSamples(dir, { onTornLine: (info) => torn.push(info) })) out.push(s);
  return out;
}

describe('results reader', () => {
  it('reads a version 1 run.json as version 2: snake_case model fields and settings, judge → roles', async () => {
    const run = await readRunRecord(V1);
    expect(run.schema_version).toBe(2);
    expect(run.models[0]).toEqual({
      id: 'http://127.0.0.1:9/v1#fixture-model',
      backend: 'openai-compatible',
      model: 'fixture-model',
      base_url: 'http://127.0.0.1:9/v1',
      settings: { stream: false, stream_usage: false, max_tokens_param: 'max_tokens', batch_size: 1, concurrency: 2, mc_mode: 'suite' },
    });
    expect(run.results[0]!.metrics.accuracy!.value).toBe(0.5);
  });

  it('streams version 1 samples as version 2: timing and usage snake_case, the judge verdict under score.details', async () => {
    const samples = await all(V1);
    expect(samples.map((s) => s.item_id)).toEqual(['counter-001', 'counter-002']);
    expect(samples[1]!.timing).toEqual([{ started_at: 1764547200100, first_token_at: 1764547200220, ended_at: 1764547200400, latency_ms: 300, ttft_ms: 120, attempts: 2 }]);
    expect(samples[1]!.usage).toEqual({ prompt_tokens: 90, completion_tokens: 1 });
    expect(samples[1]!.score.details).toEqual({ judge: { model: 'http://127.0.0.1:9/v1#judge', template: 'single-v1', rating: 3, output: '[[3]]', latency_ms: 50 } });
    expect(samples[0]!.score.details).toBeUndefined();
    expect(samples[0]!.schema_version).toBe(2);
  });

  it('names file:line of a malformed line; a torn last line is reported and skipped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-read-'));
    const lines = (await readFile(path.join(V1, 'samples.jsonl'), 'utf8')).trim().split('\n');
    await writeFile(path.join(dir, 'samples.jsonl'), `${lines[0]}\n${lines[1]!.slice(0, 80)}`);
    const torn: { line: number }[] = [];
    expect((await all(dir, torn)).length).toBe(1);
    expect(torn).toMatchObject([{ line: 2 }]);

    await writeFile(path.join(dir, 'samples.jsonl'), `${lines[0]}\n{"schema_version":1,\n${lines[1]}\n`);
    await expect(all(dir)).rejects.toThrow(/samples\.jsonl:2: not valid JSON/);

    const bad = JSON.parse(lines[0]!);
    delete bad.raw_output;
    await writeFile(path.join(dir, 'samples.jsonl'), `${lines[0]}\n${JSON.stringify(bad)}\n`);
    await expect(all(dir)).rejects.toThrow(/samples\.jsonl:2: not a valid sample record \(schema_version 1\): raw_output/);

    await writeFile(path.join(dir, 'samples.jsonl'), `${JSON.stringify({ ...JSON.parse(lines[0]!), schema_version: 3 })}\n`);
    await expect(all(dir)).rejects.toThrow(/samples\.jsonl:1: schema_version 3 was written by a newer jpeval/);
  });

  it('says what is wrong with a missing or broken run.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-read-'));
    await expect(readRunRecord(dir)).rejects.toThrow(/run\.json: no such file/);
    await writeFile(path.join(dir, 'run.json'), '{"schema_version": 2,');
    await expect(readRunRecord(dir)).rejects.toThrow(/run\.json: not valid JSON/);
    await expect(all(dir)).rejects.toThrow(/cannot read .*samples\.jsonl/);
  });
});
