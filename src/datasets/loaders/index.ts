import { Registry } from '../../util/registry.js';
import type { DatasetLoader } from '../types.js';
import { csvLoader } from './csv.js';
import { generatorLoader } from './generator.js';
import { jsonLoader } from './json.js';
import { jsonlLoader } from './jsonl.js';
import { qaLoaders } from './qa-loaders.js';
import { tsvLoader } from './tsv.js';
import { xmlLoader } from './xml.js';

/** Every dataset format jpeval reads, by the name a suite's `dataset.loader` uses. */
export const loaders = new Registry<DatasetLoader>('dataset loader');

for (const loader of [jsonlLoader, jsonLoader, generatorLoader, csvLoader, tsvLoader, xmlLoader, ...qaLoaders]) loaders.register(loader.name, loader);
