/**
 * A seeded template generator: fresh items per run (so they cannot be memorised), reproducible from
 * the run seed. Registered by name in ./index.ts; a suite picks one with `dataset.loader: generator`
 * and `dataset.generator: {name, count}`.
 *
 * Contract (tested for every registered generator):
 *  - deterministic: the same (seed, count) gives byte-identical records, on every platform;
 *  - prefix-stable: record i depends only on (seed, i), so `count` (and --limit) never change the
 *    items before it — use `recordRng(name, seed, i)` for each record;
 *  - records carry no `id`: the loader assigns `g<seed>-<i>` (distinct from any frozen item's id);
 *  - bump `version` whenever the records a seed produces change (results record it).
 */
export interface ItemGenerator {
  name: string;
  /** Bumped whenever the records produced for a given seed change. */
  version: number;
  description: string;
  generate(seed: number, count: number): Record<string, unknown>[];
  /**
   * Consistency checks of one record (frozen or generated) beyond "the gold answer scores correct",
   * which `jpeval validate` checks for every generator suite: e.g. a gold plan with no removable
   * step. Returns problems (empty when fine).
   */
  check?(record: Record<string, unknown>): string[];
  /**
   * False when the gold is a label the scorer compares behaviour against (e.g. `answer` / `abstain`
   * for fabricated entities), not an answer text: validate then skips "the gold scores correct" and
   * relies on `check` and the suite's own validator.
   */
  goldIsAnswer?: boolean;
  /**
   * True: the items of a run are distinct, and none repeats a frozen item — records equal to an
   * earlier one or to a frozen record are passed over and later ones drawn (src/datasets/generate.ts).
   * Leave unset for generators whose records come in pairs or groups that must stay whole.
   */
  distinct?: boolean;
}

/** What run.json records about the generated part of a suite's items. */
export interface GeneratorProvenance {
  name: string;
  version: number;
  seed: number;
  count: number;
  /** sha256 of the generated records (canonical JSON): equal hashes mean identical items. */
  sha256: string;
}
