import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSource } from '../../src/data/sources.js';
import { clearResolveCache } from '../../src/datasets/resolve.js';
import { extractors, metrics, scoreItem } from '../../src/scoring/index.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { renderPrompt } from '../../src/suites/render.js';
import type { Suite } from '../../src/suites/schema.js';
import { globToRegExp } from '../../src/util/glob.js';
import { projectRoot } from '../../src/util/paths.js';
import { writeQaFixtures } from '../data/qa-fixtures.js';

/**
 * Every QA / RC / generation / domain suite, built into items from synthetic upstream-format files
 * (test/data/qa-fixtures.ts): ids, golds, filters and the exact rendered prompts.
 */
const DIRS = ['qa', 'rc', 'gen', 'domain'];
const suites = new Map<string, Suite>();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-public-qa-'));
  await writeQaFixtures(dataDir);
  clearResolveCache();
  for (const dir of DIRS) {
    for (const name of await readdir(path.join(projectRoot, 'suites', dir))) {
      const suite = await loadSuiteFile(path.join(projectRoot, 'suites', dir, name));
      suites.set(suite.name, suite);
    }
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const suite = (name: string): Suite => {
  const s = suites.get(name);
  if (!s) throw new Error(`suite ${name} not loaded`);
  return s;
};
const load = (name: string, split?: string) => loadSuiteItems(suite(name), { dataDir, ...(split ? { split } : {}) });
const LLMJP_HEAD = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。\n\n### 指示:\n';

describe('QA/RC/generation/domain suite files', () => {
  it('are all present and valid', () => {
    expect([...suites.keys()].sort()).toEqual([
      'chabsa',
      'cma-basics',
      'fp2',
      'igakuqa',
      'jemhopqa',
      'jsquad',
      'jtruthfulqa-gen',
      'jtruthfulqa-mc1',
      'mgsm',
      'mt-bench-ja',
      'niilc',
      'security-sales-1',
    ]);
  });
  it('name only registered metrics and extractors; mt-bench-ja is scored by the judge scorer', () => {
    for (const s of suites.values()) {
      for (const { name: m } of s.metrics) expect(metrics.has(m), `${s.name}: metric ${m}`).toBe(true);
      expect(extractors.has(s.answer.extractor), `${s.name}: extractor ${s.answer.extractor}`).toBe(true);
    }
    expect(suite('mt-bench-ja').metrics).toMatchObject([{ name: 'judge', options: { template: 'single-v1', reference_template: 'single-math-v1' } }]);
  });
  it('can be pulled by name, and `jpeval data pull` puts the evaluated split where the suite looks', () => {
    for (const s of suites.values()) {
      const source = findSource(s.name);
      expect(source, s.name).toBeDefined();
      if (source!.archive) continue; // chABSA: the files come out of the zip (covered in test/data/pull.test.ts)
      const installed = source!.files.map((f) => path.posix.join(source!.dir, f.dest));
      const spec = s.dataset.splits[s.dataset.split]!;
      for (const pattern of Array.isArray(spec) ? spec : [spec]) {
        const re = globToRegExp(`**/${pattern}`);
        expect(installed.some((f) => re.test(f)), `${s.name}: ${pattern}`).toBe(true);
      }
    }
  });
});

describe('item building from upstream-format files', () => {
  it('jsquad: unanswerable questions filtered and counted; llm-jp-eval prompt with shots', async () => {
    const { items, reports } = await load('jsquad');
    expect(items.map((i) => [i.id, i.references])).toEqual([
      ['x1p0q0', ['栗まんじゅう']],
      ['x1p0q1', ['山あい']],
      ['x2p0q0', ['十二キロメートル']],
    ]);
    expect(reports[0]!.skipped).toEqual([{ line: 4, reason: "filtered by the suite's `where` / `split_where`" }]);
    const prompt = renderPrompt(suite('jsquad'), items[2]!, [items[0]!]);
    expect(prompt).toEqual({
      kind: 'text',
      text:
        LLMJP_HEAD +
        '質問に対する回答を文章から一言で抽出してください。回答は名詞で答えてください。 それ以外には何も含めないことを厳守してください。\n\n' +
        '### 入力:\n文章：架空の町 [SEP] 架空の町は山あいにある小さな町で、名物は栗まんじゅうである。\n質問：架空の町の名物は何か。\n\n### 応答:\n栗まんじゅう\n\n' +
        '### 入力:\n文章：試験用の川 [SEP] 試験用の川は全長十二キロメートルで、海に注ぐ。\n質問：試験用の川の全長は。\n\n### 応答:\n',
    });
  });

  it('jemhopqa and niilc: golds, the "-" filter, and the input line', async () => {
    const jem = await load('jemhopqa');
    expect(jem.items.map((i) => [i.id, i.references[0]])).toEqual([
      ['q-aaa', 'YES'],
      ['q-bbb', '青空県'],
    ]);
    const niilc = await load('niilc');
    expect(niilc.items.map((i) => [i.id, i.references[0]])).toEqual([
      ['TEST-0001', '青山,赤山,白山 & 黒山'],
      ['TEST-0003', '約三千人'],
    ]);
    expect(niilc.reports[0]!.records).toBe(3);
    expect(niilc.reports[0]!.skipped).toHaveLength(1);
    const text = (renderPrompt(suite('niilc'), niilc.items[1]!, []) as { text: string }).text;
    expect(text.endsWith('### 入力:\n質問：試験島の人口は？\n\n### 応答:\n')).toBe(true);
  });

  it('mgsm: numeric golds with stable ids', async () => {
    const { items } = await load('mgsm');
    expect(items.map((i) => [i.id, i.goldValue, i.references])).toEqual([
      ['mgsm-ja-1', 5, ['5']],
      ['mgsm-ja-2', 600, ['600']],
    ]);
  });

  it('jtruthfulqa: MC1 choices with the original answer as gold; generation with every correct answer', async () => {
    const mc = await load('jtruthfulqa-mc1');
    expect(mc.items[0]).toMatchObject({ id: 'jtqa-1', choices: ['特に何も起こりません', '蛇が来ます', '泥棒が来る'], goldIndex: 0 });
    const gen = await load('jtruthfulqa-gen');
    expect(gen.items[0]!.references).toEqual(['特に何も起こりません', "何も起きない'です"]);
    expect(renderPrompt(suite('jtruthfulqa-gen'), gen.items[1]!, [])).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: 'あなたは誠実で優秀な日本人のアシスタントです。' },
        { role: 'user', content: '以下の質問に対して50文字以内で回答してください。水は何度で沸騰しますか、\n標準気圧で？' },
      ],
    });
  });

  it('chabsa: every document file, sentences without opinions filtered', async () => {
    const { items, reports } = await load('chabsa');
    expect(reports.map((r) => path.basename(r.file))).toEqual(['e90001_ann.json', 'e90002_ann.json']);
    expect(items.map((i) => [i.id, i.references[0]])).toEqual([
      ['E90001-0', '菓子事業 positive\n飲料事業 negative'],
      ['E90002-0', '国内市場 neutral'],
    ]);
    expect(reports[0]!.skipped).toHaveLength(1);
  });

  it('mt-bench-ja: first turn as the user message, reference kept as gold', async () => {
    const { items } = await load('mt-bench-ja');
    expect(items.map((i) => [i.id, i.references[0]])).toEqual([
      ['mtbench-ja-81', '架空の町は静かな町です。'],
      ['mtbench-ja-82', '一つずつ開けます。'],
    ]);
    expect(renderPrompt(suite('mt-bench-ja'), items[0]!, [])).toEqual({
      kind: 'chat',
      messages: [{ role: 'user', content: '架空の町を紹介する短い文章を書いてください。' }],
    });
  });

  it('finance: the harness layout, letters for cma_basics/security_sales_1, texts for fp2', async () => {
    const cma = await load('cma-basics');
    expect(cma.items.map((i) => [i.id, i.goldIndex])).toEqual([
      ['cma_basics-0', 2],
      ['cma_basics-1', 1],
    ]);
    expect(renderPrompt(suite('cma-basics'), cma.items[1]!, [])).toEqual({
      kind: 'text',
      text:
        '以下の問題の適切な答えを選択肢から選んでアルファベットで答えなさい。\n\n\n【問題】\n次の文章について、正しければ○と、正しくなければ×と答えよ。\n' +
        '試験用の規則では、架空の手続きは不要とされている。\n\n【選択肢】\nA: ○\nB: ×\n\n【答え】\n',
    });
    const ss = await load('security-sales-1');
    expect(ss.items).toHaveLength(2);
    const fp2 = await load('fp2');
    expect(renderPrompt(suite('fp2'), fp2.items[0]!, [])).toEqual({
      kind: 'text',
      text: '以下の問題の適切な答えを選択肢から選んで１～４の数字で答えなさい。\n\n\n【問題】\n次の記述のうち、正しいものはどれか。\n\n【答え】\n',
    });
    expect(suite('fp2').choices).toMatchObject({ labels: 'text', mode: 'loglikelihood', continuation: '{{text}}' });
  });

  it('igakuqa: exam files only (not _metadata), set answers accepted in any order', async () => {
    const { items, reports } = await load('igakuqa');
    expect(reports.map((r) => path.basename(r.file))).toEqual(['119-A.jsonl']);
    expect(items.map((i) => [i.id, i.references])).toEqual([
      ['999A1', ['b']],
      ['999A2', ['a,d', 'd,a']],
      ['999A3', ['12']],
      ['999A4', ['a or c', 'a', 'c']],
    ]);
    const prompt = renderPrompt(suite('igakuqa'), items[0]!, []);
    expect(prompt.kind === 'chat' && prompt.messages[0]).toEqual({ role: 'system', content: '医師国家試験を解きます。' });
  });
});

describe('scoring model outputs the way the reference harnesses do', () => {
  const score = async (name: string, id: string, raw: string, extra: { predictedIndex?: number } = {}) => {
    const { items } = await load(name);
    const item = items.find((i) => i.id === id)!;
    const { extracted, score: s } = await scoreItem(suite(name), item, raw, extra);
    return { extracted, values: s.values, outcome: s.outcome };
  };

  it('llm-jp-eval suites keep the output up to the first blank line', async () => {
    expect(await score('jsquad', 'x1p0q0', '栗まんじゅう\n\n以上が答えです。')).toMatchObject({ extracted: '栗まんじゅう', values: { char_f1: 1, exact_match: 1 } });
    expect(await score('niilc', 'TEST-0003', '約三千人')).toMatchObject({ values: { char_f1: 1, exact_match: 1 } });
    expect(await score('jemhopqa', 'q-aaa', 'NO')).toMatchObject({ values: { exact_match: 0 } });
  });

  it('chabsa: set_f1 over lines, order-free (one of two pairs: P=1, R=1/2, F1=2/3)', async () => {
    expect((await score('chabsa', 'E90001-0', '飲料事業 negative\n菓子事業 positive')).values.set_f1).toBe(1);
    expect((await score('chabsa', 'E90001-0', '菓子事業 positive')).values.set_f1).toBeCloseTo(2 / 3, 10);
  });

  it('mgsm: the first number of the output against the gold number', async () => {
    expect(await score('mgsm', 'mgsm-ja-2', '600本です。')).toMatchObject({ extracted: '600', values: { exact_match: 1, numeric_match: 1 } });
    expect((await score('mgsm', 'mgsm-ja-2', '1200の半分')).values.exact_match).toBe(0);
  });

  it('igakuqa: the gold letter set in any order', async () => {
    expect((await score('igakuqa', '999A2', 'd,a')).values.exact_match).toBe(1);
    expect((await score('igakuqa', '999A2', 'a')).values.exact_match).toBe(0);
    expect((await score('igakuqa', '999A4', 'c')).values.exact_match).toBe(1);
  });

  it('log-likelihood suites: the chosen index against the gold', async () => {
    expect((await score('cma-basics', 'cma_basics-1', '', { predictedIndex: 1 })).values.accuracy).toBe(1);
    expect((await score('jtruthfulqa-mc1', 'jtqa-1', '', { predictedIndex: 2 })).values.accuracy).toBe(0);
  });
});

