import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Items a reviewer found ambiguous, pinned so the fix is not undone. */
function item(file: string, id: string): Record<string, unknown> {
  const lines = readFileSync(path.join('datasets', 'builtin', file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const found = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.id === id);
  if (found === undefined) throw new Error(`${id} not in ${file}`);
  return found;
}

describe('reviewed ja-keigo items', () => {
  it('keigo-205 names the speaker as the one travelling (else 出張なさいます about a superior is right too)', () => {
    expect(item('ja-keigo.jsonl', 'keigo-205').question).toContain('私は');
  });
  it('keigo-095 says whose 部長 it is (about one\'s own 部長, 教えてくださった would be wrong to an outsider)', () => {
    expect(item('ja-keigo.jsonl', 'keigo-095').question).toMatch(/先方の部長/);
  });
});
