/**
 * Writes the frozen released sets of the generated industrial suites (datasets/industrial/*.jsonl).
 * Run after changing a template: `npm run build && node dist/scripts/write-industrial-frozen.js`;
 * then bump the suite's version (results and golden prompts are keyed on it).
 *  - ind-unit-calc: 115 records from the generator under the release seed (repeats replaced), ids uc-0001…
 *  - ind-plc-st: every parameter combination of every template, ids plc-0001…
 *  - ind-fmea: 120 records from the generator under the release seed (repeats replaced), ids fm-0001…
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unitCalcGenerator } from '../src/datasets/generators/ind-unit-calc.js';
import { PLC_TEMPLATES, allParams, plcRecord } from '../src/datasets/generators/ind-plc-st.js';
import { fmeaGenerator } from '../src/datasets/generators/ind-fmea.js';
import { builtinDatasetsDir } from '../src/util/paths.js';
import { recordKey } from '../src/datasets/generate.js';
import type { ItemGenerator } from '../src/datasets/generators/types.js';

export const RELEASE_SEED = 20261202;

function write(name: string, prefix: string, records: Record<string, unknown>[]): void {
  const file = path.join(builtinDatasetsDir, 'industrial', `${name}.jsonl`);
  const lines = records.map((r, i) => JSON.stringify({ id: `${prefix}-${String(i + 1).padStart(4, '0')}`, ...r }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stdout.write(`${file}: ${records.length} records\n`);
}

/**
 * The generator's first `count` records under the release seed, each repeat of an earlier record
 * replaced in place by the next new record drawn after them (so the other items keep their ids).
 */
function releaseSet(generator: ItemGenerator, count: number): Record<string, unknown>[] {
  const drawn = generator.generate(RELEASE_SEED, count * 3);
  const out = drawn.slice(0, count);
  const seen = new Set<string>();
  let next = count;
  for (let i = 0; i < count; i++) {
    while (seen.has(recordKey(out[i]!))) out[i] = drawn[next++]!;
    seen.add(recordKey(out[i]!));
  }
  return out;
}

write('ind-unit-calc', 'uc', releaseSet(unitCalcGenerator, 115));
write('ind-plc-st', 'plc', PLC_TEMPLATES.flatMap((t) => allParams(t).map((p) => plcRecord(t, p))));
write('ind-fmea', 'fm', releaseSet(fmeaGenerator, 120));
