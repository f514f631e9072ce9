import type { CanaryResult } from './canary.js';
import type { QualityComparison } from './regressions.js';
import type { DriftCheck } from './throughput-drift.js';

/** regressions.json: what one night found. */
export interface ThroughputFlag extends DriftCheck {
  model: string;
  suite: string;
  metric: string;
}

export interface NightlyReport {
  schema: 'jpeval-regressions/1';
  run_id: string;
  run_dir: string;
  started_at: string;
  status: string;
  /** True when the night should fail: a quality regression, a drifting canary, or (if configured) a throughput flag. */
  regression: boolean;
  regressions: QualityComparison[];
  improvements: QualityComparison[];
  comparisons: QualityComparison[];
  /** Model × suite pairs with no earlier comparable night (nothing to compare with yet). */
  no_baseline: { model: string; suite: string }[];
  throughput: ThroughputFlag[];
  canary?: CanaryResult;
  site: string;
  history: string;
  notes: string[];
}

