import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Outcome } from '../scoring/types.js';
import { parseSampleLine, type SampleView } from './results-source.js';

/**
 * samples.jsonl, windowed: one streaming pass keeps, per line, only its byte range and what the
 * filters need; the full records (prompts, outputs) are read back by offset for the rows on
 * screen. A run of a million items costs a few dozen bytes per item, not its prompts.
 */

export interface SampleEntry {
  offset: number;
  length: number;
  line: number;
  model: string;
  suite: string;
  itemId: string;
  outcome: Outcome;
  flagged: boolean;
}

export type SampleFilter = 'all' | 'wrong' | 'unscored' | 'flagged';
export const SAMPLE_FILTERS: SampleFilter[] = ['all', 'wrong', 'unscored', 'flagged'];

export function matchesFilter(entry: Pick<SampleEntry, 'outcome' | 'flagged'>, filter: SampleFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'wrong':
      return entry.outcome === 'incorrect';
    case 'unscored':
      return entry.outcome === 'unscored' || entry.outcome === 'not_attempted' || entry.outcome === 'error';
    case 'flagged':
      return entry.flagged;
  }
}

/** The entries of an index, and the number of a torn last line it skipped (the browser says so). */
export type SampleIndex = SampleEntry[] & { tornLine?: number };

/**
 * Streams samples.jsonl and returns the entries `keep` accepts (e.g. one model × suite). An
 * unreadable line is an error naming file and line; a torn last line (a run killed mid-write) is
 * skipped, as the runner itself would have lost only that item, and its number returned.
 */
export async function indexSamples(file: string, keep: (sample: SampleView) => boolean = () => true): Promise<SampleIndex> {
  const entries: SampleIndex = [];
  let offset = 0;
  let lineNo = 0;
  let carry: Buffer = Buffer.alloc(0);
  const take = (bytes: Buffer, last: boolean): void => {
    lineNo += 1;
    const length = bytes.length;
    const text = bytes.toString('utf8').trim();
    if (text !== '') {
      let sample: SampleView | undefined;
      try {
        sample = parseSampleLine(text, `${file}:${lineNo}`);
      } catch (err) {
        if (!last) throw err;
        entries.tornLine = lineNo;
      }
      if (sample && keep(sample)) {
        entries.push({
          offset,
          length,
          line: lineNo,
          model: sample.model,
          suite: sample.suite,
          itemId: sample.item_id,
          outcome: sample.outcome,
          flagged: sample.score.flags.length > 0,
        });
      }
    }
    offset += length + 1;
  };
  for await (const chunk of createReadStream(file)) {
    let buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let nl = buf.indexOf(10);
    while (nl >= 0) {
      take(buf.subarray(0, nl), false);
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(10);
    }
    carry = Buffer.from(buf);
  }
  if (carry.length) take(carry, true);
  return entries;
}

/** Reads the full records of a few entries (the visible window) by their byte ranges. */
export async function readEntries(file: string, entries: SampleEntry[]): Promise<SampleView[]> {
  const handle = await open(file, 'r');
  try {
    const out: SampleView[] = [];
    for (const e of entries) {
      const buf = Buffer.alloc(e.length);
      await handle.read(buf, 0, e.length, e.offset);
      out.push(parseSampleLine(buf.toString('utf8'), `${file}:${e.line}`));
    }
    return out;
  } finally {
    await handle.close();
  }
}
