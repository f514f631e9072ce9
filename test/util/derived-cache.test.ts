import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFingerprint, fingerprintOf } from '../../src/util/build-fingerprint.js';
import { derivedCacheDir, readDerived, writeDerived } from '../../src/util/derived-cache.js';
import { derivedCacheFiles, useFreshCacheDir } from '../helpers/derived-cache-env.js';

useFreshCacheDir('jpeval-derived-');

const entryFiles = derivedCacheFiles;

describe('derived cache', () => {
  it('gives back what was stored under the same key material, and nothing under other material', () => {
    expect(readDerived('t', 'a')).toBeUndefined();
    writeDerived('t', 'a', { n: 1, list: ['x'] });
    expect(readDerived('t', 'a')).toEqual({ n: 1, list: ['x'] });
    expect(readDerived('t', 'b')).toBeUndefined();
    expect(readDerived('other', 'a')).toBeUndefined();
    // entries live in a folder of the running build
    expect(path.basename(path.dirname(entryFiles('t')[0]!))).toBe(buildFingerprint().slice(0, 16));
  });

  it('ignores a corrupt entry (garbage, an edited value, a torn write) and overwrites it', () => {
    writeDerived('t', 'k', { items: 5 });
    const [file] = entryFiles('t');
    const good = readFileSync(file!, 'utf8');
    writeFileSync(file!, 'not json {');
    expect(readDerived('t', 'k')).toBeUndefined();
    writeFileSync(file!, good.replace('5', '6')); // value edited, checksum not
    expect(readDerived('t', 'k')).toBeUndefined();
    writeFileSync(file!, good.slice(0, good.length / 2));
    expect(readDerived('t', 'k')).toBeUndefined();
    writeFileSync(file!, JSON.stringify({ key: 'x' }));
    expect(readDerived('t', 'k')).toBeUndefined();
    writeDerived('t', 'k', { items: 7 });
    expect(readDerived('t', 'k')).toEqual({ items: 7 });
  });

  it("a build's first write removes the folders of all but the most recent other builds", () => {
    const kindDir = derivedCacheDir('t');
    for (let i = 0; i < 10; i++) {
      const dir = path.join(kindDir, `${i}`.repeat(16));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'x.json'), '{}');
      utimesSync(dir, 1000 + i, 1000 + i);
    }
    mkdirSync(path.join(kindDir, 'not-a-build'));
    writeDerived('t', 'k', 1);
    const left = readdirSync(kindDir).sort();
    const newest = ['3', '4', '5', '6', '7', '8', '9'].map((d) => d.repeat(16)); // 7 others + this build = 8 kept
    expect(left).toEqual([...newest, buildFingerprint().slice(0, 16), 'not-a-build'].sort());
    expect(readDerived('t', 'k')).toBe(1);
  });

  it('a cache directory that cannot be written is not used, and nothing throws', () => {
    const file = path.join(process.env.JPEVAL_CACHE_DIR!, 'a-file');
    writeFileSync(file, '');
    process.env.JPEVAL_CACHE_DIR = file; // a file, so no folder can be made below it
    expect(() => writeDerived('t', 'k', 1)).not.toThrow();
    expect(readDerived('t', 'k')).toBeUndefined();
  });
});

describe('build fingerprint', () => {
  it('changes when a module is rewritten, added or removed, and not otherwise', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'jpeval-fp-'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.0.0', dependencies: { zod: '*' } }));
    const code = path.join(root, 'dist');
    mkdirSync(path.join(code, 'sub'), { recursive: true });
    writeFileSync(path.join(code, 'a.js'), 'export const a = 1;');
    writeFileSync(path.join(code, 'sub', 'b.js'), 'export const b = 1;');
    const first = fingerprintOf(root, code);
    expect(fingerprintOf(root, code)).toBe(first);
    writeFileSync(path.join(code, 'sub', 'b.d.ts'), 'export declare const b: number;'); // not code
    expect(fingerprintOf(root, code)).toBe(first);
    utimesSync(path.join(code, 'sub', 'b.js'), 2000, 2000); // rewritten by tsc (same size)
    const touched = fingerprintOf(root, code);
    expect(touched).not.toBe(first);
    writeFileSync(path.join(code, 'c.js'), '');
    expect(fingerprintOf(root, code)).not.toBe(touched);
    mkdirSync(path.join(root, 'node_modules', 'zod'), { recursive: true });
    const withoutDep = fingerprintOf(root, code);
    writeFileSync(path.join(root, 'node_modules', 'zod', 'package.json'), '{"version":"4.0.0"}'); // a dependency installed
    expect(fingerprintOf(root, code)).not.toBe(withoutDep);
  });
});
