/**
 * Errors from reading or running a Structured Text program. `code` is the reason recorded in
 * samples.jsonl; line/column (1-based) point into the program text the model wrote.
 */
export type StErrorCode = 'syntax_error' | 'semantic_error' | 'runtime_error' | 'budget_exceeded';

export class StError extends Error {
  constructor(
    readonly code: StErrorCode,
    readonly detail: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(line !== undefined ? `${line}:${col ?? 0}: ${detail}` : detail);
    this.name = 'StError';
  }
}

export interface Position {
  line: number;
  col: number;
}
