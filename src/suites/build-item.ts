import { DataError } from '../util/errors.js';
import type { Item, RawRecord } from '../datasets/types.js';
import type { SuiteDefinition } from './schema.js';
import { choiceLabels } from './choices.js';

type Fields = SuiteDefinition['dataset']['fields'];

function field(raw: RawRecord, name: string): unknown {
  const value = raw.record[name];
  if (value === undefined || value === null) {
    throw new DataError(raw.file, 'missing field', { line: raw.line, field: name });
  }
  return value;
}

function asText(raw: RawRecord, name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DataError(raw.file, `expected text, got ${JSON.stringify(value)?.slice(0, 60)}`, { line: raw.line, field: name });
}

function readChoices(raw: RawRecord, fields: Fields): string[] | undefined {
  if (fields.choices === undefined) return undefined;
  if (Array.isArray(fields.choices)) return fields.choices.map((name) => asText(raw, name, field(raw, name)));
  const value = field(raw, fields.choices);
  if (!Array.isArray(value)) {
    throw new DataError(raw.file, 'expected an array of choices', { line: raw.line, field: fields.choices });
  }
  return value.map((v, i) => asText(raw, `${fields.choices as string}[${i}]`, v));
}

/**
 * Turns one flat upstream record into an Item, following the suite's `dataset.fields` mapping.
 * Any value that does not fit (a gold index out of range, an unknown label, a non-number score) is
 * a DataError naming the file, line and field: a bad record is never silently dropped.
 */
export function buildItem(suite: SuiteDefinition, raw: RawRecord, index: number): Item {
  const fields = suite.dataset.fields;
  const idValue = fields.id === '$index' ? index : field(raw, fields.id);
  const id = `${fields.id_prefix ?? ''}${asText(raw, fields.id, idValue)}`;
  const choices = readChoices(raw, fields);
  let goldRaw = field(raw, fields.gold);
  if (fields.gold_map) {
    const key = String(goldRaw);
    if (!(key in fields.gold_map)) {
      throw new DataError(raw.file, `unexpected label ${JSON.stringify(goldRaw)} (expected one of ${Object.keys(fields.gold_map).join(', ')})`, {
        line: raw.line,
        field: fields.gold,
      });
    }
    goldRaw = fields.gold_map[key];
  }
  const item: Item = {
    id,
    vars: { ...raw.record },
    references: [],
    origin: { file: raw.file, ...(raw.line !== undefined ? { line: raw.line } : {}) },
  };
  if (choices) item.choices = choices;
  if (fields.cluster !== undefined) item.cluster = asText(raw, fields.cluster, field(raw, fields.cluster));
  const bad = (detail: string): DataError => new DataError(raw.file, detail, { line: raw.line, field: fields.gold });

  switch (fields.gold_type) {
    case 'index': {
      const n = typeof goldRaw === 'number' ? goldRaw : Number(String(goldRaw).trim());
      if (!Number.isInteger(n) || !choices || n < 0 || n >= choices.length) {
        throw bad(`gold index ${JSON.stringify(goldRaw)} is not a valid choice index (0..${(choices?.length ?? 0) - 1})`);
      }
      item.goldIndex = n;
      break;
    }
    case 'label': {
      const label = asText(raw, fields.gold, goldRaw);
      if (choices) {
        const labels = choiceLabels(suite, item);
        const i = labels.indexOf(label);
        if (i < 0) throw bad(`label ${JSON.stringify(label)} is not one of the choice labels ${labels.join(', ')}`);
        item.goldIndex = i;
      }
      item.references = [label];
      break;
    }
    case 'choice_text': {
      const text = asText(raw, fields.gold, goldRaw);
      const i = choices?.indexOf(text) ?? -1;
      if (i < 0) throw bad(`gold text ${JSON.stringify(text)} is not among the choices`);
      item.goldIndex = i;
      break;
    }
    case 'text':
      item.references = [asText(raw, fields.gold, goldRaw)];
      break;
    case 'texts': {
      const list = Array.isArray(goldRaw) ? goldRaw : [goldRaw];
      item.references = list.map((v) => asText(raw, fields.gold, v));
      if (item.references.length === 0) throw bad('no reference answers');
      break;
    }
    case 'number': {
      const n = typeof goldRaw === 'number' ? goldRaw : Number(String(goldRaw).trim());
      if (!Number.isFinite(n)) throw bad(`expected a number, got ${JSON.stringify(goldRaw)}`);
      item.goldValue = n;
      item.references = [String(n)];
      break;
    }
  }
  for (const alias of fields.aliases ?? []) {
    const value = raw.record[alias];
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      const text = asText(raw, alias, v);
      if (!item.references.includes(text)) item.references.push(text);
    }
  }
  return item;
}
