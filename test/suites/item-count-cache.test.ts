import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearResolveCache } from '../../src/datasets/resolve.js';
import { listedItemCount } from '../../src/suites/item-count-cache.js';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { sha256 } from '../../src/util/hash.js';
import { derivedCacheFiles, useFreshCacheDir } from '../helpers/derived-cache-env.js';

useFreshCacheDir('jpeval-countcache-');

const entries = (): string[] => derivedCacheFiles('item-counts');

const line = (id: number) => `${JSON.stringify({ id: String(id), q: `q${id}`, a: `a${id}` })}\n`;

async function fixture() {
  const dir = mkdtempSync(path.join(tmpdir(), 'jpeval-countcache-fx-'));
  const suiteFile = path.join(dir, 'count-test.yaml');
  writeFileSync(
    suiteFile,
    `name: count-test
version: 1
title: Count test
source: { kind: upstream, benchmark: CountBench }
category: QA
task: short_answer
dataset: { loader: jsonl, splits: { test: countbench/items.jsonl }, split: test, fields: { id: id, gold: a } }
prompt: { template: "{{q}}" }
metrics: [exact_match]
`,
  );
  const data = path.join(dir, 'data');
  mkdirSync(path.join(data, 'countbench'), { recursive: true });
  const file = path.join(data, 'countbench', 'items.jsonl');
  writeFileSync(file, line(1) + line(2) + line(3));
  return { suite: await loadSuiteFile(suiteFile), data, file };
}

/** A count as a fresh `jpeval list` process sees it (the directory walk is per process). */
async function count(suite: Awaited<ReturnType<typeof fixture>>['suite'], data: string | undefined) {
  clearResolveCache();
  return listedItemCount(suite, data);
}

describe("jpeval list's cached item counts", () => {
  it('are what answers the next list, keyed on the data files', async () => {
    const { suite, data } = await fixture();
    expect(await count(suite, data)).toBe(3);
    const [entry] = entries();
    expect(entries()).toHaveLength(1);
    // Rewrite the stored count consistently (a valid entry): the next count comes from it.
    const stored = JSON.parse(readFileSync(entry!, 'utf8')) as { key: string; check: string; json: string };
    const json = JSON.stringify({ items: 99 });
    writeFileSync(entry!, JSON.stringify({ key: stored.key, check: sha256(`${stored.key}\n${json}`), json }));
    expect(await count(suite, data)).toBe(99);
  });

  it('a changed, replaced, removed or doubled data file shows in the next count', async () => {
    const { suite, data, file } = await fixture();
    expect(await count(suite, data)).toBe(3);
    appendFileSync(file, line(4));
    expect(await count(suite, data)).toBe(4);

    // Same size and the old mtime put back: the inode's ctime still says it changed. A duplicate
    // id is a DataError, so the suite shows as absent.
    const { mtime } = statSync(file);
    writeFileSync(file, line(1) + line(2) + line(3) + line(4).replace('"4"', '"3"').replace('q4', 'q3'));
    utimesSync(file, mtime, mtime);
    expect(statSync(file).size).toBe(line(1).length * 4);
    expect(await count(suite, data)).toBeNull();

    writeFileSync(file, line(1) + line(2));
    expect(await count(suite, data)).toBe(2);
    mkdirSync(path.join(data, 'copy', 'countbench'), { recursive: true });
    writeFileSync(path.join(data, 'copy', 'countbench', 'items.jsonl'), line(1));
    expect(await count(suite, data)).toBeNull(); // two copies: ambiguous
    rmSync(path.join(data, 'copy'), { recursive: true });
    expect(await count(suite, data)).toBe(2);
    rmSync(file);
    expect(await count(suite, data)).toBeNull();
    expect(await count(suite, undefined)).toBeNull(); // no data directory
  });

  it('a corrupt entry is ignored and replaced', async () => {
    const { suite, data } = await fixture();
    expect(await count(suite, data)).toBe(3);
    for (const entry of entries()) writeFileSync(entry, '{"key":');
    expect(await count(suite, data)).toBe(3);
    expect(JSON.parse(JSON.parse(readFileSync(entries()[0]!, 'utf8')).json)).toEqual({ items: 3 });
  });

  it('a different suite definition over the same files is counted again', async () => {
    const { suite, data } = await fixture();
    expect(await count(suite, data)).toBe(3);
    const filtered = { ...suite, sha256: 'other', dataset: { ...suite.dataset, where: { id: ['1', '2'] } } };
    expect(await count(filtered, data)).toBe(2);
  });
});
