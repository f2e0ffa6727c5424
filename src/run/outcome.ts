import type { Job } from '../api/jobs.js';
import type { FailOn } from '../inputs/common.js';
import type { WaitEnd } from './poll.js';

export type RunStatus =
  'succeeded' | 'partial' | 'failed' | 'timed-out' | 'cancelled' | 'submitted' | 'dry-run' | 'halted';

export interface Counts {
  total: number;
  succeeded: number;
  /** Includes `unknown`: the user has to act on those too. */
  failed: number;
  running: number;
  unknown: number;
  /** Nothing was sent: not running, already installed, or not started after a halt. */
  skipped: number;
}

export function countJobs(jobs: Job[]): Counts {
  const counts: Counts = { total: jobs.length, succeeded: 0, failed: 0, running: 0, unknown: 0, skipped: 0 };
  for (const job of jobs) {
    if (job.status === 'succeeded') counts.succeeded++;
    else if (job.status === 'skipped') counts.skipped++;
    else if (job.status === 'running') counts.running++;
    else counts.failed++;
    if (job.status === 'unknown') counts.unknown++;
  }
  return counts;
}

export function runStatus(counts: Counts, end: WaitEnd | 'submitted' | 'dry-run' | 'halted'): RunStatus {
  if (end === 'halted') return end;
  // Not waiting, but nothing was started: every submit was refused, so the run failed.
  if (end === 'submitted' && counts.total > 0 && counts.failed === counts.total) return 'failed';
  if (end === 'dry-run' || end === 'submitted' || end === 'cancelled' || end === 'timed-out') return end;
  if (end === 'gave-up') return 'failed';
  if (counts.running > 0) return 'timed-out';
  if (counts.failed === 0) return 'succeeded';
  return counts.succeeded > 0 ? 'partial' : 'failed';
}

/**
 * Whether the step fails, per fail-on. A cancelled run always fails: the runner expects it to stop.
 * `failed` and `timed-out` fail unless fail-on is never: either nothing succeeded or we cannot say.
 */
export function stepFails(status: RunStatus, counts: Counts, failOn: FailOn): boolean {
  if (status === 'cancelled') return true;
  if (failOn === 'never') return false;
  if (status === 'timed-out' || status === 'failed' || status === 'halted') return true;
  return failOn === 'any' && counts.failed > 0;
}

/**
 * Failed targets, ready to paste back into the input they came from (one per target even with several
 * jobs): deploy-app-version stages count for their server; an ADB command sent to servers lists its
 * failed phones, for `phones:`, and leaves out servers where no phone got a job (they are in `results`).
 */
export function failedTargets(jobs: Job[]): string[] {
  const phonesOfServers = jobs.some((j) => j.fanOut === 'phone');
  return [
    ...new Set(
      jobs
        .filter((j) => j.status === 'failed' || j.status === 'unknown')
        .filter((j) => !(phonesOfServers && j.fanOut === 'server'))
        .map((j) => (j.stage ? (j.server ?? j.target) : j.target)),
    ),
  ];
}

/**
 * Targets whose outcome this run could not learn: still running when it ended (timed out, cancelled,
 * not waiting) or never started (a halted rollout). A re-run with these finishes the job; for installs,
 * `skip-installed: true` then leaves out the ones that completed meanwhile.
 */
export function pendingTargets(jobs: Job[], notStarted: readonly string[] = []): string[] {
  const running = jobs
    .filter((j) => j.status === 'running')
    .map((j) => (j.stage ? (j.server ?? j.target) : j.target));
  return [...new Set([...notStarted, ...running])];
}
