import { readFile } from 'node:fs/promises';
import { DataError } from '../util/errors.js';

/**
 * Helpers of the `judge` scorer (scoring/metrics/judge.ts): FastChat-style judge prompt files,
 * template filling and rating parsing.
 */
export interface JudgeTemplate {
  name: string;
  system: string;
  template: string;
}

/** Reads FastChat-style judge prompts: JSON lines of {name, system_prompt, prompt_template}. */
export async function loadJudgeTemplates(file: string): Promise<Map<string, JudgeTemplate>> {
  const templates = new Map<string, JudgeTemplate>();
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new DataError(file, `not valid JSON (${(err as Error).message})`, { line: i + 1 });
    }
    for (const field of ['name', 'prompt_template'] as const) {
      if (typeof value[field] !== 'string') throw new DataError(file, 'missing or not a string', { line: i + 1, field });
    }
    templates.set(value.name as string, {
      name: value.name as string,
      system: typeof value.system_prompt === 'string' ? value.system_prompt : '',
      template: value.prompt_template as string,
    });
  });
  return templates;
}

/** Python str.format-style `{name}` substitution for the known keys only (templates may hold other braces). */
export function fillJudgeTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function parseRating(output: string, pattern: string): number | null {
  const matches = [...output.matchAll(new RegExp(pattern, 'g'))];
  const last = matches[matches.length - 1];
  if (!last?.[1]) return null;
  const n = Number(last[1]);
  return Number.isFinite(n) ? n : null;
}
