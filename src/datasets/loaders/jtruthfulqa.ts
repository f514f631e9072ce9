import { DataError } from '../../util/errors.js';
import type { DatasetLoader, RawRecord } from '../types.js';
import { parsePythonStringList } from './python-list.js';
import { readText } from './qa-util.js';

/**
 * JTruthfulQA (nlp-waseda/JTruthfulQA `data/JTruthfulQA.csv`): RFC 4180 CSV with header
 * `Type,Category,Question,Original Answer,Correct Answers,Incorrect Answers`; the two answer columns
 * hold Python list literals. Yields
 * `{index, type, category, question, original_answer, correct_answers[], incorrect_answers[], mc1_choices[], mc1_gold, mc2_choices[], mc2_true}`
 * where `mc1_choices` = the original (best) answer followed by the incorrect answers, as in
 * TruthfulQA's MC1 setting (`mc1_gold` is therefore always 0), and `mc2_choices` = every true
 * answer (the original first, then the other correct answers, deduplicated) followed by every
 * incorrect one, the first `mc2_true` of them true (TruthfulQA's MC2). `index` = 1-based data row.
 */
const HEADER = ['Type', 'Category', 'Question', 'Original Answer', 'Correct Answers', 'Incorrect Answers'];

export const jtruthfulqaLoader: DatasetLoader = {
  name: 'jtruthfulqa',
  description: 'JTruthfulQA CSV (answer lists as Python literals), with MC1 choices',
  async *read(file: string): AsyncIterable<RawRecord> {
    const rows = parseCsv(file, await readText(file));
    const header = rows.shift();
    if (!header) throw new DataError(file, 'empty file');
    const col = new Map(header.cells.map((name, i) => [name.trim(), i]));
    for (const name of HEADER) if (!col.has(name)) throw new DataError(file, `missing column "${name}"`, { line: header.line });
    let index = 0;
    for (const row of rows) {
      if (row.cells.length === 1 && row.cells[0] === '') continue;
      index += 1;
      if (row.cells.length !== header.cells.length) {
        throw new DataError(file, `expected ${header.cells.length} columns, got ${row.cells.length}`, { line: row.line });
      }
      const get = (name: string): string => row.cells[col.get(name)!] ?? '';
      const list = (name: string): string[] => {
        try {
          return parsePythonStringList(get(name));
        } catch (err) {
          throw new DataError(file, `not a list of strings: ${(err as Error).message}`, { line: row.line, field: name });
        }
      };
      const question = get('Question').trim();
      const original = get('Original Answer').trim();
      if (question === '') throw new DataError(file, 'empty question', { line: row.line, field: 'Question' });
      if (original === '') throw new DataError(file, 'empty original answer', { line: row.line, field: 'Original Answer' });
      const correct = list('Correct Answers');
      const incorrect = list('Incorrect Answers');
      if (incorrect.length === 0) throw new DataError(file, 'no incorrect answers (MC1 needs at least one)', { line: row.line, field: 'Incorrect Answers' });
      yield {
        record: {
          index,
          type: get('Type'),
          category: get('Category'),
          question,
          original_answer: original,
          correct_answers: correct.length > 0 ? correct : [original],
          incorrect_answers: incorrect,
          mc1_choices: [original, ...incorrect],
          mc1_gold: 0,
          ...mc2(original, correct, incorrect),
        },
        file,
        line: row.line,
      };
    }
  },
};

/** MC2 choices: the true answers (original first, duplicates dropped) then the false ones. */
function mc2(original: string, correct: string[], incorrect: string[]): { mc2_choices: string[]; mc2_true: number } {
  const truths = [...new Set([original, ...correct])];
  const falses = incorrect.filter((f) => !truths.includes(f));
  return { mc2_choices: [...truths, ...falses], mc2_true: truths.length };
}

interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(file: string, text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (c === '\n') {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
      i++;
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new DataError(file, 'unterminated quoted field', { line: rowLine });
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
