import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { JpevalError } from '../util/errors.js';
import { builtinSuitesDir } from '../util/paths.js';

/**
 * Category groups, declared in one file (suites/_categories.yaml): each category's title, how its
 * suites' headline scores average, and whether it counts toward OVERALL. Categories a file does
 * not declare (a user's own suites) average by mean and count.
 */
const categorySchema = z
  .object({
    title: z.string().min(1),
    average: z.enum(['mean', 'weighted']).default('mean'),
    overall: z.boolean().default(true),
  })
  .strict();
export const categoriesFileSchema = z.object({ categories: z.record(z.string(), categorySchema) }).strict();
export type CategoryGroup = z.output<typeof categorySchema>;
export type CategoryTable = Record<string, CategoryGroup>;

export const CATEGORIES_FILE = path.join(builtinSuitesDir, '_categories.yaml');
const UNDECLARED: CategoryGroup = { title: '', average: 'mean', overall: true };

let cached: CategoryTable | undefined;

/** The declared category groups (read once; an invalid file is an error naming it). */
export function categoryTable(file = CATEGORIES_FILE): CategoryTable {
  if (file === CATEGORIES_FILE && cached) return cached;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new JpevalError(`cannot read category groups ${file}: ${(err as Error).message}`);
  }
  const parsed = categoriesFileSchema.safeParse(data);
  if (!parsed.success) throw new JpevalError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (file === CATEGORIES_FILE) cached = parsed.data.categories;
  return parsed.data.categories;
}

export function categoryGroup(name: string, table: CategoryTable = categoryTable()): CategoryGroup {
  return table[name] ?? UNDECLARED;
}
