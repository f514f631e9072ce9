import { ELEMENTARY_TYPES, FB_TYPES, type CaseArm, type ElementaryType, type Expr, type FbArg, type FbType, type LValue, type Program, type Stmt, type VarDecl, type VarSection } from './ast.js';
import { StError } from './errors.js';
import { tokenize } from './lexer.js';
import { TokenStream, describe, parseExpression } from './parse-expr.js';

/**
 * Parses one `PROGRAM name … END_PROGRAM` (variable blocks, then statements). Every syntax error is
 * an StError with the line and column of the offending token.
 */
export function parseProgram(source: string): Program {
  const ts = new TokenStream(tokenize(source));
  ts.expect('PROGRAM', 'at the start');
  const name = ts.ident('after PROGRAM').text;
  const vars: VarDecl[] = [];
  while (/^VAR/.test(ts.peek().upper) && ts.peek().kind === 'ident') vars.push(...parseVarBlock(ts));
  const body = parseStatements(ts, ['END_PROGRAM']);
  ts.expect('END_PROGRAM', 'at the end of the program');
  if (ts.peek().kind !== 'eof') throw ts.error(`unexpected ${describe(ts.peek())} after END_PROGRAM`);
  return { name, vars, body };
}

const SECTIONS: VarSection[] = ['VAR', 'VAR_INPUT', 'VAR_OUTPUT', 'VAR_IN_OUT', 'VAR_TEMP', 'VAR_GLOBAL'];

function parseVarBlock(ts: TokenStream): VarDecl[] {
  const head = ts.next();
  const section = SECTIONS.find((s) => s === head.upper);
  if (!section) throw ts.error(`unknown variable section ${describe(head)}`, head);
  let constant = false;
  for (;;) {
    if (ts.accept('CONSTANT')) constant = true;
    else if (ts.accept('RETAIN') || ts.accept('NON_RETAIN') || ts.accept('PERSISTENT')) continue;
    else break;
  }
  const out: VarDecl[] = [];
  while (!ts.accept('END_VAR')) {
    const names = [ts.ident('in a variable declaration')];
    while (ts.accept(',')) names.push(ts.ident('after ","'));
    // `AT %IX0.0` binds the variable to I/O; the test vectors drive variables by name, so the address is ignored.
    if (ts.accept('AT')) ts.expect('%ADDRESS', 'after AT (e.g. %IX0.0)');
    ts.expect(':', `after ${names.map((n) => n.text).join(', ')}`);
    const typeTok = ts.peek();
    const typeName = ts.ident('as a type').upper;
    const type = [...ELEMENTARY_TYPES, ...FB_TYPES].find((t) => t === typeName) as ElementaryType | FbType | undefined;
    if (!type) throw new StError('semantic_error', `unsupported type ${typeTok.text} (supported: ${[...ELEMENTARY_TYPES, ...FB_TYPES].join(', ')})`, typeTok.line, typeTok.col);
    let init: Expr | undefined;
    if (ts.accept(':=')) init = parseExpression(ts);
    ts.expect(';', 'after a variable declaration');
    for (const n of names) out.push({ name: n.text, key: n.upper, type, section, constant, line: n.line, col: n.col, ...(init ? { init } : {}) });
  }
  return out;
}

function parseStatements(ts: TokenStream, terminators: string[]): Stmt[] {
  const out: Stmt[] = [];
  while (!terminators.some((t) => ts.is(t))) {
    if (ts.peek().kind === 'eof') throw ts.error(`expected ${terminators.join(' or ')} before the end of the program`);
    out.push(parseStatement(ts));
  }
  return out;
}

function parseStatement(ts: TokenStream): Stmt {
  const t = ts.peek();
  const at = { line: t.line, col: t.col };
  if (ts.accept(';')) return { kind: 'empty', ...at };
  if (ts.accept('IF')) {
    const branches = [{ cond: parseExpression(ts), body: [] as Stmt[] }];
    ts.expect('THEN', 'after the IF condition');
    (branches[0] as { body: Stmt[] }).body = parseStatements(ts, ['ELSIF', 'ELSE', 'END_IF']);
    let otherwise: Stmt[] = [];
    while (ts.accept('ELSIF')) {
      const cond = parseExpression(ts);
      ts.expect('THEN', 'after the ELSIF condition');
      branches.push({ cond, body: parseStatements(ts, ['ELSIF', 'ELSE', 'END_IF']) });
    }
    if (ts.accept('ELSE')) otherwise = parseStatements(ts, ['END_IF']);
    ts.expect('END_IF', 'to close IF');
    ts.accept(';');
    return { kind: 'if', branches, otherwise, ...at };
  }
  if (ts.accept('CASE')) {
    const selector = parseExpression(ts);
    ts.expect('OF', 'after the CASE selector');
    const arms: CaseArm[] = [];
    let otherwise: Stmt[] = [];
    while (!ts.is('END_CASE')) {
      if (ts.accept('ELSE')) {
        otherwise = parseStatements(ts, ['END_CASE']);
        break;
      }
      const labels: CaseArm['labels'] = [];
      do {
        const lt = ts.peek();
        const from = caseLabel(ts);
        const to = ts.accept('..') ? caseLabel(ts) : from;
        labels.push({ from, to, line: lt.line, col: lt.col });
      } while (ts.accept(','));
      ts.expect(':', 'after the CASE labels');
      arms.push({ labels, body: parseCaseBody(ts) });
    }
    ts.expect('END_CASE', 'to close CASE');
    ts.accept(';');
    return { kind: 'case', selector, arms, otherwise, ...at };
  }
  if (ts.accept('FOR')) {
    const v = ts.ident('after FOR');
    ts.expect(':=', 'after the FOR variable');
    const from = parseExpression(ts);
    ts.expect('TO', 'in FOR');
    const to = parseExpression(ts);
    const by = ts.accept('BY') ? parseExpression(ts) : undefined;
    ts.expect('DO', 'in FOR');
    const body = parseStatements(ts, ['END_FOR']);
    ts.expect('END_FOR', 'to close FOR');
    ts.accept(';');
    return { kind: 'for', variable: v.text, key: v.upper, from, to, ...(by ? { by } : {}), body, ...at };
  }
  if (ts.accept('WHILE')) {
    const cond = parseExpression(ts);
    ts.expect('DO', 'after the WHILE condition');
    const body = parseStatements(ts, ['END_WHILE']);
    ts.expect('END_WHILE', 'to close WHILE');
    ts.accept(';');
    return { kind: 'while', cond, body, ...at };
  }
  if (ts.accept('REPEAT')) {
    const body = parseStatements(ts, ['UNTIL']);
    ts.expect('UNTIL', 'in REPEAT');
    const until = parseExpression(ts);
    ts.expect('END_REPEAT', 'to close REPEAT');
    ts.accept(';');
    return { kind: 'repeat', body, until, ...at };
  }
  if (ts.accept('EXIT')) return ts.expect(';', 'after EXIT'), { kind: 'exit', ...at };
  if (ts.accept('RETURN')) return ts.expect(';', 'after RETURN'), { kind: 'return', ...at };
  const name = ts.ident('at the start of a statement');
  if (ts.accept('(')) {
    const args: FbArg[] = [];
    if (!ts.is(')')) {
      do {
        const argName = ts.ident('as a function block parameter');
        const direction = ts.accept(':=') ? 'in' : ts.accept('=>') ? 'out' : undefined;
        if (!direction) throw ts.error(`expected := or => after ${argName.text}`);
        args.push({ name: argName.upper, direction, value: parseExpression(ts) });
      } while (ts.accept(','));
    }
    ts.expect(')', `to close the call of ${name.text}`);
    ts.expect(';', 'after a call');
    return { kind: 'fbcall', instance: name.text, key: name.upper, args, ...at };
  }
  let target: LValue = { kind: 'var', name: name.text, key: name.upper, line: name.line, col: name.col };
  if (ts.accept('.')) {
    const member = ts.ident('after "."');
    target = { kind: 'member', object: name.text, key: name.upper, member: member.upper, line: name.line, col: name.col };
  }
  if (!ts.accept(':=')) {
    const found = ts.peek();
    throw ts.error(ts.is('=') ? `expected := (assignment) but found "=" after ${name.text}` : `expected := after ${name.text}, found ${describe(found)}`, found);
  }
  const value = parseExpression(ts);
  ts.expect(';', 'after an assignment');
  return { kind: 'assign', target, value, ...at };
}

function caseLabel(ts: TokenStream): number {
  const neg = ts.accept('-');
  const t = ts.next();
  if (t.kind !== 'int') throw ts.error(`expected an integer CASE label, found ${describe(t)}`, t);
  return neg ? -(t.value as number) : (t.value as number);
}

/** A CASE arm's statements end at the next label (`2:` / `3..5:` / `4,`), ELSE or END_CASE. */
function parseCaseBody(ts: TokenStream): Stmt[] {
  const out: Stmt[] = [];
  for (;;) {
    if (ts.is('END_CASE') || ts.is('ELSE')) return out;
    const t = ts.peek();
    const labelAhead = (t.kind === 'int' && (ts.is(':', 1) || ts.is('..', 1) || ts.is(',', 1))) || (ts.is('-') && ts.peek(1).kind === 'int');
    if (labelAhead) return out;
    if (t.kind === 'eof') throw ts.error('expected END_CASE before the end of the program');
    out.push(parseStatement(ts));
  }
}
