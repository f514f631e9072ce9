/**
 * Writes the frozen released sets of the generated industrial suites (datasets/industrial/*.jsonl).
 * Run after changing a template: `npm run build && node dist/scripts/write-industrial-frozen.js`;
 * then bump the suite's version (results and golden prompts are keyed on it).
 *  - ind-unit-calc: 115 records from the generator under the release seed, ids uc-0001…
 *  - ind-plc-st: every parameter combination of every template, ids plc-0001…
 *  - ind-fmea: 120 records from the generator under the release seed, ids fm-0001…
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unitCalcGenerator } from '../src/datasets/generators/ind-unit-calc.js';
import { PLC_TEMPLATES, allParams, plcRecord } from '../src/datasets/generators/ind-plc-st.js';
import { fmeaGenerator } from '../src/datasets/generators/ind-fmea.js';
import { builtinDatasetsDir } from '../src/util/paths.js';

export const RELEASE_SEED = 20261202;

function write(name: string, prefix: string, records: Record<string, unknown>[]): void {
  const file = path.join(builtinDatasetsDir, 'industrial', `${name}.jsonl`);
  const lines = records.map((r, i) => JSON.stringify({ id: `${prefix}-${String(i + 1).padStart(4, '0')}`, ...r }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stdout.write(`${file}: ${records.length} records\n`);
}

write('ind-unit-calc', 'uc', unitCalcGenerator.generate(RELEASE_SEED, 115));
write('ind-plc-st', 'plc', PLC_TEMPLATES.flatMap((t) => allParams(t).map((p) => plcRecord(t, p))));
write('ind-fmea', 'fm', fmeaGenerator.generate(RELEASE_SEED, 120));
