import { Text } from 'ink';
import { fit } from '../text.js';

export interface LineProps {
  text: string;
  width: number;
  color?: string;
  inverse?: boolean;
  bold?: boolean;
  dim?: boolean;
}

/**
 * One terminal row, cut or padded to exactly `width` display columns (string-width), so wide
 * Japanese text can never wrap onto a second line and push the layout past the terminal height.
 */
export function Line({ text, width, color, inverse, bold, dim }: LineProps) {
  return (
    <Text wrap="truncate-end" {...(color ? { color } : {})} inverse={inverse ?? false} bold={bold ?? false} dimColor={dim ?? false}>
      {fit(text, width)}
    </Text>
  );
}
