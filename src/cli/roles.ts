import { createBackend } from '../models/create.js';
import { parseModelSpec, type ModelSpec } from '../models/spec.js';
import type { RunEvents } from '../runner/events.js';
import type { ModelToRun } from '../runner/run.js';
import { JpevalError } from '../util/errors.js';

/** `--judge SPEC` (the `judge` role) and `--role NAME=SPEC` flags, parsed into specs by role. */
export function parseRoleFlags(judge: string | undefined, roleFlags: string[] | undefined, baseUrl: string | undefined): Record<string, ModelSpec> {
  const out: Record<string, ModelSpec> = {};
  const opts = baseUrl ? { baseUrl } : {};
  for (const flag of roleFlags ?? []) {
    const eq = flag.indexOf('=');
    const role = eq === -1 ? '' : flag.slice(0, eq).trim();
    if (!/^[a-z][a-z0-9_-]*$/.test(role)) throw new JpevalError(`--role expects NAME=SPEC with a lower-case role name, e.g. judge=openai:gpt-4o (got "${flag}")`);
    if (role in out) throw new JpevalError(`--role ${role} given twice`);
    out[role] = parseModelSpec(flag.slice(eq + 1), opts);
  }
  if (judge !== undefined) {
    if ('judge' in out) throw new JpevalError('both --judge and --role judge=… given; use one');
    out.judge = parseModelSpec(judge, opts);
  }
  return out;
}

/** Grader models by role, opened lazily by the runner (retries reported as events). */
export function roleModels(
  specs: Record<string, ModelSpec>,
  settings: { concurrency?: number; timeoutMs: number; maxRetries: number },
  events: RunEvents,
): Record<string, ModelToRun> {
  return Object.fromEntries(
    Object.entries(specs).map(([role, spec]) => [
      role,
      {
        id: spec.id,
        open: () =>
          createBackend(spec, {
            concurrency: settings.concurrency ?? (spec.kind === 'remote' ? 8 : 1),
            timeoutMs: settings.timeoutMs,
            maxRetries: settings.maxRetries,
            settings: {},
            onRetry: (info) => events.emit({ type: 'retry', model: spec.id, ...info }),
          }),
      },
    ]),
  );
}
