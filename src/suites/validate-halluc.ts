import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { FROZEN_SEED, generateEntityRecords, realNames } from '../datasets/generators/fake-entities.js';
import { ENTITY_TYPES, PARTS } from '../datasets/generators/entity-lexicon.js';
import { gradeShortAnswer } from '../scoring/hallucination/grade.js';
import { groundingMentions } from '../scoring/hallucination/grounding.js';

/**
 * `jpeval validate` checks for the hallucination suites' own items (datasets/builtin/…):
 *  - halluc-closedbook and halluc-grounded: every accepted answer (gold and aliases) is graded
 *    `correct` by the three-way grader against the item's own list, so a model that answers
 *    exactly right can score 1; grounded gold answers mention nothing their excerpt lacks;
 *  - halluc-fake-entities: the shipped frozen list is exactly the generator's output for its seed,
 *    no fabricated name is a real entity, and no fabricated name (frozen, or any the generator can
 *    draw for stations, companies, laws and people) occurs in the project's corpus (datasets/corpus).
 * Each problem names file:line.
 */
export interface HallucValidation {
  errors: string[];
  stats: Record<string, number>;
}

interface Row {
  line: number;
  value: Record<string, unknown>;
}

async function readRows(file: string): Promise<Row[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  return text.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [{ line: i + 1, value: JSON.parse(l) as Record<string, unknown> }]));
}

async function checkAnswers(file: string, rows: Row[], errors: string[], grounded: boolean): Promise<void> {
  const name = path.basename(file);
  for (const { line, value } of rows) {
    const accepted = [String(value.answer), ...((value.aliases as string[] | undefined) ?? [])];
    for (const answer of accepted) {
      const g = await gradeShortAnswer(answer, accepted);
      if (g.grade !== 'correct') errors.push(`${name}:${line}: accepted answer ${JSON.stringify(answer)} is graded ${g.grade} (${g.reason}) by its own grader`);
    }
    if (grounded) {
      const missing = (await groundingMentions(String(value.answer), String(value.source))).filter((m) => !m.supported);
      if (missing.length) errors.push(`${name}:${line}: gold answer mentions ${missing.map((m) => m.text).join(', ')}, absent from its source`);
    }
  }
}

async function corpusText(datasetsDir: string): Promise<string> {
  const dir = path.join(datasetsDir, 'corpus');
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt'));
  } catch {
    return '';
  }
  return (await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')))).join('\n').normalize('NFKC');
}

export async function validateHallucinationItems(datasetsDir: string): Promise<HallucValidation> {
  const errors: string[] = [];
  const stats: Record<string, number> = {};
  const builtin = path.join(datasetsDir, 'builtin');

  const closedbook = await readRows(path.join(builtin, 'halluc-closedbook.jsonl'));
  if (closedbook) {
    stats['halluc-closedbook'] = closedbook.length;
    await checkAnswers(path.join(builtin, 'halluc-closedbook.jsonl'), closedbook, errors, false);
  }
  const groundedFile = path.join(builtin, 'halluc', 'grounded-v1.jsonl');
  const grounded = await readRows(groundedFile);
  if (grounded) {
    stats['halluc-grounded'] = grounded.length;
    await checkAnswers(groundedFile, grounded, errors, true);
  }

  const fakesFile = path.join(builtin, 'halluc', 'fake-entities-v1.jsonl');
  const frozen = await readRows(fakesFile);
  if (frozen) {
    stats['halluc-fake-entities'] = frozen.length;
    const expected = generateEntityRecords(FROZEN_SEED).map((r) => JSON.stringify(r));
    frozen.forEach(({ line, value }, i) => {
      if (JSON.stringify(value) !== expected[i]) errors.push(`fake-entities-v1.jsonl:${line}: differs from the generator's output for seed ${FROZEN_SEED} (regenerate with scripts/write-fake-entities.ts)`);
    });
    if (frozen.length !== expected.length) errors.push(`fake-entities-v1.jsonl: ${frozen.length} records, the generator gives ${expected.length}`);
    const reals = realNames();
    const corpus = await corpusText(datasetsDir);
    const fakes = new Map<string, string>(frozen.filter((r) => r.value.real === false).map((r) => [String(r.value.entity), `fake-entities-v1.jsonl:${r.line}`]));
    for (const type of ENTITY_TYPES.filter((t) => t !== 'jis' && t !== 'product')) {
      for (const a of PARTS[type].first) for (const b of PARTS[type].second) {
        const name = PARTS[type].format(a, b, 0);
        if (!fakes.has(name)) fakes.set(name, `generator part list (${type})`);
      }
    }
    for (const [name, where] of fakes) {
      if (reals.has(name)) errors.push(`${where}: fabricated name ${name} is in the real-entity list`);
      if (corpus.includes(name.normalize('NFKC'))) errors.push(`${where}: fabricated name ${name} occurs in datasets/corpus`);
    }
    stats['fabricated names checked'] = fakes.size;
  }
  return { errors, stats };
}
