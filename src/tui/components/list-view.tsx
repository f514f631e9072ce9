import { Box } from 'ink';
import { windowStart } from '../list-window.js';
import { Line } from './line.js';

export interface ListViewProps<T> {
  items: readonly T[];
  cursor: number;
  height: number;
  width: number;
  render: (item: T, index: number) => string;
  color?: (item: T) => string | undefined;
  /** Shown when the list is empty. */
  empty?: string;
  focused?: boolean;
}

/** A list drawn in a window of `height` rows that follows the cursor; only those rows render. */
export function ListView<T>({ items, cursor, height, width, render, color, empty, focused = true }: ListViewProps<T>) {
  if (items.length === 0) return <Line text={empty ?? '(empty)'} width={width} dim />;
  const start = windowStart(cursor, items.length, height);
  const rows = items.slice(start, start + height);
  return (
    <Box flexDirection="column">
      {rows.map((item, i) => {
        const index = start + i;
        const selected = index === cursor;
        const c = color?.(item);
        return <Line key={index} text={`${selected ? '›' : ' '} ${render(item, index)}`} width={width} inverse={selected && focused} {...(c ? { color: c } : {})} />;
      })}
    </Box>
  );
}
