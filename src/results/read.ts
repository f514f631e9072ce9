import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { JpevalError } from '../util/errors.js';
import { snakeKeys } from './records.js';
import { RESULTS_SCHEMA_VERSION, runRecordSchema, sampleRecordSchema } from './schema.js';
import type { RunRecord, SampleRecord } from './types.js';

/**
 * The one reader of results: run.json and samples.jsonl of schema_version 1 or 2, returned as
 * version 2 records (everything that reads results — `jpeval score`, leaderboards, the TUI,
 * merge, resume — goes through here). Version 1 files are converted: camelCase timing, usage
 * and model fields become snake_case, the judge verdict moves to `score.details.judge`, and the
 * judge model to `roles.judge`.
 */

export const RUN_FILE = 'run.json';
export const SAMPLES_FILE = 'samples.jsonl';

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(record)'}: ${i.message}`).join('; ');
}

function versionOf(value: unknown, where: string): number {
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (version === 1 || version === RESULTS_SCHEMA_VERSION) return version;
  if (typeof version === 'number' && version > RESULTS_SCHEMA_VERSION) {
    throw new JpevalError(`${where}: schema_version ${version} was written by a newer jpeval (this one reads 1–${RESULTS_SCHEMA_VERSION})`, { hint: 'upgrade jpeval' });
  }
  throw new JpevalError(`${where}: not a jpeval results record (schema_version ${JSON.stringify(version)})`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function timingV1(t: unknown): unknown {
  if (!isObject(t)) return t;
  const { startedAt, firstTokenAt, endedAt, latencyMs, ttftMs, attempts, ...rest } = t;
  return { ...rest, started_at: startedAt, ...(firstTokenAt === undefined ? {} : { first_token_at: firstTokenAt }), ended_at: endedAt, latency_ms: latencyMs, ...(ttftMs === undefined ? {} : { ttft_ms: ttftMs }), attempts };
}

function usageV1(u: unknown): unknown {
  if (!isObject(u)) return u;
  const { promptTokens, completionTokens, ...rest } = u;
  return { ...rest, ...(promptTokens === undefined ? {} : { prompt_tokens: promptTokens }), ...(completionTokens === undefined ? {} : { completion_tokens: completionTokens }) };
}

/** A version 1 sample line as a version 2 one. */
export function upgradeSampleV1(v1: Json): Json {
  const { judge, timing, usage, score, ...rest } = v1;
  const upgraded: Json = { ...rest, schema_version: RESULTS_SCHEMA_VERSION, timing: Array.isArray(timing) ? timing.map(timingV1) : timing, usage: usageV1(usage) };
  if (isObject(score)) {
    const details = isObject(judge) ? { ...(isObject(score.details) ? score.details : {}), judge } : score.details;
    upgraded.score = { ...score, ...(details === undefined ? {} : { details }) };
  } else upgraded.score = score;
  return upgraded;
}

function modelV1(m: unknown): unknown {
  if (!isObject(m)) return m;
  const { baseUrl, chatTemplate, settings, ...rest } = m;
  return { ...rest, ...(baseUrl === undefined ? {} : { base_url: baseUrl }), ...(chatTemplate === undefined ? {} : { chat_template: chatTemplate }), settings: isObject(settings) ? snakeKeys(settings) : settings };
}

/** A version 1 run.json as a version 2 one. */
export function upgradeRunV1(v1: Json): Json {
  const { judge, models, ...rest } = v1;
  return {
    ...rest,
    schema_version: RESULTS_SCHEMA_VERSION,
    models: Array.isArray(models) ? models.map(modelV1) : models,
    ...(judge === undefined ? {} : { roles: { judge: modelV1(judge) } }),
  };
}

/** Parses one run.json value (v1 or v2); `where` names the file in errors. */
export function parseRunRecord(value: unknown, where: string): RunRecord {
  const version = versionOf(value, where);
  const parsed = runRecordSchema.safeParse(version === 1 ? upgradeRunV1(value as Json) : value);
  if (!parsed.success) throw new JpevalError(`${where}: not a valid run record (schema_version ${version}): ${issues(parsed.error)}`);
  return parsed.data;
}

/** Parses one samples.jsonl value (v1 or v2); `where` names file and line in errors. */
export function parseSampleRecord(value: unknown, where: string): SampleRecord {
  const version = versionOf(value, where);
  const parsed = sampleRecordSchema.safeParse(version === 1 ? upgradeSampleV1(value as Json) : value);
  if (!parsed.success) throw new JpevalError(`${where}: not a valid sample record (schema_version ${version}): ${issues(parsed.error)}`);
  return parsed.data;
}

/** The run record of a run directory (`DIR/run.json`). */
export async function readRunRecord(dir: string): Promise<RunRecord> {
  const file = path.join(dir, RUN_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new JpevalError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (is this a jpeval run directory?)' : (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new JpevalError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseRunRecord(value, file);
}

export interface ReadSamplesOptions {
  /**
   * Called for a last line that is not valid JSON (a run killed mid-write): it is skipped, not an
   * error, because every line before it is intact. Any other malformed line is an error naming file:line.
   */
  onTornLine?: (info: { file: string; line: number; text: string }) => void;
  /** Throw (naming file:line and the first line) when a suite × model × item occurs twice. */
  uniqueItems?: boolean;
}

/**
 * Streams the samples of a run directory (`DIR/samples.jsonl`) one record at a time, so a run of
 * any size is read in constant memory. A malformed line throws naming `file:line`; a torn last
 * line (not valid JSON) is reported through `onTornLine` and skipped.
 */
export async function* readSamples(dir: string, options: ReadSamplesOptions = {}): AsyncGenerator<SampleRecord> {
  const file = path.join(dir, SAMPLES_FILE);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new JpevalError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // One line of look-ahead: only the last line may be torn.
  let pending: { text: string; line: number } | undefined;
  let lineNo = 0;
  const seen = options.uniqueItems ? new Map<string, number>() : undefined;
  const parse = (p: { text: string; line: number }, last: boolean): SampleRecord | undefined => {
    if (p.text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(p.text);
    } catch (err) {
      if (last) {
        options.onTornLine?.({ file, line: p.line, text: p.text });
        return undefined;
      }
      throw new JpevalError(`${file}:${p.line}: not valid JSON (${(err as Error).message})`);
    }
    const record = parseSampleRecord(value, `${file}:${p.line}`);
    if (seen) {
      const key = `${record.suite}\u0000${record.model}\u0000${record.item_id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new JpevalError(`${file}:${p.line}: item ${record.item_id} of ${record.suite} × ${record.model} is already at line ${first}; a run writes each item once`);
      }
      seen.set(key, p.line);
    }
    return record;
  };
  try {
    for await (const text of lines) {
      lineNo += 1;
      if (pending) {
        const record = parse(pending, false);
        if (record) yield record;
      }
      pending = { text, line: lineNo };
    }
    if (pending) {
      const record = parse(pending, true);
      if (record) yield record;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
