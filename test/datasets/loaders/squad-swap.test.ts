import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyNouns, squadSwapLoader } from '../../../src/datasets/loaders/squad-swap.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sharedDir = process.env['JPEVAL_SHARED_DATASETS'] ?? path.resolve(projectRoot, '../shared/datasets');
const jsquadFile = path.join(sharedDir, 'jglue/jsquad-v1.1/valid-v1.1.json');

async function readAll(file: string, options: Record<string, unknown>) {
  const out: Record<string, unknown>[] = [];
  for await (const r of squadSwapLoader.read(file, options)) out.push(r.record);
  return out;
}

/** A small SQuAD-style fixture of our own writing: three articles with one question each. */
const fixture = {
  data: [
    { title: '信濃川', paragraphs: [{ context: '信濃川は新潟県と長野県を流れる川で、全長は367キロメートルである。', qas: [{ id: 'a1', question: '信濃川の全長は何キロメートルか。', answers: [{ text: '367キロメートル', answer_start: 24 }] }] }] },
    { title: '琵琶湖', paragraphs: [{ context: '琵琶湖は滋賀県にある日本最大の湖である。', qas: [{ id: 'b1', question: '琵琶湖がある県はどこか。', answers: [{ text: '滋賀県', answer_start: 4 }] }] }] },
    { title: '富士山', paragraphs: [{ context: '富士山は静岡県と山梨県にまたがる山で、標高は3776メートルである。', qas: [{ id: 'c1', question: '富士山の標高は何メートルか。', answers: [{ text: '3776メートル', answer_start: 24 }] }] }] },
  ],
};

describe('squad-swap loader', () => {
  it('key nouns: proper nouns and multi-character common nouns of the question', async () => {
    expect(await keyNouns('信濃川の全長は何キロメートルか。')).toEqual(expect.arrayContaining(['信濃川', '全長']));
  });

  it('asks each question with its own and with another article\'s paragraph that lacks the answer and key nouns', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-swap-'));
    const file = path.join(dir, 'valid-v1.1.json');
    await writeFile(file, JSON.stringify(fixture));
    const records = await readAll(file, { seed: 5, questions: 3 });
    expect(records.length).toBe(6);
    for (let i = 0; i < records.length; i += 2) {
      const [orig, swap] = [records[i]!, records[i + 1]!];
      expect(orig.swapped).toBe(false);
      expect(swap.swapped).toBe(true);
      expect(swap.original_id).toBe(orig.original_id);
      expect(swap.title).not.toBe(orig.title);
      for (const a of orig.answers as string[]) expect(String(swap.context)).not.toContain(a);
    }
    expect(await readAll(file, { seed: 5, questions: 3 })).toEqual(records);
  });
});

describe.skipIf(!existsSync(jsquadFile))('squad-swap on the real JSQuAD valid file (read in place)', () => {
  it('yields 100 question pairs whose swapped paragraphs contain neither the answer nor the key nouns', async () => {
    const records = await readAll(jsquadFile, { seed: 20261202, questions: 100 });
    expect(records.length).toBe(200);
    for (const r of records.filter((x) => x.swapped)) {
      for (const a of r.answers as string[]) expect(String(r.context).normalize('NFKC')).not.toContain(a.normalize('NFKC'));
      for (const n of await keyNouns(String(r.question))) expect(String(r.context).normalize('NFKC')).not.toContain(n);
    }
  });
});
