import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clozeSentences } from '../../src/runner/execute-item.js';
import { checkSuiteComponents } from '../../src/suites/check.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { promptText, renderPrompt } from '../../src/suites/render.js';
import { suiteSchema } from '../../src/suites/schema.js';
import { validateBuiltinDatasets } from '../../src/suites/validate-builtin.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const datasetsDir = path.join(projectRoot, 'datasets');

/** The part-B linguistic suites this test owns (part A's are checked by builtin-items.test.ts). */
const OWN_SUITES = {
  'ja-homophones': 'multiple_choice',
  'ja-counters': 'multiple_choice',
  'ja-idioms': 'multiple_choice',
  'ja-minimal-pairs': 'minimal_pair',
} as const;
type OwnSuite = keyof typeof OWN_SUITES;
const present = (Object.keys(OWN_SUITES) as OwnSuite[]).filter((name) =>
  existsSync(path.join(projectRoot, 'suites/builtin', `${name}.yaml`)),
);

async function readItems(name: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(datasetsDir, 'builtin', `${name}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('part-B builtin linguistic suites', () => {
  it('pass every validator check', async () => {
    const { errors, stats } = await validateBuiltinDatasets(datasetsDir);
    const own = errors.filter((e) => present.some((name) => e.includes(`${name}.jsonl`)));
    expect(own).toEqual([]);
    for (const name of present) {
      const file = stats.files.find((f) => f.file === `builtin/${name}.jsonl`);
      expect(file, name).toBeDefined();
      expect(file!.items).toBeGreaterThanOrEqual(100);
    }
  }, 300_000);

  for (const name of present) {
    it(`suites/builtin/${name}.yaml matches the schema and points at its items`, async () => {
      const text = await readFile(path.join(projectRoot, 'suites/builtin', `${name}.yaml`), 'utf8');
      const suite = suiteSchema.parse(parseYaml(text));
      expect(suite.name).toBe(name);
      expect(suite.source.kind).toBe('builtin');
      expect(suite.category).toBe('LING');
      expect(suite.task).toBe(OWN_SUITES[name]);
      expect(suite.dataset.splits[suite.dataset.split]).toBe(`builtin/${name}.jsonl`);
      expect(suite.dataset.fields.gold_type).toBe('index');
      expect(suite.choices?.labels).toBe('number');
      // Minimal pairs also report per-character log-likelihood accuracy (docs/suites.md).
      expect(suite.metrics.map((m) => m.name)).toEqual(suite.task === 'minimal_pair' ? ['accuracy', 'accuracy_per_char'] : ['accuracy']);
      if (suite.task === 'minimal_pair') {
        expect(suite.choices?.mode).toBe('loglikelihood');
        expect(suite.choices?.context).toBe('none');
      }
    });

    it(`${name}: loads through the suite pipeline and renders a numbered prompt`, async () => {
      const suite = await loadSuiteFile(path.join(projectRoot, 'suites/builtin', `${name}.yaml`));
      checkSuiteComponents(suite);
      const { items, reports } = await loadSuiteItems(suite);
      const raw = await readItems(name);
      expect(items).toHaveLength(raw.length);
      expect(reports.flatMap((r) => r.skipped)).toEqual([]);
      const first = items[0]!;
      expect(first.id).toBe(raw[0]!.id);
      expect(first.choices).toEqual(raw[0]!.choices);
      expect(first.goldIndex).toBe(raw[0]!.answer);
      const text = promptText(renderPrompt(suite, first, []));
      expect(text).toContain(String(raw[0]!.question));
      (raw[0]!.choices as string[]).forEach((c, i) => expect(text).toContain(`${i + 1}. ${c}`));
      expect(text.endsWith('答え：')).toBe(true);
    });

    it(`${name}: gold answers are not concentrated on one position`, async () => {
      const items = await readItems(name);
      const counts = new Map<number, number>();
      for (const item of items) counts.set(item.answer as number, (counts.get(item.answer as number) ?? 0) + 1);
      // With 2–4 choices per item, the first two positions are always possible; neither may dominate.
      for (const pos of [0, 1]) {
        const share = (counts.get(pos) ?? 0) / items.length;
        expect(share, `${name} position ${pos}`).toBeGreaterThanOrEqual(0.2);
        expect(share, `${name} position ${pos}`).toBeLessThanOrEqual(0.6);
      }
    });
  }

  it('cloze scoring writes each candidate into the blank of the item sentence', async () => {
    // Expected counts are from the item files: every homophone item has a ［カタカナ］ blank;
    // counters: 73 counter-choice items (the 37 reading items have none); idioms: 12 fill-in items.
    const expected: Partial<Record<OwnSuite, number>> = { 'ja-homophones': 230, 'ja-counters': 73, 'ja-idioms': 12 };
    for (const [name, count] of Object.entries(expected)) {
      if (!present.includes(name as OwnSuite)) continue;
      const suite = await loadSuiteFile(path.join(projectRoot, 'suites/builtin', `${name}.yaml`));
      const { items } = await loadSuiteItems(suite);
      let withBlank = 0;
      for (const item of items) {
        const sentences = clozeSentences(suite, item);
        if (!sentences) continue;
        withBlank++;
        expect(sentences, item.id).toHaveLength(item.choices!.length);
        sentences.forEach((sentence, i) => {
          expect(sentence, item.id).toContain(item.choices![i]!);
          expect(sentence, item.id).not.toMatch(/［|（　）|\n/);
        });
      }
      expect(withBlank, name).toBe(count);
    }
    const homophones = await loadSuiteFile(path.join(projectRoot, 'suites/builtin/ja-homophones.yaml'));
    const { items } = await loadSuiteItems(homophones, { limit: 400 });
    const item = items.find((i) => i.vars.question === '関係者［イガイ］の立ち入りを禁止します。')!;
    expect(clozeSentences(homophones, item)![item.goldIndex!]).toBe('関係者以外の立ち入りを禁止します。');
  });

  it('minimal pairs: two choices that differ minimally, and a phenomenon for each', async () => {
    if (!present.includes('ja-minimal-pairs')) return;
    const items = await readItems('ja-minimal-pairs');
    const phenomena = new Set<string>();
    for (const item of items) {
      const choices = item.choices as string[];
      expect(choices, String(item.id)).toHaveLength(2);
      phenomena.add(String(item.phenomenon));
      // "Minimal": the two sentences share most characters (common prefix + suffix ≥ half the shorter one).
      const [a, b] = choices as [string, string];
      let pre = 0;
      while (pre < Math.min(a.length, b.length) && a[pre] === b[pre]) pre++;
      let suf = 0;
      while (suf < Math.min(a.length, b.length) - pre && a.at(-1 - suf) === b.at(-1 - suf)) suf++;
      expect(pre + suf, String(item.id)).toBeGreaterThanOrEqual(Math.min(a.length, b.length) / 2);
    }
    expect(phenomena.size).toBeGreaterThanOrEqual(8);
  });
});
