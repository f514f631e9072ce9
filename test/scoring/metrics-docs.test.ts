import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metrics } from '../../src/scoring/metrics/index.js';
import { projectRoot } from '../../src/util/paths.js';

describe('docs/metrics.md', () => {
  it('has a section for every registered metric (CONTRIBUTING.md: adding a metric)', () => {
    const headings = readFileSync(path.join(projectRoot, 'docs/metrics.md'), 'utf8').split('\n').filter((l) => l.startsWith('## '));
    for (const name of metrics.names()) {
      expect(headings.some((h) => h.split(/[\s/()`,]+/).includes(name)), `no "## … ${name} …" section`).toBe(true);
    }
  });
});
