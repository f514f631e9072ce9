import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loaders } from '../../src/datasets/loaders/index.js';
import { clearResolveCache } from '../../src/datasets/resolve.js';
import { metrics } from '../../src/scoring/metrics/index.js';
import { buildItem } from '../../src/suites/build-item.js';
import { goldAnswer } from '../../src/suites/choices.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { renderPrompt } from '../../src/suites/render.js';
import type { Suite } from '../../src/suites/schema.js';

/**
 * The public-benchmark suite definitions (suites/jglue, nli, mc, acceptability): every file is a
 * valid suite whose loader and metrics exist, and the prompts are llm-jp-eval's layout exactly.
 * Records here are written for the test; no benchmark item is copied.
 */

const suitesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../suites');
const DIRS = ['jglue', 'nli', 'mc', 'acceptability'];
const files = DIRS.flatMap((d) =>
  readdirSync(path.join(suitesDir, d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(suitesDir, d, f)),
);

const load = (rel: string): Promise<Suite> => loadSuiteFile(path.join(suitesDir, rel));

const HEADER = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。\n\n### 指示:\n';

describe('public suite definitions', () => {
  it('include the twelve public suites, and docs/suites.md has a table row for every one', () => {
    const names = files.map((f) => path.basename(f, '.yaml'));
    const twelve = ['jamp', 'janli', 'jblimp', 'jcola-in-domain', 'jcola-out-of-domain', 'jcommonsenseqa', 'jmmlu', 'jnli', 'jsem', 'jsick', 'jsts', 'marc-ja'];
    expect(names).toEqual(expect.arrayContaining(twelve));
    const doc = readFileSync(path.resolve(suitesDir, '../docs/suites.md'), 'utf8');
    for (const name of names) expect(doc).toContain(`| \`${name}\` |`);
  });

  for (const file of files) {
    it(`${path.relative(suitesDir, file)} is valid and complete`, async () => {
      const suite = await loadSuiteFile(file);
      expect(suite.name).toBe(path.basename(file, '.yaml'));
      expect(suite.source.kind).toBe('upstream');
      for (const key of ['benchmark', 'url', 'license', 'how_to_get'] as const) expect(suite.source[key]).toBeTruthy();
      expect(loaders.has(suite.dataset.loader)).toBe(true);
      for (const { name } of suite.metrics) expect(metrics.has(name)).toBe(true);
      expect(suite.primary_metric).toBe(suite.metrics[0]?.name);
      if (suite.prompt.shots > 0) {
        expect(suite.dataset.fewshot_split).toBeDefined();
        expect(suite.dataset.fewshot_split).not.toBe(suite.dataset.split);
        expect(suite.dataset.splits[suite.dataset.fewshot_split as string]).toBeDefined();
      }
      if (suite.prompt.format === 'completion' && suite.task !== 'minimal_pair') {
        expect(suite.prompt.preamble.startsWith(HEADER)).toBe(true);
        expect(suite.prompt.preamble.endsWith('\n\n')).toBe(true);
        expect(suite.prompt.template.startsWith('### 入力:\n')).toBe(true);
        expect(suite.prompt.template.endsWith('\n\n### 応答:\n')).toBe(true);
      }
    });
  }
});

describe('prompts follow llm-jp-eval (instruction, few-shot 入力/応答 pairs, then the question)', () => {
  it('jnli: label answer, one shot', async () => {
    const suite = await load('jglue/jnli.yaml');
    const rec = (id: string, s1: string, s2: string, label: string) => ({
      record: { sentence_pair_id: id, sentence1: s1, sentence2: s2, label },
      file: 'x.json',
      line: 1,
    });
    const shot = buildItem(suite, rec('10', '男性が走っている。', '人が走っている。', 'entailment'), 0);
    const item = buildItem(suite, rec('11', '猫が寝ている。', '猫が走っている。', 'contradiction'), 1);
    expect(item.references).toEqual(['contradiction']);
    const prompt = renderPrompt(suite, item, [shot]);
    expect(prompt).toEqual({
      kind: 'text',
      text:
        HEADER +
        '前提と仮説の関係をentailment、contradiction、neutralの中から回答してください。それ以外には何も含めないことを厳守してください。\n\n' +
        '制約：\n- 前提から仮説が、論理的知識や常識的知識を用いて導出可能である場合はentailmentと出力\n' +
        '- 前提と仮説が両立しえない場合はcontradictionと出力\n- そのいずれでもない場合はneutralと出力\n\n' +
        '### 入力:\n前提：男性が走っている。\n仮説：人が走っている。\n\n### 応答:\nentailment\n\n' +
        '### 入力:\n前提：猫が寝ている。\n仮説：猫が走っている。\n\n### 応答:\n',
    });
  });

  it('jcommonsenseqa: choices as 0.a,1.b,… and the answer is the number', async () => {
    const suite = await load('jglue/jcommonsenseqa.yaml');
    const item = buildItem(
      suite,
      { record: { q_id: 5, question: '雨の日に使うものは？', choice0: '傘', choice1: '靴', choice2: '本', choice3: '机', choice4: '皿', label: 0 }, file: 'x', line: 1 },
      0,
    );
    expect(item.goldIndex).toBe(0);
    expect(goldAnswer(suite, item)).toBe('0');
    const prompt = renderPrompt(suite, item, []);
    expect(prompt.kind === 'text' && prompt.text.endsWith('### 入力:\n質問：雨の日に使うものは？\n選択肢：0.傘,1.靴,2.本,3.机,4.皿\n\n### 応答:\n')).toBe(true);
  });

  it('jmmlu: letters A-D, gold letter maps to the choice index', async () => {
    const suite = await load('mc/jmmlu.yaml');
    const item = buildItem(
      suite,
      { record: { row_id: 'x-1', question: '1+1は？', A: '1', B: '2', C: '3', D: '4', answer: 'B' }, file: 'x', line: 1 },
      0,
    );
    expect(item.id).toBe('x-1');
    expect(item.goldIndex).toBe(1);
    expect(goldAnswer(suite, item)).toBe('B');
    const prompt = renderPrompt(suite, item, []);
    expect(prompt.kind === 'text' && prompt.text.endsWith('質問：1+1は？\n選択肢：A.1,B.2,C.3,D.4\n\n### 応答:\n')).toBe(true);
  });

  it('jcola: numeric 0/1 labels become the strings the model writes', async () => {
    const suite = await load('acceptability/jcola-in-domain.yaml');
    const item = buildItem(suite, { record: { uid: 1, label: 0, sentence: 'テスト文。' }, file: 'x', line: 1 }, 0);
    expect(item.references).toEqual(['0']);
    expect(() => buildItem(suite, { record: { uid: 2, label: 2, sentence: 'x' }, file: 'x', line: 7 }, 1)).toThrow(/line 7 \(field "label"\)/);
  });

  it('jsts: the gold score is a number and few-shot targets write it as is', async () => {
    const suite = await load('jglue/jsts.yaml');
    const item = buildItem(suite, { record: { sentence_pair_id: '3', sentence1: 'a', sentence2: 'b', label: 3.8 }, file: 'x', line: 1 }, 0);
    expect(item.goldValue).toBe(3.8);
    expect(goldAnswer(suite, item)).toBe('3.8');
  });

  it('jblimp: choices are [good, bad] so the gold index is 0, scored by loglikelihood without context', async () => {
    const suite = await load('acceptability/jblimp.yaml');
    const item = buildItem(
      suite,
      { record: { ID: 0, good_sentence: '太郎が走った。', bad_sentence: '太郎を走った。' }, file: 'x', line: 1 },
      0,
    );
    expect(item.choices).toEqual(['太郎が走った。', '太郎を走った。']);
    expect(item.goldIndex).toBe(0);
    expect(suite.choices).toMatchObject({ mode: 'loglikelihood', context: 'none', continuation: '{{text}}' });
  });

  it('jsem and janli reject labels outside the NLI label set', async () => {
    const jsem = await load('nli/jsem.yaml');
    expect(() => buildItem(jsem, { record: { row_id: 'a-1', answer: 'unacceptable', premise: 'p', hypothesis: 'h' }, file: 'x', line: 3 }, 0)).toThrow(
      /unexpected label/,
    );
    const janli = await load('nli/janli.yaml');
    const item = buildItem(janli, { record: { column1: '7', sentence_A_Ja: 'p', sentence_B_Ja: 'h', entailment_label_Ja: 'non-entailment', split: 'test' }, file: 'x', line: 2 }, 0);
    expect(item.references).toEqual(['non-entailment']);
  });
});

describe('marc-ja reads a user-built copy (no shared copy exists; records written for the test)', () => {
  it('finds marc_ja-<version>/valid-<version>.json under the data dir and builds label items', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'jpeval-marc-'));
    try {
      mkdirSync(path.join(root, 'JGLUE/datasets/marc_ja-v1.0'), { recursive: true });
      writeFileSync(
        path.join(root, 'JGLUE/datasets/marc_ja-v1.0/valid-v1.0.json'),
        '{"sentence":"とても使いやすい。","label":"positive","review_id":"R1"}\n{"sentence":"すぐ壊れた。","label":"negative","review_id":"R2"}\n',
      );
      clearResolveCache();
      const suite = await load('jglue/marc-ja.yaml');
      const { items, reports } = await loadSuiteItems(suite, { dataDir: root });
      expect(items.map((i) => [i.id, i.references[0]])).toEqual([
        ['R1', 'positive'],
        ['R2', 'negative'],
      ]);
      expect(reports).toHaveLength(1);
      const prompt = renderPrompt(suite, items[0]!, []);
      expect(prompt.kind === 'text' && prompt.text.endsWith('### 入力:\nレビュー：とても使いやすい。\n\n### 応答:\n')).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
      clearResolveCache();
    }
  });
});
