/**
 * Every suite's "how to get" hint, done exactly as it says: the files laid out in a temporary
 * folder the way the hint implies (a clone passed as --data-dir, a download put anywhere), with a
 * clone folder name nobody would guess, then every split of the suite resolved from there. Files
 * hold placeholders or made-up records, never benchmark text.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearResolveCache } from '../../src/datasets/resolve.js';
import { loadSuite } from '../../src/runner/run.js';
import { loadSuiteItems, resolveSplit } from '../../src/suites/load-items.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import type { Suite } from '../../src/suites/schema.js';
import { chabsaDocs, jemhopqaDev, jtruthfulqaCsv, mgsmTsv } from '../data/qa-fixtures.js';

const JSEM_FILES = ['Adjectives', 'Adverb', 'Attitudes', 'AuxiliaryVerb', 'CaseParticle', 'Comparatives', 'CompoundAdjective', 'CompoundVerb', 'Conditional', 'Conjunction', 'Coordination', 'Ellipsis', 'GeneralizedQuantifier', 'Modality', 'NP', 'NewAdjective', 'NominalAnaphora', 'Plurals', 'Question', 'TemporalReference', 'Toritate', 'Verbs'];
const jglue = (task: string) => [`datasets/${task}-v1.1/train-v1.1.json`, `datasets/${task}-v1.1/valid-v1.1.json`];

/**
 * What each hint tells the user to do, as files below the folder they pass as --data-dir.
 * `clone:` = "git clone … and pass the clone as --data-dir" (the clone's own layout);
 * `put:` = "download the file(s) and put them under --data-dir" (any folder).
 */
const HINTS: Record<string, { says: RegExp; files: string[] }> = {
  jblimp: { says: /git clone .*JBLiMP and pass it as --data-dir/, files: ['data/validated/validated_minimal_pairs.jsonl'] },
  'jcola-in-domain': { says: /git clone .*JCoLA and pass it as --data-dir/, files: ['data/jcola-v1.0/in_domain_valid-v1.0.json', 'data/jcola-v1.0/in_domain_train-v1.0.json'] },
  'jcola-out-of-domain': { says: /git clone .*JCoLA and pass it as --data-dir/, files: ['data/jcola-v1.0/out_of_domain_valid-v1.0.json', 'data/jcola-v1.0/in_domain_train-v1.0.json'] },
  chabsa: { says: /unzip it anywhere under --data-dir/, files: ['downloads/unpacked/e00001_ann.json', 'downloads/unpacked/e00002_ann.json'] },
  'cma-basics': { says: /git clone .*japanese-lm-fin-harness\s+and pass the clone/, files: ['jlm_fin_eval/datasets/cma_basics/data.json', 'jlm_fin_eval/datasets/fp2/data.json'] },
  fp2: { says: /git clone .*japanese-lm-fin-harness\s+and pass the clone/, files: ['jlm_fin_eval/datasets/fp2/data.json', 'jlm_fin_eval/datasets/cma_basics/data.json'] },
  'security-sales-1': { says: /git clone .*japanese-lm-fin-harness\s+and pass the clone/, files: ['jlm_fin_eval/datasets/security_sales_1/data.json'] },
  igakuqa: { says: /git clone .*IgakuQA and pass the clone/, files: ['data/2018/112-A.jsonl', 'data/2018/112-A_metadata.jsonl', 'data/2022/116-F.jsonl'] },
  'jtruthfulqa-gen': { says: /git clone .*JTruthfulQA and pass\s+the clone/, files: ['data/JTruthfulQA.csv'] },
  'jtruthfulqa-mc1': { says: /git clone .*JTruthfulQA and pass\s+the clone/, files: ['data/JTruthfulQA.csv'] },
  'jtruthfulqa-mc2': { says: /git clone .*JTruthfulQA and pass\s+the clone/, files: ['data/JTruthfulQA.csv'] },
  'mt-bench-ja': { says: /pass fastchat\/llm_judge\/data as --data-dir/, files: ['japanese_mt_bench/question.jsonl', 'japanese_mt_bench/reference_answer/base-gpt4o-with-human-annotation.jsonl', 'japanese_mt_bench/judge_ja_prompts.jsonl'] },
  jcommonsenseqa: { says: /git clone .*JGLUE .*and pass the clone/, files: jglue('jcommonsenseqa') },
  jnli: { says: /git clone .*JGLUE and pass it as --data-dir/, files: [...jglue('jnli'), 'datasets/jnli-v1.3/valid-v1.3.json'] },
  jsts: { says: /git clone .*JGLUE and pass it as --data-dir/, files: jglue('jsts') },
  jsquad: { says: /git clone .*JGLUE and pass a folder/, files: jglue('jsquad') },
  'halluc-unanswerable-rc': { says: /git clone .*JGLUE and pass a folder/, files: jglue('jsquad') },
  'marc-ja': { says: /put its output folder .* under --data-dir/, files: ['marc_ja-v1.1/train-v1.1.json', 'marc_ja-v1.1/valid-v1.1.json'] },
  jmmlu: { says: /git clone .*JMMLU and pass it as --data-dir/, files: ['JMMLU/astronomy.csv', 'JMMLU/virology.csv', 'JMMLU_NC_ND/sociology.csv'] },
  jamp: { says: /git clone .*temporalNLI_dataset and pass it as --data-dir/, files: ['dataset/test_2.tsv', 'dataset/train_all.tsv', 'dataset/template/template_ver_1_5.tsv'] },
  janli: { says: /put\s+janli\.tsv under --data-dir/, files: ['downloaded/janli.tsv'] },
  jsem: { says: /git clone .*JSeM and pass it as --data-dir/, files: JSEM_FILES.map((f) => `data/v1.0/${f}.xml`) },
  jsick: { says: /git clone .*JSICK and pass it as --data-dir/, files: ['jsick/test.tsv', 'jsick/train.tsv'] },
  jemhopqa: { says: /git clone .*JEMHopQA and pass the clone/, files: ['corpus/train.json', 'corpus/dev.json'] },
  niilc: { says: /git clone .*niilc-qa and pass the clone/, files: ['data/NIILC-ECQA2015_dev.xml', 'data/NIILC-ECQA2015_test.xml'] },
  mgsm: { says: /into any folder under --data-dir/, files: ['my benchmarks/MGSM (ja)/mgsm_ja.tsv'] },
};

async function makeDataDir(files: Record<string, string>): Promise<string> {
  // The clone's folder is named nothing like the repository: the hint must work whatever it is called.
  const root = path.join(await mkdtemp(path.join(tmpdir(), 'jpeval-hint-')), 'a-clone-named-anything');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  clearResolveCache();
  return root;
}

describe('every "how to get" hint, done as it says', () => {
  let upstream: Suite[];
  beforeAll(async () => {
    upstream = (await loadAllSuites()).filter((s) => s.source.kind === 'upstream' && s.source.how_to_get);
  });

  it('covers every upstream suite with a hint (a new hint needs a case here)', () => {
    expect(Object.keys(HINTS).sort()).toEqual(upstream.map((s) => s.name).sort());
  });

  it('finds every split of every suite after following its hint', async () => {
    const failures: string[] = [];
    for (const suite of upstream) {
      const hint = HINTS[suite.name]!;
      expect(suite.source.how_to_get, suite.name).toMatch(hint.says);
      const root = await makeDataDir(Object.fromEntries(hint.files.map((f) => [f, 'placeholder\n'])));
      for (const split of Object.keys(suite.dataset.splits)) {
        try {
          const { files } = await resolveSplit(suite, root, split);
          for (const f of files) expect(f.startsWith(root), f).toBe(true);
        } catch (err) {
          failures.push(`${suite.name} [${split}]: ${(err as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('following the hints end to end (made-up records)', () => {
  let suites: Map<string, Suite>;
  beforeAll(async () => {
    suites = new Map((await loadAllSuites()).map((s) => [s.name, s]));
  });

  it('JTruthfulQA: the clone passed as --data-dir, whatever the clone folder is called', async () => {
    const root = await makeDataDir({ 'data/JTruthfulQA.csv': jtruthfulqaCsv });
    const { items } = await loadSuiteItems(suites.get('jtruthfulqa-mc1')!, { dataDir: root });
    expect(items.length).toBeGreaterThan(0);
  });

  it('MGSM: mgsm_ja.tsv in a folder not called mgsm/', async () => {
    const root = await makeDataDir({ 'url-nlp-main/MGSM/mgsm_ja.tsv': mgsmTsv });
    expect((await loadSuiteItems(suites.get('mgsm')!, { dataDir: root })).items).toHaveLength(2);
  });

  it('chABSA: e*_ann.json unzipped into a folder not called chABSA-dataset/', async () => {
    const files = Object.fromEntries(Object.entries(chabsaDocs).map(([name, doc]) => [`absa/${name}`, JSON.stringify(doc)]));
    const root = await makeDataDir(files);
    const { reports } = await loadSuiteItems(suites.get('chabsa')!, { dataDir: root });
    expect(reports.map((r) => path.basename(r.file))).toEqual(Object.keys(chabsaDocs).sort());
  });

  for (const [version, folder, suffix] of [
    ['1.0', 'corpus', ''],
    ['1.1', 'corpus_ver1.1', '_ver1.1'],
    ['1.2', 'corpus_ver1.2', '_ver1.2'],
  ] as const) {
    it(`JEMHopQA: a clone holding only corpus v${version} is read, and the version is reported`, async () => {
      const doc = JSON.stringify(jemhopqaDev);
      const root = await makeDataDir({ [`${folder}/dev${suffix}.json`]: doc, [`${folder}/train${suffix}.json`]: doc });
      const loaded = await loadSuiteItems(suites.get('jemhopqa')!, { dataDir: root });
      expect(loaded.items.length).toBe(jemhopqaDev.length);
      expect(loaded.reports.map((r) => r.version)).toEqual([version]);
    });
  }

  it('JEMHopQA: the version read goes into the run record (datasets[].version, files[].version)', async () => {
    const doc = JSON.stringify(jemhopqaDev);
    const root = await makeDataDir({ 'corpus_ver1.1/dev_ver1.1.json': doc, 'corpus_ver1.1/train_ver1.1.json': doc });
    const suite = suites.get('jemhopqa')!;
    const loaded = await loadSuite(suite, { models: [], suites: [suite], outDir: '/nonexistent', dataDir: root, seed: 1, concurrency: 1, batchSize: 1, mcMode: 'suite', config: {} }, () => {});
    expect(loaded.provenance.version).toBe('1.1');
    expect(loaded.provenance.files[0]!.version).toBe('1.1');
    expect(loaded.provenance.fewshot!.files[0]!.version).toBe('1.1');
  });

  it('JEMHopQA: with every version present, v1.0 (the pinned one) is read unless dev@<version> asks for another', async () => {
    const doc = JSON.stringify(jemhopqaDev);
    const root = await makeDataDir({ 'corpus/dev.json': doc, 'corpus_ver1.1/dev_ver1.1.json': doc, 'corpus_ver1.2/dev_ver1.2.json': doc });
    const suite = suites.get('jemhopqa')!;
    expect((await loadSuiteItems(suite, { dataDir: root })).reports[0]!.version).toBe('1.0');
    const v12 = await loadSuiteItems(suite, { dataDir: root, split: 'dev@1.2' });
    expect(v12.reports[0]!.version).toBe('1.2');
    expect(v12.reports[0]!.file).toBe(path.join(root, 'corpus_ver1.2/dev_ver1.2.json'));
    await expect(loadSuiteItems(suite, { dataDir: root, split: 'dev@9.9' })).rejects.toThrow(/no version "9\.9"/);
  });

  it('JGLUE: a clone of main holding only the v1.3 files is read as v1.3', async () => {
    const root = await makeDataDir({ 'datasets/jsts-v1.3/valid-v1.3.json': '{"sentence_pair_id":"0","yjcaptions_id":"x","sentence1":"猫がいる。","sentence2":"猫がいます。","label":4.5}\n' });
    const loaded = await loadSuiteItems(suites.get('jsts')!, { dataDir: root });
    expect(loaded.reports[0]!.version).toBe('1.3');
  });
});
