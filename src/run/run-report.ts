import type { Job } from '../api/jobs.js';
import type { OutputName } from '../inputs/names.js';
import type { InstalledApp } from '../operations/operation.js';
import type { RunStatus } from './outcome.js';
import type { WaveRow } from './waves.js';

/** How a rollout in waves ended: the halted, waves-completed and pending-targets outputs. */
export interface WavesEnd {
  rows: WaveRow[];
  halted: boolean;
  completed: number;
  /** Targets no wave reached: the last waves of the plan, in order. */
  notStarted: string[];
  /** Every planned wave's size, the ones not started included. */
  planned?: number[];
}

/** The build an install sent out (install-app), as the top of the summary shows it. */
export type Build = Omit<InstalledApp, 'fromApk'>;

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
  /** Every target of the run, once known (a selection's included): the `targets` output. */
  targets?: string[];
  /** Outputs an operation declares and set (install-app: apk-url, obs-object). */
  operationOutputs?: Partial<Record<OutputName, string>>;
  /** Keyless: when the temporary keys stop working. */
  credentialsExpiration?: Date;
  /** A rollout in waves. */
  waves?: WavesEnd;
  /** install-app: what went out, once the APK is resolved (and uploaded). */
  build?: Build;
  /** Where the fleet is, for a link to its console: the API family and the region input. */
  console?: { family: 'cph' | 'koophone'; region: string };
}
