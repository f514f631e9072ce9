import { redactSecrets } from './secrets.js';
/**
 * Errors meant for the user. The CLI prints `message` (and `hint` when present) without a stack
 * trace and exits non-zero; anything else is treated as a bug and printed with its stack.
 */
export class JpevalError extends Error {
  constructor(
    message: string,
    readonly options: { hint?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    // No error jpeval reports may carry an API key (a server can echo it in any reply).
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JpevalError';
  }
  get hint(): string | undefined {
    return this.options.hint;
  }
  get exitCode(): number {
    return this.options.exitCode ?? 2;
  }
}

/** A data file that cannot be read: names the file and, where known, line and field. */
export class DataError extends JpevalError {
  constructor(
    readonly file: string,
    detail: string,
    readonly location: { line?: number; field?: string } = {},
    hint?: string,
  ) {
    const where = [file, location.line !== undefined ? `line ${location.line}` : undefined]
      .filter(Boolean)
      .join(':');
    const field = location.field ? ` (field "${location.field}")` : '';
    super(`${where}${field}: ${detail}`, hint === undefined ? {} : { hint });
    this.name = 'DataError';
  }
}

/** A suite's data files are not there (no data directory, or a file not found under it). */
export class MissingDataError extends JpevalError {
  constructor(message: string, hint: string) {
    super(message, { hint });
    this.name = 'MissingDataError';
  }
}

/** A request to a model that failed in a way retrying will not fix (bad reply, unsupported call). */
export class ModelError extends JpevalError {
  constructor(
    readonly modelId: string,
    detail: string,
    options: { hint?: string; cause?: unknown; retryable?: boolean; fatal?: boolean } = {},
  ) {
    super(`model ${modelId}: ${detail}`, options);
    this.name = 'ModelError';
    this.retryable = options.retryable ?? false;
    this.fatal = options.fatal ?? false;
  }
  readonly retryable: boolean;
  /** No later request to this model can succeed either (bad credentials, unsupported call): stop the model's run. */
  readonly fatal: boolean;
}

/** The backend cannot do this kind of request at all (e.g. loglikelihood on a chat-only API). */
export class UnsupportedError extends ModelError {
  constructor(modelId: string, detail: string, hint?: string) {
    super(modelId, detail, { fatal: true, ...(hint === undefined ? {} : { hint }) });
    this.name = 'UnsupportedError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
