import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import YAML from 'yaml';
import type { z } from 'zod';

import { type ModelSpec, parseModelSpec } from '../models/spec.js';
import { JpevalError } from '../util/errors.js';
import { type ConfigFileInput, KNOWN_FIELDS, configFileSchema, type ModelEntryInput } from './schema.js';

/**
 * Loading `jpeval.config.yaml`: found in the working directory or given by --config, parsed
 * (YAML or JSON), validated, and resolved: relative paths are taken from the config file's
 * directory, and model specs are parsed now so a bad spec is reported against the file.
 * Every error names the file and the field, e.g. `jpeval.config.yaml: models[1].concurrency: …`.
 */

export const CONFIG_FILE_NAMES = ['jpeval.config.yaml', 'jpeval.config.yml', 'jpeval.config.json'];

export interface ConfigModel {
  /** The spec as written. */
  spec: string;
  /** Parsed, with local paths resolved against the config file's directory. */
  modelSpec: ModelSpec;
  /** Display name: `name`, else the spec as written. */
  name: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  concurrency?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
  settings: Record<string, unknown>;
  /** Several endpoints serving the model (config `endpoints:`). */
  endpoints?: { url: string; concurrency?: number; apiKeyEnv?: string }[];
  /** A pool of API keys (config `api_key_envs:`). */
  apiKeyEnvs?: string[];
}

export interface JpevalConfig {
  /** Absolute path of the file. */
  path: string;
  models: ConfigModel[];
  /** Suite names as written; suite files (paths, *.yaml) made absolute. */
  suites?: string[];
  /** Absolute (resolved against the config file's directory). */
  dataDir?: string;
  /** Absolute (resolved against the config file's directory). */
  out?: string;
  limit?: number;
  shots?: number;
  seed?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxRetries?: number;
  /** Grader models by role (`roles:`), e.g. `judge`. */
  roles: Record<string, ConfigModel>;
}

export class ConfigError extends JpevalError {
  constructor(
    readonly file: string,
    readonly problems: { field?: string; line?: number; detail: string }[],
    hint?: string,
  ) {
    const lines = problems.map((p) => {
      const where = p.line === undefined ? file : `${file}:${p.line}`;
      return p.field === undefined ? `${where}: ${p.detail}` : `${where}: ${p.field}: ${p.detail}`;
    });
    super(lines.join('\n'), hint === undefined ? {} : { hint });
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  cwd?: string;
  /** For OPENAI_BASE_URL when parsing `openai:` specs; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads the config file given by `file` (it must exist), or the one in the working directory
 * (none there → undefined).
 */
export async function loadConfigFile(file?: string, options: LoadConfigOptions = {}): Promise<JpevalConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  let absolute: string;
  if (file !== undefined) {
    absolute = path.resolve(cwd, file);
    if (!existsSync(absolute)) throw new JpevalError(`config file ${file} not found`);
  } else {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(cwd, name)).filter((p) => existsSync(p));
    if (found.length === 0) return undefined;
    if (found.length > 1) {
      throw new JpevalError(`more than one config file in ${cwd}: ${found.map((p) => path.basename(p)).join(', ')}`, {
        hint: 'keep one, or choose with --config',
      });
    }
    absolute = found[0]!;
  }
  const shown = displayName(absolute, cwd);
  const text = await readFile(absolute, 'utf8');
  const data = path.extname(absolute).toLowerCase() === '.json' ? parseJson(shown, text) : parseYaml(shown, text);
  return parseConfig(shown, absolute, data ?? {}, options.env ?? process.env);
}

function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

function parseYaml(file: string, text: string): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0];
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const column = line === undefined ? '' : ` (column ${line.col})`;
    throw new ConfigError(file, [{ ...(line === undefined ? {} : { line: line.line }), detail: `invalid YAML: ${detail}${column}` }]);
  }
  return doc.toJS() as unknown;
}

function parseJson(file: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    // Newer Node versions say "at position N"; Node 20 often quotes the text instead.
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ConfigError(file, [{ ...(line === undefined ? {} : { line }), detail: `invalid JSON: ${message}` }]);
  }
}

/** Suite files (a path, or a .yaml name) are relative to the config file; bare names are suite names. */
function resolveSuite(dir: string, suite: string): string {
  return /[\\/]/.test(suite) || /\.ya?ml$/i.test(suite) ? path.resolve(dir, suite) : suite;
}

/** `['models', 1, 'concurrency']` → `models[1].concurrency` */
export function fieldPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): { field?: string; detail: string }[] {
  const base = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? KNOWN_FIELDS.top : KNOWN_FIELDS.model;
    return issue.keys.map((key) => {
      const field = base === '' ? key : `${base}.${key}`;
      if (key === 'api_key') {
        return { field, detail: 'API keys are never read from the config file; set api_key_env to the name of an environment variable holding the key' };
      }
      return { field, detail: `unknown field (known: ${known.join(', ')})` };
    });
  }
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return [{ ...(base === '' ? {} : { field: base }), detail: `missing (expected ${issue.expected})` }];
  }
  const detail = issue.message.replace(/^Invalid input: /, '');
  return [{ ...(base === '' ? {} : { field: base }), detail: detail.charAt(0).toLowerCase() + detail.slice(1) }];
}

/** Setting names that hold credentials: such values would be printed by --print-config and saved in run.json. */
const CREDENTIAL_SETTING = /^(api[_-]?key|access[_-]?token|auth|authorization|bearer|token|secret|client[_-]?secret|password|passwd)$/i;

/** Field paths of credential-named keys anywhere in a settings mapping (extra_body included). */
function credentialKeys(value: unknown, at: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`;
    return [...(CREDENTIAL_SETTING.test(key) ? [here] : []), ...credentialKeys(v, here)];
  });
}

function parseConfig(file: string, absolute: string, data: unknown, env: NodeJS.ProcessEnv): JpevalConfig {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(file, [{ detail: 'expected a mapping of settings (models:, suites:, …) at the top level' }]);
  }
  const result = configFileSchema.safeParse(data);
  if (!result.success) throw new ConfigError(file, result.error.issues.flatMap(describeIssue));
  return resolveConfig(file, absolute, result.data, env);
}

function resolveConfig(file: string, absolute: string, input: ConfigFileInput, env: NodeJS.ProcessEnv): JpevalConfig {
  const dir = path.dirname(absolute);
  const problems: { field: string; detail: string }[] = [];
  const models: ConfigModel[] = [];
  const seen = new Map<string, number>();
  const resolveEntry = (entry: ModelEntryInput, field: string): ConfigModel | undefined => {
    for (const key of credentialKeys(entry.settings, `${field}.settings`)) {
      problems.push({ field: key, detail: 'API keys are never read from the config file (settings are recorded in run.json); set api_key_env to the name of an environment variable holding the key' });
    }
    let modelSpec: ModelSpec;
    try {
      modelSpec = parseModelSpec(entry.spec, { cwd: dir, env, ...(entry.base_url === undefined ? {} : { baseUrl: entry.base_url }) });
    } catch (err) {
      problems.push({ field: `${field}.spec`, detail: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
    return {
      spec: entry.spec,
      modelSpec,
      name: entry.name ?? entry.spec,
      settings: entry.settings ?? {},
      ...(entry.base_url === undefined ? {} : { baseUrl: entry.base_url }),
      ...(entry.api_key_env === undefined ? {} : { apiKeyEnv: entry.api_key_env }),
      ...(entry.concurrency === undefined ? {} : { concurrency: entry.concurrency }),
      ...(entry.batch_size === undefined ? {} : { batchSize: entry.batch_size }),
      ...(entry.timeout_ms === undefined ? {} : { timeoutMs: entry.timeout_ms }),
      ...(entry.max_retries === undefined ? {} : { maxRetries: entry.max_retries }),
      ...(entry.endpoints === undefined
        ? {}
        : {
            endpoints: entry.endpoints.map((e) => ({
              url: e.url,
              ...(e.concurrency === undefined ? {} : { concurrency: e.concurrency }),
              ...(e.api_key_env === undefined ? {} : { apiKeyEnv: e.api_key_env }),
            })),
          }),
      ...(entry.api_key_envs === undefined ? {} : { apiKeyEnvs: entry.api_key_envs }),
    };
  };
  (input.models ?? []).forEach((entry, i) => {
    const model = resolveEntry(entry, `models[${i}]`);
    if (!model) return;
    const previous = seen.get(model.name);
    if (previous !== undefined) {
      problems.push({ field: `models[${i}].name`, detail: `"${model.name}" is also models[${previous}]; give each model a distinct name` });
    }
    seen.set(model.name, i);
    models.push(model);
  });
  const roles: Record<string, ConfigModel> = {};
  for (const [role, entry] of Object.entries(input.roles ?? {})) {
    const model = resolveEntry(entry, `roles.${role}`);
    if (model) roles[role] = model;
  }
  if (problems.length > 0) throw new ConfigError(file, problems);
  return {
    path: absolute,
    models,
    ...(input.suites === undefined ? {} : { suites: input.suites.map((s) => resolveSuite(dir, s)) }),
    ...(input.data_dir === undefined ? {} : { dataDir: path.resolve(dir, input.data_dir) }),
    ...(input.out === undefined ? {} : { out: path.resolve(dir, input.out) }),
    ...(input.limit === undefined ? {} : { limit: input.limit }),
    ...(input.shots === undefined ? {} : { shots: input.shots }),
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    ...(input.concurrency === undefined ? {} : { concurrency: input.concurrency }),
    ...(input.timeout_ms === undefined ? {} : { timeoutMs: input.timeout_ms }),
    ...(input.max_retries === undefined ? {} : { maxRetries: input.max_retries }),
    roles,
  };
}
