import { Box } from 'ink';
import { useState } from 'react';
import { OUTCOME_MARK, pValue, score } from '../components/format.js';
import { isDown, isPageDown, isPageUp, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { ListView } from '../components/list-view.js';
import { useAsync } from '../components/use-async.js';
import { compareRuns, type Flip, type SuiteDiff } from '../compare.js';
import { clampCursor } from '../list-window.js';
import { useNav } from '../nav.js';
import { readRunView, samplesFile } from '../results-source.js';
import { readEntries } from '../sample-index.js';
import { fit } from '../text.js';
import { itemLines } from './item-screen.js';

export interface CompareScreenProps {
  dirA: string;
  dirB: string;
  width: number;
  height: number;
}

const signed = (x: number | undefined): string => (x === undefined ? '—' : `${x >= 0 ? '+' : ''}${score(x)}`);

/** Two runs side by side per suite: values, difference, items gained and lost, McNemar p. */
export function CompareScreen({ dirA, dirB, width, height }: CompareScreenProps) {
  const nav = useNav();
  const cmp = useAsync(async () => {
    const [a, b] = await Promise.all([readRunView(dirA), readRunView(dirB)]);
    return { a, b, ...(await compareRuns(a, samplesFile(dirA), b, samplesFile(dirB))) };
  }, [dirA, dirB]);
  const [cursor, setCursor] = useState(0);
  const diffs: SuiteDiff[] = cmp.status === 'ready' ? cmp.value.diffs : [];
  const selected = clampCursor(cursor, diffs.length);

  useScreenKeys((input, key) => {
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, diffs.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, diffs.length));
    else if (key.return && cmp.status === 'ready' && diffs[selected]) {
      const d = diffs[selected]!;
      nav.push({ name: 'flips', dirA, dirB, title: `${d.suite}: ${d.modelA} → ${d.modelB}`, flips: cmp.value.flips[selected]! });
    } else return false;
    return true;
  });

  // Several models per suite (pairs by suite and model): name the model, or the rows read alike.
  const byModel = new Set(diffs.map((d) => d.suite)).size < diffs.length;
  const label = (d: SuiteDiff): string => (byModel ? `${d.suite} · ${d.modelA === d.modelB ? d.modelA : `${d.modelA} → ${d.modelB}`}` : d.suite);
  const sw = Math.max(10, Math.min(byModel ? 48 : 22, width - 60));
  const header = `  ${fit(byModel ? 'suite · model' : 'suite', sw)} ${fit('A', 7, 'right')} ${fit('B', 7, 'right')} ${fit('B−A', 7, 'right')} ${fit('+gained', 8, 'right')} ${fit('−lost', 6, 'right')} ${fit('p', 7, 'right')}  paired`;
  const row = (d: SuiteDiff): string =>
    `${fit(label(d), sw)} ${fit(score(d.valueA), 7, 'right')} ${fit(score(d.valueB), 7, 'right')} ${fit(signed(d.delta), 7, 'right')} ${fit(`+${d.gained}`, 8, 'right')} ${fit(`−${d.lost}`, 6, 'right')} ${fit(pValue(d.p), 7, 'right')}  ${d.paired}`;
  const info =
    cmp.status === 'ready'
      ? `A ${cmp.value.a.run_id} ↔ B ${cmp.value.b.run_id} · p: exact McNemar on flipped items · Enter: flipped items`
      : cmp.status === 'error'
        ? cmp.message
        : 'reading both runs…';
  return (
    <Box flexDirection="column">
      <Line text={info} width={width} bold {...(cmp.status === 'error' ? { color: 'red' } : {})} />
      <Line text={header} width={width} dim />
      <ListView items={diffs} cursor={selected} height={Math.max(1, height - 2)} width={width} render={row} empty={cmp.status === 'ready' ? 'no suite in common' : ''} color={(d) => (d.p < 0.05 ? (d.gained > d.lost ? 'green' : 'red') : undefined)} />
    </Box>
  );
}

export interface FlipsScreenProps {
  dirA: string;
  dirB: string;
  title: string;
  flips: Flip[];
  width: number;
  height: number;
}

/** The items whose correctness differs between the two runs. */
export function FlipsScreen({ dirA, dirB, title, flips, width, height }: FlipsScreenProps) {
  const nav = useNav();
  const [cursor, setCursor] = useState(0);
  const selected = clampCursor(cursor, flips.length);
  const listHeight = Math.max(1, height - 1);
  useScreenKeys((input, key) => {
    if (isDown(input, key)) setCursor(clampCursor(selected + 1, flips.length));
    else if (isUp(input, key)) setCursor(clampCursor(selected - 1, flips.length));
    else if (isPageDown(input, key)) setCursor(clampCursor(selected + listHeight, flips.length));
    else if (isPageUp(input, key)) setCursor(clampCursor(selected - listHeight, flips.length));
    else if (key.return && flips[selected]) nav.push({ name: 'flip', dirA, dirB, flips, index: selected });
    else return false;
    return true;
  });
  return (
    <Box flexDirection="column">
      <Line text={`${title} · ${flips.length} flipped item(s) · Enter: both answers`} width={width} bold />
      <ListView
        items={flips}
        cursor={selected}
        height={listHeight}
        width={width}
        render={(f) => `${f.outcomeB === 'correct' ? '+' : '−'} ${fit(f.itemId, 28)} A ${OUTCOME_MARK[f.outcomeA]} ${f.outcomeA} → B ${OUTCOME_MARK[f.outcomeB]} ${f.outcomeB}`}
        color={(f) => (f.outcomeB === 'correct' ? 'green' : 'red')}
        empty="no item changed correctness"
      />
    </Box>
  );
}

export interface FlipScreenProps {
  dirA: string;
  dirB: string;
  flips: Flip[];
  index: number;
  width: number;
  height: number;
}

/** One flipped item: run A's answer, then run B's. */
export function FlipScreen({ dirA, dirB, flips, index: initial, width, height }: FlipScreenProps) {
  const [index, setIndex] = useState(initial);
  const [scroll, setScroll] = useState(0);
  const flip = flips[index];
  const pair = useAsync(async () => {
    if (!flip) return undefined;
    const [[a], [b]] = await Promise.all([readEntries(samplesFile(dirA), [flip.entryA]), readEntries(samplesFile(dirB), [flip.entryB])]);
    return { a: a!, b: b! };
  }, [dirA, dirB, index]);
  const lines =
    pair.status === 'ready' && pair.value
      ? [{ text: `── A: ${pair.value.a.model}`, heading: true }, ...itemLines(pair.value.a, width), { text: `── B: ${pair.value.b.model}`, heading: true }, ...itemLines(pair.value.b, width).filter((l, i, all) => i < all.findIndex((x) => x.text === 'prompt'))]
      : [];
  const bodyHeight = Math.max(1, height - 1);
  const maxScroll = Math.max(0, lines.length - bodyHeight);
  useScreenKeys((input, key) => {
    if (isDown(input, key)) setScroll((s) => Math.min(maxScroll, s + 1));
    else if (isUp(input, key)) setScroll((s) => Math.max(0, s - 1));
    else if (isPageDown(input, key) || input === ' ') setScroll((s) => Math.min(maxScroll, s + bodyHeight));
    else if (isPageUp(input, key)) setScroll((s) => Math.max(0, s - bodyHeight));
    else if ((key.rightArrow || input === 'n') && index + 1 < flips.length) (setIndex(index + 1), setScroll(0));
    else if ((key.leftArrow || input === 'p') && index > 0) (setIndex(index - 1), setScroll(0));
    else return false;
    return true;
  });
  return (
    <Box flexDirection="column">
      <Line text={`${flip?.itemId ?? ''} (${index + 1}/${flips.length}) · j/k scroll · n/p item`} width={width} bold />
      {pair.status === 'error' && <Line text={pair.message} width={width} color="red" />}
      {lines.slice(scroll, scroll + bodyHeight).map((l, i) => (
        <Line key={scroll + i} text={l.text} width={width} {...(l.heading ? { bold: true, color: 'cyan' } : {})} />
      ))}
    </Box>
  );
}
