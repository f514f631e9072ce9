import { prepareNumberText } from './japanese-number.js';
import { DIMENSIONLESS, EXTRA_UNITS, PREFIXES, UNITS, UNIT_ALIASES, type Dim, type UnitDef } from './unit-table.js';

/**
 * Parsing a unit expression such as `kW`, `N·m`, `kN*m`, `m/s^2`, `m³/h`, `W/(m·K)`, `rpm`,
 * `min⁻¹`, `キロワット`, `℃` (after NFKC: `°C`). Products are written with `·`, `・`, `*`, `⋅`,
 * `×` or a space; quotients with `/`; powers with `^n`, `n` directly after a symbol (`m2`), or
 * superscripts. The result is one compound unit with a scale to SI and a dimension vector.
 */

export interface ParsedUnit {
  /** The text that was read as the unit. */
  text: string;
  scale: number;
  dim: Dim;
  /** Set only for a single affine unit (°C, °F) with exponent 1. */
  offset?: number;
  kind?: UnitDef['kind'] | 'torque';
  /** Number of characters consumed from the input. */
  length: number;
}

const SUPERS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

const ALIASES_LONGEST = Object.keys(UNIT_ALIASES).sort((a, b) => b.length - a.length);
const SYMBOLS_LONGEST = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** Looks up one atom (symbol with optional SI prefix), exact symbols first. */
export function lookupAtom(symbol: string): UnitDef | null {
  const exact = UNITS[symbol] ?? EXTRA_UNITS[symbol];
  if (exact) return exact;
  for (const [prefix, factor] of Object.entries(PREFIXES)) {
    if (symbol.startsWith(prefix)) {
      const base = UNITS[symbol.slice(prefix.length)];
      if (base?.prefixable) return { ...base, scale: base.scale * factor, offset: undefined as never };
    }
  }
  return null;
}

interface Atom {
  def: UnitDef;
  symbol: string;
  length: number;
}

/** The longest atom at position i: a Japanese alias, or letters forming a known (prefixed) symbol. */
function readAtom(text: string, i: number): Atom | null {
  for (const alias of ALIASES_LONGEST) {
    if (text.startsWith(alias, i)) {
      const target = UNIT_ALIASES[alias] as string;
      const parsed = target.includes('·') ? null : lookupAtom(target);
      if (parsed) return { def: parsed, symbol: target, length: alias.length };
      if (target === 'N·m') return { def: { scale: 1, dim: [2, 1, -2, 0, 0, 0, 0] }, symbol: 'N·m', length: alias.length };
    }
  }
  if (text.startsWith('°C', i) || text.startsWith('°F', i)) return { def: UNITS[text.slice(i, i + 2)] as UnitDef, symbol: text.slice(i, i + 2), length: 2 };
  if (text.startsWith('r/min', i)) return { def: UNITS['r/min'] as UnitDef, symbol: 'r/min', length: 5 };
  const m = /^(?:[A-Za-zμΩℓ%°]+)/u.exec(text.slice(i));
  if (!m) return null;
  const run = m[0];
  // The atom must cover the whole letter run ("kWh", "rpm"), or be followed by one more atom that
  // covers the rest ("Nm" = N·m, "kNm"): so "times" is not read as t (tonne) + junk.
  for (let len = run.length; len > 0; len--) {
    const symbol = run.slice(0, len);
    const def = lookupAtom(symbol);
    if (!def) continue;
    if (len === run.length || lookupAtom(run.slice(len))) return { def, symbol, length: len };
  }
  if (run.length > 0) return null;
  // Fall back to exact multi-char symbols that are not letter runs.
  for (const sym of SYMBOLS_LONGEST) if (text.startsWith(sym, i)) return { def: UNITS[sym] as UnitDef, symbol: sym, length: sym.length };
  return null;
}

function readExponent(text: string, i: number): { exp: number; length: number } {
  const caret = /^(?:\^|\*\*)\(?(-?\d+)\)?/.exec(text.slice(i));
  if (caret) return { exp: Number(caret[1]), length: caret[0].length };
  const sup = /^[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u.exec(text.slice(i));
  if (sup) return { exp: Number([...sup[0]].map((c) => SUPERS[c]).join('')), length: sup[0].length };
  const plain = /^-?[1-4](?![0-9.])/.exec(text.slice(i));
  if (plain) return { exp: Number(plain[0]), length: plain[0].length };
  return { exp: 1, length: 0 };
}

const PRODUCT = /^\s*[·・*⋅×]\s*|^ (?=[A-Za-zμΩ])/u;

/**
 * Reads the longest unit expression starting at `start` (leading spaces allowed). Returns null
 * when no known unit starts there.
 */
export function readUnit(text: string, start: number): ParsedUnit | null {
  let pos = start;
  while (text[pos] === ' ') pos++;
  let scale = 1;
  const dim = [...DIMENSIONLESS] as number[];
  let sign = 1;
  let atoms = 0;
  let lastEnd = pos;
  const symbols: string[] = [];
  let single: UnitDef | undefined;
  let bracketDepth = 0;
  for (;;) {
    if (text[pos] === '(' && atoms > 0 && sign === -1) {
      bracketDepth++;
      pos++;
    }
    const atom = readAtom(text, pos);
    if (!atom) break;
    pos += atom.length;
    const { exp, length } = readExponent(text, pos);
    pos += length;
    const power = exp * sign;
    scale *= atom.def.scale ** power;
    atom.def.dim.forEach((v, k) => (dim[k] = (dim[k] as number) + v * power));
    atoms += 1;
    single = atoms === 1 && exp === 1 ? atom.def : undefined;
    symbols.push(atom.symbol);
    lastEnd = pos;
    if (bracketDepth > 0 && text[pos] === ')') {
      bracketDepth--;
      pos++;
      lastEnd = pos;
    }
    // Letters directly after an atom continue the product ("Nm"); so does an explicit separator.
    // After a "/", later factors stay in the denominator (m/s·kg reads as m/(s·kg)).
    if (/[A-Za-zμΩ]/u.test(text[pos] ?? '') && readAtom(text, pos)) continue;
    const product = PRODUCT.exec(text.slice(pos));
    if (product && readAtom(text, pos + product[0].length)) {
      pos += product[0].length;
      continue;
    }
    if (text[pos] === '/' || text[pos] === '毎') {
      sign = -1;
      pos += 1;
      continue;
    }
    break;
  }
  if (atoms === 0) return null;
  const result: ParsedUnit = { text: text.slice(start, lastEnd).trim(), scale, dim: dim as unknown as Dim, length: lastEnd - start };
  if (atoms === 1 && single) {
    if (single.offset !== undefined) result.offset = single.offset;
    if (single.kind) result.kind = single.kind;
  }
  // N·m (and kN·m, N·mm …) is torque: the same dimension as J but not interchangeable with it.
  if (atoms === 2 && symbols.some((s) => /N$/.test(s)) && symbols.some((s) => /m$/.test(s)) && sign === 1) result.kind = 'torque';
  if (symbols.length === 1 && symbols[0] === 'N·m') result.kind = 'torque';
  return result;
}

/** Parses a whole string as a unit, or null when it is not exactly one unit expression. */
export function parseUnit(text: string): ParsedUnit | null {
  const prepared = prepareNumberText(text).trim();
  const unit = readUnit(prepared, 0);
  if (!unit || prepared.slice(unit.length).trim() !== '') return null;
  return unit;
}
