// Regenerates the frozen released list of halluc-fake-entities from the generator and its frozen
// seed (a test checks the shipped file is exactly this output).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FROZEN_SEED, GENERATOR_VERSION, generateEntityRecords } from '../src/datasets/generators/fake-entities.js';
import { projectRoot } from '../src/util/paths.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(projectRoot, 'datasets', 'builtin', 'halluc');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fake-entities-v${GENERATOR_VERSION}.jsonl`);
  writeFileSync(file, generateEntityRecords(FROZEN_SEED).map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`wrote ${path.relative(projectRoot, file)} (seed ${FROZEN_SEED})`);
}
