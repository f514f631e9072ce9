import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/datasets/types.js';
import { buildItem } from '../../src/suites/build-item.js';
import { choiceLabels } from '../../src/suites/choices.js';
import { loadSuiteItems } from '../../src/suites/load-items.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';
import { promptText, renderPrompt } from '../../src/suites/render.js';
import type { Suite } from '../../src/suites/schema.js';
import { templatePlaceholders } from '../../src/suites/template.js';

/**
 * Golden prompt snapshots, one file per suite *version*: changing a suite's prompt without
 * bumping its version fails here. Built-in suites snapshot their own first items; upstream suites
 * snapshot synthetic records (placeholders named after the fields), so no benchmark item is ever
 * written into the project.
 */
const suites = await loadAllSuites();

function syntheticRecord(suite: Suite, n: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const p = suite.prompt;
  for (const t of [p.preamble, p.template, p.target, suite.choices?.continuation ?? '']) {
    for (const name of templatePlaceholders(t)) record[name.split('.')[0]!] ??= `‹${name}${n}›`;
  }
  const f = suite.dataset.fields;
  if (f.id !== '$index') record[f.id] = `id${n}`;
  if (f.cluster) record[f.cluster] ??= `cluster${n}`;
  if (Array.isArray(f.choices)) f.choices.forEach((c, i) => (record[c] = `‹${c}-${n}-${i}›`));
  else if (f.choices) record[f.choices] = [0, 1, 2, 3].map((i) => `‹choice-${n}-${i}›`);
  const gm = f.gold_map ? Object.keys(f.gold_map)[0] : undefined;
  switch (f.gold_type) {
    case 'index':
      record[f.gold] = 1;
      break;
    case 'label': {
      const choices = Array.isArray(f.choices) ? f.choices.map((c) => String(record[c])) : f.choices ? (record[f.choices] as string[]) : undefined;
      record[f.gold] = gm ?? (choices ? choiceLabels(suite, { choices })[0] : `‹label${n}›`);
      break;
    }
    case 'choice_text':
      record[f.gold] = Array.isArray(f.choices) ? record[f.choices[0]!] : (record[f.choices!] as string[])[0];
      break;
    case 'number':
      record[f.gold] = gm ?? 3;
      break;
    case 'texts':
      record[f.gold] = [gm ?? `‹gold${n}›`];
      break;
    default:
      record[f.gold] = gm ?? `‹gold${n}›`;
  }
  return record;
}

async function sampleItems(suite: Suite): Promise<Item[]> {
  if (suite.source.kind === 'builtin') return (await loadSuiteItems(suite, { limit: 3 })).items;
  return [0, 1, 2].map((n) => buildItem(suite, { record: syntheticRecord(suite, n), file: 'synthetic', line: n + 1 }, n));
}

describe('golden prompts', () => {
  for (const suite of suites) {
    it(`${suite.name}@v${suite.version}`, async () => {
      const [a, b, c] = await sampleItems(suite);
      const zeroShot = promptText(renderPrompt(suite, c!, []));
      const twoShot = promptText(renderPrompt(suite, c!, [a!, b!]));
      const text = `# ${suite.name} v${suite.version} (${suite.prompt.format})\n## 0-shot\n${zeroShot}\n## 2-shot\n${twoShot}\n`;
      await expect(text).toMatchFileSnapshot(path.join('__snapshots__', 'prompts', `${suite.name}@v${suite.version}.txt`));
    });
  }
});
