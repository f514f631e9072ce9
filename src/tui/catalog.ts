import { loadAllSuites } from '../suites/load-suite.js';
import { countSuiteItems, dataRootFor } from '../suites/load-items.js';
import type { Suite } from '../suites/schema.js';
import type { SuiteChoice } from './pick-state.js';

/** Every suite the picker offers (built-in, upstream and --suites-dir), item counts still unknown. */
export async function suiteCatalog(suitesDirs: string[]): Promise<Suite[]> {
  return loadAllSuites(suitesDirs);
}

export function suiteChoice(suite: Suite, picked: boolean): SuiteChoice {
  return {
    name: suite.name,
    title: suite.title,
    category: suite.category,
    source: suite.source.kind === 'builtin' ? 'builtin' : (suite.source.benchmark ?? 'upstream'),
    items: undefined,
    picked,
  };
}

/** Items in a suite's default split, or null when its data is absent or unreadable (as `jpeval list`). */
export async function countItems(suite: Suite, dataDir: string | undefined): Promise<number | null> {
  try {
    dataRootFor(suite, dataDir);
    return await countSuiteItems(suite, dataDir ? { dataDir } : {});
  } catch {
    return null;
  }
}

export const primaryMetricOf = (suites: Suite[]) => (name: string): string | undefined => {
  const suite = suites.find((s) => s.name === name);
  return suite ? (suite.primary_metric ?? suite.metrics[0]?.name) : undefined;
};
