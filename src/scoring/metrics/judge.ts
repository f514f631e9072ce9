import { z } from 'zod';
import { resolveDataFiles } from '../../datasets/resolve.js';
import { DataError, errorMessage, MissingDataError } from '../../util/errors.js';
import { fillJudgeTemplate, loadJudgeTemplates, parseRating, type JudgeTemplate } from '../judge.js';
import type { MeanMetric, ScoreResult } from '../types.js';

/** The judge scorer's options (a suite's `{name: judge, ...}` entry). */
export const judgeOptionsSchema = z
  .object({
    /** The judge prompt file as upstream names it (found under the data dir like split files), JSON lines of {name, system_prompt, prompt_template}. */
    templates: z.string().min(1),
    /** Template used for most items (FastChat's `single-v1`). */
    template: z.string().min(1),
    /** Template for items whose category needs the reference answer (FastChat's `single-math-v1`). */
    reference_template: z.string().optional(),
    reference_categories: z.array(z.string()).default([]),
    category_field: z.string().default('category'),
    /** Item field holding the question shown to the judge. */
    question_field: z.string().min(1),
    /** Item field holding the reference answer (`{ref_answer_1}`), when there is one. */
    reference_field: z.string().optional(),
    /** Regex whose first group is the rating in the judge's reply. */
    rating_pattern: z.string().default('\\[\\[(\\d+(?:\\.\\d+)?)\\]\\]'),
    /** Ratings are divided by this to give the 0–1 `judge` value. */
    scale: z.number().positive().default(10),
    max_tokens: z.number().int().positive().default(1024),
  })
  .strict();
export type JudgeOptions = z.output<typeof judgeOptionsSchema>;

interface PreparedJudge {
  plain: JudgeTemplate;
  withReference?: JudgeTemplate;
}

/**
 * An LLM judge for open-ended generation (MT-Bench style): the model filling the `judge` role
 * rates each output with the suite's upstream judge prompt; rating / scale is the item's value.
 * Without a judge model the item is `unscored` with flag `needs_judge` (value null, so the metric
 * has no value rather than a fake 0), and `jpeval score RUN_DIR --judge SPEC` can fill it later.
 * An unreadable rating counts 0 (`judge_unreadable`); a failed request is an `error` outcome
 * (`judge_error`, value null), which marks the suite incomplete.
 */
export const judgeMetric: MeanMetric = {
  kind: 'mean',
  name: 'judge',
  description: 'LLM-judge rating / scale (0–1), by the model in the `judge` role (--judge SPEC).',
  range: [0, 1],
  role: 'judge',
  optionsSchema: judgeOptionsSchema as unknown as z.ZodType<Record<string, unknown>>,
  async prepare(rawOptions, env): Promise<PreparedJudge> {
    const options = rawOptions as JudgeOptions;
    const [file] = await resolveDataFiles(env.dataRoot, options.templates);
    if (!file) {
      throw new MissingDataError(`suite ${env.suite.name}: judge prompts ${options.templates} not found under ${env.dataRoot}`, env.suite.howToGet ?? 'put the upstream judge prompt file under the data directory');
    }
    const templates = await loadJudgeTemplates(file);
    const pick = (name: string): JudgeTemplate => {
      const t = templates.get(name);
      if (!t) throw new DataError(file, `no judge template named "${name}" (have: ${[...templates.keys()].join(', ')})`);
      return t;
    };
    return { plain: pick(options.template), ...(options.reference_template ? { withReference: pick(options.reference_template) } : {}) };
  },
  async score({ prediction, raw, item }, ctx): Promise<ScoreResult> {
    const { grader, signal } = ctx;
    if (!grader) return { value: null, outcome: 'unscored', flags: ['needs_judge'] };
    const options = ctx.options as JudgeOptions;
    const prepared = ctx.prepared as PreparedJudge | undefined;
    if (!prepared) throw new Error('judge scorer used without prepare() (call prepareScoring for the suite first)');
    const category = String(item.vars[options.category_field] ?? '');
    const reference = options.reference_field ? item.vars[options.reference_field] : undefined;
    const useReference = prepared.withReference && options.reference_categories.includes(category) && typeof reference === 'string';
    const chosen = useReference ? prepared.withReference! : prepared.plain;
    const values: Record<string, string> = { question: String(item.vars[options.question_field] ?? ''), answer: prediction ?? raw };
    if (typeof reference === 'string') values.ref_answer_1 = reference;
    const messages = [
      ...(chosen.system ? [{ role: 'system' as const, content: chosen.system }] : []),
      { role: 'user' as const, content: fillJudgeTemplate(chosen.template, values) },
    ];
    try {
      const result = await grader.generate({
        prompt: { kind: 'chat', messages },
        decoding: { maxTokens: options.max_tokens, temperature: 0, stop: [] },
        tag: `${item.id} (judge)`,
        signal,
      });
      const rating = parseRating(result.text, options.rating_pattern);
      const details = { model: grader.id, template: chosen.name, rating, output: result.text, latency_ms: result.timing.latencyMs };
      if (rating === null) return { value: 0, outcome: 'unscored', flags: ['judge_unreadable'], details };
      return { value: rating / options.scale, details };
    } catch (err) {
      if (signal.aborted) throw err;
      return { value: null, outcome: 'error', flags: ['judge_error'], details: { model: grader.id, template: chosen.name, rating: null, error: errorMessage(err) } };
    }
  },
};
