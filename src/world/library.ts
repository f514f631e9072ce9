import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { builtinDatasetsDir } from '../util/paths.js';
import { parseLiteral } from './literals.js';
import type { Literal, WorldLibrary } from './types.js';

const literalText = z.string().refine((t) => {
  try {
    parseLiteral(t);
    return true;
  } catch {
    return false;
  }
}, 'not a literal: pred(arg, ?var) or !pred(…)');

const librarySchema = z
  .object({
    version: z.number().int().positive(),
    types: z.record(z.string(), z.string().nullable()),
    skills: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/),
      z.object({ params: z.record(z.string(), z.string()), pre: z.array(literalText), del: z.array(literalText), add: z.array(literalText), during: z.array(literalText).optional(), ja: z.string().min(1) }).strict(),
    ),
    invariants: z.record(z.string(), z.object({ forbid: z.array(literalText).min(1), ja: z.string().min(1) }).strict()),
  })
  .strict();

/** A library with every literal parsed once. */
export interface CompiledLibrary {
  source: WorldLibrary;
  /** Each type's ancestors, itself included (`robot → [robot, machine]`). */
  ancestors: Map<string, string[]>;
  skills: Map<string, { params: [string, string][]; pre: Literal[]; del: Literal[]; add: Literal[]; during: Literal[] }>;
  invariants: Map<string, Literal[]>;
}

/** Checks a library (types form a tree, skills and invariants only use declared types) and parses it. */
export function compileLibrary(raw: unknown, where = 'world library'): CompiledLibrary {
  const parsed = librarySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const source = parsed.data;
  const ancestors = new Map<string, string[]>();
  for (const type of Object.keys(source.types)) {
    const chain: string[] = [];
    for (let t: string | null | undefined = type; t; t = source.types[t]) {
      if (chain.includes(t)) throw new Error(`${where}: type cycle through "${t}"`);
      if (!(t in source.types)) throw new Error(`${where}: type "${type}" has undeclared parent "${t}"`);
      chain.push(t);
    }
    ancestors.set(type, chain);
  }
  const skills: CompiledLibrary['skills'] = new Map();
  for (const [name, s] of Object.entries(source.skills)) {
    for (const [p, t] of Object.entries(s.params)) if (!ancestors.has(t)) throw new Error(`${where}: skill ${name} param ${p} has undeclared type "${t}"`);
    skills.set(name, { params: Object.entries(s.params), pre: s.pre.map(parseLiteral), del: s.del.map(parseLiteral), add: s.add.map(parseLiteral), during: (s.during ?? []).map(parseLiteral) });
  }
  const invariants = new Map(Object.entries(source.invariants).map(([id, inv]) => [id, inv.forbid.map(parseLiteral)] as const));
  return { source, ancestors, skills, invariants };
}

export const WORLD_LIBRARY_FILE = path.join(builtinDatasetsDir, 'builtin', 'ind', 'world-library.json');
let cached: CompiledLibrary | undefined;

/** jpeval's own skill and invariant library (read once; the ind suites' versions pin it). */
export function builtinLibrary(): CompiledLibrary {
  cached ??= compileLibrary(JSON.parse(readFileSync(WORLD_LIBRARY_FILE, 'utf8')), WORLD_LIBRARY_FILE);
  return cached;
}
