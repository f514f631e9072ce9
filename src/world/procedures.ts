import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { builtinDatasetsDir } from '../util/paths.js';
import { pick } from '../datasets/generators/seeded.js';
import { shuffle } from '../util/random.js';

/**
 * Procedures for ind-procedure-order (datasets/builtin/ind/procedures.json): steps with their
 * predecessors (a precedence graph, not one fixed order) and unsafe steps a careful worker rejects.
 */
const procedureSchema = z
  .object({
    id: z.string(),
    title: z.string().min(1),
    kind: z.enum(['LOTO', 'SETUP', 'INSPECTION']),
    context: z.string(),
    steps: z.array(z.object({ id: z.string(), ja: z.string().min(1), after: z.array(z.string()) }).strict()).min(4),
    unsafe: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Procedure = z.infer<typeof procedureSchema>;

export const PROCEDURES_FILE = path.join(builtinDatasetsDir, 'builtin', 'ind', 'procedures.json');
let cache: Procedure[] | undefined;
export function builtinProcedures(): Procedure[] {
  cache ??= z.object({ version: z.number(), procedures: z.array(procedureSchema).min(1) }).strict().parse(JSON.parse(readFileSync(PROCEDURES_FILE, 'utf8'))).procedures;
  return cache;
}

export type ProcedureTaskKind = 'order' | 'unsafe' | 'missing';

/** One labelled step as shown to the model. */
export interface ShownStep {
  id: string;
  ja: string;
}

export interface ProcedureRecord extends Record<string, unknown> {
  procedure: string;
  kind: ProcedureTaskKind;
  title: string;
  steps: ShownStep[];
  candidates: ShownStep[];
  /** [before, after] pairs over shown ids (direct edges of the precedence graph). */
  precedence: [string, string][];
  /** Ids the order must contain (the procedure's steps, the missing candidate included). */
  required: string[];
  /** Ids that must be flagged: the unsafe step, or the candidate that is the missing step. */
  flagged: string[];
  steps_text: string;
  candidates_text: string;
  task_text: string;
  answer: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOP';
const TASK_TEXT: Record<ProcedureTaskKind, string> = {
  order: 'すべての手順を正しい実施順に並べてください。flagged は空の配列にしてください。',
  unsafe: '手順の中に、安全上行ってはならない手順が1つ含まれています。その手順の id を flagged に入れ、order には残りの手順だけを正しい実施順に並べてください。',
  missing: '手順が1つ抜けています。候補の中から抜けている手順を選んで flagged に入れ、order にはその候補の id も含めた全手順を正しい実施順に並べてください。',
};

/** A topological order of `ids` under `edges`, ties broken by `rank` (the procedure's own order). */
export function topologicalOrder(ids: string[], edges: [string, string][], rank: (id: string) => number): string[] {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const [, b] of edges) indegree.set(b, (indegree.get(b) ?? 0) + 1);
  const out: string[] = [];
  const ready = ids.filter((id) => indegree.get(id) === 0);
  while (ready.length) {
    ready.sort((a, b) => rank(a) - rank(b));
    const next = ready.shift()!;
    out.push(next);
    for (const [a, b] of edges) {
      if (a !== next) continue;
      indegree.set(b, indegree.get(b)! - 1);
      if (indegree.get(b) === 0) ready.push(b);
    }
  }
  if (out.length !== ids.length) throw new Error('precedence graph has a cycle');
  return out;
}

/**
 * Words of steps that could belong to almost any procedure (power, locks, stopping, telling
 * people, records): such a step from another procedure would be a plausible missing step here, so
 * it is never offered as the wrong candidate.
 */
const GENERIC_STEP = /電源|錠|遮断|停止|止め|記録|知らせ|連絡|伝える|表示|再開|運転を/;

/** Steps of procedures of another kind that plainly do not belong to `proc` (the foreign candidate). */
export function foreignSteps(proc: Procedure, others: Procedure[]): string[] {
  const steps = others.filter((o) => o.kind !== proc.kind).flatMap((o) => o.steps.map((s) => s.ja));
  const specific = steps.filter((ja) => !GENERIC_STEP.test(ja));
  return specific.length ? specific : steps;
}

/** Builds one item: steps shuffled and lettered, an unsafe step inserted or a step removed into the candidates. */
export function procedureRecord(proc: Procedure, kind: ProcedureTaskKind, rng: () => number, others: Procedure[]): ProcedureRecord {
  let steps = shuffle(proc.steps, rng);
  const candidates: { key: string; ja: string }[] = [];
  let unsafeText: string | undefined;
  let missingKey: string | undefined;
  if (kind === 'missing') {
    const removed = pick(rng, proc.steps);
    missingKey = removed.id;
    steps = steps.filter((s) => s.id !== removed.id);
    candidates.push({ key: removed.id, ja: removed.ja }, { key: '#unsafe', ja: pick(rng, proc.unsafe) }, { key: '#foreign', ja: pick(rng, foreignSteps(proc, others)) });
  }
  const shownKeys: { key: string; ja: string }[] = steps.map((s) => ({ key: s.id, ja: s.ja }));
  if (kind === 'unsafe') {
    unsafeText = pick(rng, proc.unsafe);
    shownKeys.splice(Math.floor(rng() * (shownKeys.length + 1)), 0, { key: '#unsafe', ja: unsafeText });
  }
  const letter = new Map<string, string>();
  const shown = shownKeys.map((s, i) => (letter.set(s.key, LETTERS[i]!), { id: LETTERS[i]!, ja: s.ja }));
  const shuffledCandidates = shuffle(candidates, rng).map((c, i) => (letter.set(c.key, ['X', 'Y', 'Z'][i]!), { id: ['X', 'Y', 'Z'][i]!, ja: c.ja }));
  const precedence = proc.steps.flatMap((s) => s.after.map((a): [string, string] => [letter.get(a)!, letter.get(s.id)!]));
  const rank = new Map(proc.steps.map((s, i) => [letter.get(s.id)!, i]));
  const required = topologicalOrder(proc.steps.map((s) => letter.get(s.id)!), precedence, (id) => rank.get(id)!);
  const flagged = kind === 'unsafe' ? [letter.get('#unsafe')!] : kind === 'missing' ? [letter.get(missingKey!)!] : [];
  return {
    procedure: proc.id,
    kind,
    title: proc.title,
    steps: shown,
    candidates: shuffledCandidates,
    precedence,
    required,
    flagged,
    steps_text: shown.map((s) => `${s.id}. ${s.ja}`).join('\n'),
    candidates_text: shuffledCandidates.length ? `\n抜けている手順の候補：\n${shuffledCandidates.map((c) => `${c.id}. ${c.ja}`).join('\n')}\n` : '',
    task_text: TASK_TEXT[kind],
    answer: JSON.stringify({ order: required, flagged }),
  };
}
