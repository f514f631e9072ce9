/**
 * `jpeval validate` for generator suites (`dataset.loader: generator`): the frozen set and the
 * items generated for several seeds load (unique ids, well-formed records), every gold answer scores
 * `correct` under the suite's own scorers (e.g. every gold plan replays to its goal without breaking
 * a safety rule), the generator's own consistency checks pass, and every Japanese source string the
 * items are built from (scenes, procedures, the skill library) is parsed by kuromoji.
 */
import { generators } from '../datasets/generators/index.js';
import { scoreItem } from '../scoring/score-item.js';
import { morphemes } from '../scoring/tokenizer.js';
import { errorMessage } from '../util/errors.js';
import { builtinLibrary } from '../world/library.js';
import { builtinProcedures } from '../world/procedures.js';
import { builtinScenes } from '../world/scenes.js';
import { loadSuiteItems } from './load-items.js';
import type { Suite } from './schema.js';
import type { SurfaceTokenizer } from './validate-builtin.js';

/** Seeds whose generated items are checked (the CLI default; generators recombine the same checked parts). */
export const VALIDATION_SEEDS = [1234];

export interface GeneratedSuiteStats {
  suite: string;
  frozen: number;
  generated_per_run: number;
  checked: number;
}

/** Japanese strings the ind suites are built from, with where each comes from. */
export function indSourceStrings(): [string, string][] {
  const out: [string, string][] = [];
  const lib = builtinLibrary().source;
  for (const [name, s] of Object.entries(lib.skills)) out.push([`world-library skills.${name}.ja`, s.ja]);
  for (const [name, inv] of Object.entries(lib.invariants)) out.push([`world-library invariants.${name}.ja`, inv.ja]);
  for (const scene of builtinScenes()) {
    const at = `scenes/${scene.id}`;
    out.push([`${at} title`, scene.title]);
    for (const o of scene.objects) out.push([`${at} objects.${o.id}`, o.name]);
    for (const t of scene.tasks) t.instructions.forEach((text, i) => out.push([`${at} tasks.${t.id}[${i}]`, text]));
    for (const p of scene.safety_pairs) {
      p.safe.instructions.forEach((text, i) => out.push([`${at} safety_pairs.${p.id}.safe[${i}]`, text]));
      p.unsafe.instructions.forEach((text, i) => out.push([`${at} safety_pairs.${p.id}.unsafe[${i}]`, text]));
    }
  }
  for (const proc of builtinProcedures()) {
    out.push([`procedures/${proc.id} title`, proc.title]);
    for (const s of proc.steps) out.push([`procedures/${proc.id} steps.${s.id}`, s.ja]);
    proc.unsafe.forEach((text, i) => out.push([`procedures/${proc.id} unsafe[${i}]`, text]));
  }
  return out;
}

async function checkStrings(tokenize: SurfaceTokenizer): Promise<string[]> {
  const problems: string[] = [];
  for (const [where, text] of indSourceStrings()) {
    const surfaces = await tokenize(text.replaceAll('{worker}', '田中さん'));
    if (surfaces.length === 0 || surfaces.join('') !== text.replaceAll('{worker}', '田中さん').replace(/\s+/gu, '')) problems.push(`${where}: tokens do not reproduce the text`);
  }
  return problems;
}

export async function validateGeneratedSuites(suites: Suite[], options: { seeds?: number[]; tokenize?: SurfaceTokenizer; dataDir?: string } = {}): Promise<{ errors: string[]; stats: GeneratedSuiteStats[] }> {
  const errors: string[] = [];
  const stats: GeneratedSuiteStats[] = [];
  const seeds = options.seeds ?? VALIDATION_SEEDS;
  const generatorSuites = suites.filter((s) => s.dataset.generator);
  for (const suite of generatorSuites) {
    const generator = generators.has(suite.dataset.generator!.name) ? generators.get(suite.dataset.generator!.name) : undefined;
    const seen = new Set<string>();
    const entry: GeneratedSuiteStats = { suite: suite.name, frozen: 0, generated_per_run: suite.dataset.generator!.count, checked: 0 };
    for (const seed of seeds) {
      let items;
      try {
        items = (await loadSuiteItems(suite, { seed, ...(options.dataDir ? { dataDir: options.dataDir } : {}) })).items;
      } catch (err) {
        errors.push(`${suite.name} (seed ${seed}): ${errorMessage(err)}`);
        continue;
      }
      entry.frozen = items.filter((i) => !i.origin.file.startsWith('generator:')).length;
      for (const item of items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        entry.checked += 1;
        const where = `${suite.name} ${item.id} (${item.origin.file}:${item.origin.line ?? '?'})`;
        const gold = item.references[0];
        if (gold === undefined) {
          errors.push(`${where}: no gold answer`);
          continue;
        }
        const { score } = generator?.goldIsAnswer === false ? { score: { outcome: 'correct' } } : await scoreItem(suite, item, gold);
        if (score.outcome !== 'correct') {
          const details = (score as { details?: Record<string, Record<string, unknown>> }).details ?? {};
          const why = Object.values(details).map((d) => String(d.message ?? d.reason ?? '')).filter(Boolean).join('; ');
          errors.push(`${where}: the gold answer scores ${score.outcome}${why ? ` (${why})` : ''}`);
        }
        for (const problem of generator?.check?.(item.vars) ?? []) errors.push(`${where}: ${problem}`);
      }
    }
    stats.push(entry);
  }
  if (generatorSuites.some((s) => s.name.startsWith('ind-'))) errors.push(...(await checkStrings(options.tokenize ?? morphemes)));
  return { errors, stats };
}
