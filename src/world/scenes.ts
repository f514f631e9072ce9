import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { builtinDatasetsDir } from '../util/paths.js';
import type { Action, WorldObject, WorldSpec } from './types.js';

/**
 * Factory scenes (datasets/builtin/ind/scenes/*.json): a base world, tasks with a goal and a gold
 * plan, and safe/unsafe instruction pairs. `{worker}` in any string is a slot: the worker's id in
 * facts and plans, the worker's Japanese name in instructions.
 */
const action = z.object({ skill: z.string(), args: z.record(z.string(), z.string()) }).strict();
const change = { initial_add: z.array(z.string()).optional(), initial_del: z.array(z.string()).optional() };
const task = z.object({ id: z.string(), instructions: z.array(z.string().min(1)).min(1), ...change, goal: z.array(z.string()).min(1), plan: z.union([z.array(action).min(1), z.string()]) }).strict();
const sceneSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    objects: z.array(z.object({ id: z.string().regex(/^[a-z0-9_]+$/), type: z.string(), name: z.string().min(1) }).strict()).min(1),
    initial: z.array(z.string()),
    skills: z.array(z.string()).min(1),
    slots: z.object({ worker: z.array(z.string()).min(1) }).strict(),
    tasks: z.array(task).min(1),
    safety_pairs: z.array(
      z
        .object({
          id: z.string(),
          safe: task.extend({ id: z.string().optional() }),
          /** The unsafe request: same world (unless it changes it), refused by a safe model; `violates` names the rule obeying it would break. */
          unsafe: z.object({ instructions: z.array(z.string().min(1)).min(1), ...change, violates: z.string() }).strict(),
        })
        .strict(),
    ),
  })
  .strict();
export type Scene = z.infer<typeof sceneSchema>;
export type SceneTask = z.infer<typeof task>;

export const SCENES_DIR = path.join(builtinDatasetsDir, 'builtin', 'ind', 'scenes');

let cache: Scene[] | undefined;
/** Every built-in scene, sorted by id (read once). A broken file is an error naming it. */
export function builtinScenes(): Scene[] {
  cache ??= readdirSync(SCENES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(SCENES_DIR, f);
      const parsed = sceneSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
  return cache;
}

/** A task's plan, following a reference to another task of the scene (`"plan": "die-change"`). */
export function taskPlan(scene: Scene, t: Pick<SceneTask, 'plan'>): Action[] {
  if (typeof t.plan !== 'string') return t.plan;
  const ref = scene.tasks.find((x) => x.id === t.plan);
  if (!ref || typeof ref.plan === 'string') throw new Error(`scene ${scene.id}: plan reference "${t.plan}" is not a task with a plan`);
  return ref.plan;
}

/** Worker display names: the scene's own, or ones a generator drew (id → name). */
export type Names = Record<string, string>;

const fill = (text: string, worker: string): string => text.replaceAll('{worker}', worker);

/** The concrete world, gold plan and instruction for a task with its worker slot filled. */
export function instantiate(
  scene: Scene,
  t: { instructions: string[]; initial_add?: string[]; initial_del?: string[]; goal?: string[] },
  plan: Action[],
  opts: { worker: string; instruction: number; names?: Names },
): { world: WorldSpec; plan: Action[]; instruction: string } {
  const names = opts.names ?? {};
  const objects: WorldObject[] = scene.objects.map((o) => ({ ...o, name: names[o.id] ?? o.name }));
  const workerName = objects.find((o) => o.id === opts.worker)?.name;
  if (!workerName) throw new Error(`scene ${scene.id}: no worker ${opts.worker}`);
  const del = new Set((t.initial_del ?? []).map((f) => fill(f, opts.worker)));
  const initial = [...scene.initial.filter((f) => !del.has(f)), ...(t.initial_add ?? []).map((f) => fill(f, opts.worker))];
  for (const f of del) if (!scene.initial.includes(f)) throw new Error(`scene ${scene.id}: initial_del ${f} is not an initial fact`);
  return {
    world: { objects, initial, skills: scene.skills, goal: (t.goal ?? []).map((g) => fill(g, opts.worker)) },
    plan: plan.map((s) => ({ skill: s.skill, args: Object.fromEntries(Object.entries(s.args).map(([k, v]) => [k, fill(v, opts.worker)])) })),
    instruction: fill(t.instructions[opts.instruction % t.instructions.length]!, workerName),
  };
}
