import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SampleView } from '../results-source.js';
import { jsonForScript } from './escape.js';

/** Items per chunk file: a few hundred keeps each script small enough to load on demand. */
export const ITEMS_PER_CHUNK = 200;
/** Prompts and outputs longer than this are cut in the browser (the full text is in samples.jsonl). */
const MAX_TEXT = 6000;

const cut = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}… [${s.length - MAX_TEXT} more characters in samples.jsonl]` : s);

export interface BrowserItem {
  id: string;
  outcome: string;
  values: Record<string, number | null>;
  prompt: string;
  output: string;
  extracted: string | null;
  gold: string;
  flags: string[];
  error?: string;
}

/**
 * Writes per-item data for the item browser as script files (`items/<entry>/<suite#>-<k>.js`), each
 * calling `jpevalItems(key, items)`: script tags load from file:// where fetch() cannot. Samples
 * arrive streamed; at most one chunk per (entry, suite) is buffered.
 */
export class ChunkWriter {
  private readonly buffers = new Map<string, BrowserItem[]>();
  readonly index: Record<string, string[]> = {};
  private readonly suiteNumbers = new Map<string, number>();

  constructor(private readonly siteDir: string) {}

  async add(entry: string, s: SampleView): Promise<void> {
    const key = `${entry}/${s.suite}`;
    const buf = this.buffers.get(key) ?? [];
    this.buffers.set(key, buf);
    buf.push({ id: s.item_id, outcome: s.outcome, values: s.values, prompt: cut(s.prompt), output: cut(s.raw_output), extracted: s.extracted === null ? null : cut(s.extracted), gold: cut(s.gold), flags: s.flags, ...(s.error ? { error: cut(s.error) } : {}) });
    if (buf.length >= ITEMS_PER_CHUNK) await this.flush(entry, s.suite);
  }

  private async flush(entry: string, suite: string): Promise<void> {
    const key = `${entry}/${suite}`;
    const buf = this.buffers.get(key);
    if (!buf?.length) return;
    if (!this.suiteNumbers.has(suite)) this.suiteNumbers.set(suite, this.suiteNumbers.size);
    const files = (this.index[key] ??= []);
    const rel = `items/${entry}/${this.suiteNumbers.get(suite)}-${files.length}.js`;
    await mkdir(path.join(this.siteDir, path.dirname(rel)), { recursive: true });
    await writeFile(path.join(this.siteDir, rel), `jpevalItems(${jsonForScript(key)},${jsonForScript(buf)});\n`);
    files.push(rel);
    this.buffers.set(key, []);
  }

  async close(): Promise<void> {
    for (const key of [...this.buffers.keys()]) {
      const at = key.indexOf('/');
      await this.flush(key.slice(0, at), key.slice(at + 1));
    }
  }
}
