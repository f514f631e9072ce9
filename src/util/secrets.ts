/**
 * API keys in use, so that no message jpeval writes can carry one: a server may echo the
 * Authorization header in any reply (an error status, an error object in a 200 reply, an error
 * event mid-stream), and every such message becomes a ModelError whose text reaches the terminal,
 * samples.jsonl and run.json. Keys are registered where they are read from the environment.
 */
const secrets = new Set<string>();

/** Short values are not registered: masking them would mangle ordinary text (and they are not real keys). */
const MIN_SECRET_LENGTH = 6;

export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/** The text with every registered secret replaced by `***`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
