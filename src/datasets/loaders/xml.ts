import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../util/errors.js';
import type { DatasetLoader, RawRecord } from '../types.js';

/** A node as fast-xml-parser returns it with `preserveOrder`: `{ tag: children, ':@': attributes }`. */
type OrderedNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRS);
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

/** All text below a node, in document order (JSeM wraps each sentence in `<script>`). */
function textOf(node: OrderedNode): string {
  const tag = tagOf(node);
  if (tag === TEXT) return String(node[TEXT] ?? '');
  return childrenOf(node).map(textOf).join('');
}

function lineAt(starts: number[], index: number): number {
  // starts[i] is the offset where line i+1 begins; binary search for the last start <= index.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function findRecords(nodes: OrderedNode[], tag: string, out: OrderedNode[]): void {
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    else findRecords(childrenOf(node), tag, out);
  }
}

interface XmlOptions {
  record: string;
  join: string;
  rename: Record<string, string>;
  /** Adds a field holding the file's name without extension (JSeM: the phenomenon file). */
  file_field?: string;
  /** Adds a field holding `<file stem>-<n>`, n = the record's 1-based position in the file. */
  row_id_field?: string;
}

const KNOWN = ['record', 'join', 'rename', 'file_field', 'row_id_field'];

function readOptions(file: string, options: Record<string, unknown>): XmlOptions {
  const bad = (detail: string): DataError => new DataError(file, `xml loader option ${detail}`);
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw bad(`"${key}" is not known (known: ${KNOWN.join(', ')})`);
  }
  for (const key of ['file_field', 'row_id_field'] as const) {
    if (options[key] !== undefined && (typeof options[key] !== 'string' || options[key] === '')) throw bad(`"${key}" must be a field name`);
  }
  if (typeof options.record !== 'string' || options.record === '') throw bad('"record" (the element name of one record) is required');
  if (options.join !== undefined && typeof options.join !== 'string') throw bad('"join" must be a string');
  const rename = options.rename ?? {};
  if (typeof rename !== 'object' || rename === null || Array.isArray(rename) || !Object.values(rename).every((v) => typeof v === 'string')) {
    throw bad('"rename" must map element or attribute names to field names');
  }
  return {
    record: options.record,
    join: (options.join as string | undefined) ?? '',
    rename: rename as Record<string, string>,
    ...(options.file_field === undefined ? {} : { file_field: options.file_field as string }),
    ...(options.row_id_field === undefined ? {} : { row_id_field: options.row_id_field as string }),
  };
}

/**
 * XML with one element per record (JSeM's `<problem>`), flattened to one flat record: the record
 * element's attributes become fields, and each child element becomes a field holding its text
 * (all text below it, in order). A child element that occurs several times (JSeM's premises `<p>`)
 * gives one string, its texts joined with `options.join` (default: nothing, as Japanese sentences
 * end in 。). `options.rename` maps element/attribute names to
 * field names. A child that collides with an attribute of the same name is an error. `file_field`
 * and `row_id_field` add the file stem and a `<stem>-<n>` position id (JSeM's own jsem_id values
 * repeat within AuxiliaryVerb.xml, so they cannot serve as item ids).
 */
export const xmlLoader: DatasetLoader = {
  name: 'xml',
  description: 'XML, one element per record (options.record), attributes and child-element texts as fields (JSeM)',
  async *read(file: string, rawOptions: Record<string, unknown>): AsyncIterable<RawRecord> {
    const options = readOptions(file, rawOptions);
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    // fast-xml-parser is imported only when an XML file is read (~0.1 s of start-up otherwise, for
    // every command that touches the loader registry, e.g. `jpeval list`).
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      throw new DataError(file, `not well-formed XML (${valid.err.msg})`, { line: valid.err.line });
    }
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      captureMetaData: true,
      processEntities: true,
    });
    const doc = parser.parse(text) as OrderedNode[];
    const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);

    const records: OrderedNode[] = [];
    findRecords(doc, options.record, records);
    const name = (raw: string): string => options.rename[raw] ?? raw;
    const stem = path.basename(file).replace(/\.[^.]*$/, '');
    for (const [index, node] of records.entries()) {
      const info = (node as Record<symbol, { startIndex?: number } | undefined>)[meta];
      const line = info?.startIndex === undefined ? undefined : lineAt(starts, info.startIndex);
      const record: Record<string, unknown> = {};
      const attrs = (node[ATTRS] ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(attrs)) record[name(key)] = String(value);
      const texts = new Map<string, string[]>();
      for (const child of childrenOf(node)) {
        const tag = tagOf(child);
        if (tag === undefined || tag === TEXT) continue;
        const list = texts.get(tag) ?? [];
        list.push(textOf(child).trim());
        texts.set(tag, list);
      }
      for (const [tag, list] of texts) {
        const field = name(tag);
        if (field in record) {
          throw new DataError(file, `element <${tag}> and an attribute both map to field "${field}"`, { ...(line === undefined ? {} : { line }), field }, 'use options.rename to tell them apart');
        }
        record[field] = list.join(options.join);
      }
      for (const [key, value] of [
        [options.file_field, stem],
        [options.row_id_field, `${stem}-${index + 1}`],
      ] as const) {
        if (key === undefined) continue;
        if (key in record) throw new DataError(file, `option adds field "${key}" but the record has that field`, { ...(line === undefined ? {} : { line }), field: key });
        record[key] = value;
      }
      yield { record, file, ...(line === undefined ? {} : { line }) };
    }
  },
};
