import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, samplesFile } from '../../src/tui/results-source.js';
import { indexSamples, matchesFilter, readEntries } from '../../src/tui/sample-index.js';
import { filterEntries } from '../../src/tui/screens/items-screen.js';
import { ITEMS_A, ITEMS_B, tempRoot, writeRun } from './fixtures.js';

describe('windowed samples.jsonl', () => {
  it('indexes lines by byte offset and reads back exactly the records asked for (multi-byte text)', async () => {
    const root = await tempRoot();
    const dir = await writeRun(root, 'run-a', [
      { model: 'm1', suite: 'qa', items: ITEMS_A },
      { model: 'm2', suite: 'qa', items: ITEMS_B },
    ]);
    const entries = await indexSamples(samplesFile(dir), (s) => s.model === 'm1');
    expect(entries.map((e) => e.itemId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect(entries.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6]);
    const [q4, q5] = await readEntries(samplesFile(dir), [entries[3]!, entries[4]!]);
    expect(q4!.raw_output).toBe('富士山です');
    expect(q5!.raw_output).toBe('阿蘇山');
    const all = await indexSamples(samplesFile(dir));
    const [last] = await readEntries(samplesFile(dir), [all.at(-1)!]);
    expect(last).toMatchObject({ model: 'm2', item_id: 'q6', raw_output: '富士山' });
  });

  it('filters wrong, unscored and flagged items', async () => {
    const root = await tempRoot();
    const dir = await writeRun(root, 'run-a', [{ model: 'm1', suite: 'qa', items: ITEMS_A }]);
    const entries = await indexSamples(samplesFile(dir));
    const ids = (f: Parameters<typeof filterEntries>[1], text = '') => filterEntries(entries, f, text).map((e) => e.itemId);
    expect(ids('wrong')).toEqual(['q2', 'q5']);
    expect(ids('unscored')).toEqual(['q3', 'q6']); // unscored, and the error that has no score
    expect(ids('flagged')).toEqual(['q4']);
    expect(ids('all', 'Q5')).toEqual(['q5']);
    expect(matchesFilter({ outcome: 'not_attempted', flagged: false }, 'unscored')).toBe(true);
  });

  it('skips a torn last line (a killed run) but names file and line of a broken one mid-file', async () => {
    const root = await tempRoot();
    const dir = await writeRun(root, 'run-a', [{ model: 'm1', suite: 'qa', items: ITEMS_A }]);
    const file = samplesFile(dir);
    await appendFile(file, '{"schema_version":1,"run_id":"run-a","su');
    const index = await indexSamples(file);
    expect(index).toHaveLength(6);
    expect(index.tornLine).toBe(7); // said on the items screen
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = '{oops';
    await writeFile(file, lines.join('\n'));
    await expect(indexSamples(file)).rejects.toThrow(`${file}:3: not valid JSON`);
  });

  it('lists the runs of a results directory, newest first, and keeps unreadable ones visible', async () => {
    const root = await tempRoot();
    await writeRun(root, 'older', [{ model: 'm1', suite: 'qa', items: ITEMS_A }], '2026-11-01T00:00:00.000Z');
    await writeRun(root, 'newer', [{ model: 'm2', suite: 'qa', items: ITEMS_B }], '2026-12-01T00:00:00.000Z');
    await writeRun(root, 'broken', [{ model: 'm1', suite: 'qa', items: ITEMS_A }]);
    await writeFile(path.join(root, 'broken', 'run.json'), '{');
    const runs = await listRuns(root);
    expect(runs.map((r) => r.runId)).toEqual(['newer', 'older', 'broken']);
    expect(runs[2]!.error).toMatch(/run\.json: not valid JSON/);
    // A run that finished with a suite that errored is not shown as plainly completed.
    expect(runs.slice(0, 2).map((r) => r.status)).toEqual(['completed', 'completed, incomplete']);
    expect((await listRuns(path.join(root, 'newer'))).map((r) => r.runId)).toEqual(['newer']);
  });
});
