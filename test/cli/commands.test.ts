import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/run-cli.js';

const shared = process.env.JPEVAL_SHARED_DATASETS ?? path.resolve(projectRoot, '../shared/datasets');

describe('jpeval list / validate / misc', () => {
  it('list --json: every suite with name, source, task, metrics and items (null when data is absent)', async () => {
    const res = await runCli(['list', '--json'], { env: { JPEVAL_DATA_DIR: undefined } });
    expect(res.code).toBe(0);
    const suites = JSON.parse(res.stdout) as { name: string; source: string; task: string; metrics: string[]; items: number | null; data_present: boolean }[];
    const kanji = suites.find((s) => s.name === 'ja-kanji-reading')!;
    expect(kanji).toMatchObject({ source: 'builtin', task: 'short_answer', metrics: ['exact_match', 'char_f1'], items: 157, data_present: true });
    const jnli = suites.find((s) => s.name === 'jnli')!;
    expect(jnli).toMatchObject({ source: expect.stringContaining('JGLUE'), task: 'classification', items: null, data_present: false });
    expect(suites.filter((s) => s.source === 'builtin').length).toBeGreaterThanOrEqual(8);
  });

  it.skipIf(!existsSync(shared))('list --data-dir counts the items of present upstream data', async () => {
    const res = await runCli(['list', '--json', '--data-dir', shared]);
    const suites = JSON.parse(res.stdout) as { name: string; items: number | null }[];
    expect(suites.find((s) => s.name === 'jcommonsenseqa')!.items).toBe(1119);
  });

  it('list (table) shows metrics and how to see upstream data', async () => {
    const res = await runCli(['list'], { env: { JPEVAL_DATA_DIR: undefined } });
    expect(res.stdout).toMatch(/ja-particles\s+builtin\s+multiple_choice\s+LING\s+accuracy\s+112/);
    expect(res.stdout).toMatch(/metrics: .*char_f1.*token_f1/);
  });

  it('validate passes on the shipped suites and items', async () => {
    const res = await runCli(['validate']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^ok: \d+ suite files valid/m);
    expect(res.stdout).toMatch(/^  ja-keigo: \d+ items, chance 25\.0%; worst baseline/m);
  });

  it('validate reports every broken suite file, not just the first', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-validate-'));
    await writeFile(path.join(dir, 'a.yaml'), 'name: [unclosed\n');
    await writeFile(path.join(dir, 'b.yaml'), 'name: b\nversion: 1\n');
    const res = await runCli(['validate', '--suites-dir', dir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/a\.yaml: not valid YAML/);
    expect(res.stderr).toMatch(/b\.yaml: title: /);
    expect(res.stderr).toContain('2 problem(s) found');
  });

  it('--version, and an unknown command exits 2 with usage help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = await runCli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown command 'frobnicate'");
  });

  it('data pull with no network says what to fetch and where, and exits non-zero', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-pull-'));
    const res = await runCli(['data', 'pull', 'mgsm', '--data-dir', dataDir, '--base-url', 'http://127.0.0.1:9']);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('mgsm_ja.tsv');
    expect(res.stderr).toContain(dataDir);
  });

  it.skipIf(!existsSync(path.join(shared, 'jlm_fin_eval/cma_basics/data.json')))('data pull fetches from a mirror, verifies the checksum, and the suite then finds its data', async () => {
    const body = await readFile(path.join(shared, 'jlm_fin_eval/cma_basics/data.json'));
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('/jlm_fin_eval/datasets/cma_basics/data.json')) res.end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-pull-'));
      const res = await runCli(['data', 'pull', 'cma-basics', '--data-dir', dataDir, '--base-url', `http://127.0.0.1:${port}`]);
      expect(res.stderr).not.toContain('internal error');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/1 file\(s\) in place/);
      const list = await runCli(['list', '--json', '--data-dir', dataDir]);
      expect((JSON.parse(list.stdout) as { name: string; items: number | null }[]).find((s) => s.name === 'cma-basics')!.items).toBe(38);
    } finally {
      server.close();
    }
  });
});
