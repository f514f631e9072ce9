import { registerSecret } from '../../util/secrets.js';
import { JpevalError } from '../../util/errors.js';
import type { RemoteModelSpec } from '../spec.js';

/**
 * Where the API key comes from. Keys are read only from the environment, never from the config
 * file, and the key itself is never put in ModelInfo, results, logs or error messages; only the
 * variable's name (`source`) is.
 *
 * OPENAI_API_KEY is sent only to `openai:` specs and to api.openai.com: many people have it set
 * globally, and a bare URL may point at someone else's server.
 */

/** Sent when no key is configured: local servers ignore it, and the SDK insists on one. */
export const NO_KEY = 'sk-no-key-required';

export interface ApiKey {
  key: string;
  /** Human-readable origin for hints, e.g. `$JPEVAL_API_KEY`. */
  source: string;
}

function isOpenAIHost(baseUrl: string): boolean {
  return new URL(baseUrl).hostname === 'api.openai.com';
}

export function resolveApiKey(spec: RemoteModelSpec, apiKeyEnv: string | undefined, env: NodeJS.ProcessEnv): ApiKey {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  if (apiKeyEnv !== undefined) {
    const key = read(apiKeyEnv);
    if (key === undefined) {
      throw new JpevalError(`model ${spec.id}: api_key_env names ${apiKeyEnv}, but that environment variable is not set`, {
        hint: `export ${apiKeyEnv}=… before running jpeval`,
      });
    }
    registerSecret(key);
    return { key, source: `$${apiKeyEnv}` };
  }
  const jpeval = read('JPEVAL_API_KEY');
  registerSecret(jpeval);
  if (jpeval !== undefined) return { key: jpeval, source: '$JPEVAL_API_KEY' };
  const openaiAllowed = spec.provider === 'openai' || isOpenAIHost(spec.baseUrl);
  const openai = openaiAllowed ? read('OPENAI_API_KEY') : undefined;
  registerSecret(openai);
  if (openai !== undefined) return { key: openai, source: '$OPENAI_API_KEY' };
  if (isOpenAIHost(spec.baseUrl)) {
    throw new JpevalError(`model ${spec.id}: no API key: set OPENAI_API_KEY (or JPEVAL_API_KEY)`);
  }
  return { key: NO_KEY, source: 'nowhere (no key set, so a placeholder was sent)' };
}
