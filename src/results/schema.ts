import { z } from 'zod';
import { suiteHallucinationSchema } from './hallucination-schema.js';

/**
 * run.json and samples.jsonl, defined once: these zod schemas are the contract, the TypeScript
 * types in types.ts are inferred from them, and `npm run schemas` publishes them as
 * docs/run.schema.json and docs/sample.schema.json. Field names on disk are snake_case
 * throughout. Version 1 files (camelCase timing, usage and model fields; the judge verdict
 * beside the score) are converted by read.ts, the one reader of results.
 */
export const RESULTS_SCHEMA_VERSION = 2;

/** Wall-clock timing of one request (epoch milliseconds and derived durations). */
export const timingRecordSchema = z
  .object({
    started_at: z.number(),
    first_token_at: z.number().optional(),
    ended_at: z.number(),
    latency_ms: z.number(),
    ttft_ms: z.number().optional(),
    /** 1 = no retry. */
    attempts: z.number().int(),
  })
  .strict();
export const usageRecordSchema = z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).strict();
export const outcomeSchema = z.enum(['correct', 'incorrect', 'not_attempted', 'unscored', 'error']);

export const itemScoreSchema = z
  .object({
    outcome: outcomeSchema,
    /** Mean-metric values; null = not applicable to this item (left out of the metric's n). */
    values: z.record(z.string(), z.number().nullable()),
    /** Corpus-metric sufficient statistics. */
    stats: z.record(z.string(), z.array(z.number())),
    flags: z.array(z.string()),
    /** Per-metric details (reason codes, parsed answers, a judge's verdict), by metric name. */
    details: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();
const chatMessage = z.object({ role: z.string(), content: z.string() });

/** One line of samples.jsonl: everything needed to re-score an item without inference. */
export const sampleRecordSchema = z
  .object({
    schema_version: z.literal(RESULTS_SCHEMA_VERSION),
    run_id: z.string(),
    suite: z.string(),
    suite_version: z.number().int(),
    item_id: z.string(),
    /** The template or scene the item shares with others (intervals resample these clusters). */
    cluster: z.string().optional(),
    /** The model's key in this run (its config `name`, else its spec id). */
    model: z.string(),
    /** The rendered prompt (text, or chat messages). */
    prompt: z.union([z.string(), z.array(chatMessage)]),
    raw_output: z.string(),
    /** For loglikelihood-scored items: one log-probability per choice. */
    choice_logprobs: z.array(z.number()).optional(),
    /** Each choice continuation's length in characters, aligned with choice_logprobs (per-character accuracy). */
    choice_chars: z.array(z.number().int()).optional(),
    /** The item's values of the suite's `breakdown_by` fields, so results per tier can be rebuilt from samples. */
    breakdown: z.record(z.string(), z.string()).optional(),
    extracted: z.string().nullable(),
    gold: z.union([z.string(), z.number(), z.array(z.string())]),
    score: itemScoreSchema,
    outcome: outcomeSchema,
    latency_ms: z.number(),
    ttft_ms: z.number().optional(),
    timing: z.array(timingRecordSchema),
    usage: usageRecordSchema,
    output_chars: z.number().int(),
    /** With the response cache on: `hit` when the answer came from the cache (no request was sent). */
    cache: z.enum(['hit', 'miss']).optional(),
    error: z.string().optional(),
  })
  .strict();

const percentiles = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });
// NaN (e.g. a correlation over constant predictions) is written by JSON.stringify as null.
const num = z.number().nullable();
export const metricSummarySchema = z.object({ value: num, stderr: num, ci95: z.tuple([num, num]), n: z.number().int().optional() }).strict();

export const throughputSummarySchema = z
  .object({
    requests: z.number().int(),
    /** Wall-clock seconds from the suite's first request to its last response for this model. */
    seconds: z.number(),
    requests_per_s: z.number(),
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    completion_tokens_per_s: z.number(),
    output_chars_per_s: z.number(),
    latency_ms: percentiles,
    ttft_ms: percentiles.optional(),
    retries: z.number().int(),
    /** Requests answered from the response cache (not in the latency figures or request counts). */
    cache_hits: z.number().int().optional(),
  })
  .strict();

export const suiteResultSchema = z
  .object({
    model: z.string(),
    suite: z.string(),
    suite_version: z.number().int(),
    category: z.string(),
    primary_metric: z.string(),
    /** How choice tasks were answered: the model wrote a label, or choices were ranked by log-likelihood. */
    mode: z.enum(['generate', 'loglikelihood']),
    shots: z.number().int(),
    n: z.number().int(),
    /** Items whose request failed (network, model): they carry no score; see `complete`. */
    errors: z.number().int(),
    /** The first request error's message, so the table can say why a suite is incomplete. */
    first_error: z.string().optional(),
    /** Records skipped while loading (the suite's where / split_where filters). */
    skipped: z.number().int(),
    complete: z.boolean(),
    metrics: z.record(z.string(), metricSummarySchema),
    /** Metrics per value of the suite's `breakdown_by` item fields (e.g. difficulty → easy / hard). */
    breakdown: z.record(z.string(), z.record(z.string(), z.object({ n: z.number().int(), metrics: z.record(z.string(), metricSummarySchema) }).strict())).optional(),
    outcomes: z.record(outcomeSchema, z.number().int()),
    flags: z.record(z.string(), z.number().int()),
    /** Judge-free hallucination rates with intervals (docs/metrics.md § Hallucination), when the suite's scorers produce them. */
    hallucination: suiteHallucinationSchema.optional(),
    throughput: throughputSummarySchema,
  })
  .strict();

/** A model's identity and every setting that can change an answer (settings keys snake_case). */
export const modelRecordSchema = z
  .object({
    /** The normalised spec id. */
    id: z.string(),
    /** The key results use for it (config `name`, else the id). */
    name: z.string().optional(),
    backend: z.string(),
    /** Model name as the server / directory names it. */
    model: z.string(),
    revision: z.string().optional(),
    base_url: z.string().optional(),
    /** Tokenizer identity (name or content hash) when known. */
    tokenizer: z.string().optional(),
    /** Hash of the chat template when the backend applies one itself. */
    chat_template: z.string().optional(),
    settings: z.record(z.string(), z.unknown()),
  })
  .strict();

/** `version`: the upstream release of the file, for suites that read several (e.g. JEMHopQA 1.0/1.1/1.2). */
export const fileProvenanceSchema = z.object({ path: z.string(), sha256: z.string(), version: z.string().optional(), records: z.number().int(), skipped: z.number().int() }).strict();
export const datasetProvenanceSchema = z
  .object({
    suite: z.string(),
    split: z.string(),
    /** Upstream version read (when the suite knows several), so results say which release was scored. */
    version: z.string().optional(),
    files: z.array(fileProvenanceSchema),
    /** Where few-shot examples came from: another split, or (`held_out`) the first items of the evaluated split, which are then not evaluated. */
    fewshot: z.object({ split: z.string(), files: z.array(fileProvenanceSchema), held_out: z.number().int().optional() }).strict().optional(),
    /** Generator suites: the generator, its version, the run seed, how many items it made and their hash. */
    generator: z.object({ name: z.string(), version: z.number().int(), seed: z.number().int(), count: z.number().int(), sha256: z.string() }).strict().optional(),
    suite_file_sha256: z.string(),
  })
  .strict();

export const runRecordSchema = z
  .object({
    schema_version: z.literal(RESULTS_SCHEMA_VERSION),
    run_id: z.string(),
    status: z.enum(['running', 'completed', 'interrupted', 'failed']),
    /** True only when the run completed and every suite result is complete. */
    complete: z.boolean().optional(),
    jpeval_version: z.string(),
    git_revision: z.string().optional(),
    node_version: z.string(),
    started_at: z.string(),
    /** Each time the run was resumed (`--resume`): when, and what was kept and dropped of samples.jsonl. */
    resumes: z
      .array(
        z
          .object({
            at: z.string(),
            kept_items: z.number().int(),
            dropped: z
              .object({ torn: z.number().int(), errors: z.number().int(), duplicates: z.number().int(), unreadable: z.number().int(), scoring_interrupted: z.number().int().optional() })
              .strict(),
          })
          .strict(),
      )
      .optional(),
    finished_at: z.string().optional(),
    duration_s: z.number().optional(),
    /** The effective configuration (no secrets) and its hash. */
    config: z.record(z.string(), z.unknown()),
    config_hash: z.string(),
    models: z.array(modelRecordSchema),
    /** Grader models by role (e.g. `judge`), when the run had any. */
    roles: z.record(z.string(), modelRecordSchema).optional(),
    /** Set by `jpeval score`: the run these scores were recomputed from, and what changed. */
    rescored_from: z.object({ run_id: z.string(), dir: z.string(), changes: z.array(z.string()) }).strict().optional(),
    datasets: z.array(datasetProvenanceSchema),
    /** Suites not run (data absent, or the model stopped first): listed so nothing vanishes silently. */
    skipped_suites: z.array(z.object({ suite: z.string(), model: z.string().optional(), reason: z.string() }).strict()).optional(),
    results: z.array(suiteResultSchema),
    /** Category and overall scores per model, averaged over suites' primary metrics; `complete` false when any suite behind them is incomplete. */
    summary: z.array(z.object({ model: z.string(), categories: z.record(z.string(), z.number()), overall: z.number().nullable(), complete: z.boolean() }).strict()),
    error: z.string().optional(),
  })
  .strict();
