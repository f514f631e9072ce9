import { appendFile, readFile, stat } from 'node:fs/promises';
import { JpevalError } from '../util/errors.js';
import type { HistoryPoint } from '../leaderboard/types.js';

export const HISTORY_SCHEMA = 'jpeval-history/1';

export interface HistorySuite {
  metric: string;
  value: number | null;
  n: number;
  complete: boolean;
  /** sha256 of the comparability key (suite version, data, items, shots, decoding, choice mode). */
  key: string;
  throughput: { requests_per_s: number; completion_tokens_per_s: number; output_chars_per_s: number; latency_p50_ms: number; latency_p95_ms: number };
}

export interface HistoryModel {
  model: string;
  overall: number | null;
  complete: boolean;
  /** Throughput compares only between equal classes (concurrency, batch size, hardware). */
  throughput_class: string;
  suites: Record<string, HistorySuite>;
}

/** One line of the append-only nightly history: a run's summary, enough to find and compare it. */
export interface HistoryLine {
  schema: typeof HISTORY_SCHEMA;
  run_id: string;
  started_at: string;
  /** Where the run's run.json + samples.jsonl are (paired tests need the samples). */
  run_dir: string;
  status: string;
  models: HistoryModel[];
}

export interface History {
  lines: HistoryLine[];
  points: HistoryPoint[];
  /** True when the file's last line was torn (a crash while appending); it is ignored. */
  tornLast: boolean;
}

/**
 * Reads the history. A malformed line in the middle is corruption (error naming the line); a
 * malformed or unterminated LAST line is a torn append, reported through `warn` and ignored — the
 * next append starts on a fresh line so it does not glue onto the fragment.
 */
export async function readHistory(file: string, warn: (m: string) => void = () => {}): Promise<History> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], points: [], tornLast: false };
    throw new JpevalError(`${file}: cannot read history (${(err as Error).message})`);
  }
  const raw = text.split('\n');
  const endsClean = text === '' || text.endsWith('\n');
  if (endsClean) raw.pop();
  const lines: HistoryLine[] = [];
  let tornLast = false;
  raw.forEach((line, i) => {
    const last = i === raw.length - 1;
    if (line.trim() === '') return;
    let parsed: HistoryLine | undefined;
    try {
      const v = JSON.parse(line) as HistoryLine;
      if (v && v.schema === HISTORY_SCHEMA && Array.isArray(v.models)) parsed = v;
    } catch {
      parsed = undefined;
    }
    if (parsed && (!last || endsClean)) lines.push(parsed);
    else if (last) {
      tornLast = true;
      warn(`${file}:${i + 1}: torn last line ignored (an append was interrupted); later appends start on a new line`);
    } else if (parsed === undefined && isTornAppend(line)) {
      // An earlier night's torn last line, which later appends left in the middle: still ignored.
      warn(`${file}:${i + 1}: torn line from an interrupted append ignored`);
    } else throw new JpevalError(`${file}:${i + 1}: not a history line (${line.slice(0, 60)}…)`, { hint: 'the history is append-only JSON lines; restore it from a backup or remove that line' });
  });
  const points = lines.flatMap((l) => l.models.map((m) => ({ run_id: l.run_id, started_at: l.started_at, model: m.model, overall: m.overall, suites: Object.fromEntries(Object.entries(m.suites).map(([k, v]) => [k, v.value])) })));
  return { lines, points, tornLast };
}

/** Every line appendHistory writes starts so; a torn append is an unparsable piece of such a line. */
const LINE_START = `{"schema":"${HISTORY_SCHEMA}",`;
function isTornAppend(line: string): boolean {
  return line.startsWith(LINE_START) || (line.length > 0 && LINE_START.startsWith(line));
}

/** Appends one line (one write call, so a crash tears at most that line). */
export async function appendHistory(file: string, line: HistoryLine): Promise<void> {
  const size = await stat(file).then((s) => s.size, () => 0);
  let prefix = '';
  if (size > 0) {
    const text = await readFile(file, 'utf8');
    if (!text.endsWith('\n')) prefix = '\n';
  }
  await appendFile(file, `${prefix}${JSON.stringify(line)}\n`);
}
