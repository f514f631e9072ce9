import { factKey, isGround, isVariable, substitute, type Binding } from './literals.js';
import type { Literal } from './types.js';

const parsedKeys = new Map<string, { predicate: string; args: string[] }>();

/** `pred(a,b)` → its parts (cached: worlds reuse the same few hundred fact keys). */
function parseKey(key: string): { predicate: string; args: string[] } {
  let parsed = parsedKeys.get(key);
  if (!parsed) {
    const open = key.indexOf('(');
    const args = key.slice(open + 1, -1);
    parsed = { predicate: key.slice(0, open), args: args === '' ? [] : args.split(',') };
    if (parsedKeys.size < 100_000) parsedKeys.set(key, parsed);
  }
  return parsed;
}

/** The facts of a state, indexed by predicate so that queries do not scan everything. */
export class FactIndex {
  private readonly byPredicate = new Map<string, string[][]>();
  readonly keys: ReadonlySet<string>;

  /**
   * Facts are indexed in the order given (a world's state keeps initial facts in file order and
   * appends added ones), so the first binding of an existential variable is the same on every run.
   */
  constructor(facts: Iterable<string>) {
    const keys = new Set<string>();
    for (const key of facts) {
      keys.add(key);
      const { predicate, args } = parseKey(key);
      let list = this.byPredicate.get(predicate);
      if (!list) this.byPredicate.set(predicate, (list = []));
      list.push(args);
    }
    this.keys = keys;
  }

  has(literal: Literal): boolean {
    return this.keys.has(factKey(literal.predicate, literal.args));
  }

  tuples(predicate: string): readonly string[][] {
    return this.byPredicate.get(predicate) ?? [];
  }
}

/**
 * All bindings under which a conjunctive query holds (positive literals matched in order, negated
 * ones checked once ground — negation as failure). Negated literals with variables never bound by a
 * positive literal are an error in the rule, reported rather than silently true.
 */
export function solve(query: readonly Literal[], facts: FactIndex, binding: Binding = {}, limit = Infinity): Binding[] {
  const positives = query.filter((l) => !l.negated);
  const negatives = query.filter((l) => l.negated);
  const out: Binding[] = [];
  const visit = (i: number, b: Binding): void => {
    if (out.length >= limit) return;
    if (i === positives.length) {
      for (const neg of negatives) {
        const g = substitute(neg, b);
        if (!isGround(g)) throw new Error(`negated literal !${g.predicate}(${g.args.join(', ')}) has a variable no positive literal binds`);
        if (facts.has(g)) return;
      }
      out.push(b);
      return;
    }
    const lit = substitute(positives[i]!, b);
    for (const tuple of facts.tuples(lit.predicate)) {
      if (tuple.length !== lit.args.length) continue;
      let next: Binding | null = b;
      for (let k = 0; k < tuple.length && next; k++) {
        const term = lit.args[k]!;
        if (isVariable(term)) {
          const bound: string | undefined = next[term];
          if (bound === undefined) next = { ...next, [term]: tuple[k]! };
          else if (bound !== tuple[k]) next = null;
        } else if (term !== tuple[k]) next = null;
      }
      if (next) visit(i + 1, next);
    }
  };
  visit(0, binding);
  return out;
}

/** The ground literals of `query` that fail under `binding` (for reports: what exactly is missing). */
export function failingLiterals(query: readonly Literal[], facts: FactIndex, binding: Binding): Literal[] {
  return query
    .map((l) => substitute(l, binding))
    .filter((l) => isGround(l) && facts.has({ ...l, negated: false }) === l.negated);
}
