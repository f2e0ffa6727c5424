import type { Job } from '../api/jobs.js';
import type { RunStatus } from '../run/outcome.js';
import type { WaveRow } from '../run/waves.js';

/** Everything a run ends with, whatever the end: what the outputs, the summary and the annotations show. */
export interface RunReport {
  operation: string;
  status: RunStatus;
  jobs: Job[];
  batchIds: string[];
  batchIdsOutput: 'task-ids' | 'request-ids';
  elapsedMs: number;
  /** Paragraphs shown under the headline: submit errors, timeout and cancellation notes. */
  notes: string[];
  /** dry-run: the requests that would have been sent, already redacted. */
  plannedRequests?: string[];
  /** Outputs only some runs give a value: an operation's own, keyless, selection and waves. */
  extraOutputs?: ReadonlyMap<string, string>;
  /** A rollout in waves: one row per wave started. */
  waves?: WaveRow[];
}
