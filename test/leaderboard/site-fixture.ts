import path from 'node:path';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { itemForPrompt, makeFixture, MC_ITEMS } from '../cli/fixtures.js';

export const XSS = '</script><img src=x onerror=alert(1)>';

/**
 * Real runs for leaderboard tests: three scripted models on mini-mc (10 items) and mini-qa (4),
 * all in run 1; run 2 re-runs "ace" on the first 6 mini-mc items only (a different item set, so
 * not comparable). "wild" answers everything with an XSS payload plus Japanese text.
 */
export async function makeLeaderboardRuns(): Promise<{ dir: string; run1: string; run2: string; models: Record<string, string> }> {
  const server = await startFakeOpenAIServer({
    models: ['ace', 'half', 'wild'],
    respond: (req) => {
      const item = itemForPrompt(req.prompt);
      if (req.model === 'wild') return `${XSS}　富士山です`;
      if (req.prompt.includes('日本一高い山')) return '富士山';
      if (req.prompt.includes('日本の首都')) return req.model === 'ace' ? '東京' : '大阪';
      if (item) {
        const right = String(item.label);
        if (req.model === 'ace') return right;
        return MC_ITEMS.indexOf(item) % 2 === 0 ? right : String((item.label + 1) % 3);
      }
      const reading = /「(.)」/.exec(req.prompt)?.[1];
      const answers: Record<string, string> = { 山: 'やま', 川: 'かわ', 空: 'そら', 海: 'うみ' };
      return req.model === 'ace' ? (answers[reading ?? ''] ?? '') : 'わからない';
    },
  });
  try {
    const fx = await makeFixture({
      suites: {
        'mini-free.yaml': `name: mini-free
version: 1
title: Mini free answers
source: { kind: upstream, benchmark: MINI }
category: GEN
task: short_answer
dataset:
  loader: jsonl
  splits: { valid: mini/free.jsonl }
  split: valid
  fields: { id: id, gold: answer, gold_type: text }
prompt:
  template: "{{question}}\\n答え："
generation: { max_tokens: 100 }
metrics: [exact_match]
`,
      },
      data: { 'upstream-copy/mini/free.jsonl': ['{"id":"f1","question":"日本一高い山は？","answer":"富士山"}', '{"id":"f2","question":"日本の首都は？","answer":"東京"}'].join('\n') + '\n' },
    });
    const base = ['--suites-dir', fx.suitesDir, '--data-dir', fx.dataDir, '--out', fx.outDir, '--progress', 'none', '--json'];
    const models = { ace: `${server.url}#ace`, half: `${server.url}#half`, wild: `${server.url}#wild` };
    const r1 = await runCli(['run', '-m', models.ace, '-m', models.half, '-m', models.wild, '-s', 'mini-mc', '-s', 'mini-qa', '-s', 'mini-free', ...base]);
    const r2 = await runCli(['run', '-m', models.ace, '-s', 'mini-mc', '--limit', '6', ...base]);
    const id = (stdout: string) => (JSON.parse(stdout) as { run_id: string }).run_id;
    return { dir: fx.dir, run1: path.join(fx.outDir, id(r1.stdout)), run2: path.join(fx.outDir, id(r2.stdout)), models };
  } finally {
    await server.close();
  }
}
