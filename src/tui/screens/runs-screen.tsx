import { Box } from 'ink';
import { useState } from 'react';
import { isDown, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { ListView } from '../components/list-view.js';
import { useAsync } from '../components/use-async.js';
import { clampCursor } from '../list-window.js';
import { useNav } from '../nav.js';
import { listRuns, type RunListing } from '../results-source.js';
import { fit } from '../text.js';

export interface RunsScreenProps {
  dir: string;
  width: number;
  height: number;
}

/** The runs in a results directory: Enter opens one, space marks two to compare (c). */
export function RunsScreen({ dir, width, height }: RunsScreenProps) {
  const nav = useNav();
  const [reload, setReload] = useState(0);
  const runs = useAsync(() => listRuns(dir), [dir, reload]);
  const [cursor, setCursor] = useState(0);
  const [marked, setMarked] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const list: RunListing[] = runs.status === 'ready' ? runs.value : [];
  const selected = clampCursor(cursor, list.length);

  useScreenKeys((input, key) => {
    const run = list[selected];
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, list.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, list.length));
    else if (key.return && run) {
      if (run.error) setMessage(run.error);
      else nav.push({ name: 'results', runDir: run.dir });
    } else if (input === ' ' && run) {
      setMarked((m) => (m.includes(run.dir) ? m.filter((d) => d !== run.dir) : [...m, run.dir].slice(-2)));
    } else if (input === 'c') {
      if (marked.length === 2) nav.push({ name: 'compare', dirA: marked[0]!, dirB: marked[1]! });
      else setMessage('mark two runs with space, then c compares them (the first marked is A)');
    } else if (input === 'g') setReload((r) => r + 1);
    else return false;
    return true;
  });

  const row = (r: RunListing): string => {
    const mark = marked.indexOf(r.dir);
    return `${mark === 0 ? 'A' : mark === 1 ? 'B' : ' '} ${fit(r.runId, 26)} ${fit(r.status, 11)} ${r.error ? r.error : `${r.models.join(', ')} × ${r.suites.length} suite(s)`}`;
  };
  return (
    <Box flexDirection="column">
      <Line text={`results in ${dir}`} width={width} bold />
      <Line text={message ?? (runs.status === 'loading' ? 'reading…' : runs.status === 'error' ? runs.message : `${list.length} run(s) · Enter open · space mark · c compare A↔B · g reload`)} width={width} {...(message || runs.status === 'error' ? { color: 'yellow' } : {})} />
      <ListView items={list} cursor={selected} height={Math.max(1, height - 2)} width={width} render={row} empty={`no run.json under ${dir}`} />
    </Box>
  );
}
