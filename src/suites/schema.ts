import { z } from 'zod';

/**
 * The declarative suite format (a YAML or JSON file in suites/). A new suite is one such file;
 * code is only needed for a new loader, extractor or metric, each registered by name.
 * docs/suite-format.md documents every field.
 */

export const TASK_TYPES = [
  'multiple_choice',
  'minimal_pair',
  'classification',
  'short_answer',
  'extraction',
  'regression',
  'generation',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

const fieldRef = z.string().min(1);

const fieldsSchema = z
  .object({
    /** Record field holding a stable id; `$index` uses the record's position (0-based). */
    id: fieldRef,
    /** Prefix added to ids so they stay unique across files (defaults to none). */
    id_prefix: z.string().optional(),
    /** Record fields whose values are the choices, in order, or one field holding an array. */
    choices: z.union([z.array(fieldRef).min(2), fieldRef]).optional(),
    /** Field holding the gold answer: a choice index, a label, a reference text or a list. */
    gold: fieldRef,
    /** Maps raw gold values (e.g. "entailment") to what the model should answer (e.g. "含意"). */
    gold_map: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** How the gold value is interpreted. */
    gold_type: z.enum(['index', 'label', 'text', 'texts', 'number', 'choice_text']).default('text'),
    /** Values that should also be accepted for a text gold (field names holding alternatives). */
    aliases: z.array(fieldRef).optional(),
    /**
     * Field naming the template or scene an item was made from. Items sharing one are not
     * independent, so bootstrap intervals resample whole clusters (scoring/aggregate.ts).
     */
    cluster: fieldRef.optional(),
  })
  .strict();

const promptSchema = z
  .object({
    format: z.enum(['chat', 'completion']).default('completion'),
    system: z.string().optional(),
    /** Text before the few-shot examples and the question (the task instruction). */
    preamble: z.string().default(''),
    /** The item part of the prompt; `{{field}}` placeholders read item variables. */
    template: z.string().min(1),
    /** The answer part of a few-shot example. */
    target: z.string().default('{{gold}}'),
    /** Between consecutive examples / the final question (completion format). */
    shot_separator: z.string().default('\n\n'),
    /** How one choice is written into `{{choices}}`: `{{label}}` and `{{text}}` are available. */
    choice_format: z.string().default('{{label}}.{{text}}'),
    choice_separator: z.string().default('\n'),
    shots: z.number().int().min(0).default(0),
    /** `first` takes the first N examples of the few-shot split (as llm-jp-eval does); `random` samples with the run seed. */
    fewshot_sampler: z.enum(['first', 'random']).default('first'),
  })
  .strict();

const choicesSchema = z
  .object({
    /** Labels the model answers with; `index` = 0,1,2…, `number` = 1,2,3…, `letter` = A,B,C…, or explicit. */
    labels: z.union([z.enum(['index', 'number', 'letter', 'text']), z.array(z.string()).min(2)]).default('index'),
    /** `generate`: the model writes a label; `loglikelihood`: each choice is scored as a continuation. */
    mode: z.enum(['generate', 'loglikelihood']).default('generate'),
    /** For loglikelihood mode: the continuation template per choice (default: ` {{text}}`-less, the raw text). */
    continuation: z.string().default('{{text}}'),
    /** For loglikelihood mode: the context (default: the rendered prompt). `{{none}}` scores the bare choice. */
    context: z.enum(['prompt', 'none']).default('prompt'),
    /**
     * Cloze scoring for loglikelihood mode: each choice is written into the blank of `field` (the
     * last match of the `blank` regex, on the last line that has one) and that sentence is scored
     * on its own — how base models are best compared on fill-in-the-blank items. Items whose field
     * has no blank fall back to `continuation`/`context`.
     */
    cloze: z.object({ field: z.string().min(1), blank: z.string().min(1) }).strict().optional(),
  })
  .strict();

const answerSchema = z
  .object({
    extractor: z.string().default('first_line'),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const generationSchema = z
  .object({
    max_tokens: z.number().int().positive().default(64),
    stop: z.array(z.string()).default([]),
    temperature: z.number().min(0).default(0),
    top_p: z.number().positive().max(1).optional(),
  })
  .strict();

const judgeSchema = z
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
    /** Ratings are divided by this to give the 0–1 `judge` metric. */
    scale: z.number().positive().default(10),
    max_tokens: z.number().int().positive().default(1024),
  })
  .strict();

const sourceSchema = z
  .object({
    /** `builtin`: written by jpeval's engineers and shipped in datasets/; `upstream`: read from the user's copy. */
    kind: z.enum(['builtin', 'upstream']),
    benchmark: z.string().optional(),
    url: z.string().optional(),
    license: z.string().optional(),
    citation: z.string().optional(),
    /** How to obtain the files (shown when they are missing). */
    how_to_get: z.string().optional(),
  })
  .strict();

const recordFilter = z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()])));

/** `loader: generator`: items generated per run from the run seed, after the frozen set in `splits`. */
const generatorSchema = z
  .object({
    /** A registered generator (src/datasets/generators/index.ts). */
    name: z.string().min(1),
    /** Items generated per run (`--gen-count` overrides; 0 = the frozen set only). */
    count: z.number().int().min(0).default(100),
    /** The split the generated items join (default: `dataset.split`). */
    split: z.string().optional(),
  })
  .strict();

const datasetSchema = z
  .object({
    loader: z.string().min(1),
    /**
     * Split name → file path as upstream names it; found by path suffix anywhere under the data dir.
     * A generator suite may give `[]` for a split that has no frozen items.
     */
    splits: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    generator: generatorSchema.optional(),
    split: z.string().default('valid'),
    fewshot_split: z.string().optional(),
    options: z.record(z.string(), z.unknown()).default({}),
    fields: fieldsSchema,
    /** Record filters: only records whose field equals one of the values are kept (counted in the load report). */
    where: recordFilter.optional(),
    /** Per-split filters, for upstream files that hold several splits in one file (e.g. JaNLI's `split` column). */
    split_where: z.record(z.string(), recordFilter).optional(),
  })
  .strict();

export const suiteSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . -'),
    /** Bump whenever prompts or scoring change: results and golden snapshots are keyed on it. */
    version: z.number().int().positive(),
    title: z.string().min(1),
    description: z.string().default(''),
    source: sourceSchema,
    /** Category the suite counts toward (NLI, QA, RC, MC, EL, FA, MR, HE, STS, …). */
    category: z.string().min(1),
    task: z.enum(TASK_TYPES),
    language: z.string().default('ja'),
    dataset: datasetSchema,
    prompt: promptSchema,
    choices: choicesSchema.optional(),
    answer: answerSchema.default({ extractor: 'first_line', options: {} }),
    generation: generationSchema.default({ max_tokens: 64, stop: [], temperature: 0 }),
    /** An LLM judge (run with `--judge <model spec>`) that rates each output; reported as the `judge` metric. */
    judge: judgeSchema.optional(),
    /** Metric names (docs/metrics.md). Empty only for generation suites scored by a judge or outside jpeval. */
    metrics: z.array(z.string().min(1)).default([]),
    /** The metric the suite's headline score (and category averages) use; defaults to the first. */
    primary_metric: z.string().optional(),
    tags: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((suite, ctx) => {
    if ((suite.task === 'multiple_choice' || suite.task === 'minimal_pair') && !suite.dataset.fields.choices) {
      ctx.addIssue({ code: 'custom', path: ['dataset', 'fields', 'choices'], message: `required for task ${suite.task}` });
    }
    if (suite.metrics.length === 0 && suite.task !== 'generation') {
      ctx.addIssue({ code: 'custom', path: ['metrics'], message: `at least one metric is required for task ${suite.task}` });
    }
    if (suite.primary_metric && !suite.metrics.includes(suite.primary_metric)) {
      ctx.addIssue({ code: 'custom', path: ['primary_metric'], message: 'must be one of metrics' });
    }
    const generator = suite.dataset.generator;
    if ((suite.dataset.loader === 'generator') !== (generator !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['dataset', 'generator'], message: 'required exactly when dataset.loader is "generator"' });
    }
    if (generator?.split !== undefined && !(generator.split in suite.dataset.splits)) {
      ctx.addIssue({ code: 'custom', path: ['dataset', 'generator', 'split'], message: `no split "${generator.split}" in dataset.splits` });
    }
    for (const [split, spec] of Object.entries(suite.dataset.splits)) {
      if (Array.isArray(spec) && spec.length === 0 && !generator) {
        ctx.addIssue({ code: 'custom', path: ['dataset', 'splits', split], message: 'an empty file list is only allowed for a generator suite' });
      }
    }
    if (generator && suite.dataset.fields.id !== 'id') {
      ctx.addIssue({ code: 'custom', path: ['dataset', 'fields', 'id'], message: 'a generator suite reads ids from "id" (generated items get g<seed>-<n>)' });
    }
    if (!(suite.dataset.split in suite.dataset.splits)) {
      ctx.addIssue({ code: 'custom', path: ['dataset', 'split'], message: `no file given for split "${suite.dataset.split}"` });
    }
  });

export type SuiteDefinition = z.infer<typeof suiteSchema>;

/** A suite definition plus where it was read from. */
export interface Suite extends SuiteDefinition {
  /** Absolute path of the suite file. */
  file: string;
  /** sha256 of the suite file's bytes, recorded in provenance. */
  sha256: string;
}
