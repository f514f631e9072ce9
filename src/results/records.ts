import type { ModelInfo, RequestTiming, TokenUsage } from '../models/types.js';
import type { ModelRecord, TimingRecord, UsageRecord } from './types.js';

/**
 * The in-memory (camelCase) shapes of the model boundary turned into their on-disk records
 * (snake_case), in one place, so run.json and samples.jsonl never mix the two styles.
 */

/** `batchSize` → `batch_size`; already snake_case keys are kept. */
export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Top-level keys only: values such as a server's metadata or `extra_body` are data, kept as they are. */
export function snakeKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), v]));
}

/**
 * Flag of a sample whose output was generated but whose scoring was cut short by Ctrl-C (a judge
 * request in flight): kept in samples.jsonl, outcome unscored, and scored again — not generated
 * again — by `--resume`.
 */
export const SCORING_INTERRUPTED = 'scoring_interrupted';

export function timingRecord(t: RequestTiming): TimingRecord {
  return {
    started_at: t.startedAt,
    ...(t.firstTokenAt === undefined ? {} : { first_token_at: t.firstTokenAt }),
    ended_at: t.endedAt,
    latency_ms: t.latencyMs,
    ...(t.ttftMs === undefined ? {} : { ttft_ms: t.ttftMs }),
    attempts: t.attempts,
  };
}

export function usageRecord(u: TokenUsage): UsageRecord {
  // Assigned, not spread into a literal: see run-suite.ts (a spread-first literal gets a map of its own).
  const record: UsageRecord = {};
  if (u.promptTokens !== undefined) record.prompt_tokens = u.promptTokens;
  if (u.completionTokens !== undefined) record.completion_tokens = u.completionTokens;
  return record;
}

/** The inverse of timingRecord: a saved timing back in memory (resume, merge). */
export function timingFromRecord(t: TimingRecord): RequestTiming {
  return {
    startedAt: t.started_at,
    ...(t.first_token_at === undefined ? {} : { firstTokenAt: t.first_token_at }),
    endedAt: t.ended_at,
    latencyMs: t.latency_ms,
    ...(t.ttft_ms === undefined ? {} : { ttftMs: t.ttft_ms }),
    attempts: t.attempts,
  };
}

/** The inverse of usageRecord. */
export function usageFromRecord(u: UsageRecord): TokenUsage {
  return {
    ...(u.prompt_tokens === undefined ? {} : { promptTokens: u.prompt_tokens }),
    ...(u.completion_tokens === undefined ? {} : { completionTokens: u.completion_tokens }),
  };
}

/** A backend's info() as recorded in run.json, with the run's own settings (batch size, …) merged in. */
export function modelRecord(info: ModelInfo, extra: { name?: string; settings?: Record<string, unknown> } = {}): ModelRecord {
  return {
    id: info.id,
    ...(extra.name !== undefined && extra.name !== info.id ? { name: extra.name } : {}),
    backend: info.backend,
    model: info.model,
    ...(info.revision === undefined ? {} : { revision: info.revision }),
    ...(info.baseUrl === undefined ? {} : { base_url: info.baseUrl }),
    ...(info.tokenizer === undefined ? {} : { tokenizer: info.tokenizer }),
    ...(info.chatTemplate === undefined ? {} : { chat_template: info.chatTemplate }),
    settings: snakeKeys({ ...info.settings, ...(extra.settings ?? {}) }),
  };
}
