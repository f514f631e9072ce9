import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_SCHEMA, readHistory, type HistoryLine } from '../../src/nightly/history.js';

const line = (run: string): HistoryLine => ({ schema: HISTORY_SCHEMA, run_id: run, started_at: '2026-01-01T00:00:00Z', run_dir: `/r/${run}`, status: 'completed', models: [{ model: 'm', overall: 0.5, complete: true, throughput_class: 'c', suites: {} }] });

describe('nightly history (append-only JSON lines)', () => {
  it('appends and reads back; a missing file is an empty history', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-hist-'));
    const file = path.join(dir, 'h.jsonl');
    expect((await readHistory(file)).lines).toEqual([]);
    await appendHistory(file, line('a'));
    await appendHistory(file, line('b'));
    const h = await readHistory(file);
    expect(h.lines.map((l) => l.run_id)).toEqual(['a', 'b']);
    expect(h.points).toEqual([{ run_id: 'a', started_at: '2026-01-01T00:00:00Z', model: 'm', overall: 0.5, suites: {} }, { run_id: 'b', started_at: '2026-01-01T00:00:00Z', model: 'm', overall: 0.5, suites: {} }]);
  });
  it('detects a torn last line, ignores it, and the next append starts on a new line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-hist-'));
    const file = path.join(dir, 'h.jsonl');
    await writeFile(file, `${JSON.stringify(line('a'))}\n{"schema":"jpeval-hist`);
    const warnings: string[] = [];
    const h = await readHistory(file, (m) => warnings.push(m));
    expect(h.tornLast).toBe(true);
    expect(h.lines.map((l) => l.run_id)).toEqual(['a']);
    expect(warnings[0]).toMatch(/h\.jsonl:2: torn last line/);
    await appendHistory(file, line('b'));
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    // The fragment is now a middle line: still recognised as a torn append and ignored (it used to
    // be an error, so the night that appended after a torn line failed right after appending, and
    // so did every later night).
    const later: string[] = [];
    const h2 = await readHistory(file, (m) => later.push(m));
    expect(h2.lines.map((l) => l.run_id)).toEqual(['a', 'b']);
    expect(h2.tornLast).toBe(false);
    expect(later).toEqual([`${file}:2: torn line from an interrupted append ignored`]);
  });
  it('a malformed middle line that is no torn append is corruption, named by line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-hist-'));
    const file = path.join(dir, 'h.jsonl');
    await writeFile(file, `${JSON.stringify(line('a'))}
hello
${JSON.stringify(line('b'))}
`);
    await expect(readHistory(file)).rejects.toThrow(/h\.jsonl:2: not a history line/);
    await writeFile(file, `${JSON.stringify(line('a'))}
{"schema":"other"}
${JSON.stringify(line('b'))}
`);
    await expect(readHistory(file)).rejects.toThrow(/h\.jsonl:2: not a history line/);
  });
});
