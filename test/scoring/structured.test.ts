import { describe, expect, it } from 'vitest';
import { jsonAnswerExtractor } from '../../src/scoring/extractors/json-answer.js';
import { readStructured, schemaErrors } from '../../src/scoring/structured/answer.js';
import { extractJson } from '../../src/scoring/structured/extract.js';
import { phraseRefusalDetector } from '../../src/scoring/structured/refusal.js';
import { ANSWER_SCHEMAS, resolveAnswerSchema } from '../../src/scoring/structured/schemas.js';

const item = { id: 'x', vars: {}, references: [], origin: { file: 'f' } };
const ORDER = ANSWER_SCHEMAS['ind-order']!;

describe('extractJson', () => {
  it('reads plain JSON, JSON in a code fence, and JSON surrounded by prose', () => {
    expect(extractJson('{"a":1}')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(extractJson('計画は次のとおりです。\n```json\n{"plan": []}\n```\n以上です。')).toMatchObject({ ok: true, value: { plan: [] } });
    expect(extractJson('はい。{"order":["A","B"],"flagged":[]} これで安全です {"x": 2}')).toMatchObject({ ok: true, value: { order: ['A', 'B'], flagged: [] } });
    expect(extractJson('```\n[1, 2]\n```')).toMatchObject({ ok: true, value: [1, 2] });
  });
  it('skips braces inside prose and strings', () => {
    expect(extractJson('集合 {A, B} のうち… {"s": "a}b{"}')).toMatchObject({ ok: true, value: { s: 'a}b{' } });
  });
  it('says why there is no JSON', () => {
    expect(extractJson('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(extractJson('ロボットを止めます')).toEqual({ ok: false, reason: 'no_json' });
    expect(extractJson('{"plan": [1, 2,]}')).toEqual({ ok: false, reason: 'invalid_json' });
  });
  it('does not take an object nested in a block that does not parse (a trailing comma is invalid_json, not a schema mismatch)', async () => {
    const trailing = '{"plan": [{"skill": "stop_machine", "args": {"machine": "robot1"}},]}';
    expect(extractJson(trailing)).toEqual({ ok: false, reason: 'invalid_json' });
    expect(extractJson('```json\n' + trailing + '\n```')).toEqual({ ok: false, reason: 'invalid_json' });
    expect(await readStructured(trailing, ANSWER_SCHEMAS['ind-plan']!)).toMatchObject({ status: 'unparseable', reason: 'invalid_json' });
  });
});

describe('readStructured: one of parsed / unparseable / refused', () => {
  it('validates against the schema and lists the violations', async () => {
    expect(await readStructured('{"order":["A"],"flagged":[]}', ORDER)).toEqual({ status: 'parsed', value: { order: ['A'], flagged: [] } });
    const bad = await readStructured('{"order":"A B"}', ORDER);
    expect(bad).toMatchObject({ status: 'unparseable', reason: 'schema_mismatch' });
    expect((bad as { errors: string[] }).errors.join('\n')).toMatch(/flagged/);
    expect(schemaErrors(ORDER, { order: [], flagged: [], extra: 1 })).toHaveLength(1);
  });
  it('a prose refusal is refused; JSON beats refusal words', async () => {
    expect(await readStructured('申し訳ありませんが、安全上の理由からその作業はできません。', ORDER)).toMatchObject({ status: 'refused', detector: 'phrases' });
    expect(await readStructured('できません。{"order":[],"flagged":[]}', ORDER)).toMatchObject({ status: 'parsed' });
    expect(await readStructured('わかりました、実施します。', ORDER)).toEqual({ status: 'unparseable', reason: 'no_json' });
  });
  it('the refusal detector is a seam (any detector can be passed)', async () => {
    const always = { name: 'always', description: 'test', isRefusal: () => true };
    expect(await readStructured('abc', ORDER, always)).toMatchObject({ status: 'refused', detector: 'always' });
    expect(phraseRefusalDetector.isRefusal('I cannot do that')).toBe(true);
  });
});

describe('json_answer extractor', () => {
  it('returns compact JSON when valid under the named schema, else null', () => {
    expect(jsonAnswerExtractor.extract('```json\n{ "order": ["B","A"], "flagged": [] }\n```', item, { schema: 'ind-order' })).toBe('{"order":["B","A"],"flagged":[]}');
    expect(jsonAnswerExtractor.extract('{"order": ["B"]}', item, { schema: 'ind-order' })).toBeNull();
    expect(jsonAnswerExtractor.extract('{"anything": 1}', item, {})).toBe('{"anything":1}');
  });
  it('schemas are named or inline; unknown names are errors', () => {
    expect(resolveAnswerSchema({ type: 'object' })).toEqual({ type: 'object' });
    expect(() => resolveAnswerSchema('nope')).toThrow(/unknown answer schema "nope"/);
  });
});
