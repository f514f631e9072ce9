import { recordRng, pick } from './seeded.js';
import type { ItemGenerator } from './types.js';
import { PLC_TEMPLATES_A, type PlcParams, type PlcTemplate } from '../../industrial/plc-templates.js';
import { PLC_TEMPLATES_B } from '../../industrial/plc-templates-b.js';

export const PLC_TEMPLATES: PlcTemplate[] = [...PLC_TEMPLATES_A, ...PLC_TEMPLATES_B];

/** The interface block shown in the prompt (one line per variable). */
function interfaceText(t: PlcTemplate, p: PlcParams): string {
  const io = t.io(p);
  const line = ([name, type, meaning]: [string, string, string]): string => `- ${name} : ${type}（${meaning}）`;
  return ['入力（VAR_INPUT）:', ...io.inputs.map(line), '出力（VAR_OUTPUT）:', ...io.outputs.map(line)].join('\n');
}

/** One record: spec, interface, the gold program (`answer`) and its test (vectors + invariants). */
export function plcRecord(t: PlcTemplate, p: PlcParams): Record<string, unknown> {
  return { template: t.id, params: p, question: t.spec(p), interface: interfaceText(t, p), answer: t.program(p), test: t.test(p) };
}

/** Every parameter combination of a template, in a fixed order (the frozen set enumerates them). */
export function allParams(t: PlcTemplate): PlcParams[] {
  let out: PlcParams[] = [{}];
  for (const [name, values] of Object.entries(t.space)) out = out.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
  return out;
}

export const plcGenerator: ItemGenerator = {
  name: 'ind-plc-st',
  version: 2,
  distinct: true,
  description: 'Structured Text tasks (self-holding, interlocks, timers, counters, sequences) with seeded names, times and counts',
  generate(seed, count) {
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng('ind-plc-st', seed, i);
      const template = PLC_TEMPLATES[i % PLC_TEMPLATES.length]!;
      const params: PlcParams = {};
      // The frozen set is every combination of `space`: where a template has wider `fresh` lists, draw
      // from their values outside `space`, so the item cannot be a copy of a frozen one.
      for (const [name, values] of Object.entries(template.space)) {
        const fresh = template.fresh?.[name]?.filter((v) => !values.includes(v));
        params[name] = pick(rng, fresh !== undefined && fresh.length > 0 ? fresh : values);
      }
      return plcRecord(template, params);
    });
  },
};
