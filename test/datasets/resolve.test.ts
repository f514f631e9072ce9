import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousDataError, clearResolveCache, isDistinctiveName, resolveDataFiles } from '../../src/datasets/resolve.js';

async function layout(files: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'jpeval-resolve-'));
  for (const rel of files) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), '{}\n');
  }
  clearResolveCache();
  return root;
}

describe('resolveDataFiles: by upstream path', () => {
  let root: string;
  beforeAll(async () => {
    root = await layout(['JGLUE/datasets/jnli-v1.1/valid-v1.1.json', 'JMMLU/a.csv', 'JMMLU/b.csv', 'other/notjsts-v1.1/valid-v1.1.json']);
  });

  it('finds a file by its upstream relative path anywhere below the root', async () => {
    expect(await resolveDataFiles(root, 'jnli-v1.1/valid-v1.1.json')).toEqual([path.join(root, 'JGLUE/datasets/jnli-v1.1/valid-v1.1.json')]);
  });
  it('does not match a directory whose name merely ends with the pattern, nor a generic file name in another folder', async () => {
    expect(await resolveDataFiles(root, 'jsts-v1.1/valid-v1.1.json')).toEqual([]);
  });
  it('returns every match of a glob, sorted', async () => {
    expect(await resolveDataFiles(root, 'JMMLU/*.csv')).toEqual([path.join(root, 'JMMLU/a.csv'), path.join(root, 'JMMLU/b.csv')]);
  });
  it('returns nothing for a missing file or a missing root', async () => {
    expect(await resolveDataFiles(root, 'jcommonsenseqa-v1.1/valid-v1.1.json')).toEqual([]);
    expect(await resolveDataFiles(path.join(root, 'nope'), 'x.json')).toEqual([]);
  });
});

describe('resolveDataFiles: two copies are an error listing both', () => {
  it('for an upstream path', async () => {
    const root = await layout(['JGLUE/datasets/jnli-v1.1/valid-v1.1.json', 'backup/jnli-v1.1/valid-v1.1.json']);
    const err = (await resolveDataFiles(root, 'jnli-v1.1/valid-v1.1.json').catch((e: unknown) => e)) as AmbiguousDataError;
    expect(err).toBeInstanceOf(AmbiguousDataError);
    expect(err.message).toContain(path.join(root, 'JGLUE/datasets/jnli-v1.1/valid-v1.1.json'));
    expect(err.message).toContain(path.join(root, 'backup/jnli-v1.1/valid-v1.1.json'));
    expect(err.hint).toMatch(/keep one copy/);
  });
  it('for a file found by its name', async () => {
    const root = await layout(['a/mgsm_ja.tsv', 'b/mgsm_ja.tsv']);
    const err = (await resolveDataFiles(root, 'mgsm/mgsm_ja.tsv').catch((e: unknown) => e)) as AmbiguousDataError;
    expect(err).toBeInstanceOf(AmbiguousDataError);
    expect(err.candidates).toEqual([path.join(root, 'a/mgsm_ja.tsv'), path.join(root, 'b/mgsm_ja.tsv')]);
  });
  it('for a glob found by file name in two folders', async () => {
    const root = await layout(['x/e00001_ann.json', 'y/e00002_ann.json']);
    await expect(resolveDataFiles(root, 'chABSA-dataset/e*_ann.json')).rejects.toThrow(/2 files match chABSA-dataset\/e\*_ann\.json/);
  });
});

describe('resolveDataFiles: by file name, wherever users keep the file', () => {
  it('mgsm_ja.tsv in a folder not named mgsm/', async () => {
    const root = await layout(['benchmarks/MGSM-ja/mgsm_ja.tsv']);
    expect(await resolveDataFiles(root, 'mgsm/mgsm_ja.tsv')).toEqual([path.join(root, 'benchmarks/MGSM-ja/mgsm_ja.tsv')]);
  });
  it('mgsm_ja.tsv directly in the data directory', async () => {
    const root = await layout(['mgsm_ja.tsv']);
    expect(await resolveDataFiles(root, 'mgsm/mgsm_ja.tsv')).toEqual([path.join(root, 'mgsm_ja.tsv')]);
  });
  it('chABSA e*_ann.json files in a folder not named chABSA-dataset/, other JSON ignored', async () => {
    const root = await layout(['absa/e00001_ann.json', 'absa/e00002_ann.json', 'absa/README.json']);
    expect(await resolveDataFiles(root, 'chABSA-dataset/e*_ann.json')).toEqual([path.join(root, 'absa/e00001_ann.json'), path.join(root, 'absa/e00002_ann.json')]);
  });
  it('the data directory is the clone itself, whatever the clone folder is called (JTruthfulQA)', async () => {
    const root = await layout(['data/JTruthfulQA.csv', 'README.md']);
    expect(await resolveDataFiles(root, 'JTruthfulQA/data/JTruthfulQA.csv')).toEqual([path.join(root, 'data/JTruthfulQA.csv')]);
  });
  it('a generic name inside the clone (JEMHopQA corpus/dev.json) is found when its folders agree with the pattern', async () => {
    const root = await layout(['corpus/dev.json', 'corpus/train.json']);
    expect(await resolveDataFiles(root, 'JEMHopQA/corpus/dev.json')).toEqual([path.join(root, 'corpus/dev.json')]);
  });
  it('a generic name is never taken from another benchmark’s folder (fp2/data.json is not cma_basics/data.json)', async () => {
    const root = await layout(['jlm_fin_eval/fp2/data.json', 'JEMHopQA-other/stuff/dev.json']);
    expect(await resolveDataFiles(root, 'cma_basics/data.json')).toEqual([]);
    expect(await resolveDataFiles(root, 'JEMHopQA/corpus/dev.json')).toEqual([]);
  });
  it('the best match wins: more matching folders beat a bare file-name match', async () => {
    const root = await layout(['JTruthfulQA/data/JTruthfulQA.csv', 'scratch/JTruthfulQA.csv']);
    expect(await resolveDataFiles(root, 'JTruthfulQA/data/JTruthfulQA.csv')).toEqual([path.join(root, 'JTruthfulQA/data/JTruthfulQA.csv')]);
  });
});

describe('isDistinctiveName', () => {
  it('tells benchmark-specific names from generic ones', () => {
    for (const name of ['mgsm_ja.tsv', 'JTruthfulQA.csv', 'e*_ann.json', 'validated_minimal_pairs.jsonl', 'janli.tsv']) expect(isDistinctiveName(name), name).toBe(true);
    for (const name of ['valid-*.json', 'train-*.json', 'data.json', 'train-v1.1.json', 'valid-v1.3.json', 'dev_ver1.2.json', 'test_2.tsv', 'train.tsv', '*.json', 'question.jsonl']) expect(isDistinctiveName(name), name).toBe(false);
  });
});
