import { Text } from 'ink';
import { memo } from 'react';
import { fit, truncate } from '../text.js';

export interface LineProps {
  text: string;
  width: number;
  color?: string;
  inverse?: boolean;
  bold?: boolean;
  dim?: boolean;
}

/**
 * One terminal row, cut to at most `width` display columns (string-width), so wide Japanese text
 * can never wrap onto a second line and push the layout past the terminal height. Only a
 * highlighted row is padded (so the highlight spans the row); padding every row would make Ink
 * style a full screen of blanks on each frame.
 */
function LineRow({ text, width, color, inverse, bold, dim }: LineProps) {
  return (
    <Text wrap="truncate-end" {...(color ? { color } : {})} inverse={inverse ?? false} bold={bold ?? false} dimColor={dim ?? false}>
      {inverse ? fit(text, width) : truncate(text, width)}
    </Text>
  );
}

/** Props are plain strings and flags: a row whose text did not change is not re-rendered (nor re-measured). */
export const Line = memo(LineRow);
