import { Box } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { OUTCOME_COLOR, OUTCOME_MARK } from '../components/format.js';
import { editText, isDown, isPageDown, isPageUp, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { ListView } from '../components/list-view.js';
import { useAsync } from '../components/use-async.js';
import { clampCursor, windowStart } from '../list-window.js';
import { useNav } from '../nav.js';
import { samplesFile } from '../results-source.js';
import { indexSamples, matchesFilter, readEntries, SAMPLE_FILTERS, type SampleEntry, type SampleFilter } from '../sample-index.js';
import { fit, oneLine } from '../text.js';

export interface ItemsScreenProps {
  runDir: string;
  model: string;
  suite: string;
  width: number;
  height: number;
}

/** Filters the index by outcome filter and typed text (item id), without touching the file. */
export function filterEntries(entries: readonly SampleEntry[], filter: SampleFilter, text: string): SampleEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter((e) => matchesFilter(e, filter) && (!needle || e.itemId.toLowerCase().includes(needle)));
}

/** A suite's items: f cycles all / wrong / unscored / flagged, / filters by id, Enter opens one. */
export function ItemsScreen({ runDir, model, suite, width, height }: ItemsScreenProps) {
  const nav = useNav();
  const file = samplesFile(runDir);
  const index = useAsync(() => indexSamples(file, (s) => s.model === model && s.suite === suite), [file, model, suite]);
  const [filter, setFilter] = useState<SampleFilter>('all');
  const [text, setText] = useState('');
  const [typing, setTypingState] = useState(false);
  // Read by the key handler directly: '/' and the text after it may arrive before a re-render.
  const typingNow = useRef(false);
  const setTyping = (on: boolean): void => {
    typingNow.current = on;
    setTypingState(on);
  };
  const [cursor, setCursor] = useState(0);
  const all = index.status === 'ready' ? index.value : [];
  const entries = useMemo(() => filterEntries(all, filter, text), [all, filter, text]);
  const selected = clampCursor(cursor, entries.length);
  const listHeight = Math.max(1, height - 2);
  const start = windowStart(selected, entries.length, listHeight);
  const windowEntries = entries.slice(start, start + listHeight);
  // Only the rows on screen are read back in full (outputs can be long; runs can be huge).
  const windowKey = windowEntries.map((e) => e.offset).join(',');
  const details = useAsync(() => readEntries(file, windowEntries), [file, windowKey]);
  const outputs = new Map(details.status === 'ready' ? details.value.map((s) => [s.item_id, s.error ? `error: ${s.error}` : s.raw_output]) : []);

  useScreenKeys((input, key) => {
    if (typingNow.current) {
      if (key.return || key.escape) {
        setTyping(false);
        if (key.escape) setText('');
      } else {
        setText((t) => editText(t, input, key) ?? t);
        setCursor(0);
      }
      return true;
    }
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, entries.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, entries.length));
    else if (isPageDown(input, key)) setCursor(clampCursor(selected + listHeight, entries.length));
    else if (isPageUp(input, key)) setCursor(clampCursor(selected - listHeight, entries.length));
    else if (input === 'f') {
      setFilter((f) => SAMPLE_FILTERS[(SAMPLE_FILTERS.indexOf(f) + 1) % SAMPLE_FILTERS.length]!);
      setCursor(0);
    } else if (input === '/') setTyping(true);
    else if (key.return && entries[selected]) nav.push({ name: 'item', runDir, entries, index: selected });
    else return false;
    return true;
  });

  const info =
    index.status === 'loading'
      ? 'reading samples.jsonl…'
      : index.status === 'error'
        ? index.message
        : `${suite} × ${model} · ${entries.length}/${all.length} items · filter ${filter} (f)${text || typing ? ` · id ~ ${text}${typing ? '▏' : ''}` : ' · / id'} · Enter: open`;
  const torn = index.status === 'ready' ? index.value.tornLine : undefined;
  const idWidth = Math.max(8, Math.min(24, Math.floor(width / 4)));
  return (
    <Box flexDirection="column">
      <Line text={info} width={width} bold {...(index.status === 'error' ? { color: 'red' } : {})} />
      {torn !== undefined ? (
        <Line text={`samples.jsonl line ${torn} is cut off (the run was killed mid-write) and not shown: jpeval run --resume repairs it`} width={width} color="yellow" />
      ) : (
        <Line text={`  ${fit('item', idWidth + 2)} output`} width={width} dim />
      )}
      <ListView
        items={entries}
        cursor={selected}
        height={listHeight}
        width={width}
        render={(e) => `${OUTCOME_MARK[e.outcome]} ${fit(e.itemId, idWidth)} ${oneLine(outputs.get(e.itemId) ?? '')}${e.flagged ? ' ⚑' : ''}`}
        color={(e) => OUTCOME_COLOR[e.outcome]}
        empty={index.status === 'ready' ? `no ${filter === 'all' ? '' : `${filter} `}items` : ''}
      />
    </Box>
  );
}
