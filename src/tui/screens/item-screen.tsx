import { Box } from 'ink';
import { useState } from 'react';
import { isDown, isPageDown, isPageUp, isUp, useScreenKeys } from '../components/keys.js';
import { Line } from '../components/line.js';
import { useAsync } from '../components/use-async.js';
import { samplesFile, type SampleView } from '../results-source.js';
import { readEntries, type SampleEntry } from '../sample-index.js';
import { wrap } from '../text.js';

const promptText = (p: SampleView['prompt']): string => (typeof p === 'string' ? p : p.map((m) => `[${m.role}] ${m.content}`).join('\n'));
const goldText = (g: SampleView['gold']): string => (Array.isArray(g) ? g.join(' | ') : String(g));

/** Everything about one item as labelled, width-wrapped lines (pure, so tests check wrapping). */
export function itemLines(s: SampleView, width: number): { text: string; heading?: boolean }[] {
  const out: { text: string; heading?: boolean }[] = [];
  const section = (title: string, body: string): void => {
    out.push({ text: title, heading: true });
    for (const l of wrap(body, Math.max(1, width - 2))) out.push({ text: `  ${l}` });
  };
  section('outcome', `${s.outcome}${s.score.flags.length ? `   flags: ${s.score.flags.join(', ')}` : ''}`);
  const values = Object.entries(s.score.values).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(4) : String(v)}`);
  const stats = Object.keys(s.score.stats).map((k) => `${k} (corpus statistics)`);
  section('metrics', [...values, ...stats].join('   ') || '(none)');
  section('gold', goldText(s.gold));
  section('extracted', s.extracted ?? '(nothing extracted)');
  section('output', s.raw_output || '(empty)');
  if (s.choice_logprobs) section('choice log-probabilities', s.choice_logprobs.map((lp, i) => `${i + 1}: ${lp.toFixed(3)}`).join('   '));
  if (s.error) section('error', s.error);
  // What scorers explained (a judge's rating and reply, a checker's bucket and reason), per metric.
  for (const [metric, details] of Object.entries(s.score.details ?? {})) section(`${metric} details`, detailText(details));
  section('prompt', promptText(s.prompt));
  return out;
}

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}

export interface ItemScreenProps {
  runDir: string;
  entries: SampleEntry[];
  index: number;
  width: number;
  height: number;
  /** Shown above the item (e.g. which run of a comparison). */
  title?: string;
}

/** One item in full: j/k scroll, ←/→ (or n/p) previous and next item, Esc back. */
export function ItemScreen({ runDir, entries, index: initial, width, height, title }: ItemScreenProps) {
  const [index, setIndex] = useState(initial);
  const [scroll, setScroll] = useState(0);
  const entry = entries[index];
  const sample = useAsync(async () => (entry ? (await readEntries(samplesFile(runDir), [entry]))[0] : undefined), [runDir, entry?.offset]);
  const lines = sample.status === 'ready' && sample.value ? itemLines(sample.value, width) : [];
  const bodyHeight = Math.max(1, height - 1);
  const maxScroll = Math.max(0, lines.length - bodyHeight);

  useScreenKeys((input, key) => {
    const go = (i: number): void => {
      if (i < 0 || i >= entries.length) return;
      setIndex(i);
      setScroll(0);
    };
    if (isDown(input, key)) setScroll((s) => Math.min(maxScroll, s + 1));
    else if (isUp(input, key)) setScroll((s) => Math.max(0, s - 1));
    else if (isPageDown(input, key) || input === ' ') setScroll((s) => Math.min(maxScroll, s + bodyHeight));
    else if (isPageUp(input, key)) setScroll((s) => Math.max(0, s - bodyHeight));
    else if (key.rightArrow || input === 'n') go(index + 1);
    else if (key.leftArrow || input === 'p') go(index - 1);
    else return false;
    return true;
  });

  const head = `${title ? `${title} · ` : ''}${entry?.suite ?? ''} × ${entry?.model ?? ''} · ${entry?.itemId ?? ''} (${index + 1}/${entries.length}) · j/k scroll · n/p item`;
  return (
    <Box flexDirection="column">
      <Line text={head} width={width} bold />
      {sample.status === 'loading' && <Line text="reading…" width={width} dim />}
      {sample.status === 'error' && <Line text={sample.message} width={width} color="red" />}
      {lines.slice(scroll, scroll + bodyHeight).map((l, i) => (
        <Line key={scroll + i} text={l.text} width={width} {...(l.heading ? { bold: true, color: 'cyan' } : {})} />
      ))}
    </Box>
  );
}
