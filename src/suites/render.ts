import type { Item } from '../datasets/types.js';
import type { ChatMessage, Prompt } from '../models/types.js';
import { createRng, sampleWithoutReplacement } from '../util/random.js';
import { sha256 } from '../util/hash.js';
import { choiceLabels, goldAnswer } from './choices.js';
import type { SuiteDefinition } from './schema.js';
import { renderTemplate } from './template.js';
import { resolveAnswerSchema, schemaText } from '../scoring/structured/schemas.js';

/** Template variables for one item: its record fields plus the rendered choice list and gold answer. */
export function itemVars(suite: SuiteDefinition, item: Item): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...item.vars, id: item.id, gold: goldAnswer(suite, item) };
  if (item.choices) {
    const labels = choiceLabels(suite, item);
    vars.choices = item.choices
      .map((text, i) => renderTemplate(suite.prompt.choice_format, { label: labels[i], text, index: i }, `suite ${suite.name} choice_format`))
      .join(suite.prompt.choice_separator);
    vars.choice_labels = labels.join(', ');
  }
  // Structured-answer suites show the JSON Schema the answer must follow.
  const schema = resolveAnswerSchema(suite.answer.options['schema']);
  if (schema) vars.answer_schema = schemaText(schema);
  return vars;
}

function part(suite: SuiteDefinition, item: Item, which: 'template' | 'target'): string {
  return renderTemplate(suite.prompt[which], itemVars(suite, item), `suite ${suite.name}, item ${item.id}, prompt.${which}`);
}

/**
 * Builds the prompt for an item with its few-shot examples. Completion format:
 * preamble + (shot template + shot target + separator)* + item template. Chat format: the preamble
 * goes to the system message (after `system`), each shot becomes a user/assistant pair.
 */
export function renderPrompt(suite: SuiteDefinition, item: Item, shots: Item[]): Prompt {
  const p = suite.prompt;
  if (p.format === 'completion') {
    const pieces = shots.map((shot) => part(suite, shot, 'template') + part(suite, shot, 'target'));
    pieces.push(part(suite, item, 'template'));
    return { kind: 'text', text: p.preamble + pieces.join(p.shot_separator) };
  }
  const messages: ChatMessage[] = [];
  const system = [p.system, p.preamble].filter((s) => s && s.trim() !== '').join('\n\n');
  if (system) messages.push({ role: 'system', content: system });
  for (const shot of shots) {
    messages.push({ role: 'user', content: part(suite, shot, 'template') });
    messages.push({ role: 'assistant', content: part(suite, shot, 'target') });
  }
  messages.push({ role: 'user', content: part(suite, item, 'template') });
  return { kind: 'chat', messages };
}

/** The prompt as stored in samples.jsonl and hashed into cache keys. */
export function promptForRecord(prompt: Prompt): string | ChatMessage[] {
  return prompt.kind === 'text' ? prompt.text : prompt.messages;
}

/** Flattens a prompt to text, for loglikelihood contexts (chat prompts joined by role tags). */
export function promptText(prompt: Prompt): string {
  if (prompt.kind === 'text') return prompt.text;
  return prompt.messages.map((m) => m.content).join('\n\n');
}

/**
 * Few-shot examples for an item. `first`: the first N of the pool (llm-jp-eval's fixed shots).
 * `random`: N drawn with a generator seeded by (run seed, item id), so each item's shots are the
 * same whatever the concurrency or the order items finish in. The item itself is never its own shot.
 */
export function selectShots(suite: SuiteDefinition, pool: Item[], item: Item, n: number, seed: number): Item[] {
  if (n <= 0 || pool.length === 0) return [];
  const candidates = pool.filter((c) => c.id !== item.id);
  if (suite.prompt.fewshot_sampler === 'first') return candidates.slice(0, n);
  const itemSeed = Number.parseInt(sha256(`${seed}:${item.id}`).slice(0, 8), 16);
  return sampleWithoutReplacement(candidates, Math.min(n, candidates.length), createRng(itemSeed));
}
