import { z } from 'zod';

/**
 * run.json `results[].hallucination`: a suite's judge-free hallucination figures (computed from
 * its flag counts by scoring/hallucination/summary.ts; definitions in docs/metrics.md §
 * Hallucination). Rates are null when their denominator is 0; `n` is the denominator.
 */
const rate = z.object({ value: z.number().nullable(), n: z.number().int(), ci95: z.tuple([z.number(), z.number()]) }).strict();

const gradesSchema = z
  .object({
    counts: z.object({ correct: z.number().int(), incorrect: z.number().int(), not_attempted: z.number().int(), unscored: z.number().int() }).strict(),
    n: z.number().int(),
    attempted_share: rate,
    hallucination_rate: rate,
    abstention_rate: rate,
    unscored_share: rate,
    penalised_score: rate.extend({ threshold: z.number(), interval: z.literal('normal') }),
  })
  .strict();

const entitiesSchema = z
  .object({ far: rate, frr: rate, j: rate.extend({ interval: z.literal('newcombe') }), unscored: z.number().int() })
  .strict();

const unanswerableSchema = z
  .object({ abstention_on_swapped: rate, false_abstention: rate, harmonic_mean: z.number().nullable(), unscored: z.number().int() })
  .strict();

const groundingSchema = z
  .object({ grounded: z.number().nullable(), unsupported_mention_rate: z.number().nullable(), source_rouge_l: z.number().nullable() })
  .strict();

export const suiteHallucinationSchema = z
  .object({ grades: gradesSchema.optional(), entities: entitiesSchema.optional(), unanswerable: unanswerableSchema.optional(), grounding: groundingSchema.optional() })
  .strict();
