import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { fieldPath } from '../config/config-file.js';
import { modelEntrySchema } from '../config/schema.js';
import { parseModelSpec, type ModelSpec } from '../models/spec.js';
import { JpevalError } from '../util/errors.js';

/** nightly.yaml: what to run each night, where to keep history and site, and when to flag. */
const modelEntry = z.preprocess((v) => (typeof v === 'string' ? { spec: v } : v), modelEntrySchema.extend({ batch_size: z.number().int().positive().optional() }));
const nightlySchema = z.strictObject({
  models: z.array(modelEntry).min(1, 'list at least one model'),
  suites: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1)).min(1, 'list at least one suite')),
  suites_dir: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string())).optional(),
  data_dir: z.string().optional(),
  limit: z.number().int().positive().optional(),
  shots: z.number().int().min(0).optional(),
  seed: z.number().int().default(1234),
  /** Where each night's run directory goes. */
  out: z.string().default('results'),
  /** The append-only history (JSON lines). */
  history: z.string().default('history.jsonl'),
  /** Where the static site is published (overwritten each night). */
  site: z.string().default('site'),
  /** Where regressions.json and summary.md go (default: next to the history). */
  report_dir: z.string().optional(),
  regression: z
    .strictObject({
      alpha: z.number().positive().max(0.5).default(0.05),
      /** The smallest drop that matters, on the primary metric's own scale (e.g. 0.02 = 2 points of accuracy). */
      margin: z.number().min(0).default(0.02),
      /** Primary metrics where lower is better (a rise is the regression). */
      lower_is_better: z.array(z.string()).default([]),
    })
    .prefault({}),
  throughput: z
    .strictObject({
      metric: z.enum(['output_chars_per_s', 'completion_tokens_per_s', 'requests_per_s']).default('output_chars_per_s'),
      /** Past comparable runs the rolling median and MAD are taken over. */
      window: z.number().int().min(2).default(7),
      k: z.number().positive().default(3),
      /** Fewer past points than this: no throughput flag yet. */
      min_history: z.number().int().min(2).default(3),
      /** Also fail the night (exit 1 with --fail-on-regression) on a throughput flag. */
      fail: z.boolean().default(false),
    })
    .prefault({}),
  canary: z
    .strictObject({
      model: z.string().default('default'),
      suite: z.string(),
      limit: z.number().int().positive().default(32),
      batch_sizes: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([1, 8]),
      /** Largest tolerated |Δ log-probability| per choice between the two batch sizes. */
      tolerance: z.number().min(0).default(1e-4),
    })
    .optional(),
});

export type NightlyConfigInput = z.infer<typeof nightlySchema>;

export interface NightlyModel {
  spec: ModelSpec;
  name: string;
  concurrency?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
  apiKeyEnv?: string;
  settings: Record<string, unknown>;
}

export interface NightlyConfig extends Omit<NightlyConfigInput, 'models'> {
  file: string;
  models: NightlyModel[];
  reportDir: string;
}

/** Loads and validates nightly.yaml; paths are relative to its directory; errors name file and field. */
export async function loadNightlyConfig(file: string): Promise<NightlyConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new JpevalError(`${file}: cannot read the nightly config (${(err as Error).message})`);
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors[0]) throw new JpevalError(`${file}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const parsed = nightlySchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new JpevalError(parsed.error.issues.map((i) => `${file}: ${fieldPath(i.path) || '(top level)'}: ${i.message}`).join('\n'));
  }
  const dir = path.dirname(path.resolve(file));
  const c = parsed.data;
  const models = c.models.map((m, i) => {
    try {
      const spec = parseModelSpec(m.spec, { cwd: dir, ...(m.base_url ? { baseUrl: m.base_url } : {}) });
      return {
        spec,
        // The key in run.json, history and the site, as for `jpeval run` (default: the spec id).
        name: m.name ?? spec.id,
        settings: m.settings ?? {},
        ...(m.concurrency ? { concurrency: m.concurrency } : {}),
        ...(m.batch_size ? { batchSize: m.batch_size } : {}),
        ...(m.timeout_ms ? { timeoutMs: m.timeout_ms } : {}),
        ...(m.max_retries !== undefined ? { maxRetries: m.max_retries } : {}),
        ...(m.api_key_env ? { apiKeyEnv: m.api_key_env } : {}),
      };
    } catch (err) {
      throw new JpevalError(`${file}: models[${i}].spec: ${(err as Error).message}`);
    }
  });
  const names = models.map((m) => m.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new JpevalError(`${file}: models: ${twice} is listed twice (give entries with the same spec distinct \`name\`s)`);
  const abs = (p: string): string => path.resolve(dir, p);
  const resolveSuite = (s: string): string => (/[\\/]/.test(s) || /\.ya?ml$/i.test(s) ? abs(s) : s);
  return {
    ...c,
    file: path.resolve(file),
    models,
    suites: c.suites.map(resolveSuite),
    ...(c.suites_dir ? { suites_dir: c.suites_dir.map(abs) } : {}),
    ...(c.data_dir ? { data_dir: abs(c.data_dir) } : {}),
    out: abs(c.out),
    history: abs(c.history),
    site: abs(c.site),
    reportDir: abs(c.report_dir ?? path.dirname(abs(c.history))),
  };
}
