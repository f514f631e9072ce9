import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** A public-style choice suite over `audit-fixture/items.jsonl`, with or without `audit.enforce`. */
function suiteYaml(name: string, enforce: boolean): string {
  return `name: ${name}
version: 1
title: audit fixture
source: { kind: upstream, benchmark: fixture }
category: MC
task: multiple_choice
dataset:
  loader: jsonl
  splits: { test: audit-fixture/items.jsonl }
  split: test
  fields: { id: id, choices: choices, gold: answer, gold_type: index }
prompt:
  template: "{{question}}\\n{{choices}}\\n答え："
choices: { labels: number, mode: generate }
answer: { extractor: choice }
metrics: [accuracy]
${enforce ? 'audit: { enforce: true }\n' : ''}`;
}

describe('jpeval validate: artifact audit', () => {
  let suitesDir: string;
  let dataDir: string;
  beforeAll(async () => {
    suitesDir = await mkdtemp(path.join(tmpdir(), 'jpeval-audit-suites-'));
    dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-audit-data-'));
    await mkdir(path.join(dataDir, 'audit-fixture'));
    // Made-up items whose gold is always the longest choice, at rotating positions.
    const lines = Array.from({ length: 30 }, (_, i) => {
      const choices = ['あい', 'うえ', 'おか'];
      choices.splice(i % 4, 0, `ずっと長い正解${i}`);
      return JSON.stringify({ id: `f-${i}`, question: `問${i}`, choices, answer: i % 4 });
    });
    await writeFile(path.join(dataDir, 'audit-fixture/items.jsonl'), `${lines.join('\n')}\n`);
    await writeFile(path.join(suitesDir, 'enforced.yaml'), suiteYaml('audit-enforced', true));
    await writeFile(path.join(suitesDir, 'reported.yaml'), suiteYaml('audit-reported', false));
  });

  it('fails a suite that opts in, reports (without failing) a public suite that does not', async () => {
    const res = await runCli(['validate', '--suites-dir', suitesDir, '--data-dir', dataDir]);
    expect(res.stdout).toMatch(/audit-reported: 30 items, chance 25\.0%; worst baseline longest 100\.0% .*FAILS the artifact audit \(reported, not enforced\)/);
    expect(res.stderr).toMatch(/audit-enforced: artifact audit failed: choice-only baseline "longest"/);
    expect(res.stderr).not.toMatch(/audit-reported: artifact audit failed/);
    expect(res.code).toBe(1);
  });

  it('without the data, public suites are listed as not audited', async () => {
    const res = await runCli(['validate', '--suites-dir', suitesDir], { env: { JPEVAL_DATA_DIR: undefined } });
    expect(res.stdout).toMatch(/audit-enforced: not audited \(data not present\)/);
  });

  it('--json reports every baseline with its interval', async () => {
    const res = await runCli(['validate', '--json', '--suites-dir', suitesDir, '--data-dir', dataDir]);
    const report = JSON.parse(res.stdout) as {
      ok: boolean;
      problems: string[];
      audit: { suite: string; enforced: boolean; status: string; report?: { chance: number; baselines: { name: string; accuracy: number; interval: [number, number] }[] } }[];
    };
    expect(report.ok).toBe(false);
    const enforced = report.audit.find((a) => a.suite === 'audit-enforced')!;
    expect(enforced).toMatchObject({ enforced: true, status: 'audited' });
    expect(enforced.report!.baselines.map((b) => b.name)).toEqual(['longest', 'shortest', 'odd_length', 'odd_script', 'odd_ending', 'gold_text_prior', 'position']);
    const longest = enforced.report!.baselines[0]!;
    expect(longest.accuracy).toBe(1);
    expect(longest.interval[0]).toBeGreaterThan(0.85);
    // jpeval's own suites are always audited and enforced.
    expect(report.audit.find((a) => a.suite === 'ja-keigo')).toMatchObject({ enforced: true, status: 'audited' });
    expect(res.code).toBe(1);
  });
});
