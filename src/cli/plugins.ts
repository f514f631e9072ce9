import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loaders } from '../datasets/loaders/index.js';
import { registerBackend } from '../models/backend-registry.js';
import '../models/backends/index.js';
import { extractors } from '../scoring/extractors/index.js';
import { metrics } from '../scoring/metrics/index.js';
import { JpevalError, errorMessage } from '../util/errors.js';

/**
 * Plugins: JavaScript modules named in JPEVAL_PLUGINS (paths separated by the platform's path
 * delimiter, `:` on Unix) that add backends, metrics, extractors or loaders without changing
 * jpeval. Each module exports `register(api)`; it runs before any command, after the built-ins
 * (so a plugin cannot replace one: names are registered once).
 *
 *   // my-backend.mjs
 *   export function register({ registerBackend }) {
 *     registerBackend({ kind: 'mine', forms: ['mine:<name>'], claims: (s) => s.startsWith('mine:'), … });
 *   }
 *   JPEVAL_PLUGINS=./my-backend.mjs jpeval run -m mine:x
 */
export interface PluginApi {
  registerBackend: typeof registerBackend;
  metrics: typeof metrics;
  extractors: typeof extractors;
  loaders: typeof loaders;
}

const loaded = new Set<string>();

export async function loadPlugins(list: string | undefined, cwd = process.cwd()): Promise<void> {
  const api: PluginApi = { registerBackend, metrics, extractors, loaders };
  for (const entry of (list ?? '').split(path.delimiter).map((p) => p.trim()).filter(Boolean)) {
    const file = path.resolve(cwd, entry);
    if (loaded.has(file)) continue;
    let mod: { register?: unknown };
    try {
      mod = (await import(pathToFileURL(file).href)) as { register?: unknown };
    } catch (err) {
      throw new JpevalError(`JPEVAL_PLUGINS: cannot load ${entry}: ${errorMessage(err)}`);
    }
    if (typeof mod.register !== 'function') throw new JpevalError(`JPEVAL_PLUGINS: ${entry} exports no register(api) function`);
    try {
      await (mod.register as (api: PluginApi) => unknown)(api);
    } catch (err) {
      throw new JpevalError(`JPEVAL_PLUGINS: ${entry}: register() failed: ${errorMessage(err)}`);
    }
    loaded.add(file);
  }
}
