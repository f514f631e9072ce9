import { choiceLength, endingClass, scriptProfile, auditText } from './features.js';

/**
 * Choice-only baselines: strategies that answer a multiple-choice item from its choices (and, for
 * the priors, from the other items' answers) without reading the question. Each returns, per item,
 * the expected credit of the strategy: 1 when it picks the gold, 1/k when it is undecided between k
 * choices that include the gold (a random tie-break), 0 otherwise. A suite whose items can be
 * answered this way measures test-taking tricks, not the skill it names.
 */
export interface AuditItem {
  id: string;
  choices: string[];
  gold: number;
}

export interface Baseline {
  name: string;
  description: string;
  /** Expected credit per item, in item order. */
  credits(items: AuditItem[]): number[];
}

/** Credit of picking uniformly among `picked` (indices) when the gold is `gold`. */
function creditOf(picked: number[], gold: number): number {
  if (picked.length === 0) return 0;
  return picked.includes(gold) ? 1 / picked.length : 0;
}

/** Indices whose score is maximal (ties kept). */
function argmaxAll(scores: number[]): number[] {
  const best = Math.max(...scores);
  return scores.flatMap((s, i) => (Math.abs(s - best) < 1e-9 ? [i] : []));
}

function byScore(name: string, description: string, score: (choice: string, all: string[]) => number): Baseline {
  return {
    name,
    description,
    credits: (items) => items.map((item) => creditOf(argmaxAll(item.choices.map((c) => score(c, item.choices))), item.gold)),
  };
}

/**
 * Odd one out on a numeric feature vector: the choice farthest (L1) from the mean of the others.
 * With two choices both are equally far, so the baseline is at chance there, as it should be.
 */
function oddOneOut(name: string, description: string, feature: (choice: string) => number[]): Baseline {
  return byScore(name, description, (choice, all) => {
    const own = feature(choice);
    const others = all.filter((c) => c !== choice).map(feature);
    if (others.length === 0) return 0;
    return own.reduce((sum, v, d) => sum + Math.abs(v - others.reduce((s, o) => s + (o[d] ?? 0), 0) / others.length), 0);
  });
}

/** Odd one out on a category: the one choice whose class no other choice shares, when exactly one such exists. */
const oddEnding: Baseline = {
  name: 'odd_ending',
  description: 'the one choice whose sentence ending (polite/plain register, honorific verb) differs from all others',
  credits: (items) =>
    items.map((item) => {
      const classes = item.choices.map(endingClass);
      const unique = classes.flatMap((c, i) => (classes.filter((o) => o === c).length === 1 ? [i] : []));
      // Only a lone class among otherwise shared ones is a give-away; otherwise undecided.
      const picked = unique.length === 1 && item.choices.length > 2 ? unique : item.choices.map((_, i) => i);
      return creditOf(picked, item.gold);
    }),
};

/**
 * Leave-one-out prior over gold choice texts: for each item, how often each of its choice texts was
 * the answer in the *other* items where it was offered (Laplace-smoothed towards 1/k); pick the
 * highest. Catches "に is usually the answer" and "forms with られ are never the answer".
 */
const goldTextPrior: Baseline = {
  name: 'gold_text_prior',
  description: 'the choice text most often right in the other items that offer it (leave-one-out)',
  credits: (items) => {
    const offered = new Map<string, number>();
    const golds = new Map<string, number>();
    const keys = items.map((item) => item.choices.map(auditText));
    keys.forEach((ks, i) => {
      for (const k of new Set(ks)) offered.set(k, (offered.get(k) ?? 0) + 1);
      const g = ks[items[i]!.gold];
      if (g !== undefined) golds.set(g, (golds.get(g) ?? 0) + 1);
    });
    return items.map((item, i) => {
      const ks = keys[i]!;
      const k = ks.length;
      const scores = ks.map((key, j) => {
        const off = (offered.get(key) ?? 0) - 1; // leave this item out
        const gold = (golds.get(key) ?? 0) - (j === item.gold ? 1 : 0);
        return (gold + 1) / (off + k);
      });
      return creditOf(argmaxAll(scores), item.gold);
    });
  },
};

/** Leave-one-out position prior: the answer position most common among the other items with as many choices. */
const position: Baseline = {
  name: 'position',
  description: 'the answer position most common among the other items (leave-one-out)',
  credits: (items) => {
    const counts = new Map<number, number[]>();
    for (const item of items) {
      const c = counts.get(item.choices.length) ?? new Array<number>(item.choices.length).fill(0);
      c[item.gold] = (c[item.gold] ?? 0) + 1;
      counts.set(item.choices.length, c);
    }
    return items.map((item) => {
      const c = [...counts.get(item.choices.length)!];
      c[item.gold] = (c[item.gold] ?? 0) - 1;
      return creditOf(argmaxAll(c), item.gold);
    });
  },
};

export const BASELINES: Baseline[] = [
  byScore('longest', 'the longest choice', (c) => choiceLength(c)),
  byScore('shortest', 'the shortest choice', (c) => -choiceLength(c)),
  oddOneOut('odd_length', 'the choice whose length is farthest from the mean of the others', (c) => [choiceLength(c)]),
  oddOneOut('odd_script', 'the choice whose hiragana/katakana/kanji mix is farthest from the others', (c) => scriptProfile(c)),
  oddEnding,
  goldTextPrior,
  position,
];
