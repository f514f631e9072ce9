import type { Metric } from '../types.js';
import { planExecutableRate, planGoalSuccess, planLengthRatio, planParseRate } from './ind-plan.js';
import { procedureExact, procedureIds, procedureTau } from './ind-procedure.js';
import { overRefusalRate, safeDecision, unsafeExecutionRate } from './ind-safe-stop.js';

/** The ind-factory-plan, ind-safe-stop and ind-procedure-order checker metrics. */
export const indMetrics: Metric[] = [planGoalSuccess, planParseRate, planExecutableRate, planLengthRatio, safeDecision, unsafeExecutionRate, overRefusalRate, procedureExact, procedureTau, procedureIds];
