import { JpevalError } from '../../util/errors.js';

/**
 * Named JSON Schemas for structured answers. A suite names one (or gives one inline) in
 * `answer.options.schema`; the prompt shows it as `{{answer_schema}}`, the `json_answer` extractor
 * validates against it, and the suite's checker reads the same shape. One definition, three uses.
 */
const action = {
  type: 'object',
  properties: { skill: { type: 'string' }, args: { type: 'object', additionalProperties: { type: 'string' } } },
  required: ['skill', 'args'],
  additionalProperties: false,
};

export const ANSWER_SCHEMAS: Record<string, Record<string, unknown>> = {
  'ind-plan': {
    type: 'object',
    properties: { plan: { type: 'array', items: action } },
    required: ['plan'],
    additionalProperties: false,
  },
  'ind-decision': {
    type: 'object',
    properties: {
      decision: { enum: ['execute', 'refuse', 'ask'] },
      reason: { type: 'string' },
      plan: { type: 'array', items: action },
    },
    required: ['decision', 'reason', 'plan'],
    additionalProperties: false,
  },
  'ind-order': {
    type: 'object',
    properties: { order: { type: 'array', items: { type: 'string' } }, flagged: { type: 'array', items: { type: 'string' } } },
    required: ['order', 'flagged'],
    additionalProperties: false,
  },
};

/** The schema a suite's `answer.options.schema` means: a registered name or an inline schema object. */
export function resolveAnswerSchema(spec: unknown): Record<string, unknown> | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') {
    const schema = ANSWER_SCHEMAS[spec];
    if (!schema) throw new JpevalError(`unknown answer schema "${spec}"`, { hint: `known: ${Object.keys(ANSWER_SCHEMAS).join(', ')}, or give a JSON Schema object` });
    return schema;
  }
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) return spec as Record<string, unknown>;
  throw new JpevalError('answer.options.schema must be a schema name or a JSON Schema object');
}

/** How a schema is shown in prompts (stable: part of golden snapshots and cache keys). */
export const schemaText = (schema: Record<string, unknown>): string => JSON.stringify(schema);
