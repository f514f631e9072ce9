import { z } from 'zod';

/**
 * The shape of `jpeval.config.yaml` (or .yml / .json). Field names are snake_case as users
 * write them; config-file.ts turns the result into the camelCase JpevalConfig. Objects are
 * strict so a misspelt field is an error rather than a silently ignored setting.
 */

const positiveInt = z.number().int().positive();

/** An env variable name, never the key itself. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable (e.g. MY_API_KEY), not a key');

export const modelEntrySchema = z.strictObject({
  /** A model spec, as for --model: `openai:<model>`, `http://host:port/v1#<model>`, `local:<dir>`, `default`. */
  spec: z.string().trim().min(1, 'expected a model spec'),
  /** Display name in reports; defaults to the spec. */
  name: z.string().trim().min(1).optional(),
  /** Base URL for `openai:` specs (like --base-url). */
  base_url: z.string().trim().min(1).optional(),
  /** Name of the environment variable holding this model's API key. */
  api_key_env: envName.optional(),
  concurrency: positiveInt.optional(),
  /** Items per log-likelihood call (local backends batch and sort across them). */
  batch_size: positiveInt.optional(),
  timeout_ms: positiveInt.optional(),
  max_retries: z.number().int().min(0).optional(),
  /** Backend-specific settings (remote: stream, extra_body, max_tokens_param; local: dtype, …). */
  settings: z.record(z.string(), z.unknown()).optional(),
  /**
   * Several endpoints serving this model (replicas): a base URL, or `{url, concurrency, api_key_env}`.
   * Requests go to the least-loaded healthy one; one that fails is taken out and retried later.
   */
  endpoints: z
    .array(
      z.preprocess(
        (value) => (typeof value === 'string' ? { url: value } : value),
        z.strictObject({ url: z.string().trim().min(1), concurrency: positiveInt.optional(), api_key_env: envName.optional() }),
      ),
    )
    .min(1)
    .optional(),
  /** A pool of API keys (names of environment variables): every endpoint is used with each key. */
  api_key_envs: z.array(envName).min(1).optional(),
});

/** `models:` entries may be written as a bare spec string. */
const modelEntry = z.preprocess((value) => (typeof value === 'string' ? { spec: value } : value), modelEntrySchema);

export const configFileSchema = z.strictObject({
  models: z.array(modelEntry).optional(),
  /** Suite names or paths to suite files. */
  suites: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().trim().min(1))).optional(),
  data_dir: z.string().trim().min(1).optional(),
  out: z.string().trim().min(1).optional(),
  limit: positiveInt.optional(),
  shots: z.number().int().min(0).optional(),
  seed: z.number().int().optional(),
  concurrency: positiveInt.optional(),
  timeout_ms: positiveInt.optional(),
  max_retries: z.number().int().min(0).optional(),
  /** Grader models by role, e.g. `roles: {judge: openai:gpt-4o}` (an entry like those under models:). */
  roles: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a lower-case role name, e.g. judge'), modelEntry).optional(),
});

export type ConfigFileInput = z.infer<typeof configFileSchema>;
export type ModelEntryInput = z.infer<typeof modelEntrySchema>;

export const KNOWN_FIELDS = {
  top: Object.keys(configFileSchema.shape),
  model: Object.keys(modelEntrySchema.shape),
};
