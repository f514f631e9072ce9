import { recordRng, pick } from './seeded.js';
import type { ItemGenerator } from './types.js';
import { UNIT_CALC_TEMPLATES, goldText } from '../../industrial/unit-calc-templates.js';

/**
 * ind-unit-calc records: template i mod n (so every template appears in every run of ≥ 23 items),
 * parameters drawn from (seed, i). Record: {template, question, params, value, unit, rel_tol,
 * temperature?, answer} — `answer` is the gold as text ("8.83 kW"), what samples.jsonl shows.
 */
export const unitCalcGenerator: ItemGenerator = {
  name: 'ind-unit-calc',
  version: 2,
  distinct: true,
  description: 'electrical, mechanical and thermal calculations with seeded parameters; answer = value + unit',
  generate(seed, count) {
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng('ind-unit-calc', seed, i);
      const template = UNIT_CALC_TEMPLATES[i % UNIT_CALC_TEMPLATES.length]!;
      const params: Record<string, number> = {};
      for (const [name, values] of Object.entries(template.space)) params[name] = pick(rng, values);
      const value = template.compute(params);
      return {
        template: template.id,
        question: template.question(params),
        params,
        value,
        unit: template.unit,
        rel_tol: template.rel_tol,
        ...(template.temperature ? { temperature: template.temperature } : {}),
        answer: goldText(value, template.unit),
      };
    });
  },
};
