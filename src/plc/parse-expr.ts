import type { Expr } from './ast.js';
import { StError } from './errors.js';
import type { Token } from './lexer.js';

/**
 * A cursor over tokens plus the expression grammar, by IEC 61131-3 precedence (lowest first):
 * OR, XOR, AND/&, = <>, < > <= >=, + -, * / MOD, **, unary NOT/-, primary.
 */
export class TokenStream {
  pos = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  /** True (and consumes) when the next token is the keyword/operator `word`. */
  accept(word: string): boolean {
    const t = this.peek();
    if ((t.kind === 'ident' || t.kind === 'op') && t.upper === word) {
      this.pos++;
      return true;
    }
    return false;
  }
  is(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === 'ident' || t.kind === 'op') && t.upper === word;
  }
  expect(word: string, context: string): Token {
    const t = this.peek();
    if (!this.accept(word)) throw this.error(`expected ${word} ${context}, found ${describe(t)}`, t);
    return t;
  }
  ident(context: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident' || RESERVED.has(t.upper)) throw this.error(`expected a name ${context}, found ${describe(t)}`, t);
    this.pos++;
    return t;
  }
  error(message: string, at: Token = this.peek()): StError {
    return new StError('syntax_error', message, at.line, at.col);
  }
}

export function describe(t: Token): string {
  return t.kind === 'eof' ? 'the end of the program' : `"${t.text}"`;
}

/** Keywords that cannot be variable names. */
export const RESERVED = new Set([
  'PROGRAM', 'END_PROGRAM', 'VAR', 'VAR_INPUT', 'VAR_OUTPUT', 'VAR_IN_OUT', 'VAR_TEMP', 'VAR_GLOBAL', 'END_VAR', 'CONSTANT', 'RETAIN',
  'IF', 'THEN', 'ELSIF', 'ELSE', 'END_IF', 'CASE', 'OF', 'END_CASE', 'FOR', 'TO', 'BY', 'DO', 'END_FOR', 'WHILE', 'END_WHILE',
  'REPEAT', 'UNTIL', 'END_REPEAT', 'EXIT', 'RETURN', 'AND', 'OR', 'XOR', 'NOT', 'MOD', 'TRUE', 'FALSE',
]);

const BINARY_LEVELS: string[][] = [['OR'], ['XOR'], ['AND', '&'], ['=', '<>'], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', 'MOD']];

export function parseExpression(ts: TokenStream): Expr {
  return parseLevel(ts, 0);
}

function parseLevel(ts: TokenStream, level: number): Expr {
  if (level === BINARY_LEVELS.length) return parsePower(ts);
  let left = parseLevel(ts, level + 1);
  for (;;) {
    const t = ts.peek();
    const op = (BINARY_LEVELS[level] as string[]).find((o) => ts.is(o));
    if (!op) return left;
    ts.next();
    const right = parseLevel(ts, level + 1);
    left = { kind: 'binary', op: op === '&' ? 'AND' : op, left, right, line: t.line, col: t.col };
  }
}

function parsePower(ts: TokenStream): Expr {
  const base = parseUnary(ts);
  if (ts.is('**')) {
    const t = ts.next();
    return { kind: 'binary', op: '**', left: base, right: parsePower(ts), line: t.line, col: t.col };
  }
  return base;
}

function parseUnary(ts: TokenStream): Expr {
  const t = ts.peek();
  if (ts.accept('NOT')) return { kind: 'unary', op: 'NOT', operand: parseUnary(ts), line: t.line, col: t.col };
  if (ts.accept('-')) return { kind: 'unary', op: '-', operand: parseUnary(ts), line: t.line, col: t.col };
  if (ts.accept('+')) return { kind: 'unary', op: '+', operand: parseUnary(ts), line: t.line, col: t.col };
  return parsePrimary(ts);
}

function parsePrimary(ts: TokenStream): Expr {
  const t = ts.peek();
  const at = { line: t.line, col: t.col };
  if (t.kind === 'int') return ts.next(), { kind: 'literal', type: 'INT', value: t.value as number, ...at };
  if (t.kind === 'real') return ts.next(), { kind: 'literal', type: 'REAL', value: t.value as number, ...at };
  if (t.kind === 'time') return ts.next(), { kind: 'literal', type: 'TIME', value: t.value as number, ...at };
  if (ts.accept('TRUE')) return { kind: 'literal', type: 'BOOL', value: true, ...at };
  if (ts.accept('FALSE')) return { kind: 'literal', type: 'BOOL', value: false, ...at };
  if (ts.accept('(')) {
    const inner = parseExpression(ts);
    ts.expect(')', 'to close the parenthesis');
    return inner;
  }
  if (t.kind === 'ident' && !RESERVED.has(t.upper)) {
    ts.next();
    if (ts.accept('(')) {
      const args: Expr[] = [];
      if (!ts.is(')')) {
        do {
          // Named arguments of standard functions (LIMIT(MN := 0, IN := x, MX := 9)) are read positionally.
          if (ts.peek().kind === 'ident' && ts.is(':=', 1)) ts.pos += 2;
          args.push(parseExpression(ts));
        } while (ts.accept(','));
      }
      ts.expect(')', `to close the call of ${t.text}`);
      return { kind: 'call', name: t.upper, args, ...at };
    }
    if (ts.accept('.')) {
      const member = ts.ident('after "."');
      return { kind: 'member', object: t.text, key: t.upper, member: member.upper, ...at };
    }
    return { kind: 'var', name: t.text, key: t.upper, ...at };
  }
  throw ts.error(`expected an expression, found ${describe(t)}`, t);
}
