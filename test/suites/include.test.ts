import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSuiteFiles, loadAllSuites, loadSuiteFile, mergeOver } from '../../src/suites/load-suite.js';

const SUITE = (extra: string) => `name: inc-test
version: 1
title: Include test
source: { kind: builtin }
category: QA
task: short_answer
dataset: { loader: jsonl, splits: { test: x.jsonl }, split: test, fields: { id: id, gold: a } }
${extra}
metrics: [exact_match]
`;

describe('suite include:', () => {
  it('merges the base under the suite (mappings key by key; the suite wins) and fills {{instruction}}', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-include-'));
    await mkdir(path.join(dir, '_shared'));
    await writeFile(path.join(dir, '_shared/frame.yaml'), 'prompt:\n  format: completion\n  preamble: "前置き\\n{{instruction}}\\n\\n"\n  shots: 2\ngeneration: { max_tokens: 16, stop: ["\\n"] }\n');
    await writeFile(path.join(dir, 'a.yaml'), `include: _shared/frame.yaml\n${SUITE('prompt:\n  instruction: "答えだけを書いてください。"\n  template: "{{q}}"\n  shots: 0')}`);
    const suite = await loadSuiteFile(path.join(dir, 'a.yaml'));
    expect(suite.prompt).toMatchObject({ format: 'completion', preamble: '前置き\n答えだけを書いてください。\n\n', shots: 0, template: '{{q}}' });
    expect(suite.generation).toMatchObject({ max_tokens: 16, stop: ['\n'] });
    expect('instruction' in suite.prompt).toBe(false);
    // the suite's hash covers the base: editing the shared frame changes it
    await writeFile(path.join(dir, '_shared/frame.yaml'), 'prompt:\n  preamble: "別の前置き\\n{{instruction}}\\n\\n"\n');
    expect((await loadSuiteFile(path.join(dir, 'a.yaml'))).sha256).not.toBe(suite.sha256);
    // `_` directories are bases, not suites
    expect((await findSuiteFiles(dir)).map((f) => path.basename(f))).toEqual(['a.yaml']);
    expect((await loadAllSuites([dir])).some((s) => s.name === 'inc-test')).toBe(true);
  });

  it('names the file for a missing include, a cycle, and an instruction without a slot', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-include-'));
    await writeFile(path.join(dir, 'missing.yaml'), `include: nope.yaml\n${SUITE('prompt: { template: "{{q}}" }')}`);
    await expect(loadSuiteFile(path.join(dir, 'missing.yaml'))).rejects.toThrow(/missing\.yaml: include: nope\.yaml not found/);
    await writeFile(path.join(dir, 'b1.yaml'), 'include: b2.yaml\n');
    await writeFile(path.join(dir, 'b2.yaml'), 'include: b1.yaml\n');
    await expect(loadSuiteFile(path.join(dir, 'b1.yaml'))).rejects.toThrow(/include cycle: b1\.yaml → b2\.yaml → b1\.yaml/);
    await writeFile(path.join(dir, 'noslot.yaml'), SUITE('prompt: { template: "{{q}}", instruction: "x" }'));
    await expect(loadSuiteFile(path.join(dir, 'noslot.yaml'))).rejects.toThrow(/prompt\.instruction: the preamble has no \{\{instruction\}\} slot/);
  });

  it('mergeOver: lists and scalars are replaced, mappings merged', () => {
    expect(mergeOver({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
});
