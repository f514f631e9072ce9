import { Box } from 'ink';
import { Line } from '../components/line.js';

export const KEY_HELP: [string, string][] = [
  ['↑/↓  j/k', 'move (PgUp/PgDn or Ctrl-U/Ctrl-D: a page)'],
  ['space', 'pick / unpick (models, suites); mark a run to compare'],
  ['Enter', 'open, or start the run from the picker'],
  ['/', 'filter (suites by name or category; items by id)'],
  ['Tab', 'next pane (Models, Suites, Options); Shift-Tab back'],
  ['Esc', 'back (or clear the filter)'],
  ['q', 'quit; during a run: stop it (partial run.json, interrupted)'],
  ['Ctrl-C', 'as q, even while typing'],
  ['?', 'this help'],
  ['picker', 'a: pick all shown suites · S: save selection as config · b: browse results · r: run'],
  ['results', 's: sort column · r: reverse · f: filter wrong / unscored / flagged'],
  ['runs', 'space: mark A then B · c: compare · g: reload'],
  ['item', 'n/p (←/→): next / previous item'],
];

export function HelpScreen({ width, height }: { width: number; height: number }) {
  return (
    <Box flexDirection="column">
      <Line text="keys (Esc or ? to close)" width={width} bold />
      {KEY_HELP.slice(0, Math.max(0, height - 1)).map(([k, v]) => (
        <Line key={k} text={`${k.padEnd(10)} ${v}`} width={width} />
      ))}
    </Box>
  );
}
