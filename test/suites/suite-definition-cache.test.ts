import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSuiteNames, findSuiteFiles, loadAllSuites, loadSuiteFile } from '../../src/suites/load-suite.js';
import { builtinSuitesDir } from '../../src/util/paths.js';
import { derivedCacheFiles, useFreshCacheDir } from '../helpers/derived-cache-env.js';

useFreshCacheDir('jpeval-defcache-');

const entries = (): string[] => derivedCacheFiles('suite-definitions');

const SUITE = (name: string, extra = '') => `include: _shared/base.yaml
name: ${name}
version: 1
title: Cache test
source: { kind: builtin }
category: QA
task: short_answer
dataset: { loader: jsonl, splits: { test: x.jsonl }, split: test, fields: { id: id, gold: a } }
prompt: { template: "{{q}}" }
metrics: [exact_match]
${extra}`;

function fixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jpeval-defcache-suites-'));
  mkdirSync(path.join(dir, '_shared'));
  writeFileSync(path.join(dir, '_shared/base.yaml'), 'generation: { max_tokens: 16 }\n');
  writeFileSync(path.join(dir, 'a.yaml'), SUITE('cache-a'));
  return dir;
}

describe('cached suite definitions', () => {
  it('every built-in suite comes back from the cache exactly as validated', async () => {
    const cold = await loadAllSuites();
    expect(entries().length).toBe((await findSuiteFiles(builtinSuitesDir)).length); // all were storable
    const warm = await loadAllSuites();
    expect(warm).toEqual(cold);
    expect(warm.map((s) => s.name)).toEqual(cold.map((s) => s.name));
  });

  it('a change to the suite file or to an included file is read, never the cached definition', async () => {
    const dir = fixture();
    const file = path.join(dir, 'a.yaml');
    const first = await loadSuiteFile(file);
    expect(first.generation.max_tokens).toBe(16);
    expect(entries()).toHaveLength(1);
    expect(await loadSuiteFile(file)).toEqual(first);

    writeFileSync(path.join(dir, '_shared/base.yaml'), 'generation: { max_tokens: 32 }\n');
    const included = await loadSuiteFile(file);
    expect(included.generation.max_tokens).toBe(32);
    expect(included.sha256).not.toBe(first.sha256);

    writeFileSync(file, SUITE('cache-a', 'tags: [new]\n'));
    const edited = await loadSuiteFile(file);
    expect(edited.tags).toEqual(['new']);
    expect(edited.sha256).not.toBe(included.sha256);

    rmSync(path.join(dir, '_shared/base.yaml'));
    await expect(loadSuiteFile(file)).rejects.toThrow(/include: _shared\/base\.yaml not found/);
  });

  it('an invalid file is reported every time (not cached); a corrupt entry is ignored', async () => {
    const dir = fixture();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, SUITE('cache-a', 'version: 0\n').replace('version: 1\n', ''));
    await expect(loadSuiteFile(file)).rejects.toThrow(/version/);
    await expect(loadSuiteFile(file)).rejects.toThrow(/version/);
    expect(entries()).toEqual([]);

    writeFileSync(file, SUITE('cache-a'));
    const good = await loadSuiteFile(file);
    for (const entry of entries()) writeFileSync(entry, '{"key": "garbage"');
    expect(await loadSuiteFile(file)).toEqual(good);
  });
});

describe('suite order', () => {
  it('is the order localeCompare gives in English, for every character a suite name may hold', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_.-';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const name = () => Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => alphabet[Math.floor(next() * (i === 0 ? 36 : alphabet.length))]).join('');
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [name(), name()];
      expect(Math.sign(compareSuiteNames(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b, 'en')));
    }
    expect(['ja_b', 'ja-b', 'ja.b', 'ja1', 'jab', 'ja'].sort(compareSuiteNames)).toEqual(['ja', 'ja_b', 'ja-b', 'ja.b', 'ja1', 'jab']);
  });
});
