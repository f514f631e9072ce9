import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../src/results/schema.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The README's main job on a fresh machine: `jpeval run` with no flags builds the embedded
 * default model (into an empty cache here), evaluates it on every built-in suite through the real
 * local ONNX path, prints the table and writes the result files.
 */
describe('jpeval run with no flags', () => {
  it('builds the default model, evaluates the built-in suites and beats chance where it should', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'jpeval-cache-'));
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-default-'));
    const res = await runCli(['run', '--out', out], { env: { JPEVAL_CACHE_DIR: cache } });
    expect(res.stderr).toContain('building the default model');
    expect(res.code, res.stderr).toBe(0);
    const [runId] = await readdir(out);
    const run = runRecordSchema.parse(JSON.parse(await readFile(path.join(out, runId!, 'run.json'), 'utf8')));
    expect(run.status).toBe('completed');
    expect(run.models[0]).toMatchObject({ id: 'default', backend: 'local-onnx' });
    // The embedded n-gram model prefers ranking choices (its capabilities() say so): every choice suite ran that way.
    expect(run.config).toMatchObject({ mc_mode: 'suite' });
    const all = await loadAllSuites();
    const choiceTask = new Set(all.filter((s) => s.task === 'multiple_choice' || s.task === 'minimal_pair').map((s) => s.name));
    for (const r of run.results) expect(r.mode, r.suite).toBe(choiceTask.has(r.suite) ? 'loglikelihood' : 'generate');
    const suites = run.results.map((r) => r.suite).sort();
    // Every built-in suite except those tagged opt-in (long generation: ind-factory-plan, ind-plc-st …), and nothing else.
    const builtin = all.filter((s) => s.source.kind === 'builtin' && !s.tags.includes('opt-in')).map((s) => s.name).sort();
    expect(suites).toEqual(builtin);
    expect(suites).toEqual(expect.arrayContaining(['ja-counters', 'ja-homophones', 'ja-idioms', 'ja-kanji-reading', 'ja-keigo', 'ja-minimal-pairs', 'ja-particles', 'ja-register', 'halluc-closedbook', 'halluc-fake-entities', 'halluc-grounded', 'ind-exam-style', 'ind-fmea', 'ind-phys-commonsense', 'ind-unit-calc']));
    for (const opt of ['ind-factory-plan', 'ind-safe-stop', 'ind-procedure-order', 'ind-plc-st']) expect(suites).not.toContain(opt);
    for (const r of run.results) expect(r.complete, r.suite).toBe(true);
    // 4-way particle choice by cloze log-likelihood: chance is 0.25; the whole interval must be above it
    const particles = run.results.find((r) => r.suite === 'ja-particles')!;
    expect(particles.n).toBe(112);
    expect(particles.metrics.accuracy!.ci95[0]!).toBeGreaterThan(0.25);
    const samples = (await readFile(path.join(out, runId!, 'samples.jsonl'), 'utf8')).trim().split('\n');
    expect(samples.length).toBe(run.results.reduce((n, r) => n + r.n, 0));
    expect(res.stdout).toMatch(/ja-particles\s+LING\s+accuracy \(ll\)/);
    expect(res.stdout).toContain('OVERALL');
  }, 120_000);
});
