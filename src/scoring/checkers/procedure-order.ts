import { readStructured, type Bucket } from '../structured/answer.js';
import type { RefusalDetector } from '../structured/refusal.js';
import { ANSWER_SCHEMAS } from '../structured/schemas.js';

export interface ProcedureVars {
  kind: 'order' | 'unsafe' | 'missing';
  required: string[];
  precedence: [string, string][];
  flagged: string[];
}

export interface ProcedureCheck {
  bucket: Bucket;
  /** `ok` or the first problem: `unknown_id`, `missing_id`, `duplicate_id`, `precedence_violated`, `wrong_flag`, or a read failure. */
  reason: string;
  message?: string;
  order_valid: boolean;
  ids_exact: boolean;
  /** Kendall-style τ over the pairs the precedence graph orders (missing ids count as discordant); null when unread. */
  tau: number | null;
}

/** Every ordered pair implied by the precedence graph (its transitive closure). */
export function precedencePairs(ids: readonly string[], edges: readonly [string, string][]): [string, string][] {
  const after = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const [a, b] of edges) after.get(a)?.add(b);
  const pairs: [string, string][] = [];
  for (const start of ids) {
    const seen = new Set<string>();
    const stack = [...(after.get(start) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(after.get(next) ?? []));
    }
    for (const b of [...seen].sort()) pairs.push([start, b]);
  }
  return pairs;
}

/**
 * τ = (concordant − discordant) / pairs over the closure of the precedence graph: 1 for any valid
 * order (whatever it does with unordered steps), −1 for the reverse. A pair with an id missing from
 * the answer counts as discordant. No constrained pairs → 1.
 */
export function precedenceTau(order: readonly string[], ids: readonly string[], edges: readonly [string, string][]): number {
  const pos = new Map<string, number>();
  order.forEach((id, i) => (pos.has(id) ? undefined : pos.set(id, i)));
  const pairs = precedencePairs(ids, edges);
  if (pairs.length === 0) return 1;
  let score = 0;
  for (const [a, b] of pairs) {
    const pa = pos.get(a);
    const pb = pos.get(b);
    score += pa !== undefined && pb !== undefined && pa < pb ? 1 : -1;
  }
  return score / pairs.length;
}

function firstOrderProblem(order: readonly string[], vars: ProcedureVars): { reason: string; message: string } | null {
  const required = new Set(vars.required);
  const seen = new Set<string>();
  for (const id of order) {
    if (!required.has(id)) return { reason: 'unknown_id', message: `"${id}" is not a step of this procedure` };
    if (seen.has(id)) return { reason: 'duplicate_id', message: `"${id}" appears twice` };
    seen.add(id);
  }
  const missing = vars.required.filter((id) => !seen.has(id));
  if (missing.length) return { reason: 'missing_id', message: `missing ${missing.join(', ')}` };
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const [a, b] of vars.precedence) if (pos.get(a)! > pos.get(b)!) return { reason: 'precedence_violated', message: `${a} must come before ${b}` };
  return null;
}

/**
 * ind-procedure-order's checker: `order` must be a linear extension of the precedence graph over
 * exactly the required ids (any such order passes), and `flagged` must be exactly the gold ids
 * (the unsafe step, the missing step's candidate, or none). Correct = both.
 */
export async function checkProcedure(vars: ProcedureVars, raw: string, detector?: RefusalDetector): Promise<ProcedureCheck> {
  const read = await readStructured(raw, ANSWER_SCHEMAS['ind-order'], detector);
  if (read.status !== 'parsed') return { bucket: read.status === 'refused' ? 'refused' : 'unparseable', reason: read.reason, order_valid: false, ids_exact: false, tau: null };
  const { order, flagged } = read.value as { order: string[]; flagged: string[] };
  const problem = firstOrderProblem(order, vars);
  const idsExact = flagged.length === vars.flagged.length && new Set(flagged).size === flagged.length && flagged.every((id) => vars.flagged.includes(id));
  const tau = precedenceTau(order, vars.required, vars.precedence);
  const reason = problem?.reason ?? (idsExact ? 'ok' : 'wrong_flag');
  return {
    bucket: !problem && idsExact ? 'correct' : 'wrong',
    reason,
    ...(problem ? { message: problem.message } : idsExact ? {} : { message: `flagged ${JSON.stringify(flagged)}, expected ${JSON.stringify(vars.flagged)}` }),
    order_valid: problem === null,
    ids_exact: idsExact,
    tau,
  };
}
