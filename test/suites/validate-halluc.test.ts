import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, mkdir, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { validateHallucinationItems } from '../../src/suites/validate-halluc.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const datasets = path.join(projectRoot, 'datasets');

describe('validate: hallucination suites', () => {
  it('the shipped items pass: golds pass their own grader, grounded golds are grounded, fakes are fake', async () => {
    const r = await validateHallucinationItems(datasets);
    expect(r.errors).toEqual([]);
    expect(r.stats['halluc-closedbook']).toBeGreaterThanOrEqual(100);
    expect(r.stats['halluc-grounded']).toBeGreaterThanOrEqual(100);
    expect(r.stats['halluc-fake-entities']).toBeGreaterThanOrEqual(100);
  });

  it('reports a gold that fails its grader and a fake found in the corpus, with file:line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-vh-'));
    await mkdir(path.join(dir, 'builtin', 'halluc'), { recursive: true });
    await mkdir(path.join(dir, 'corpus'));
    await writeFile(path.join(dir, 'builtin', 'halluc-closedbook.jsonl'), `${JSON.stringify({ id: 'x', question: 'q', answer: 'わかりません', aliases: [], rationale: 'r' })}\n`);
    await copyFile(path.join(datasets, 'builtin/halluc/fake-entities-v1.jsonl'), path.join(dir, 'builtin/halluc/fake-entities-v1.jsonl'));
    await writeFile(path.join(dir, 'corpus', 'a.txt'), '駅前で朝霧本郷駅の話をした。');
    const r = await validateHallucinationItems(dir);
    expect(r.errors.some((e) => e.startsWith('halluc-closedbook.jsonl:1: accepted answer "わかりません" is graded not_attempted'))).toBe(true);
    expect(r.errors.some((e) => e.includes('朝霧本郷駅 occurs in datasets/corpus'))).toBe(true);
  });
});
