import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * `jpeval list` answers from caches (suite definitions, item counts, metric names): its output
 * must be the same cold and warm, and a changed suite or data file must show in the next list.
 */
const SUITE = (metric: string) => `name: zz-list-cache
version: 1
title: List cache test
source: { kind: upstream, benchmark: ListBench }
category: QA
task: short_answer
dataset: { loader: jsonl, splits: { test: listbench/items.jsonl }, split: test, fields: { id: id, gold: a } }
prompt: { template: "{{q}}" }
metrics: [${metric}]
`;

const line = (id: number) => `${JSON.stringify({ id: String(id), q: 'q', a: 'a' })}\n`;

interface Listing {
  name: string;
  metrics: string[];
  items: number | null;
}

describe('jpeval list from its caches', () => {
  it('prints the same cold and warm, and shows an edited suite file or data file at once', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'jpeval-list-cache-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'jpeval-list-suites-'));
    const suites = path.join(dir, 'suites');
    const data = path.join(dir, 'data', 'listbench');
    mkdirSync(suites);
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(suites, 'zz.yaml'), SUITE('exact_match'));
    writeFileSync(path.join(data, 'items.jsonl'), line(1) + line(2));
    const env = { JPEVAL_CACHE_DIR: cache, JPEVAL_DATA_DIR: undefined };
    const args = ['list', '--suites-dir', suites, '--data-dir', path.join(dir, 'data')];

    const cold = await runCli(args, { env });
    const coldJson = await runCli([...args, '--json'], { env });
    const warm = await runCli(args, { env });
    expect(cold.code).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect((await runCli([...args, '--json'], { env })).stdout).toBe(coldJson.stdout);
    const mine = () => (JSON.parse(coldJson.stdout) as Listing[]).find((s) => s.name === 'zz-list-cache')!;
    expect(mine()).toMatchObject({ metrics: ['exact_match'], items: 2 });

    writeFileSync(path.join(suites, 'zz.yaml'), SUITE('char_f1'));
    appendFileSync(path.join(data, 'items.jsonl'), line(3));
    const edited = (JSON.parse((await runCli([...args, '--json'], { env })).stdout) as Listing[]).find((s) => s.name === 'zz-list-cache')!;
    expect(edited).toMatchObject({ metrics: ['char_f1'], items: 3 });
  });

  it("lists a plugin's metric only while the plugin is loaded", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'jpeval-list-cache-'));
    const plugin = path.join(mkdtempSync(path.join(tmpdir(), 'jpeval-list-plugin-')), 'metric.mjs');
    writeFileSync(plugin, "export function register({ metrics }) { metrics.register('zz_plugin_metric', { name: 'zz_plugin_metric' }); }\n");
    const env = { JPEVAL_CACHE_DIR: cache, JPEVAL_DATA_DIR: undefined };
    const plain = await runCli(['list'], { env });
    const withPlugin = await runCli(['list'], { env: { ...env, JPEVAL_PLUGINS: plugin } });
    const after = await runCli(['list'], { env });
    expect(withPlugin.code).toBe(0);
    expect(plain.stdout).not.toMatch(/zz_plugin_metric/);
    expect(withPlugin.stdout).toMatch(/metrics: .*youden_j, zz_plugin_metric/);
    expect(after.stdout).toBe(plain.stdout);
  });
});
