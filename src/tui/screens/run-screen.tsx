import { Box } from 'ink';
import { useState, useSyncExternalStore } from 'react';
import { formatDuration } from '../../progress/progress-state.js';
import { bar, interval, OUTCOME_COLOR, OUTCOME_MARK, rate, score } from '../components/format.js';
import { isDown, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { clampCursor, windowStart } from '../list-window.js';
import type { TaskSnapshot } from '../live-task.js';
import { useNav } from '../nav.js';
import type { RunStore } from '../store.js';

export interface RunScreenProps {
  store: RunStore;
  width: number;
  height: number;
}

function taskLines(t: TaskSnapshot, width: number): [string, string] {
  const count = `${t.done}/${t.total}`;
  const head = `${t.suite} × ${t.model}`;
  const time = formatDuration(t.elapsedS) + (t.finished ? ' done' : '');
  const barWidth = Math.max(5, Math.min(30, width - 24 - count.length - time.length - Math.min(head.length, 30)));
  const line1 = `${head}  ${bar(t.done, t.total, barWidth)} ${count}  ${time}`;
  const metric = t.metric ? `${t.primaryMetric ?? 'score'} ${score(t.metric.value)} ${interval(t.metric.ci95)}` : `${t.primaryMetric ?? 'score'} —`;
  const line2 = `  ${metric} · errors ${t.errors} · retries ${t.retries} · ${rate(t.requestsPerS)} req/s · ${rate(t.tokensPerS)} tok/s · p50 ${Math.round(t.latencyP50)} p95 ${Math.round(t.latencyP95)} ms`;
  return [line1, line2];
}

/** Watching a run: a bar and live figures per model × suite, and the last items of the selected one. */
export function RunScreen({ store, width, height }: RunScreenProps) {
  const nav = useNav();
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // Until the user moves, the view follows the task that is running now.
  const [cursor, setCursor] = useState<number>();
  const [message, setMessage] = useState<string>();
  const following = snap.tasks.findIndex((t) => !t.finished);
  const selected = clampCursor(cursor ?? (following >= 0 ? following : snap.tasks.length - 1), snap.tasks.length);
  const done = snap.phase === 'finished' || snap.phase === 'failed';

  useScreenKeys((input, key) => {
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, snap.tasks.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, snap.tasks.length));
    else if (key.return && snap.phase === 'finished' && snap.outDir) nav.push({ name: 'results', runDir: snap.outDir });
    else if (key.escape && !done) setMessage('the run is still going: q or Ctrl-C stops it (finished items are kept)');
    else return false;
    return true;
  });

  const status =
    snap.phase === 'starting'
      ? 'loading suites and model…'
      : snap.phase === 'failed'
        ? `failed: ${snap.error ?? ''}`
        : snap.phase === 'finished'
          ? `${snap.record?.status ?? 'finished'} in ${formatDuration(snap.record?.duration_s)} · Enter: browse results · Esc: picker · q: quit`
          : snap.stopping
            ? 'stopping: waiting for requests in flight… (q again quits at once)'
            : `running · ${snap.itemsDone} items · q / Ctrl-C stops (partial run.json marked interrupted)`;
  const task = snap.tasks[selected];
  const recentRows = task ? task.recent.length + 1 : 0;
  const notes = snap.notes.slice(-2);
  const taskRows = Math.max(1, Math.floor((height - 2 - recentRows - notes.length) / 2));
  const start = windowStart(selected, snap.tasks.length, taskRows);
  const visible = snap.tasks.slice(start, start + taskRows);
  return (
    <Box flexDirection="column">
      <Line text={`run ${snap.runId ?? ''} → ${snap.outDir ?? ''}`} width={width} bold />
      <Line text={message ?? status} width={width} {...(snap.phase === 'failed' ? { color: 'red' } : snap.stopping ? { color: 'yellow' } : {})} />
      {visible.map((t, i) => {
        const [l1, l2] = taskLines(t, width);
        const isSel = start + i === selected;
        return (
          <Box key={t.key} flexDirection="column">
            <Line text={l1} width={width} inverse={isSel} {...(t.finished ? { color: 'green' } : {})} />
            <Line text={l2} width={width} dim={!isSel} />
          </Box>
        );
      })}
      {task && <Line text={`last items — ${task.suite} × ${task.model}`} width={width} bold />}
      {task?.recent.map((r, i) => (
        <Line key={`${r.itemId}-${i}`} text={`${OUTCOME_MARK[r.outcome]} ${r.itemId}  → ${r.error ? `error: ${r.error}` : r.outputHead || '(empty)'}  ‹ ${r.promptHead}`} width={width} color={OUTCOME_COLOR[r.outcome]} />
      ))}
      {notes.map((n, i) => (
        <Line key={`note-${i}`} text={n} width={width} color="yellow" />
      ))}
    </Box>
  );
}
