import { Box } from 'ink';
import { useState } from 'react';
import type { SuiteResult } from '../../results/types.js';
import { interval, score } from '../components/format.js';
import { isDown, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { ListView } from '../components/list-view.js';
import { useAsync } from '../components/use-async.js';
import { clampCursor } from '../list-window.js';
import { useNav } from '../nav.js';
import { readRunView } from '../results-source.js';
import { fit } from '../text.js';

export type ResultSort = 'suite' | 'model' | 'value' | 'n';
export const RESULT_SORTS: ResultSort[] = ['suite', 'model', 'value', 'n'];

const valueOf = (r: SuiteResult): number => r.metrics[r.primary_metric]?.value ?? Number.NEGATIVE_INFINITY;

/** Sorted model × suite rows (pure, so the order is tested without a terminal). */
export function sortResults(results: readonly SuiteResult[], by: ResultSort, descending: boolean): SuiteResult[] {
  const cmp = (a: SuiteResult, b: SuiteResult): number => {
    switch (by) {
      case 'suite':
        return a.suite.localeCompare(b.suite) || a.model.localeCompare(b.model);
      case 'model':
        return a.model.localeCompare(b.model) || a.suite.localeCompare(b.suite);
      case 'value':
        return valueOf(a) - valueOf(b) || a.suite.localeCompare(b.suite);
      case 'n':
        return a.n - b.n || a.suite.localeCompare(b.suite);
    }
  };
  const sorted = [...results].sort(cmp);
  return descending ? sorted.reverse() : sorted;
}

export interface ResultsScreenProps {
  runDir: string;
  width: number;
  height: number;
}

/** One run's model × suite results with intervals; s cycles the sort column, r reverses, Enter drills in. */
export function ResultsScreen({ runDir, width, height }: ResultsScreenProps) {
  const nav = useNav();
  const run = useAsync(() => readRunView(runDir), [runDir]);
  const [cursor, setCursor] = useState(0);
  const [sort, setSort] = useState<{ by: ResultSort; descending: boolean }>({ by: 'suite', descending: false });
  const rows = run.status === 'ready' ? sortResults(run.value.results, sort.by, sort.descending) : [];
  const selected = clampCursor(cursor, rows.length);

  useScreenKeys((input, key) => {
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, rows.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, rows.length));
    else if (input === 's') setSort((s) => ({ by: RESULT_SORTS[(RESULT_SORTS.indexOf(s.by) + 1) % RESULT_SORTS.length]!, descending: s.descending }));
    else if (input === 'r') setSort((s) => ({ ...s, descending: !s.descending }));
    else if (key.return && rows[selected]) nav.push({ name: 'items', runDir, model: rows[selected]!.model, suite: rows[selected]!.suite });
    else return false;
    return true;
  });

  const suiteWidth = Math.max(10, Math.min(24, Math.floor(width / 4)));
  const modelWidth = Math.max(8, Math.min(24, Math.floor(width / 5)));
  const header = `  ${fit('suite', suiteWidth)} ${fit('model', modelWidth)} ${fit('metric', 12)} ${fit('value [95% CI]', 24)} ${fit('n', 6, 'right')}  errors`;
  const row = (r: SuiteResult): string => {
    const m = r.metrics[r.primary_metric];
    return `${fit(r.suite, suiteWidth)} ${fit(r.model, modelWidth)} ${fit(r.primary_metric, 12)} ${fit(`${score(m?.value)} ${interval(m?.ci95)}${r.complete ? '' : ' *'}`, 24)} ${fit(String(r.n), 6, 'right')}  ${r.errors}`;
  };
  const info = run.status === 'ready' ? `${run.value.run_id} · ${run.value.status} · sorted by ${sort.by}${sort.descending ? ' ↓' : ' ↑'} (s: column, r: reverse) · Enter: items` : run.status === 'error' ? run.message : 'reading run.json…';
  return (
    <Box flexDirection="column">
      <Line text={info} width={width} bold {...(run.status === 'error' ? { color: 'red' } : {})} />
      <Line text={header} width={width} dim />
      <ListView items={rows} cursor={selected} height={Math.max(1, height - 2)} width={width} render={row} empty="this run has no results yet" color={(r) => (r.complete ? undefined : 'yellow')} />
    </Box>
  );
}
