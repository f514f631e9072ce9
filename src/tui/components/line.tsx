import { Text, useIsScreenReaderEnabled } from 'ink';
import { createElement, memo, useCallback } from 'react';
import { ASCII, fit, truncate, widthOf } from '../text.js';

export interface LineProps {
  text: string;
  width: number;
  color?: string;
  inverse?: boolean;
  bold?: boolean;
  dim?: boolean;
}

/** Stands in for each column of a non-ASCII row while Ink measures and lays it out. */
const STAND_IN = 'x';

/**
 * One terminal row, cut to at most `width` display columns (string-width), so wide Japanese text
 * can never wrap onto a second line and push the layout past the terminal height. Only a
 * highlighted row is padded (so the highlight spans the row); padding every row would make Ink
 * style a full screen of blanks on each frame.
 *
 * A row with non-ASCII text (kanji, █░ bars, ·, →) is measured once here; Ink measures and lays
 * out an ASCII stand-in of the same width (string-width's fast path, and the same string every
 * frame, so Ink's own measure cache answers) and the real text is put back as the row is written.
 * Ink would otherwise run string-width over the whole row twice per frame. What the terminal
 * shows is the same.
 */
function LineRow({ text, width, color, inverse, bold, dim }: LineProps) {
  const shown = inverse ? fit(text, width) : truncate(text, width);
  // A screen reader is given the text itself (Ink does not transform its output).
  const ascii = useIsScreenReaderEnabled() || ASCII.test(shown);
  const columns = ascii ? 0 : widthOf(shown);
  const standIn = STAND_IN.repeat(columns);
  const restore = useCallback(
    (line: string): string => {
      const at = line.indexOf(standIn);
      if (at >= 0) return line.slice(0, at) + shown + line.slice(at + standIn.length);
      if (line.includes(shown)) return line;
      // Ink cut the row (a frame laid out before a resize reached this component): cut the text alike.
      return line.replace(/x+…?/, (cut) => truncate(shown, cut.length));
    },
    [shown, standIn],
  );
  const props = { wrap: 'truncate-end' as const, ...(color ? { color } : {}), inverse: inverse ?? false, bold: bold ?? false, dimColor: dim ?? false };
  if (ascii || columns === 0) return <Text {...props}>{shown}</Text>;
  // What Ink's <Transform> renders, plus the truncate-end that <Text> has (Transform would wrap).
  return createElement('ink-text', { style: { flexGrow: 0, flexShrink: 1, flexDirection: 'row', textWrap: 'truncate-end' }, internal_transform: restore }, <Text {...props}>{standIn}</Text>);
}

/** Props are plain strings and flags: a row whose text did not change is not re-rendered (nor re-measured). */
export const Line = memo(LineRow);
