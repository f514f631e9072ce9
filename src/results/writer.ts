import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JpevalError } from '../util/errors.js';
import type { RunRecord, SampleRecord } from './types.js';

/** Writes a file via a temp file + rename, so readers never see half a run.json. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, file);
  } catch (err) {
    // A full disk leaves the previous version of the file whole; do not leave a half temp file.
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** A results directory that cannot be written (full disk, permissions): says where, and what is kept. */
export class ResultsWriteError extends JpevalError {
  constructor(dir: string, file: string, cause: unknown) {
    super(`cannot write results to ${dir}: ${(cause as Error)?.message ?? String(cause)} (writing ${path.basename(file)})`, {
      hint: `everything written before is kept in ${dir}; free some space (or fix the permissions) and continue with: jpeval run --resume ${dir}`,
      cause,
    });
    this.name = 'ResultsWriteError';
  }
}

/**
 * The on-disk face of a run: samples.jsonl appended line by line as items finish (a crash loses
 * only what was in flight) and run.json rewritten atomically at checkpoints and at the end.
 */
export class RunWriter {
  private samples: WriteStream | undefined;
  /** Lines appended since the last flush: written together once the current tick's work is done. */
  private pending: string[] = [];
  private flushScheduled = false;
  readonly dir: string;
  /** The first write failure; after it nothing more is appended (the run is stopped by the caller). */
  failure: ResultsWriteError | undefined;
  /** Called once, on the first write failure. */
  onFailure: ((error: ResultsWriteError) => void) | undefined;

  constructor(outDir: string, runId: string) {
    this.dir = path.resolve(outDir, runId);
  }

  get runJsonPath(): string {
    return path.join(this.dir, 'run.json');
  }

  get samplesPath(): string {
    return path.join(this.dir, 'samples.jsonl');
  }

  async open(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(this.samplesPath, '', { flag: 'a' });
    } catch (err) {
      throw new JpevalError(`cannot write results to ${this.dir}: ${(err as Error).message}`, { hint: 'choose another directory with --out' });
    }
    const stream = createWriteStream(this.samplesPath, { flags: 'a' });
    stream.on('error', (err) => this.fail(this.samplesPath, err));
    this.samples = stream;
  }

  private fail(file: string, err: unknown): ResultsWriteError {
    if (!this.failure) {
      this.failure = new ResultsWriteError(this.dir, file, err);
      this.onFailure?.(this.failure);
    }
    return this.failure;
  }

  appendSample(sample: SampleRecord): void {
    if (!this.samples) throw new Error('RunWriter.appendSample before open()');
    if (this.failure) return;
    this.pending.push(`${JSON.stringify(sample)}\n`);
    // One write per event-loop turn instead of one per item: items finishing together (many
    // replies arrive in the same turn at high concurrency) cost one buffer and one syscall.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const lines = this.pending;
    if (lines.length === 0) return;
    this.pending = [];
    if (!this.samples || this.failure) return;
    this.samples.write(lines.length === 1 ? lines[0]! : lines.join(''));
  }

  async writeRun(record: RunRecord): Promise<void> {
    try {
      await writeJsonAtomic(this.runJsonPath, record);
    } catch (err) {
      throw this.fail(this.runJsonPath, err);
    }
  }

  async close(): Promise<void> {
    this.flush();
    const stream = this.samples;
    this.samples = undefined;
    if (!stream || stream.destroyed) return;
    await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}
