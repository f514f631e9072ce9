import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSuiteFile } from '../../src/suites/load-suite.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { promptText, renderPrompt } from '../../src/suites/render.js';
import { suiteSchema } from '../../src/suites/schema.js';
import { validateBuiltinDatasets } from '../../src/suites/validate-builtin.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const datasetsDir = path.join(projectRoot, 'datasets');

/** The part-A suites this test owns; part B's files are still validated by the whole-directory run. */
const OWN_SUITES = {
  'ja-keigo': 'multiple_choice',
  'ja-particles': 'multiple_choice',
  'ja-kanji-reading': 'short_answer',
  'ja-register': 'multiple_choice',
} as const;

describe('shipped builtin datasets', () => {
  // Tokenizing every string of every file takes seconds on a shared machine: validate once.
  let report: Awaited<ReturnType<typeof validateBuiltinDatasets>>;
  beforeAll(async () => {
    report = await validateBuiltinDatasets(datasetsDir);
  });

  it('pass every validator check', () => {
    const { errors, stats } = report;
    expect(errors).toEqual([]);
    for (const [name, kind] of Object.entries(OWN_SUITES)) {
      const file = stats.files.find((f) => f.file === `builtin/${name}.jsonl`);
      expect(file, name).toBeDefined();
      expect(file!.kind).toBe(kind);
      expect(file!.items).toBeGreaterThanOrEqual(100);
    }
  });

  it('spread multiple-choice gold answers over all four positions', () => {
    const { stats } = report;
    for (const name of ['ja-keigo', 'ja-particles', 'ja-register']) {
      const file = stats.files.find((f) => f.file === `builtin/${name}.jsonl`)!;
      const positions = file.goldPositions ?? [];
      expect(positions.length, name).toBe(4);
      // No position may hold under 15% of the items, so "always answer 1" cannot score well.
      for (const n of positions) expect(n / file.items, name).toBeGreaterThanOrEqual(0.15);
    }
  });

  for (const name of Object.keys(OWN_SUITES)) {
    it(`suites/builtin/${name}.yaml matches the suite schema and points at its items`, async () => {
      const text = await readFile(path.join(projectRoot, 'suites/builtin', `${name}.yaml`), 'utf8');
      const suite = suiteSchema.parse(parseYaml(text));
      expect(suite.name).toBe(name);
      expect(suite.source.kind).toBe('builtin');
      expect(suite.category).toBe('LING');
      // The renderer concatenates preamble and item directly, so the preamble carries the break.
      expect(suite.prompt.preamble.endsWith('\n\n')).toBe(true);
      const split = suite.dataset.splits[suite.dataset.split];
      expect(split).toBe(`builtin/${name}.jsonl`);
      expect(existsSync(path.join(datasetsDir, split as string))).toBe(true);
      if (OWN_SUITES[name as keyof typeof OWN_SUITES] === 'multiple_choice') {
        expect(suite.task).toBe('multiple_choice');
        expect(suite.dataset.fields.gold_type).toBe('index');
        expect(suite.choices?.labels).toBe('number');
        expect(suite.metrics.map((m) => m.name)).toEqual(['accuracy']);
      } else {
        expect(suite.task).toBe('short_answer');
        expect(suite.dataset.fields.aliases).toEqual(['aliases']);
        expect(suite.metrics.map((m) => m.name)).toEqual(['exact_match', 'char_f1']);
      }
    });
  }
});

async function readItems(name: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(datasetsDir, 'builtin', `${name}.jsonl`), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('suite-specific item conventions', () => {
  it('ja-kanji-reading: one 〔word〕 per sentence, kanji inside it, answers and aliases in hiragana', async () => {
    for (const item of await readItems('ja-kanji-reading')) {
      const q = item.question as string;
      const brackets = [...q.matchAll(/〔([^〕]+)〕/gu)];
      expect(brackets, item.id as string).toHaveLength(1);
      expect(brackets[0]![1], item.id as string).toMatch(/\p{Script=Han}/u);
      for (const reading of [item.answer, ...((item.aliases as string[]) ?? [])]) {
        expect(reading, item.id as string).toMatch(/^[ぁ-ゖー]+$/u);
      }
    }
  });

  it('ja-keigo and ja-particles: exactly one blank （　） per question', async () => {
    for (const name of ['ja-keigo', 'ja-particles']) {
      for (const item of await readItems(name)) {
        expect((item.question as string).split('（　）').length - 1, item.id as string).toBe(1);
      }
    }
  });

  // 敬語の指針 accepts these double honorifics as established; adding a further られる is still wrong.
  it('ja-keigo: no established form (お召し上がりになる, お伺いする) is ever marked wrong', async () => {
    for (const item of await readItems('ja-keigo')) {
      const choices = item.choices as string[];
      choices.forEach((c, i) => {
        if (i !== item.answer) expect(c, item.id as string).not.toMatch(/^(お召し上がりにな(?!られ)|お伺いし)/u);
      });
    }
  });
});

describe('builtin suites through the real loader and renderer', () => {
  it('ja-kanji-reading renders its first item as a completion prompt with aliases as references', async () => {
    const suite = await loadSuiteFile(path.join(projectRoot, 'suites/builtin/ja-kanji-reading.yaml'));
    const { items } = await loadSuiteItems(suite);
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(promptText(renderPrompt(suite, items[0]!, []))).toBe(
      '次の文の〔　〕内の語の読みを、送り仮名も含めてひらがなで答えてください。読みだけを答え、説明は書かないでください。\n\n' +
        '文：〔生憎〕の雨で、遠足は来週に延期された。\n読み：',
    );
    const withAlias = items.find((i) => i.id === 'kanji-007')!;
    expect(withAlias.references).toEqual(['はたち', 'にじゅっさい', 'にじっさい']);
  });

  it('ja-particles renders numbered choices and keeps the 0-based gold index', async () => {
    const suite = await loadSuiteFile(path.join(projectRoot, 'suites/builtin/ja-particles.yaml'));
    const { items } = await loadSuiteItems(suite);
    const first = items[0]!;
    const text = promptText(renderPrompt(suite, first, []));
    expect(text.endsWith(`${first.vars.question as string}\n1. ${first.choices![0]}\n2. ${first.choices![1]}\n3. ${first.choices![2]}\n4. ${first.choices![3]}\n答え：`)).toBe(true);
    expect(first.choices![first.goldIndex!]).toBe('から');
  });
});

describe('validateBuiltinDatasets on fixtures', () => {
  let dir: string;
  const mc = (id: string, question: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, question, choices: ['は', 'が', 'を', 'に'], answer: 1, rationale: '主語を示す。', ...extra });
  const sa = (id: string, question: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, question, answer: 'あいにく', aliases: [], rationale: '当て字。', ...extra });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-builtin-'));
    await mkdir(path.join(dir, 'builtin'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, lines: string[]): Promise<void> {
    await writeFile(path.join(dir, 'builtin', name), lines.join('\n') + '\n');
  }
  const run = (minItems = 2) => validateBuiltinDatasets(dir, { minItems });

  it('accepts well-formed files and reports stats', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴いている。'), mc('a-2', '犬（　）走っている。', { answer: 3 })]);
    await write('b.jsonl', [sa('b-1', '〔生憎〕の雨。'), sa('b-2', '〔生憎〕の天気だ。', { aliases: ['あいにくの'] })]);
    const { errors, stats } = await run();
    expect(errors).toEqual([]);
    expect(stats.items).toBe(4);
    expect(stats.files).toEqual([
      { file: 'builtin/a.jsonl', kind: 'multiple_choice', items: 2, goldPositions: [0, 1, 0, 1] },
      { file: 'builtin/b.jsonl', kind: 'short_answer', items: 2 },
    ]);
  });

  it('names file and line of a line that is not JSON', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。'), '{"id": "a-2", "question": ', mc('a-3', '犬（　）走る。')]);
    const { errors } = await run();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^builtin\/a\.jsonl:2: invalid JSON/);
  });

  it('reports missing and unknown fields and a rationale over several lines', async () => {
    const noRationale = JSON.parse(mc('a-1', '猫（　）鳴く。'));
    delete noRationale.rationale;
    await write('a.jsonl', [
      JSON.stringify(noRationale),
      mc('a-2', '犬（　）走る。', { rationle: 'typo' }),
      mc('a-3', '鳥（　）飛ぶ。', { rationale: '主語。\n二行目。' }),
    ]);
    const { errors } = await run();
    expect(errors).toEqual([
      'builtin/a.jsonl:1: field "rationale" must be a non-empty string',
      'builtin/a.jsonl:2: unknown field "rationle"',
      'builtin/a.jsonl:3: field "rationale" must be one line',
    ]);
  });

  it('finds duplicate ids within a file and across files', async () => {
    await write('a.jsonl', [mc('x-1', '猫（　）鳴く。'), mc('x-1', '犬（　）走る。')]);
    await write('b.jsonl', [sa('x-1', '〔生憎〕の雨。'), sa('b-2', '〔流石〕だ。')]);
    const { errors } = await run();
    expect(errors).toEqual([
      'builtin/a.jsonl:2: duplicate id "x-1" (first at builtin/a.jsonl:1)',
      'builtin/b.jsonl:1: duplicate id "x-1" (first at builtin/a.jsonl:1)',
    ]);
  });

  it('rejects a gold index outside the choices and a non-integer gold', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。', { answer: 4 }), mc('a-2', '犬（　）走る。', { answer: '1' })]);
    const { errors } = await run();
    expect(errors).toEqual([
      'builtin/a.jsonl:1: answer index 4 is outside choices 0..3',
      'builtin/a.jsonl:2: field "answer" must be an integer choice index',
    ]);
  });

  it('rejects repeated choices, counting full-width and half-width forms as the same', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。', { choices: ['ABC', 'ＡＢＣ', 'を', 'に'] }), mc('a-2', '犬（　）走る。')]);
    const { errors } = await run();
    expect(errors).toEqual(['builtin/a.jsonl:1: choice "ＡＢＣ" appears twice']);
  });

  it('rejects an empty short-answer gold and aliases that repeat it', async () => {
    await write('b.jsonl', [sa('b-1', '〔生憎〕の雨。', { answer: ' ' }), sa('b-2', '〔生憎〕だ。', { aliases: ['あいにく'] })]);
    const { errors } = await run();
    expect(errors).toEqual([
      'builtin/b.jsonl:1: field "answer" must be a non-empty string',
      'builtin/b.jsonl:2: aliases repeat the answer or each other',
    ]);
  });

  it('finds a question reused in another suite, ignoring width and spaces', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。'), mc('a-2', '犬（　）走る。')]);
    await write('b.jsonl', [mc('b-1', '猫( )鳴く。', { choices: ['で', 'へ', 'と', 'が'] }), mc('b-2', '鳥（　）飛ぶ。')]);
    const { errors } = await run();
    expect(errors).toEqual(['builtin/b.jsonl:1: duplicate question (first at builtin/a.jsonl:1)']);
  });

  it('allows a shared question within one file when the choices differ, but not an identical item', async () => {
    const q = 'より自然な文はどれですか。';
    await write('a.jsonl', [
      mc('a-1', q, { choices: ['雨が降る。', '雨を降る。'], answer: 0 }),
      mc('a-2', q, { choices: ['本を読む。', '本に読む。'], answer: 0 }),
      mc('a-3', q, { choices: ['雨が降る。', '雨を降る。'], answer: 0 }),
    ]);
    const { errors } = await run();
    expect(errors).toEqual(['builtin/a.jsonl:3: duplicate question (first at builtin/a.jsonl:1)']);
  });

  it('requires 100 items per file by default', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。')]);
    const { errors } = await validateBuiltinDatasets(dir);
    expect(errors).toEqual(['builtin/a.jsonl: 1 items, at least 100 required']);
  });

  it('rejects mixing multiple-choice and short-answer items in one file', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。'), sa('a-2', '〔生憎〕の雨。')]);
    const { errors } = await run();
    expect(errors).toEqual(['builtin/a.jsonl:2: short_answer item in a multiple_choice file (items of one file must share a kind)']);
  });

  it('runs kuromoji over every string and reports analyser failures by field', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。'), mc('a-2', '犬（　）走る。')]);
    const seen: string[] = [];
    const { errors } = await validateBuiltinDatasets(dir, {
      minItems: 2,
      tokenize: async (text) => {
        seen.push(text);
        if (text === '犬（　）走る。') throw new Error('boom');
        if (text === 'を') return ['x']; // tokens that do not join back to the text
        return [...text].filter((c) => !/\s/u.test(c)); // whitespace is not a token
      },
    });
    // 2 items x (question, rationale, 4 choices)
    expect(seen).toHaveLength(12);
    expect(errors).toEqual([
      'builtin/a.jsonl:1: field "choices[2]": tokens do not reproduce the text',
      'builtin/a.jsonl:2: field "question": tokenizer failed: boom',
      'builtin/a.jsonl:2: field "choices[2]": tokens do not reproduce the text',
    ]);
  });

  it('also accepts the builtin directory itself', async () => {
    await write('a.jsonl', [mc('a-1', '猫（　）鳴く。'), mc('a-2', '犬（　）走る。')]);
    const { errors, stats } = await validateBuiltinDatasets(path.join(dir, 'builtin'), { minItems: 2 });
    expect(errors).toEqual([]);
    expect(stats.files[0]?.file).toBe('a.jsonl');
  });
});
