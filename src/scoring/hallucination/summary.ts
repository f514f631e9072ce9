import { entityRates, unanswerableRates, type EntityRates, type UnanswerableRates } from './paired-rates.js';
import { gradeCountsFromFlags, hallucinationRates, type HallucinationRates } from './rates.js';

/**
 * A suite's hallucination figures, read from the flags its scorers left on items (so they can be
 * recomputed from run.json's flag counts alone): three-way grade rates, fabricated-entity
 * FAR/FRR/J, unanswerable-RC abstention. Null when the suite produced none of them.
 */
export interface SuiteHallucination {
  grades?: HallucinationRates;
  entities?: EntityRates;
  unanswerable?: UnanswerableRates;
  /** Grounded answering: the suite's grounding metrics, copied beside each other (copy indicator last). */
  grounding?: { grounded: number | null; unsupported_mention_rate: number | null; source_rouge_l: number | null };
}

export function suiteHallucination(flags: Record<string, number>, metrics: Record<string, { value: number | null }> = {}): SuiteHallucination | null {
  const out: SuiteHallucination = {};
  if (metrics['grounded'] || metrics['unsupported_mention_rate']) {
    out.grounding = {
      grounded: metrics['grounded']?.value ?? null,
      unsupported_mention_rate: metrics['unsupported_mention_rate']?.value ?? null,
      source_rouge_l: metrics['source_rouge_l']?.value ?? null,
    };
  }
  const counts = gradeCountsFromFlags(flags);
  if (counts) out.grades = hallucinationRates(counts);
  const entities = entityRates(flags);
  if (entities) out.entities = entities;
  const unanswerable = unanswerableRates(flags);
  if (unanswerable) out.unanswerable = unanswerable;
  return Object.keys(out).length ? out : null;
}

const num = (v: number | null, digits = 2): string => (v === null ? '—' : v.toFixed(digits));
/** Unscored items (blank outputs) as a share of all the suite's graded-or-unscored items. */
const share = (unscored: number, scored: number): string => num(unscored + scored === 0 ? null : unscored / (unscored + scored));

/** One table cell: the headline hallucination figures with intervals, and the unscored share. */
export function formatHallucinationCell(h: SuiteHallucination | undefined): string {
  if (!h) return '';
  const parts: string[] = [];
  if (h.entities) {
    const { far, frr, j } = h.entities;
    parts.push(`J ${num(j.value)} [${num(j.ci95[0])}, ${num(j.ci95[1])}] FAR ${num(far.value)} FRR ${num(frr.value)} unsc ${share(h.entities.unscored, far.n + frr.n)}`);
  }
  if (h.unanswerable) {
    const u = h.unanswerable;
    parts.push(`HM ${num(u.harmonic_mean)} abst@swap ${num(u.abstention_on_swapped.value)} false-abst ${num(u.false_abstention.value)} unsc ${share(u.unscored, u.abstention_on_swapped.n + u.false_abstention.n)}`);
  }
  if (h.grounding) {
    const g = h.grounding;
    parts.push(`grounded ${num(g.grounded)} unsupp/mention ${num(g.unsupported_mention_rate)} copy(R-L) ${num(g.source_rouge_l)}`);
  }
  if (h.grades && !h.entities && !h.unanswerable) {
    const g = h.grades;
    parts.push(
      `H ${num(g.hallucination_rate.value)} [${num(g.hallucination_rate.ci95[0])}, ${num(g.hallucination_rate.ci95[1])}] abst ${num(g.abstention_rate.value)} pen ${num(g.penalised_score.value)} unsc ${num(g.unscored_share.value)}`,
    );
  }
  return parts.join('; ');
}
