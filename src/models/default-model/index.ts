/**
 * The embedded default model: built from the project's corpus at first use into a cache
 * directory keyed on the generator version and the corpus hash, atomically (temp dir + rename),
 * so concurrent first runs cannot see a half-written model.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildDefaultModel, GENERATOR_VERSION } from './build.js';
import { readCorpus } from './corpus.js';
import { cacheRoot } from '../../util/paths.js';

export { buildDefaultModel, GENERATOR_VERSION } from './build.js';
export { readCorpus, defaultCorpusDir } from './corpus.js';

export interface EnsureDefaultModelOptions {
  /** Directory holding built models; default `$JPEVAL_CACHE_DIR/models` or `~/.cache/jpeval/models`. */
  cacheDir?: string;
  /** Corpus directory; default the package's `datasets/corpus`. */
  corpusDir?: string;
  log?: (msg: string) => void;
}

export function defaultModelCacheDir(): string {
  return path.join(cacheRoot(), 'models');
}

/** Returns the directory of the default model, building it first if it is not in the cache. */
export async function ensureDefaultModel(opts: EnsureDefaultModelOptions = {}): Promise<string> {
  const corpus = readCorpus(opts.corpusDir);
  const key = createHash('sha256').update(GENERATOR_VERSION).update('\0').update(corpus.hash).digest('hex').slice(0, 16);
  const cacheDir = opts.cacheDir ?? defaultModelCacheDir();
  const dir = path.join(cacheDir, `default-${key}`);
  if (existsSync(path.join(dir, 'onnx', 'model.onnx'))) return dir;

  const log = opts.log ?? ((msg: string) => process.stderr.write(msg + '\n'));
  log(`jpeval: building the default model from ${corpus.files.length} corpus file(s) into ${dir} …`);
  const started = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `.tmp-default-${key}-${process.pid}-${Date.now()}`);
  try {
    const summary = buildDefaultModel(corpus, tmp);
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process finished first: its copy is identical, keep it.
      if (!existsSync(path.join(dir, 'onnx', 'model.onnx'))) throw err;
    }
    log(
      `jpeval: built the default model in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(vocab ${summary.vocabSize}, ${(summary.onnxBytes / 1e6).toFixed(1)} MB)`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}
