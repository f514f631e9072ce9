import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import type { Suite } from '../../src/suites/schema.js';
import { indSourceStrings, validateGeneratedSuites } from '../../src/suites/validate-generated.js';
import { builtinDatasetsDir } from '../../src/util/paths.js';

const all = await loadAllSuites();
const factory = all.find((s) => s.name === 'ind-factory-plan')!;

/** ind-factory-plan reading its frozen set from a copy we can break. */
async function withFrozen(edit: (records: Record<string, unknown>[]) => void): Promise<{ suite: Suite; dataDir: string }> {
  const lines = (await readFile(path.join(builtinDatasetsDir, 'builtin/ind/factory-plan.jsonl'), 'utf8')).trim().split('\n');
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  edit(records);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jpeval-valgen-'));
  await writeFile(path.join(dataDir, 'factory-plan.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { suite: { ...factory, source: { kind: 'upstream' }, dataset: { ...factory.dataset, splits: { test: 'factory-plan.jsonl' } } }, dataDir };
}
const surfaces = async (text: string) => [text.replace(/\s+/gu, '')];

describe('validateGeneratedSuites', () => {
  it('the shipped ind suites are clean (frozen set + generated items)', async () => {
    const ind = all.filter((s) => ['ind-factory-plan', 'ind-safe-stop', 'ind-procedure-order'].includes(s.name));
    const { errors, stats } = await validateGeneratedSuites(ind, { seeds: [1234], tokenize: surfaces });
    expect(errors).toEqual([]);
    expect(stats.map((s) => [s.suite, s.frozen]).sort()).toEqual([['ind-factory-plan', 36], ['ind-procedure-order', 36], ['ind-safe-stop', 32]]);
    expect(stats.every((s) => s.generated_per_run >= 100)).toBe(true);
  }, 150_000);

  it('reports a gold plan that does not pass its own checker, and a droppable step', async () => {
    const { suite, dataDir } = await withFrozen((records) => {
      const r = records.find((x) => x.id === 'fp-welding-cell-tip-change-1')!;
      const plan = (JSON.parse(String(r.answer)) as { plan: { skill: string }[] }).plan;
      r.answer = JSON.stringify({ plan: plan.filter((s) => s.skill !== 'apply_loto') });
      const agv = records.find((x) => x.id === 'fp-agv-transport-deliver-1')!;
      const agvPlan = (JSON.parse(String(agv.answer)) as { plan: unknown[] }).plan;
      agv.answer = JSON.stringify({ plan: [...agvPlan.slice(0, 2), { skill: 'vehicle_move', args: { vehicle: 'agv1', to: 'charger' } }, { skill: 'vehicle_move', args: { vehicle: 'agv1', to: 'junction' } }, ...agvPlan.slice(2)] });
    });
    const { errors } = await validateGeneratedSuites([suite], { seeds: [1], tokenize: surfaces, dataDir });
    expect(errors.join('\n')).toMatch(/fp-welding-cell-tip-change-1 .*the gold answer scores incorrect \(.*service_without_loto/);
    expect(errors.join('\n')).toMatch(/fp-agv-transport-deliver-1 .*gold plan steps 3–4 \(vehicle_move, vehicle_move\) can be dropped/);
  }, 150_000);

  it('reports duplicate ids and strings the tokenizer does not reproduce', async () => {
    const { suite, dataDir } = await withFrozen((records) => (records[1]!.id = records[0]!.id));
    const broken = async (text: string) => (text.includes('溶接') ? ['x'] : [text.replace(/\s+/gu, '')]);
    const { errors } = await validateGeneratedSuites([suite], { seeds: [1], tokenize: broken, dataDir });
    expect(errors.join('\n')).toMatch(/duplicate item id/);
    expect(errors.join('\n')).toMatch(/scenes\/welding-cell title: tokens do not reproduce the text/);
    expect(indSourceStrings().length).toBeGreaterThan(300);
  }, 150_000);
});
