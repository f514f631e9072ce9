/** One evaluation example after loading: what a prompt is rendered from and what it is scored against. */
export interface Item {
  /** Stable across runs and versions of jpeval: leaderboards pair models item by item on it. */
  id: string;
  /** Template variables: the record's fields plus anything the loader computes. */
  vars: Record<string, unknown>;
  /** For multiple-choice and minimal-pair tasks: the candidate texts, in order. */
  choices?: string[];
  /** Index into `choices` of the right answer (multiple choice, minimal pairs). */
  goldIndex?: number;
  /** Accepted reference answers (short answer, extraction, generation); first is canonical. */
  references: string[];
  /** Gold value for regression tasks (e.g. JSTS similarity). */
  goldValue?: number;
  /** The template or scene the item was made from (`fields.cluster`): the unit of clustered bootstrap. */
  cluster?: string;
  /** Where the item came from, for error messages and provenance. */
  origin: { file: string; line?: number };
}

/** A raw record as read from a file, with where it was read from. */
export interface RawRecord {
  record: Record<string, unknown>;
  file: string;
  /** 1-based line number for line-oriented formats; record index otherwise. */
  line?: number;
}

/** Reads records of one upstream format. Registered by name; a suite's `dataset.loader` picks one. */
export interface DatasetLoader {
  name: string;
  description: string;
  /** Yields raw records from one resolved file. Options come from the suite's `dataset.options`. */
  read(file: string, options: Record<string, unknown>): AsyncIterable<RawRecord>;
}

/** Skipped records are counted and reported in results, never silently dropped. */
export interface LoadReport {
  file: string;
  sha256: string;
  records: number;
  skipped: { line?: number; reason: string }[];
}
