/**
 * `jpeval validate` for the industrial suites (datasets/industrial/*.jsonl and their generators).
 * Every item of the frozen sets, and the items the generators produce for a check seed, must pass:
 *  - unique ids per file; every line one JSON object;
 *  - ind-unit-calc: the gold value equals the template's computation from the item's parameters
 *    (within a hundredth of the item's tolerance), the question is the template's, and the gold text
 *    passes the dimension checker;
 *  - ind-plc-st: the gold program passes its own test vectors and invariants;
 *  - ind-fmea: choice-set golds name existing options and score 1; RPN golds equal S×O×D (etc.) from
 *    the parameters;
 *  - ind-phys-commonsense: two distinct choices; gold first in half the items (±1);
 *  - ind-exam-style: exam and section known to the pass rules; gold index valid; ○× items balanced;
 *  - every Japanese string is parsed by kuromoji and its tokens join back to the text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fmeaGenerator, rpnFromParams } from '../datasets/generators/ind-fmea.js';
import { PLC_TEMPLATES, plcGenerator, plcRecord } from '../datasets/generators/ind-plc-st.js';
import { recordKey } from '../datasets/generate.js';
import { unitCalcGenerator } from '../datasets/generators/ind-unit-calc.js';
import { findTemplate } from '../industrial/unit-calc-templates.js';
import { checkStAnswer, type StTest } from '../plc/run-vectors.js';
import { fmeaValue } from '../scoring/metrics/industrial/choice-set.js';
import { EXAM_RULES } from '../scoring/metrics/industrial/exam-pass.js';
import { morphemes } from '../scoring/tokenizer.js';
import { checkQuantityAnswer } from '../scoring/units/check-quantity.js';
import type { Item } from '../datasets/types.js';

type Rec = Record<string, unknown>;
export type Tokenize = (text: string) => Promise<string[]>;

/** Seed whose generated items are validated along with the frozen sets. */
export const CHECK_SEED = 1234;
const CHECK_COUNT = 100;

function asItem(r: Rec): Item {
  return { id: String(r.id), vars: r, references: [], origin: { file: 'validate' } };
}

function checkUnitCalc(r: Rec): string[] {
  const t = findTemplate(String(r.template));
  if (!t) return [`unknown template "${String(r.template)}"`];
  const params = r.params as Record<string, number>;
  const expected = t.compute(params);
  const value = r.value as number;
  const problems: string[] = [];
  if (!(Math.abs(expected - value) <= (t.rel_tol / 100) * Math.abs(expected))) problems.push(`gold value ${value} differs from ${expected} computed from the parameters`);
  if (r.question !== t.question(params)) problems.push('question does not match its template and parameters');
  const verdict = checkQuantityAnswer(`答え：${String(r.answer)}`, { value, unit: String(r.unit), rel_tol: r.rel_tol as number, ...(r.temperature ? { temperature: r.temperature as 'absolute' } : {}) });
  if (!verdict.correct) problems.push(`gold text "${String(r.answer)}" fails its own checker (${verdict.code})`);
  return problems;
}

function checkPlc(r: Rec): string[] {
  const verdict = checkStAnswer(String(r.answer), r.test as StTest);
  if (verdict.pass) return [];
  const at = verdict.line !== undefined ? ` at ${verdict.line}:${verdict.col}` : '';
  return [`gold program fails its own test: ${verdict.code}${at} ${verdict.message ?? ''} ${verdict.failure ? JSON.stringify(verdict.failure) : ''}`.trim()];
}

function checkFmea(r: Rec): string[] {
  const problems: string[] = [];
  if (r.kind === 'rpn') {
    const expected = rpnFromParams(String(r.variant), r.params as Record<string, number>);
    if (expected !== r.value) problems.push(`RPN ${String(r.value)} differs from ${expected} computed from the parameters`);
  } else {
    const set = r.answer_set as number[];
    const options = String(r.question).split('\n').filter((l) => /^\d+\. /.test(l)).length;
    if (!Array.isArray(set) || set.length === 0 || set.some((n) => !Number.isInteger(n) || n < 1 || n > options)) problems.push(`answer_set ${JSON.stringify(set)} does not name options 1..${options}`);
  }
  if (fmeaValue(String(r.answer), asItem(r)) !== 1) problems.push(`gold "${String(r.answer)}" does not score 1 on its own checker`);
  return problems;
}

function checkChoiceItem(r: Rec, n?: number): string[] {
  const choices = r.choices as unknown[];
  const problems: string[] = [];
  if (!Array.isArray(choices) || (n !== undefined && choices.length !== n) || choices.length < 2) problems.push(`expected ${n ?? 'at least 2'} choices`);
  else if (new Set(choices.map((c) => String(c).normalize('NFKC'))).size !== choices.length) problems.push('choices repeat');
  if (!Number.isInteger(r.answer) || (r.answer as number) < 0 || (r.answer as number) >= (choices?.length ?? 0)) problems.push('answer is not a valid choice index');
  return problems;
}

function checkExam(r: Rec): string[] {
  const problems = checkChoiceItem(r);
  const rule = EXAM_RULES[String(r.exam)];
  if (!rule) problems.push(`unknown exam "${String(r.exam)}"`);
  else if (rule.perSection && !rule.sections.includes(String(r.section))) problems.push(`section "${String(r.section)}" is not one of ${rule.sections.join(', ')}`);
  return problems;
}

/** Japanese strings of a record (item text a model or reader sees), with their field names. */
function strings(r: Rec): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ['question', 'interface', 'rationale', 'topic', 'section', 'equipment', 'mode']) if (typeof r[key] === 'string') out.push([key, r[key] as string]);
  if (Array.isArray(r.choices)) r.choices.forEach((c, i) => typeof c === 'string' && out.push([`choices[${i}]`, c]));
  return out;
}

const CHECKERS: Record<string, (r: Rec) => string[]> = {
  'ind-unit-calc': checkUnitCalc,
  'ind-plc-st': checkPlc,
  'ind-fmea': checkFmea,
  'ind-phys-commonsense': (r) => checkChoiceItem(r, 2),
  'ind-exam-style': checkExam,
};

const GENERATED: Record<string, () => Rec[]> = {
  'ind-unit-calc': () => unitCalcGenerator.generate(CHECK_SEED, CHECK_COUNT),
  'ind-plc-st': () => plcGenerator.generate(CHECK_SEED, CHECK_COUNT),
  'ind-fmea': () => fmeaGenerator.generate(CHECK_SEED, CHECK_COUNT),
};

export interface IndustrialStats {
  [suite: string]: { frozen: number; generated: number };
}

async function checkRecords(label: string, records: Rec[], check: (r: Rec) => string[], tokenize: Tokenize, errors: string[]): Promise<void> {
  for (const [i, r] of records.entries()) {
    const where = `${label}:${i + 1}`;
    for (const p of check(r)) errors.push(`${where}: ${p}`);
    for (const [field, text] of strings(r)) {
      try {
        const tokens = await tokenize(text);
        if (tokens.length === 0 || tokens.join('') !== text.replace(/\s+/gu, '')) errors.push(`${where}: field "${field}": tokens do not reproduce the text`);
      } catch (err) {
        errors.push(`${where}: field "${field}": tokenizer failed: ${(err as Error).message}`);
      }
    }
  }
}

export async function validateIndustrial(datasetsDir: string, options: { tokenize?: Tokenize; minItems?: number } = {}): Promise<{ errors: string[]; stats: IndustrialStats }> {
  const tokenize = options.tokenize ?? morphemes;
  const minItems = options.minItems ?? 100;
  const errors: string[] = [];
  const stats: IndustrialStats = {};
  for (const [suite, check] of Object.entries(CHECKERS)) {
    const file = path.join(datasetsDir, 'industrial', `${suite}.jsonl`);
    const rel = path.relative(datasetsDir, file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      errors.push(`${rel}: cannot read: ${(err as Error).message}`);
      continue;
    }
    const records: Rec[] = [];
    const ids = new Map<string, number>();
    const contents = new Map<string, string>();
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const r = JSON.parse(line) as Rec;
        const first = ids.get(String(r.id));
        if (typeof r.id !== 'string' || r.id === '') errors.push(`${rel}:${i + 1}: missing id`);
        else if (first) errors.push(`${rel}:${i + 1}: duplicate id "${r.id}" (first at line ${first})`);
        else ids.set(r.id, i + 1);
        const same = contents.get(recordKey(r));
        if (same !== undefined) errors.push(`${rel}:${i + 1}: item "${String(r.id)}" repeats item "${same}" (same content)`);
        else contents.set(recordKey(r), String(r.id));
        records.push(r);
      } catch (err) {
        errors.push(`${rel}:${i + 1}: invalid JSON: ${(err as Error).message}`);
      }
    });
    await checkRecords(rel, records, check, tokenize, errors);
    const generated = GENERATED[suite]?.() ?? [];
    await checkRecords(`generator:${suite}@seed${CHECK_SEED}`, generated, check, tokenize, errors);
    if (records.length + generated.length < minItems) errors.push(`${rel}: ${records.length} items (+${generated.length} generated), at least ${minItems} required`);
    if (suite === 'ind-phys-commonsense') {
      const first = records.filter((r) => r.answer === 0).length;
      if (Math.abs(first * 2 - records.length) > 1) errors.push(`${rel}: the true statement is first in ${first} of ${records.length} items (must be half)`);
    }
    if (suite === 'ind-exam-style') {
      const tf = records.filter((r) => r.format === 'truefalse');
      const o = tf.filter((r) => (r.choices as string[])[r.answer as number] === '○').length;
      if (Math.abs(o * 2 - tf.length) > 1) errors.push(`${rel}: ${o} of ${tf.length} ○× items have ○ as the answer (must be half)`);
    }
    stats[suite] = { frozen: records.length, generated: generated.length };
  }
  // Every template of ind-plc-st is covered by the frozen set.
  const templates = new Set(PLC_TEMPLATES.map((t) => t.id));
  if (templates.size !== PLC_TEMPLATES.length) errors.push('ind-plc-st: duplicate template ids');
  void plcRecord;
  return { errors, stats };
}
