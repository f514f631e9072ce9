import { errorMessage, MissingDataError } from '../../util/errors.js';
import { loadSuiteItems } from '../load-items.js';
import type { Suite } from '../schema.js';
import { auditItems, type AuditReport } from './audit.js';
import { BASELINES, type Baseline } from './baselines.js';

export interface SuiteAudit {
  suite: string;
  /** Whether a failed audit is a validation error: jpeval's own choice suites, and suites that opt in (`audit.enforce`). */
  enforced: boolean;
  status: 'audited' | 'no_data' | 'error';
  /** Why the suite could not be audited (missing data, unreadable file). */
  reason?: string;
  report?: AuditReport;
}

/** Choice suites are the ones the audit applies to. */
export function isAuditable(suite: Suite): boolean {
  return suite.task === 'multiple_choice' || suite.task === 'minimal_pair';
}

export function isEnforced(suite: Suite): boolean {
  return suite.source.kind === 'builtin' || suite.audit?.enforce === true;
}

/**
 * The baselines a model could exploit in this suite. A minimal pair scored by log-likelihood shows
 * each sentence alone, so the order of the pair (JBLiMP stores the good one first) is invisible to
 * the model and the position baseline does not apply.
 */
export function baselinesFor(suite: Suite): Baseline[] {
  const positionBlind = suite.task === 'minimal_pair' && suite.choices?.mode === 'loglikelihood' && suite.choices.context === 'none';
  return positionBlind ? BASELINES.filter((b) => b.name !== 'position') : BASELINES;
}

/**
 * Audits every choice suite whose items can be read: jpeval's own suites always, public suites
 * when their data is under `dataDir`. Missing data is reported, never an error.
 */
export async function auditSuites(suites: Suite[], options: { dataDir?: string } = {}): Promise<SuiteAudit[]> {
  const out: SuiteAudit[] = [];
  for (const suite of suites.filter(isAuditable)) {
    const enforced = isEnforced(suite);
    try {
      const { items } = await loadSuiteItems(suite, { dataDir: options.dataDir });
      const auditable = items.flatMap((item) =>
        item.choices && item.goldIndex !== undefined ? [{ id: item.id, choices: item.choices, gold: item.goldIndex }] : [],
      );
      out.push({ suite: suite.name, enforced, status: 'audited', report: auditItems(auditable, baselinesFor(suite)) });
    } catch (err) {
      if (err instanceof MissingDataError) out.push({ suite: suite.name, enforced, status: 'no_data', reason: err.message });
      else out.push({ suite: suite.name, enforced, status: 'error', reason: errorMessage(err) });
    }
  }
  return out;
}
