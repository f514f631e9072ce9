import { createContext, useContext } from 'react';
import type { Flip } from './compare.js';
import type { SampleEntry } from './sample-index.js';
import type { Selection } from './session.js';

/** Where the user is: a stack of screens, Esc pops. */
export type Route =
  | { name: 'pick' }
  | { name: 'run' }
  | { name: 'runs'; dir: string }
  | { name: 'results'; runDir: string }
  | { name: 'items'; runDir: string; model: string; suite: string }
  | { name: 'item'; runDir: string; entries: SampleEntry[]; index: number }
  | { name: 'compare'; dirA: string; dirB: string }
  | { name: 'flips'; dirA: string; dirB: string; title: string; flips: Flip[] }
  | { name: 'flip'; dirA: string; dirB: string; flips: Flip[]; index: number };

export interface Nav {
  push(route: Route): void;
  /** Replaces the top screen (e.g. the picker becomes the run it started). */
  replace(route: Route): void;
  back(): void;
  quit(): void;
  startRun(selection: Selection): void;
}

export const NavContext = createContext<Nav | undefined>(undefined);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside NavContext');
  return nav;
}
