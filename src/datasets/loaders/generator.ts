import type { DatasetLoader, RawRecord } from '../types.js';
import { readJsonLines } from './jsonl.js';

/**
 * `loader: generator`: the suite's split files are its frozen released set (JSON lines, the same
 * record shape the generator emits, hand-checked and stable for comparability across runs); the
 * items generated from the run seed are appended by load-items (src/datasets/generate.ts).
 */
export const generatorLoader: DatasetLoader = {
  name: 'generator',
  description: 'a frozen JSON-lines set plus items generated per run from --seed by a registered generator (dataset.generator)',
  async *read(file: string): AsyncIterable<RawRecord> {
    for await (const { value, line } of readJsonLines(file)) yield { record: value, file, line };
  },
};
