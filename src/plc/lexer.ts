import { StError, type Position } from './errors.js';

/**
 * Tokeniser for the IEC 61131-3 Structured Text subset jpeval runs. Identifiers and keywords are
 * case-insensitive (compared upper-cased); comments are `(* … *)` (nestable), `/* … *\/` and `//`.
 * Literals: integers (`1_000`, `16#FF`, `2#1010`, `INT#5`), reals (`1.5`, `1.0E3`, `REAL#2`),
 * durations (`T#5s`, `TIME#1m30s`, `t#500ms`, `T#1.5s`) in milliseconds, TRUE/FALSE.
 */

export type TokenKind = 'ident' | 'int' | 'real' | 'time' | 'op' | 'eof';

export interface Token extends Position {
  kind: TokenKind;
  /** Source text (identifiers keep their spelling for messages). */
  text: string;
  /** Upper-cased text for identifiers/keywords, the operator for ops. */
  upper: string;
  /** Numeric value for int/real/time (time in ms). */
  value?: number;
}

const OPERATORS = [':=', '=>', '<=', '>=', '<>', '**', '..', '+', '-', '*', '/', '=', '<', '>', '(', ')', '[', ']', ',', ';', ':', '.', '&', '#'];

const DURATION_UNITS: [string, number][] = [['d', 86400000], ['h', 3600000], ['ms', 1], ['m', 60000], ['s', 1000], ['us', 0.001], ['ns', 0.000001]];

/** Milliseconds of a duration body such as `1m30s`, `5s`, `1.5s`, `500ms`, `1h_2m`. */
export function parseDuration(body: string): number | null {
  let rest = body.toLowerCase().replace(/_/g, '');
  if (rest === '') return null;
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  let total = 0;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|us|ns|d|h|m|s)/.exec(rest);
    if (!m) return null;
    const unit = DURATION_UNITS.find(([u]) => u === m[2]);
    total += Number(m[1]) * (unit as [string, number])[1];
    rest = rest.slice(m[0].length);
  }
  return negative ? -total : total;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (source[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      advance(1);
      continue;
    }
    const start = { line, col };
    if (source.startsWith('(*', i)) {
      let depth = 0;
      while (i < source.length) {
        if (source.startsWith('(*', i)) {
          depth++;
          advance(2);
        } else if (source.startsWith('*)', i)) {
          depth--;
          advance(2);
          if (depth === 0) break;
        } else advance(1);
      }
      if (depth !== 0) throw new StError('syntax_error', 'unterminated comment (* … *)', start.line, start.col);
      continue;
    }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) throw new StError('syntax_error', 'unterminated comment /* … */', start.line, start.col);
      advance(end + 2 - i);
      continue;
    }
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') advance(1);
      continue;
    }
    const rest = source.slice(i);
    // Duration literal: T#…, TIME#…, LTIME#…
    const time = /^(?:T|TIME|LTIME)#(-?[0-9][0-9_.a-zA-Z]*)/i.exec(rest);
    if (time) {
      const ms = parseDuration(time[1] as string);
      if (ms === null) throw new StError('syntax_error', `invalid duration literal ${time[0]}`, start.line, start.col);
      tokens.push({ kind: 'time', text: time[0], upper: time[0].toUpperCase(), value: ms, ...start });
      advance(time[0].length);
      continue;
    }
    // Typed literal: INT#5, REAL#1.5, BOOL#1 → plain literal.
    const typed = /^(?:SINT|INT|DINT|LINT|USINT|UINT|UDINT|ULINT|REAL|LREAL|BOOL|WORD|BYTE|DWORD)#/i.exec(rest);
    if (typed) {
      advance(typed[0].length);
      continue;
    }
    // Direct address (%IX0.0, %QW4, %MD10): read as one token; declarations may bind variables to it.
    const address = /^%[IQM][XBWDL]?\d+(?:\.\d+)*/i.exec(rest);
    if (address) {
      tokens.push({ kind: 'op', text: address[0], upper: '%ADDRESS', ...start });
      advance(address[0].length);
      continue;
    }
    const based = /^(2|8|16)#([0-9a-fA-F_]+)/.exec(rest);
    if (based) {
      const value = Number.parseInt((based[2] as string).replace(/_/g, ''), Number(based[1]));
      tokens.push({ kind: 'int', text: based[0], upper: based[0], value, ...start });
      advance(based[0].length);
      continue;
    }
    const num = /^\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      // "1..5" is a range, not the real 1.
      let text = num[0];
      if (/^\d[\d_]*\.\./.test(rest)) text = (/^\d[\d_]*/.exec(rest) as RegExpExecArray)[0];
      const isReal = /[.eE]/.test(text);
      tokens.push({ kind: isReal ? 'real' : 'int', text, upper: text, value: Number(text.replace(/_/g, '')), ...start });
      advance(text.length);
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], upper: ident[0].toUpperCase(), ...start });
      advance(ident[0].length);
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, upper: op, ...start });
      advance(op.length);
      continue;
    }
    if (ch === "'" || ch === '"') throw new StError('semantic_error', 'string literals are not supported in this ST subset', start.line, start.col);
    throw new StError('syntax_error', `unexpected character ${JSON.stringify(ch)}`, start.line, start.col);
  }
  tokens.push({ kind: 'eof', text: '<end of program>', upper: '<EOF>', line, col });
  return tokens;
}
