import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { Key } from 'ink';

/**
 * One keyboard owner: the app reads input once and offers each key to the screen on top first.
 * A screen returns true when it used the key (typing into a filter swallows `q`), otherwise the
 * app's global keys apply (q quits, ? helps, Esc goes back).
 */
export type KeyHandler = (input: string, key: Key) => boolean;

export const KeyContext = createContext<{ current: KeyHandler | undefined }>({ current: undefined });

/** Whether the screen is the one on top (screens below stay mounted, keeping cursor and filters). */
export const ActiveScreenContext = createContext(true);

export function useScreenKeys(handler: KeyHandler): void {
  const slot = useContext(KeyContext);
  const active = useContext(ActiveScreenContext);
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect: the handler changes in the same commit as the screen, so a key typed right
  // after a screen appears can never reach the one it replaced.
  useLayoutEffect(() => {
    if (!active) return undefined;
    const bound: KeyHandler = (input, key) => latest.current(input, key);
    slot.current = bound;
    return () => {
      if (slot.current === bound) slot.current = undefined;
    };
  }, [slot, active]);
}

export const isDown = (input: string, key: Key): boolean => key.downArrow || input === 'j';
export const isUp = (input: string, key: Key): boolean => key.upArrow || input === 'k';
export const isPageDown = (input: string, key: Key): boolean => key.pageDown || (key.ctrl && input === 'd');
export const isPageUp = (input: string, key: Key): boolean => key.pageUp || (key.ctrl && input === 'u');

/** Applies a typed character / backspace to text being edited; returns undefined for other keys. */
export function editText(text: string, input: string, key: Key): string | undefined {
  if (key.backspace || key.delete) return [...text].slice(0, -1).join('');
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return undefined;
  return input ? text + input : undefined;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Ink hands over a whole read as one input when several keys arrive together (a paste, fast
 * typing, an IME commit, tmux send-keys): "particles\r" would otherwise be one unknown key. Split
 * it into one key per character, a newline becoming Enter, so every key means what it would alone:
 * a control character is the Ctrl-key Ink would report for it alone (Ctrl-C among other keys
 * still stops a run), Backspace (\b) and Delete (\x7f) edit text.
 */
export function splitChunk(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  const plain: Key = { ...key, ctrl: false, return: false, tab: false, escape: false, backspace: false, delete: false };
  const out: [string, Key][] = [];
  for (const { segment } of segmenter.segment(input)) {
    if (segment === '\r' || segment === '\n' || segment === '\r\n') out.push(['', { ...plain, return: true }]);
    else if (segment === '\t') out.push(['', { ...plain, tab: true }]);
    else if (segment === '\b') out.push(['', { ...plain, backspace: true }]);
    else if (segment === '\x7f') out.push(['', { ...plain, delete: true }]);
    else if (segment.length === 1 && segment >= '\x01' && segment <= '\x1a') out.push([String.fromCharCode(segment.charCodeAt(0) + 96), { ...plain, ctrl: true }]);
    else out.push([segment, plain]);
  }
  return out;
}

/** Ctrl-C, which stops a run (then quits) at once, ahead of any keys still waiting their turn. */
export const isCtrlC = (input: string, key: Key): boolean => key.ctrl && input === 'c';
