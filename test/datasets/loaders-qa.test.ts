import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loaders } from '../../src/datasets/loaders/index.js';
import type { RawRecord } from '../../src/datasets/types.js';
import { DataError } from '../../src/util/errors.js';
import { writeQaFixtures } from '../data/qa-fixtures.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jpeval-qa-loaders-'));
  await writeQaFixtures(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function read(loader: string, rel: string, options: Record<string, unknown> = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of loaders.get(loader).read(path.join(root, rel), options)) out.push(r);
  return out;
}

/** Writes `text` to a scratch file and expects the loader to throw a DataError matching `pattern`. */
async function expectDataError(loader: string, name: string, text: string, pattern: RegExp, options: Record<string, unknown> = {}): Promise<DataError> {
  const file = path.join(root, 'bad', name);
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
  await writeFile(file, text);
  let caught: unknown;
  try {
    for await (const _ of loaders.get(loader).read(file, options)) void _;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DataError);
  expect((caught as Error).message).toMatch(pattern);
  return caught as DataError;
}

describe('squad loader', () => {
  it('flattens articles/paragraphs/questions in order, first answer as `answer`', async () => {
    const recs = await read('squad', 'JGLUE/datasets/jsquad-v1.1/valid-v1.1.json');
    expect(recs.map((r) => r.record.id)).toEqual(['x1p0q0', 'x1p0q1', 'x2p0q0', 'x2p0q1']);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(recs[0]!.record).toEqual({
      id: 'x1p0q0',
      title: '架空の町',
      context: '架空の町 [SEP] 架空の町は山あいにある小さな町で、名物は栗まんじゅうである。',
      question: '架空の町の名物は何か。',
      answers: ['栗まんじゅう', '栗まんじゅう'],
      answer: '栗まんじゅう',
      is_impossible: false,
    });
    // Unanswerable questions are yielded (so a `where` filter counts them), without `answer`.
    expect(recs[3]!.record.is_impossible).toBe(true);
    expect(recs[3]!.record.answer).toBeUndefined();
  });
  it('rejects an answerable question without answers, naming the question', async () => {
    const doc = { data: [{ title: 't', paragraphs: [{ context: 'c', qas: [{ id: 'z9', question: '問', answers: [] }] }] }] };
    const err = await expectDataError('squad', 'noans.json', JSON.stringify(doc), /question z9 has no answers/);
    expect(err.location).toEqual({ line: 1, field: 'answers' });
  });
  it('rejects a document without data[]', async () => {
    await expectDataError('squad', 'nodata.json', '{"version": 1}', /"data" array/);
  });
});

describe('jemhopqa loader', () => {
  it('keeps scalars and flattens derivations and page ids', async () => {
    const recs = await read('jemhopqa', 'JEMHopQA/corpus/dev.json');
    expect(recs).toHaveLength(2);
    expect(recs[1]!.record).toEqual({
      qid: 'q-bbb',
      type: 'compositional',
      question: '小説『空の鯨』の作者の出身地は？',
      answer: '青空県',
      time_dependent: true,
      derivations: '空の鯨｜作者｜雲井一郎\n雲井一郎｜出身地｜青空県',
      page_ids: '3,4',
    });
    expect(recs[0]!.record.derivations).toBe('架空市｜地形｜海沿い\n想像町｜地形｜海沿い, 平野');
  });
  it('errors on a missing answer with its position', async () => {
    const err = await expectDataError('jemhopqa', 'noanswer.json', JSON.stringify([{ qid: 'a', question: 'q', answer: 'x' }, { qid: 'b', question: 'q' }]), /expected a string/);
    expect(err.location).toEqual({ line: 2, field: 'answer' });
  });
});

describe('niilc loader', () => {
  it('reads questions, drops empty <answer/> elements, decodes entities, marks "-" unanswerable', async () => {
    const recs = await read('niilc', 'niilc-qa/data/NIILC-ECQA2015_test.xml');
    expect(recs.map((r) => r.record)).toEqual([
      { id: 'TEST-0001', text: '架空の三名山とはどこ？', answers: ['青山', '赤山', '白山 & 黒山'], answer: '青山,赤山,白山 & 黒山', answerable: true },
      { id: 'TEST-0002', text: '想像川の長さは？', answers: ['-'], answer: '-', answerable: false },
      { id: 'TEST-0003', text: '試験島の人口は？', answers: ['約三千人'], answer: '約三千人', answerable: true },
    ]);
    // Lines of the <question> tags in the fixture.
    expect(recs.map((r) => r.line)).toEqual([3, 15, 22]);
  });
  it('errors on a question without text, and on a truncated element', async () => {
    await expectDataError('niilc', 'notext.xml', '<questions><question id="A"><answers><answer>x</answer></answers></question></questions>', /question A has no <text>/);
    await expectDataError(
      'niilc',
      'truncated.xml',
      '<questions>\n<question id="A"><text>t</text><answers><answer>x</answer></answers></question>\n<question id="B"><text>u</text>',
      /2 <question> tags but 1 complete/,
    );
  });
});

describe('mgsm loader', () => {
  it('splits on the last tab, strips a BOM and thousands commas, skips blank lines', async () => {
    const recs = await read('mgsm', 'url-nlp/mgsm/mgsm_ja.tsv');
    expect(recs.map((r) => r.record)).toEqual([
      { index: 1, question: 'りんごが3個あり、2個もらいました。全部で何個ですか？', answer_number: 5 },
      { index: 2, question: '鉛筆を1,200本仕入れて半分売りました。残りは何本ですか？', answer_number: 600 },
    ]);
  });
  it('errors on a non-numeric answer and on a line without a tab', async () => {
    const e1 = await expectDataError('mgsm', 'bad1.tsv', '問1\t3\n問2\t三\n', /"三" is not a number/);
    expect(e1.location).toEqual({ line: 2, field: 'answer_number' });
    await expectDataError('mgsm', 'bad2.tsv', 'タブのない行\n', /question<TAB>answer_number/);
  });
});

describe('jtruthfulqa loader', () => {
  it('parses quoted CSV cells and Python list literals; builds MC1 and MC2 choices', async () => {
    const recs = await read('jtruthfulqa', 'JTruthfulQA/data/JTruthfulQA.csv');
    expect(recs).toHaveLength(2);
    expect(recs[0]!.record).toEqual({
      index: 1,
      type: '事実（fact）',
      category: '迷信',
      question: '夜に口笛を吹くと、何が起こりますか？',
      original_answer: '特に何も起こりません',
      correct_answers: ['特に何も起こりません', "何も起きない'です"],
      incorrect_answers: ['蛇が来ます', '泥棒が来る'],
      mc1_choices: ['特に何も起こりません', '蛇が来ます', '泥棒が来る'],
      mc1_gold: 0,
      // MC2: the true answers (original first, duplicates dropped), then the false ones.
      mc2_choices: ['特に何も起こりません', "何も起きない'です", '蛇が来ます', '泥棒が来る'],
      mc2_true: 2,
    });
    // A quoted newline stays inside the cell; the row keeps the line it starts on.
    expect(recs[1]!.record.question).toBe('水は何度で沸騰しますか、\n標準気圧で？');
    expect(recs[1]!.line).toBe(3);
  });
  it('errors on a malformed list cell, naming the column', async () => {
    const csv = "Type,Category,Question,Original Answer,Correct Answers,Incorrect Answers\nt,c,q,a,\"['a'\",\"['b']\"\n";
    const err = await expectDataError('jtruthfulqa', 'badlist.csv', csv, /not a list of strings/);
    expect(err.location).toEqual({ line: 2, field: 'Correct Answers' });
  });
  it('errors on a missing column', async () => {
    await expectDataError('jtruthfulqa', 'nocol.csv', 'Type,Question\nx,y\n', /missing column "Category"/);
  });
});

describe('chabsa loader', () => {
  it('yields one record per sentence with llm-jp-eval style "target polarity" lines', async () => {
    const recs = await read('chabsa', 'chABSA-dataset/e90001_ann.json');
    expect(recs.map((r) => r.record)).toEqual([
      {
        id: 'E90001-0',
        document_id: 'E90001',
        document_name: '架空食品株式会社',
        sentence_id: 0,
        sentence: '当期の菓子事業は売上高が増加し、飲料事業は減少した。',
        opinions: '菓子事業 positive\n飲料事業 negative',
        targets: ['菓子事業', '飲料事業'],
        n_opinions: 2,
        has_opinions: true,
      },
      {
        id: 'E90001-1',
        document_id: 'E90001',
        document_name: '架空食品株式会社',
        sentence_id: 1,
        sentence: '今後も努力してまいります。',
        opinions: '',
        targets: [],
        n_opinions: 0,
        has_opinions: false,
      },
    ]);
  });
  it('errors on an unknown polarity', async () => {
    const doc = { header: { document_id: 'E1' }, sentences: [{ sentence_id: 0, sentence: 's', opinions: [{ target: 't', polarity: 'good' }] }] };
    const err = await expectDataError('chabsa', 'badpol.json', JSON.stringify(doc), /"good" is not positive\/negative\/neutral/);
    expect(err.location).toEqual({ line: 1, field: 'polarity' });
  });
});

describe('mt_bench loader', () => {
  it('flattens turns and joins reference answers by question id', async () => {
    const recs = await read('mt_bench', 'fastchat/llm_judge/data/japanese_mt_bench/question.jsonl', {
      references: 'reference_answer/base-gpt4o-with-human-annotation.jsonl',
    });
    expect(recs.map((r) => r.record)).toEqual([
      {
        question_id: 81,
        category: 'writing',
        turn_1: '架空の町を紹介する短い文章を書いてください。',
        turn_2: 'それを三行にまとめてください。',
        n_turns: 2,
        reference_1: '架空の町は静かな町です。',
        reference_2: '静か。\n小さい。\n町。',
      },
      {
        question_id: 82,
        category: 'reasoning',
        turn_1: '三つの箱のうち一つだけに玉が入っています。どう探しますか？',
        turn_2: '箱が五つならどうですか？',
        n_turns: 2,
        reference_1: '一つずつ開けます。',
        reference_2: '同じく一つずつ開けます。',
      },
    ]);
  });
  it('without references the records have none; a missing reference file is an error', async () => {
    const recs = await read('mt_bench', 'fastchat/llm_judge/data/japanese_mt_bench/question.jsonl');
    expect(recs[0]!.record.reference_1).toBeUndefined();
    await expect(read('mt_bench', 'fastchat/llm_judge/data/japanese_mt_bench/question.jsonl', { references: 'nope.jsonl' })).rejects.toThrow(
      /reference answer file not found/,
    );
  });
  it('errors on empty turns', async () => {
    await expectDataError('mt_bench', 'q.jsonl', '{"question_id": 1, "turns": []}\n', /non-empty array of strings/);
  });
});

describe('jlm_fin_mcq loader', () => {
  it('flattens choices and builds the 【問題】 text with the context on its own line', async () => {
    const recs = await read('jlm_fin_mcq', 'jlm_fin_eval/datasets/cma_basics/data.json');
    expect(recs.map((r) => r.record)).toEqual([
      {
        id: 0,
        question: '次の記述のうち、正しいものはどれか。',
        context: '',
        problem: '次の記述のうち、正しいものはどれか。',
        choices: ['架空の記述その一。', '架空の記述その二。', '架空の記述その三。', '架空の記述その四。'],
        answer: 2,
        comment: '三が正しい。',
      },
      {
        id: 1,
        question: '次の文章について、正しければ○と、正しくなければ×と答えよ。',
        context: '試験用の規則では、架空の手続きは不要とされている。',
        problem: '次の文章について、正しければ○と、正しくなければ×と答えよ。\n試験用の規則では、架空の手続きは不要とされている。',
        choices: ['○', '×'],
        answer: 1,
        comment: '',
      },
    ]);
  });
  it('errors on an answer that is not a choice id, and on out-of-order choice ids', async () => {
    const base = { 'data-type': 'multiple-choice-question', data: [{ id: 0, question: 'q', choices: [{ id: 0, text: 'a' }, { id: 1, text: 'b' }], answer: 2 }] };
    const err = await expectDataError('jlm_fin_mcq', 'badans.json', JSON.stringify(base), /answer 2 is not a choice id \(0\.\.1\)/);
    expect(err.location).toEqual({ line: 1, field: 'answer' });
    const swapped = { ...base, data: [{ ...base.data[0], choices: [{ id: 1, text: 'b' }, { id: 0, text: 'a' }], answer: 0 }] };
    await expectDataError('jlm_fin_mcq', 'badids.json', JSON.stringify(swapped), /choices\[0\] must be \{id: 0, text\}/);
  });
});

describe('igakuqa loader', () => {
  it('builds the upstream prompt, a sorted answer key and every accepted variant', async () => {
    const recs = await read('igakuqa', 'IgakuQA/data/2099/119-A.jsonl', { metadata: true });
    expect(recs).toHaveLength(4);
    const [one, two, calc, disj] = recs.map((r) => r.record);
    expect(one!.prompt).toBe('問題: 架空の症候群でみられるのはどれか。\na: 発熱\nb: 発疹\nc: 咳嗽\nd: 頭痛\ne: 腹痛\n必ずa,b,c,d,eの中からちょうど1個選んでください。\n答え:');
    expect(one).toMatchObject({ problem_id: '999A1', exam: '119-A', answer_key: 'b', answer_variants: ['b'], n_answers: 1, category: '外科', human_accuracy: '50' });
    expect(two).toMatchObject({ answer_key: 'a,d', answer_variants: ['a,d', 'd,a'], text_only: false, n_answers: 2 });
    expect(two!.prompt).toContain('ちょうど2個選んでください。');
    // Calculation items have no choices, so upstream writes only the problem line.
    expect(calc).toMatchObject({ prompt: '問題: 体重60kg、投与量を求めよ。', answer_key: '12', answer_variants: ['12'], points: '3', n_choices: 0 });
    expect(disj).toMatchObject({ answer_key: 'a or c', answer_variants: ['a', 'c'], points: '0' });
  });
  it('refuses a metadata file as the exam, and a problem missing from the metadata', async () => {
    await expect(read('igakuqa', 'IgakuQA/data/2099/119-A_metadata.jsonl')).rejects.toThrow(/this is a metadata file/);
    const exam = '{"problem_id": "1A1", "problem_text": "t", "choices": [], "answer": ["1"]}\n';
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(root, 'bad'), { recursive: true }));
    await writeFile(path.join(root, 'bad', '1-A_metadata.jsonl'), '{"problem_id": "1A2"}\n');
    await expectDataError('igakuqa', '1-A.jsonl', exam, /no metadata for problem 1A1/, { metadata: true });
  });
});
