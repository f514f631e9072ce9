import type { CompiledLibrary } from './library.js';
import type { WorldSpec } from './types.js';

/**
 * The world as the model sees it, in Japanese: objects, the current facts, the skills it may call
 * (with parameter types) and the safety rules. Deterministic for a given world (prompts are
 * snapshot-tested and hashed into cache keys).
 */
export function describeWorld(library: CompiledLibrary, world: WorldSpec, title: string): string {
  const lines = [`場面：${title}`, '', '対象（id：名称〔種類〕）'];
  for (const o of world.objects) lines.push(`- ${o.id}：${o.name}〔${o.type}〕`);
  const kinds = Object.entries(library.source.types).filter(([, parent]) => parent !== null);
  lines.push(`（種類の包含：${kinds.map(([t, parent]) => `${t}⊂${parent}`).join('、')}）`);
  lines.push('', '現在の状態（事実）');
  for (const f of world.initial) lines.push(`- ${f}`);
  lines.push('', '使えるスキル（引数名: 種類）');
  for (const name of world.skills) {
    const s = library.source.skills[name]!;
    lines.push(`- ${name}(${Object.entries(s.params).map(([p, t]) => `${p}: ${t}`).join(', ')})：${s.ja}`);
  }
  lines.push('', '安全ルール（各ステップの直後に必ず守られていること）');
  for (const inv of Object.values(library.source.invariants)) lines.push(`- ${inv.ja}`);
  return lines.join('\n');
}
