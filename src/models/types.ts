/**
 * The one contract every model backend implements (remote OpenAI-compatible HTTP, local ONNX, …).
 * Modelled on promptfoo's provider: an id, one call per kind of request, and a result that carries
 * output, timing and token usage. Timing is taken at the backend boundary so throughput analysis
 * never has to guess.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A rendered prompt: plain completion text, or chat messages for a chat template / chat API. */
export type Prompt = { kind: 'text'; text: string } | { kind: 'chat'; messages: ChatMessage[] };

export interface DecodingSettings {
  maxTokens: number;
  /** 0 (the default everywhere in jpeval) means greedy. */
  temperature: number;
  topP?: number;
  stop: string[];
  seed?: number;
}

export interface GenerateRequest {
  prompt: Prompt;
  decoding: DecodingSettings;
  signal?: AbortSignal;
  /** Names the request in errors and logs, e.g. `jcommonsenseqa/8939` (suite/item). */
  tag?: string;
}

/** Wall-clock timing of one request, in epoch milliseconds and derived durations. */
export interface RequestTiming {
  startedAt: number;
  /** Set when the backend streams: the moment the first output token arrived. */
  firstTokenAt?: number;
  endedAt: number;
  latencyMs: number;
  ttftMs?: number;
  /** How many attempts the request took (1 = no retry). */
  attempts: number;
}

export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
}

export interface GenerateResult {
  text: string;
  usage: TokenUsage;
  timing: RequestTiming;
  finishReason?: string;
  /** Set when a response cache sits in front of the backend: whether this answer came from it. */
  cached?: boolean;
}

/** Score `continuation` given `context`: log P(continuation | context), summed over its tokens. */
export interface LoglikelihoodRequest {
  context: string;
  continuation: string;
  /** Names the request in errors and logs, e.g. `jblimp/42#1` (suite/item#choice). */
  tag?: string;
}

export interface LoglikelihoodResult {
  logprob: number;
  /** Whether greedy decoding from the context would have produced exactly the continuation. */
  isGreedy: boolean;
  /** Number of tokens the continuation took (for length-normalised scores). */
  continuationTokens: number;
  usage: TokenUsage;
  timing: RequestTiming;
  /** Set when a response cache sits in front of the backend: whether this answer came from it. */
  cached?: boolean;
}

export interface ModelInfo {
  /** The spec string the user gave, normalised; what results and caches are keyed on. */
  id: string;
  backend: string;
  /** Model name as the server / directory names it. */
  model: string;
  revision?: string;
  baseUrl?: string;
  /** Tokenizer identity (name or content hash) when known. */
  tokenizer?: string;
  /** Hash of the chat template when the backend applies one itself. */
  chatTemplate?: string;
  /** Everything else that can change an answer: dtype, threads, batch size, BOS handling, … */
  settings: Record<string, unknown>;
}

export interface BackendCapabilities {
  chat: boolean;
  completion: boolean;
  loglikelihood: boolean;
  /**
   * How this model should answer choice tasks under `--mc-mode suite` (e.g. the embedded n-gram
   * model cannot follow instructions, so it ranks choices by log-likelihood); absent = as the suite says.
   */
  preferredChoiceMode?: 'generate' | 'loglikelihood';
}

export interface ModelBackend {
  /** Stable identity, e.g. `http://127.0.0.1:8000/v1#llm-jp-3` or `local:/models/swallow`. */
  id(): string;
  capabilities(): BackendCapabilities;
  info(): Promise<ModelInfo>;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /**
   * Score a batch of (context, continuation) pairs. Taking a batch lets a local backend share
   * contexts and sort by length; remote backends fan the batch out under their concurrency limit.
   * Throws UnsupportedError when the backend cannot compute log-probabilities.
   */
  loglikelihood(requests: LoglikelihoodRequest[], signal?: AbortSignal): Promise<LoglikelihoodResult[]>;
  close(): Promise<void>;
}

/** Common options every backend factory accepts (from the CLI and the config file). */
export interface BackendOptions {
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  /** Extra backend-specific settings from the config file. */
  settings: Record<string, unknown>;
  /** Emitted on retries, so the runner can report and slow down. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}
