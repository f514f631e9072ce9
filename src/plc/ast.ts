import type { Position } from './errors.js';

/** The syntax tree of a Structured Text program (the subset jpeval runs). */

export type ElementaryType = 'BOOL' | 'INT' | 'DINT' | 'SINT' | 'LINT' | 'UINT' | 'UDINT' | 'USINT' | 'REAL' | 'LREAL' | 'TIME';
export const ELEMENTARY_TYPES: readonly ElementaryType[] = ['BOOL', 'INT', 'DINT', 'SINT', 'LINT', 'UINT', 'UDINT', 'USINT', 'REAL', 'LREAL', 'TIME'];
export const FB_TYPES = ['TON', 'TOF', 'TP', 'CTU', 'CTD', 'R_TRIG', 'F_TRIG', 'SR', 'RS'] as const;
export type FbType = (typeof FB_TYPES)[number];

export type VarSection = 'VAR' | 'VAR_INPUT' | 'VAR_OUTPUT' | 'VAR_IN_OUT' | 'VAR_TEMP' | 'VAR_GLOBAL';

export interface VarDecl extends Position {
  name: string;
  /** Upper-cased name (ST identifiers are case-insensitive). */
  key: string;
  type: ElementaryType | FbType;
  section: VarSection;
  init?: Expr;
  constant: boolean;
}

export type Expr =
  | ({ kind: 'literal'; type: 'BOOL' | 'INT' | 'REAL' | 'TIME'; value: number | boolean } & Position)
  | ({ kind: 'var'; name: string; key: string } & Position)
  | ({ kind: 'member'; object: string; key: string; member: string } & Position)
  | ({ kind: 'unary'; op: 'NOT' | '-' | '+'; operand: Expr } & Position)
  | ({ kind: 'binary'; op: string; left: Expr; right: Expr } & Position)
  | ({ kind: 'call'; name: string; args: Expr[] } & Position);

export type LValue = ({ kind: 'var'; name: string; key: string } & Position) | ({ kind: 'member'; object: string; key: string; member: string } & Position);

export interface CaseArm {
  labels: ({ from: number; to: number } & Position)[];
  body: Stmt[];
}

export interface FbArg {
  name: string;
  /** `:=` input or `=>` output binding. */
  direction: 'in' | 'out';
  value: Expr;
}

export type Stmt =
  | ({ kind: 'assign'; target: LValue; value: Expr } & Position)
  | ({ kind: 'if'; branches: { cond: Expr; body: Stmt[] }[]; otherwise: Stmt[] } & Position)
  | ({ kind: 'case'; selector: Expr; arms: CaseArm[]; otherwise: Stmt[] } & Position)
  | ({ kind: 'for'; variable: string; key: string; from: Expr; to: Expr; by?: Expr; body: Stmt[] } & Position)
  | ({ kind: 'while'; cond: Expr; body: Stmt[] } & Position)
  | ({ kind: 'repeat'; body: Stmt[]; until: Expr } & Position)
  | ({ kind: 'fbcall'; instance: string; key: string; args: FbArg[] } & Position)
  | ({ kind: 'exit' } & Position)
  | ({ kind: 'return' } & Position)
  | ({ kind: 'empty' } & Position);

export interface Program {
  name: string;
  vars: VarDecl[];
  body: Stmt[];
}
