import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashString } from '../../src/util/random.js';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { makeFixture, type Fixture } from './fixtures.js';

/**
 * A 60-item short-answer suite (char_f1 + exact_match) and a fake server whose answer is a fixed
 * function of the prompt (right for about two thirds of the items, partly right for some), so
 * scores and bootstrap intervals are non-trivial and identical however the run is split, killed
 * or resumed.
 */
export const SCALE_ITEMS = Array.from({ length: 60 }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, question: `問${i}：「${'山川空海森'[i % 5]}」の番号は？`, answer: `答え${i % 7}` }));

const SUITE = `name: scale-qa
version: 1
title: Scale QA
source: { kind: upstream, benchmark: SCALE }
category: QA
task: short_answer
dataset:
  loader: jsonl
  splits: { valid: scale/qa.jsonl }
  split: valid
  fields: { id: id, gold: answer, gold_type: text }
prompt:
  template: "{{question}}\\n答え："
generation: { max_tokens: 10, stop: ["\\n"] }
metrics: [char_f1, exact_match]
primary_metric: char_f1
`;

export function makeScaleFixture(): Promise<Fixture> {
  return makeFixture({ suites: { 'scale-qa.yaml': SUITE }, data: { 'scale/qa.jsonl': SCALE_ITEMS.map((i) => JSON.stringify(i)).join('\n') + '\n' } });
}

export function answerFor(prompt: string): string {
  const item = SCALE_ITEMS.find((i) => prompt.includes(`${i.question}\n`));
  if (!item) return '?';
  const h = hashString(item.id) % 6;
  return h < 4 ? item.answer : h === 4 ? `答${item.id}` : 'わかりません';
}

export function startScaleServer(delayMs = 20): Promise<FakeServer> {
  return startFakeOpenAIServer({ respond: (req) => ({ text: answerFor(req.prompt), delayMs }) });
}

export const scaleArgs = (server: FakeServer, fx: Fixture) => ['run', '-m', `${server.url}#fake-model`, '-s', 'scale-qa', '--suites-dir', fx.suitesDir, '--data-dir', fx.dataDir, '--progress', 'plain'];

/** run.json and samples.jsonl of one run directory (samples torn-line tolerant: tests assert on them). */
export async function readRunDir(dir: string) {
  const run = JSON.parse(await readFile(path.join(dir, 'run.json'), 'utf8'));
  const samples = (await readFile(path.join(dir, 'samples.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { item_id: string; outcome: string; run_id: string; cache?: string });
  return { run, samples };
}

export async function onlyRunDir(out: string): Promise<string> {
  const [id] = await readdir(out);
  return path.join(out, id!);
}

/** The figures a run must reproduce exactly: every metric's value, stderr and interval, n, outcomes. */
export function scoresOf(run: { results: { suite: string; n: number; metrics: unknown; outcomes: unknown; complete: boolean }[] }) {
  return run.results.map((r) => ({ suite: r.suite, n: r.n, metrics: r.metrics, outcomes: r.outcomes, complete: r.complete }));
}
