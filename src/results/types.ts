import type { z } from 'zod';
import type {
  datasetProvenanceSchema,
  fileProvenanceSchema,
  modelRecordSchema,
  runRecordSchema,
  sampleRecordSchema,
  suiteResultSchema,
  throughputSummarySchema,
  timingRecordSchema,
  usageRecordSchema,
} from './schema.js';

/** The types of run.json and samples.jsonl, inferred from their zod schemas (schema.ts). */
export { RESULTS_SCHEMA_VERSION } from './schema.js';
export type SampleRecord = z.infer<typeof sampleRecordSchema>;
export type ThroughputSummary = z.infer<typeof throughputSummarySchema>;
export type SuiteResult = z.infer<typeof suiteResultSchema>;
export type FileProvenance = z.infer<typeof fileProvenanceSchema>;
export type DatasetProvenance = z.infer<typeof datasetProvenanceSchema>;
export type ModelRecord = z.infer<typeof modelRecordSchema>;
export type TimingRecord = z.infer<typeof timingRecordSchema>;
export type UsageRecord = z.infer<typeof usageRecordSchema>;
export type RunRecord = z.infer<typeof runRecordSchema>;
