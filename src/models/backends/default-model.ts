import path from 'node:path';
import type { DefaultModelSpec } from '../spec-forms.js';
import type { BackendRegistration } from '../backend-registry.js';
import { localOptions } from './local-onnx.js';

/** The embedded default model (a character n-gram LM built on first use): `default`. */
export const defaultModelBackend: BackendRegistration<DefaultModelSpec> = {
  kind: 'default',
  forms: ['default                             the embedded default model'],
  claims: (spec) => spec === 'default',
  parse: (_spec, raw) => ({ kind: 'default', id: 'default', raw }),
  defaults: { concurrency: 1, batchSize: 8 },
  async create(spec, options) {
    const { ensureDefaultModel } = await import('../default-model/index.js');
    const dir = await ensureDefaultModel();
    const { createLocalOnnxBackend } = await import('../local-onnx.js');
    // Keyed as `default` (not its cache path), with the build hash recorded as the revision. An
    // n-gram LM cannot follow instructions: it prefers ranking choices by log-likelihood.
    return createLocalOnnxBackend(dir, { ...localOptions(options), id: spec.id, revision: path.basename(dir), preferredChoiceMode: 'loglikelihood' });
  },
};
