/**
 * Windowing for long lists: only the rows that fit are rendered, and the window follows the
 * cursor, keeping it away from the edges when it can (as less and vim do).
 */
export function windowStart(cursor: number, count: number, height: number): number {
  if (height <= 0 || count <= height) return 0;
  const start = cursor - Math.floor(height / 2);
  return Math.max(0, Math.min(start, count - height));
}

export function clampCursor(cursor: number, count: number): number {
  return count === 0 ? 0 : Math.max(0, Math.min(cursor, count - 1));
}
