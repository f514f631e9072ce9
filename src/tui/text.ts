import stringWidth from 'string-width';

/**
 * Terminal text by display width, never by UTF-16 length: a kanji takes two columns, a combining
 * mark none, and an emoji sequence is one grapheme. Model output is untrusted, so control
 * characters (escape sequences, carriage returns) are made visible instead of reaching the terminal.
 */

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** One line, safe to print: newlines and tabs become visible marks, other controls are dropped. */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ⏎ ')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Text with line breaks kept, every other control removed (for wrapped, multi-line views). */
export function safeMultiline(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n|\r/g, '\n').replace(/\t/g, '  ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Printable ASCII only: one column per character, no need to ask string-width. */
export const ASCII = /^[\x20-\x7e]*$/;
const graphemeWidths = new Map<string, number>();

/** Width of one grapheme, memoised: Japanese text repeats a few thousand characters at most. */
function graphemeWidth(segment: string): number {
  let w = graphemeWidths.get(segment);
  if (w === undefined) {
    w = stringWidth(segment);
    if (graphemeWidths.size > 20_000) graphemeWidths.clear();
    graphemeWidths.set(segment, w);
  }
  return w;
}

/**
 * Characters that can join a neighbour into one grapheme (marks, joiners, variation selectors,
 * Hangul jamo and syllables, prepended and spacing letters, surrogate halves) or are invisible.
 * A string free of them is one grapheme per UTF-16 unit.
 */
const JOINING = /[\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u0d4e\u0e33\u0eb3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uff9e\uff9f]/u;
/** Per UTF-16 unit: 0–2 its width as a grapheme of its own, 3 one of JOINING, 255 not looked at yet. */
const unitWidths = new Uint8Array(0x10000).fill(255);

function unitWidth(code: number): number {
  let w = unitWidths[code]!;
  if (w === 255) {
    const ch = String.fromCharCode(code);
    w = JOINING.test(ch) ? 3 : stringWidth(ch);
    unitWidths[code] = w;
  }
  return w;
}

/** Width from per-character widths, or undefined when some character may join a grapheme. */
function simpleWidth(text: string): number | undefined {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      w += 1;
      continue;
    }
    const u = unitWidth(code);
    if (u === 3) return undefined;
    w += u;
  }
  return w;
}

export function widthOf(text: string): number {
  if (ASCII.test(text)) return text.length;
  const simple = simpleWidth(text);
  if (simple !== undefined) return simple;
  let w = 0;
  for (const { segment } of segmenter.segment(text)) w += graphemeWidth(segment);
  return w;
}

/**
 * An upper bound on the display width, without segmenting: a printable ASCII character takes at
 * most one column and any other UTF-16 unit at most two (no grapheme is wider than two columns,
 * and every grapheme has at least one unit). Lets a line that surely fits skip string-width.
 */
function widthBound(text: string): number {
  let bound = 0;
  for (let i = 0; i < text.length; i++) bound += text.charCodeAt(i) < 0x80 ? 1 : 2;
  return bound;
}

/** Cuts `text` to at most `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (ASCII.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (text.length * 2 <= width || widthBound(text) <= width || widthOf(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Pads (or cuts) to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const fill = ' '.repeat(Math.max(0, width - widthOf(cut)));
  return align === 'left' ? cut + fill : fill + cut;
}

/** Wraps text to lines of at most `width` columns (hard wrap at grapheme boundaries, keeping newlines). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of safeMultiline(text).split('\n')) {
    let line = '';
    let used = 0;
    for (const { segment } of segmenter.segment(paragraph)) {
      const w = graphemeWidth(segment);
      if (used + w > width && line !== '') {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += segment;
      used += w;
    }
    lines.push(line);
  }
  return lines;
}
