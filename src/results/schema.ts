import { z } from 'zod';

/**
 * zod mirrors of run.json and samples.jsonl (src/results/types.ts). They generate the published
 * JSON Schemas (docs/run.schema.json, docs/sample.schema.json, via `npm run schemas`) and let tests
 * and readers (leaderboards) validate files written by any jpeval version with the same schema_version.
 */
const timing = z.object({
  startedAt: z.number(),
  firstTokenAt: z.number().optional(),
  endedAt: z.number(),
  latencyMs: z.number(),
  ttftMs: z.number().optional(),
  attempts: z.number().int(),
});
const usage = z.object({ promptTokens: z.number().optional(), completionTokens: z.number().optional() });
const outcome = z.enum(['correct', 'incorrect', 'not_attempted', 'unscored', 'error']);
const itemScore = z.object({
  outcome,
  values: z.record(z.string(), z.number()),
  stats: z.record(z.string(), z.array(z.number())),
  flags: z.array(z.string()),
});
const chatMessage = z.object({ role: z.string(), content: z.string() });

export const sampleRecordSchema = z
  .object({
    schema_version: z.literal(1),
    run_id: z.string(),
    suite: z.string(),
    suite_version: z.number().int(),
    item_id: z.string(),
    cluster: z.string().optional(),
    model: z.string(),
    prompt: z.union([z.string(), z.array(chatMessage)]),
    raw_output: z.string(),
    choice_logprobs: z.array(z.number()).optional(),
    extracted: z.string().nullable(),
    gold: z.union([z.string(), z.number(), z.array(z.string())]),
    score: itemScore,
    outcome,
    latency_ms: z.number(),
    ttft_ms: z.number().optional(),
    timing: z.array(timing),
    usage,
    output_chars: z.number().int(),
    judge: z
      .object({ model: z.string(), template: z.string(), rating: z.number().nullable(), output: z.string(), latency_ms: z.number(), error: z.string().optional() })
      .optional(),
    error: z.string().optional(),
  })
  .strict();

const percentiles = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });
// NaN (e.g. a correlation over constant predictions) is written by JSON.stringify as null.
const num = z.number().nullable();
const metricSummary = z.object({ value: num, stderr: num, ci95: z.tuple([num, num]) });

const suiteResult = z
  .object({
    model: z.string(),
    suite: z.string(),
    suite_version: z.number().int(),
    category: z.string(),
    primary_metric: z.string(),
    mode: z.enum(['generate', 'loglikelihood']),
    shots: z.number().int(),
    n: z.number().int(),
    errors: z.number().int(),
    first_error: z.string().optional(),
    skipped: z.number().int(),
    complete: z.boolean(),
    metrics: z.record(z.string(), metricSummary),
    outcomes: z.record(outcome, z.number().int()),
    flags: z.record(z.string(), z.number().int()),
    throughput: z.object({
      requests: z.number().int(),
      seconds: z.number(),
      requests_per_s: z.number(),
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      completion_tokens_per_s: z.number(),
      output_chars_per_s: z.number(),
      latency_ms: percentiles,
      ttft_ms: percentiles.optional(),
      retries: z.number().int(),
    }),
  })
  .strict();

const modelInfo = z.object({
  id: z.string(),
  backend: z.string(),
  model: z.string(),
  revision: z.string().optional(),
  baseUrl: z.string().optional(),
  tokenizer: z.string().optional(),
  chatTemplate: z.string().optional(),
  settings: z.record(z.string(), z.unknown()),
});

const fileProvenance = z.object({ path: z.string(), sha256: z.string(), records: z.number().int(), skipped: z.number().int() });

export const runRecordSchema = z
  .object({
    schema_version: z.literal(1),
    run_id: z.string(),
    status: z.enum(['running', 'completed', 'interrupted', 'failed']),
    complete: z.boolean().optional(),
    jpeval_version: z.string(),
    git_revision: z.string().optional(),
    node_version: z.string(),
    started_at: z.string(),
    finished_at: z.string().optional(),
    duration_s: z.number().optional(),
    config: z.record(z.string(), z.unknown()),
    config_hash: z.string(),
    judge: modelInfo.optional(),
    models: z.array(modelInfo),
    datasets: z.array(
      z.object({
        suite: z.string(),
        split: z.string(),
        files: z.array(fileProvenance),
        fewshot: z.object({ split: z.string(), files: z.array(fileProvenance) }).optional(),
        generator: z.object({ name: z.string(), version: z.number().int(), seed: z.number().int(), count: z.number().int(), sha256: z.string() }).strict().optional(),
        suite_file_sha256: z.string(),
      }),
    ),
    skipped_suites: z.array(z.object({ suite: z.string(), model: z.string().optional(), reason: z.string() })).optional(),
    results: z.array(suiteResult),
    summary: z.array(z.object({ model: z.string(), categories: z.record(z.string(), z.number()), overall: z.number().nullable(), complete: z.boolean() })),
    error: z.string().optional(),
  })
  .strict();
