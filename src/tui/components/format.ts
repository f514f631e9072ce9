import type { Outcome } from '../../scoring/types.js';

/** Small display helpers shared by the screens. */

export function bar(done: number, total: number, width: number): string {
  const w = Math.max(1, width);
  const filled = total > 0 ? Math.min(w, Math.floor((done / total) * w)) : w;
  return '█'.repeat(filled) + '░'.repeat(w - filled);
}

export function score(value: number | undefined | null, digits = 3): string {
  return value === undefined || value === null || !Number.isFinite(value) ? '—' : value.toFixed(Math.abs(value) >= 10 ? 2 : digits);
}

export function interval(ci: [number | null, number | null] | undefined, digits = 3): string {
  if (!ci || ci[0] === null || ci[1] === null) return '';
  return `[${score(ci[0], digits)}, ${score(ci[1], digits)}]`;
}

export function rate(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '0';
  if (x >= 1000) return `${(x / 1000).toFixed(1)}k`;
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

export const OUTCOME_MARK: Record<Outcome, string> = { correct: '✓', incorrect: '✗', not_attempted: '∅', unscored: '?', error: '!' };
export const OUTCOME_COLOR: Record<Outcome, string> = { correct: 'green', incorrect: 'red', not_attempted: 'yellow', unscored: 'yellow', error: 'magenta' };

export function pValue(p: number): string {
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}
