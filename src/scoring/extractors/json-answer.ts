import { extractJson } from '../structured/extract.js';
import { resolveAnswerSchema } from '../structured/schemas.js';
import { schemaErrors } from '../structured/answer.js';
import type { Extractor } from '../types.js';

/**
 * The JSON answer (code fences and surrounding prose tolerated), re-serialised compactly, when it is
 * valid under `options.schema` (a registered schema name or an inline JSON Schema); else null. The
 * suite's checker re-reads the raw output to say *why* (no JSON, invalid JSON, schema, refusal).
 */
export const jsonAnswerExtractor: Extractor = {
  name: 'json_answer',
  description: 'The JSON answer (fences and prose tolerated) when valid under answer.options.schema, else null.',
  extract(raw, _item, options) {
    const found = extractJson(raw);
    if (!found.ok) return null;
    const schema = resolveAnswerSchema(options['schema']);
    return schema && schemaErrors(schema, found.value).length ? null : JSON.stringify(found.value);
  },
};
