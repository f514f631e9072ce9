import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fit, oneLine, truncate, widthOf, wrap } from '../../src/tui/text.js';
import { windowStart } from '../../src/tui/list-window.js';

describe('display-width text', () => {
  it('truncates Japanese by columns, not UTF-16 length', () => {
    const s = '日本で一番高い山は富士山です';
    expect(truncate(s, 10)).toBe('日本で一…'); // 4 kanji (8 columns) + the ellipsis
    expect(stringWidth(truncate(s, 10))).toBeLessThanOrEqual(10);
    expect(truncate(s, 11)).toBe('日本で一番…');
    expect(truncate('abc', 3)).toBe('abc');
    // An odd width never splits a wide character in half.
    expect(stringWidth(fit(s, 7))).toBe(7);
  });

  it('keeps grapheme clusters whole (emoji with modifiers, combining marks)', () => {
    const family = '👨‍👩‍👧';
    expect(truncate(`${family}${family}${family}`, 5)).toBe(`${family}${family}…`);
    expect(truncate('か\u3099か\u3099か\u3099か\u3099', 5)).toBe('か\u3099か\u3099…');
  });

  it('measures like string-width per grapheme, on the per-character fast path too', () => {
    const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
    const reference = (t: string): number => [...segmenter.segment(t)].reduce((w, { segment }) => w + stringWidth(segment), 0);
    for (const t of ['bench × fake ███░░ 1/2 · →', '✓ n1 → 3 ‹ 49たす77は？ ⏎ 答え：', 'ｶﾞｷﾞ', 'か\u3099か', '👨‍👩‍👧x', '한국어', '\u1100\u1161', 'e\u0301', 'ไทยสำ', '⚠\ufe0f', '✅©\u00ad', 'Ａｂｃ…—']) {
      expect(widthOf(t)).toBe(reference(t));
    }
  });

  it('wraps to the width, every line within it', () => {
    const lines = wrap('吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。', 9);
    expect(lines.every((l) => stringWidth(l) <= 9)).toBe(true);
    expect(lines[0]).toBe('吾輩は猫');
    expect(lines.join('')).toBe('吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。');
  });

  it('makes untrusted output safe for one row: no escapes, newlines shown', () => {
    expect(oneLine('答え\x1b[2J\x1b[31m：\r\n富士山\t!')).toBe('答え[2J[31m： ⏎ 富士山 !');
  });

  it('windows a list around the cursor', () => {
    expect(windowStart(0, 100, 10)).toBe(0);
    expect(windowStart(50, 100, 10)).toBe(45);
    expect(windowStart(99, 100, 10)).toBe(90);
    expect(windowStart(3, 5, 10)).toBe(0);
  });
});

describe('key chunks', () => {
  it('splits a chunk of several keys into one key each, newline as Enter', async () => {
    const { splitChunk } = await import('../../src/tui/components/keys.js');
    const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
    const parts = splitChunk('敬語\r', none as never);
    expect(parts.map(([i, k]) => (k.return ? '⏎' : i))).toEqual(['敬', '語', '⏎']);
    expect(splitChunk('q', none as never)).toHaveLength(1);
    // Control characters mean what Ink reports for them alone: Ctrl-<letter>, Backspace, Delete.
    const ctl = splitChunk('j\x03a\x7f\b\x04', none as never);
    expect(ctl.map(([i, k]) => [i, k.ctrl, k.backspace, k.delete])).toEqual([
      ['j', false, false, false],
      ['c', true, false, false],
      ['a', false, false, false],
      ['', false, false, true],
      ['', false, true, false],
      ['d', true, false, false],
    ]);
  });
});
