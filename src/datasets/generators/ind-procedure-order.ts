import { builtinProcedures, procedureRecord, type ProcedureTaskKind } from '../../world/procedures.js';
import { pick, recordRng } from './seeded.js';
import type { ItemGenerator } from './types.js';

const NAME = 'ind-procedure-order';
const KINDS: ProcedureTaskKind[] = ['order', 'unsafe', 'missing'];

/**
 * ind-procedure-order: record i is of kind order / unsafe / missing by i mod 3 (balanced runs); the
 * procedure, the shuffle, the unsafe step or the removed step and the distractors are drawn per record.
 */
export const indProcedureOrderGenerator: ItemGenerator = {
  name: NAME,
  version: 1,
  description: '段取り替え・点検・LOTO procedures, shuffled; order them, flag the unsafe step or pick the missing one',
  generate(seed, count) {
    const all = builtinProcedures();
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng(NAME, seed, i);
      return procedureRecord(pick(rng, all), KINDS[i % 3]!, rng, all);
    });
  },
  check(record) {
    const shown = [...(record.steps as { id: string }[]), ...(record.candidates as { id: string }[])].map((s) => s.id);
    const problems: string[] = [];
    if (new Set(shown).size !== shown.length) problems.push('step ids repeat');
    for (const id of [...(record.required as string[]), ...(record.flagged as string[])]) if (!shown.includes(id)) problems.push(`id ${id} is not shown`);
    const flagged = record.flagged as string[];
    if ((record.kind === 'order') !== (flagged.length === 0)) problems.push(`a ${String(record.kind)} item with ${flagged.length} flagged id(s)`);
    return problems;
  },
};

/** The frozen set: every procedure in each kind, shuffled with a fixed release seed. */
export function frozenProcedureOrder(): Record<string, unknown>[] {
  const all = builtinProcedures();
  return all.flatMap((proc) => KINDS.map((kind) => ({ id: `po-${proc.id}-${kind}`, ...procedureRecord(proc, kind, recordRng(`${NAME}/frozen`, 2026, all.indexOf(proc) * 3 + KINDS.indexOf(kind)), all) })));
}
