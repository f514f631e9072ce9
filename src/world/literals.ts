import type { Literal, LiteralText } from './types.js';

const LITERAL = /^\s*(!?)\s*([a-z_][a-z0-9_]*)\s*\(\s*([^()]*?)\s*\)\s*$/;

/** Parses `pred(a, ?b)` / `!pred(a)`; throws on anything else (library and scene files are checked at load). */
export function parseLiteral(text: LiteralText): Literal {
  const m = LITERAL.exec(text);
  if (!m) throw new Error(`not a literal: ${JSON.stringify(text)} (expected pred(arg, ?var) or !pred(…))`);
  const args = m[3] === '' ? [] : m[3]!.split(',').map((a) => a.trim());
  if (args.some((a) => a === '' || /[\s()]/.test(a))) throw new Error(`bad argument list in literal ${JSON.stringify(text)}`);
  return { predicate: m[2]!, args, negated: m[1] === '!' };
}

export const isVariable = (term: string): boolean => term.startsWith('?');

/** The canonical key of a ground fact, `pred(a,b)`: how facts are stored in a state. */
export function factKey(predicate: string, args: readonly string[]): string {
  return `${predicate}(${args.join(',')})`;
}

export type Binding = Record<string, string>;

/** Substitutes bound variables; unbound ones stay (`?x`). */
export function substitute(literal: Literal, binding: Binding): Literal {
  return { ...literal, args: literal.args.map((a) => (isVariable(a) ? (binding[a] ?? a) : a)) };
}

export function isGround(literal: Literal): boolean {
  return literal.args.every((a) => !isVariable(a));
}

export function literalText(literal: Literal): string {
  return `${literal.negated ? '!' : ''}${factKey(literal.predicate, literal.args)}`;
}
