import { statSync } from 'node:fs';
import { readDerived, writeDerived } from '../util/derived-cache.js';
import { DataError } from '../util/errors.js';
import { dataRootFor, resolveSplit } from './resolve-split.js';
import type { Suite } from './schema.js';

/**
 * The item count `jpeval list` shows for a suite's default split, or null when its data is absent
 * or unreadable. Counting reads (and builds every item of) every data file: seconds for the public
 * benchmarks, and the loaders' imports on top. So counts are cached in the derived cache
 * (util/derived-cache.ts, keyed on jpeval's build fingerprint too), keyed on everything the count
 * depends on: the suite (file and hash of its texts), the split, the data root and the files the
 * split resolves to now, each with its size, mtime, ctime and inode. File resolution itself is
 * not cached: it is one directory walk, and it is what notices a file appearing or vanishing.
 *
 * Not cached: counts under JPEVAL_PLUGINS (a plugin's loader is code the fingerprint does not
 * cover), and failures other than a DataError (a malformed file, which stays malformed until it
 * changes); e.g. a permission error is retried next time.
 */
const KIND = 'item-counts';

async function count(suite: Suite, dataDir: string | undefined): Promise<{ items: number | null; deterministic: boolean }> {
  const { countSuiteItems } = await import('./load-items.js');
  try {
    return { items: await countSuiteItems(suite, dataDir ? { dataDir } : {}), deterministic: true };
  } catch (err) {
    return { items: null, deterministic: err instanceof DataError };
  }
}

export async function listedItemCount(suite: Suite, dataDir: string | undefined): Promise<number | null> {
  let root: string;
  let files: string[];
  try {
    root = dataRootFor(suite, dataDir);
    ({ files } = await resolveSplit(suite, root, suite.dataset.split));
  } catch {
    return null; // data absent (or ambiguous): shown as not present; `jpeval run` gives the full error
  }
  if (process.env.JPEVAL_PLUGINS) return (await count(suite, dataDir)).items;
  let stamps: string[];
  try {
    stamps = files.map((f) => {
      const s = statSync(f);
      return `${f}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}`;
    });
  } catch {
    return (await count(suite, dataDir)).items; // vanished meanwhile: counting reports it
  }
  const material = [suite.file, suite.sha256, suite.dataset.split, root, ...stamps].join('\n');
  const stored = readDerived<{ items: unknown }>(KIND, material);
  if (stored && (stored.items === null || (typeof stored.items === 'number' && Number.isInteger(stored.items)))) return stored.items as number | null;
  const { items, deterministic } = await count(suite, dataDir);
  if (deterministic) writeDerived(KIND, material, { items });
  return items;
}
