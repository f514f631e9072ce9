/**
 * Checks jpeval's own item files (`datasets/builtin/*.jsonl`), which its engineers write by hand.
 *
 * Item file format: JSON lines, one item per line, every item of a file of the same kind.
 *
 *   multiple choice (answer = 0-based index into choices):
 *     {"id": "keigo-001", "question": "...", "choices": ["...", "...", "...", "..."], "answer": 2,
 *      "rationale": "one line, Japanese or English, saying why the answer is right"}
 *
 *   short answer (aliases = other accepted answers, may be empty or absent):
 *     {"id": "kanji-001", "question": "...", "answer": "あいにく", "aliases": [], "rationale": "..."}
 *
 * Suite YAMLs point at these files with `fields: {id: id, choices: choices, gold: answer,
 * gold_type: index}` (multiple choice) or `{id: id, gold: answer, gold_type: text, aliases: [aliases]}`.
 *
 * The checks (each error names file:line): every line parses as a JSON object; required fields are
 * present and well typed (the rationale one line); no unknown fields (catches typos such as
 * "rationle"); ids are unique within and across files; a choice gold is an integer index into the choices and the choices are
 * distinct; a short-answer gold is non-empty; the same question text does not appear in two files
 * (inside one file, only the same question with the same choices counts as a duplicate, so
 * minimal-pair suites may reuse a generic question); each file holds at least 100 items; and the
 * morphological analyser parses every string and its tokens join back to the original text.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { morphemes } from '../scoring/tokenizer.js';

export const MIN_ITEMS_PER_FILE = 100;
/** Sub-directory of the builtin dir holding each suite's few-shot examples. */
export const FEWSHOT_DIR = 'fewshot';

/**
 * Splits text into token surfaces (whitespace tokens dropped, as the scoring tokenizer does);
 * injectable so tests can simulate an analyser failure.
 */
export type SurfaceTokenizer = (text: string) => Promise<string[]>;

export interface ValidateBuiltinOptions {
  /** Minimum items per file (default 100); tests lower it to keep fixtures small. */
  minItems?: number;
  tokenize?: SurfaceTokenizer;
}

export interface BuiltinFileStats {
  /** Path relative to the scanned directory. */
  file: string;
  kind: 'multiple_choice' | 'short_answer' | 'unknown';
  items: number;
  /** Multiple choice only: how many items have their gold at each position (balance check for authors). */
  goldPositions?: number[];
}

export interface BuiltinStats {
  files: BuiltinFileStats[];
  items: number;
}

// `phenomenon` (optional): the grammatical phenomenon a minimal-pair item tests (ja-minimal-pairs), for per-phenomenon breakdowns.
// `difficulty` (optional): `easy` or `hard` (needs real knowledge or reasoning); results are broken down by it.
const MC_KEYS = new Set(['id', 'question', 'choices', 'answer', 'rationale', 'phenomenon', 'difficulty']);
const SA_KEYS = new Set(['id', 'question', 'answer', 'aliases', 'rationale', 'difficulty']);
const DIFFICULTIES = new Set(['easy', 'hard']);

type Obj = Record<string, unknown>;

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** Comparison key for duplicate detection: width and spacing differences do not make a new question. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** `dir/builtin` when it exists (the project's datasets/ dir was given), else `dir` itself. */
async function resolveBuiltinDir(dir: string): Promise<string> {
  const nested = path.join(dir, 'builtin');
  try {
    if ((await stat(nested)).isDirectory()) return nested;
  } catch {
    // not there: dir is the builtin directory itself
  }
  return dir;
}

/** The strings of an item that a model or a metric will see, with the field each came from. */
function itemStrings(item: Obj): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ['question', 'rationale'] as const) {
    if (typeof item[key] === 'string') out.push([key, item[key]]);
  }
  if (typeof item.answer === 'string') out.push(['answer', item.answer]);
  for (const key of ['choices', 'aliases'] as const) {
    const list = item[key];
    if (Array.isArray(list)) list.forEach((v, i) => typeof v === 'string' && out.push([`${key}[${i}]`, v]));
  }
  return out;
}

/** Field-level checks of one parsed item; returns problems without the file:line prefix. */
function checkItemFields(item: Obj): { kind: 'multiple_choice' | 'short_answer'; problems: string[] } {
  const problems: string[] = [];
  const kind = 'choices' in item ? 'multiple_choice' : 'short_answer';
  const allowed = kind === 'multiple_choice' ? MC_KEYS : SA_KEYS;
  for (const key of Object.keys(item)) {
    if (!allowed.has(key)) problems.push(`unknown field "${key}"`);
  }
  if (!isNonEmptyString(item.id)) problems.push('field "id" must be a non-empty string');
  if (!isNonEmptyString(item.question)) problems.push('field "question" must be a non-empty string');
  if ('phenomenon' in item && !isNonEmptyString(item.phenomenon)) problems.push('field "phenomenon" must be a non-empty string');
  if ('difficulty' in item && !DIFFICULTIES.has(item.difficulty as string)) problems.push('field "difficulty" must be "easy" or "hard"');
  if (!isNonEmptyString(item.rationale)) problems.push('field "rationale" must be a non-empty string');
  else if (/[\r\n]/.test(item.rationale)) problems.push('field "rationale" must be one line');
  if (kind === 'multiple_choice') {
    const choices = item.choices;
    if (!Array.isArray(choices) || choices.length < 2 || !choices.every(isNonEmptyString)) {
      problems.push('field "choices" must be an array of at least 2 non-empty strings');
    } else {
      const seen = new Set<string>();
      for (const c of choices) {
        const key = normalize(c);
        if (seen.has(key)) problems.push(`choice "${c}" appears twice`);
        seen.add(key);
      }
      const gold = item.answer;
      if (!Number.isInteger(gold)) problems.push('field "answer" must be an integer choice index');
      else if ((gold as number) < 0 || (gold as number) >= choices.length) {
        problems.push(`answer index ${String(gold)} is outside choices 0..${choices.length - 1}`);
      }
    }
  } else {
    if (!('answer' in item)) problems.push('missing field "answer"');
    else if (!isNonEmptyString(item.answer)) problems.push('field "answer" must be a non-empty string');
    if ('aliases' in item) {
      const aliases = item.aliases;
      if (!Array.isArray(aliases) || !aliases.every(isNonEmptyString)) {
        problems.push('field "aliases" must be an array of non-empty strings');
      } else if (typeof item.answer === 'string') {
        const all = [item.answer, ...aliases].map(normalize);
        if (new Set(all).size !== all.length) problems.push('aliases repeat the answer or each other');
      }
    }
  }
  return { kind, problems };
}

async function checkTokenizes(item: Obj, tokenize: SurfaceTokenizer): Promise<string[]> {
  const problems: string[] = [];
  for (const [field, text] of itemStrings(item)) {
    if (!isNonEmptyString(text)) continue; // blank strings are already reported as field errors
    try {
      const surfaces = await tokenize(text);
      // Whitespace is not a token, so compare against the text without it.
      if (surfaces.length === 0 || surfaces.join('') !== text.replace(/\s+/gu, '')) {
        problems.push(`field "${field}": tokens do not reproduce the text`);
      }
    } catch (err) {
      problems.push(`field "${field}": tokenizer failed: ${(err as Error).message}`);
    }
  }
  return problems;
}

/**
 * Validates every `*.jsonl` in `datasetsDir/builtin` (or in `datasetsDir` itself when it has no
 * `builtin/` subdirectory). Resolves with all problems found, never throws for bad data.
 */
export async function validateBuiltinDatasets(
  datasetsDir: string,
  options: ValidateBuiltinOptions = {},
): Promise<{ errors: string[]; stats: BuiltinStats }> {
  const minItems = options.minItems ?? MIN_ITEMS_PER_FILE;
  const tokenize = options.tokenize ?? morphemes;
  const dir = await resolveBuiltinDir(datasetsDir);
  const errors: string[] = [];
  const stats: BuiltinStats = { files: [], items: 0 };

  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch (err) {
    return { errors: [`cannot read ${dir}: ${(err as Error).message}`], stats };
  }
  // Few-shot example files (fewshot/<suite>.jsonl): same checks, no minimum size, and their
  // questions may not repeat the suite's evaluated items (an example must never be a test item).
  const fewshotNames = await readdir(path.join(dir, FEWSHOT_DIR)).then(
    (list) => list.filter((n) => n.endsWith('.jsonl')).sort().map((n) => `${FEWSHOT_DIR}/${n}`),
    () => [] as string[],
  );
  names.push(...fewshotNames);
  if (names.length === 0) errors.push(`${dir}: no .jsonl item files`);

  const idsSeen = new Map<string, string>();
  // Keyed by suite (a suite's item file and its few-shot file form one group).
  const questionsSeen = new Map<string, { group: string; file: string; where: string; choicesKey: string }>();

  for (const name of names) {
    const rel = path.relative(datasetsDir, path.join(dir, name)) || name;
    const lines = (await readFile(path.join(dir, name), 'utf8')).split('\n');
    if (lines.at(-1) === '') lines.pop(); // the final newline does not start an item
    const fileStats: BuiltinFileStats = { file: rel, kind: 'unknown', items: 0 };
    const goldPositions: number[] = [];
    let fileKind: BuiltinFileStats['kind'] | undefined;

    for (let i = 0; i < lines.length; i++) {
      const where = `${rel}:${i + 1}`;
      const line = lines[i] ?? '';
      if (line.trim() === '') {
        errors.push(`${where}: empty line`);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        errors.push(`${where}: invalid JSON: ${(err as Error).message}`);
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        errors.push(`${where}: a line must hold one JSON object`);
        continue;
      }
      const item = parsed as Obj;
      fileStats.items++;
      const { kind, problems } = checkItemFields(item);
      fileKind ??= kind;
      if (kind !== fileKind) problems.push(`${kind} item in a ${fileKind} file (items of one file must share a kind)`);
      problems.push(...(await checkTokenizes(item, tokenize)));

      if (isNonEmptyString(item.id)) {
        const first = idsSeen.get(item.id);
        if (first) problems.push(`duplicate id "${item.id}" (first at ${first})`);
        else idsSeen.set(item.id, where);
      }
      if (isNonEmptyString(item.question)) {
        const key = normalize(item.question);
        const choicesKey = Array.isArray(item.choices) ? JSON.stringify(item.choices.map(String).map(normalize)) : '';
        const first = questionsSeen.get(key);
        const group = path.basename(name);
        if (first && (first.group !== group || first.choicesKey === choicesKey)) {
          problems.push(`duplicate question (first at ${first.where})`);
        } else if (!first) questionsSeen.set(key, { group, file: rel, where, choicesKey });
      }
      if (kind === 'multiple_choice' && Number.isInteger(item.answer)) {
        const gold = item.answer as number;
        goldPositions[gold] = (goldPositions[gold] ?? 0) + 1;
      }
      for (const p of problems) errors.push(`${where}: ${p}`);
    }

    fileStats.kind = fileKind ?? 'unknown';
    if (fileKind === 'multiple_choice') fileStats.goldPositions = Array.from(goldPositions, (n) => n ?? 0);
    if (!name.startsWith(`${FEWSHOT_DIR}/`) && fileStats.items < minItems) errors.push(`${rel}: ${fileStats.items} items, at least ${minItems} required`);
    stats.files.push(fileStats);
    stats.items += fileStats.items;
  }
  return { errors, stats };
}
