import type { DatasetLoader } from '../types.js';
import { chabsaLoader } from './chabsa.js';
import { igakuqaLoader } from './igakuqa.js';
import { jemhopqaLoader } from './jemhopqa.js';
import { jlmFinLoader } from './jlm-fin.js';
import { jtruthfulqaLoader } from './jtruthfulqa.js';
import { mgsmLoader } from './mgsm.js';
import { mtBenchLoader } from './mt-bench.js';
import { niilcLoader } from './niilc.js';
import { squadLoader } from './squad.js';
import { squadSwapLoader } from './squad-swap.js';

/** Format-specific loaders of the public QA / reading-comprehension / generation / domain suites. */
export const qaLoaders: DatasetLoader[] = [
  squadLoader,
  squadSwapLoader,
  jemhopqaLoader,
  niilcLoader,
  mgsmLoader,
  jtruthfulqaLoader,
  chabsaLoader,
  mtBenchLoader,
  jlmFinLoader,
  igakuqaLoader,
];
