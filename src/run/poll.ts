import { ApiError } from '../http/errors.js';
import type { FamilyClient } from '../api/family.js';
import type { Job } from '../api/jobs.js';
import { isOutage } from '../api/transport.js';
import { backoffDelay, now as clockNow, sleep } from '../http/timing.js';

/** `gave-up`: status calls kept failing, so we stopped polling with jobs in an unknown state. */
export type WaitEnd = 'done' | 'timed-out' | 'cancelled' | 'gave-up';

export interface WaitOptions {
  intervalMs: number;
  /** Epoch ms after which we stop polling and report what is still running. */
  deadline: number;
  signal?: AbortSignal;
  /** Whole poll rounds that may fail in a row (after the transport's own retries) before giving up. */
  maxConsecutiveFailures?: number;
  now?: () => number;
  /** Called once before the first round (the states the submit left) and after every round, for progress logging. */
  onRound?: () => void;
}

export interface WaitResult {
  end: WaitEnd;
  rounds: number;
  /** Set when polling gave up after repeated failures; the jobs stay running in the report. */
  error?: ApiError;
  /** The last outage (connection or gateway failure) polling rode out, if the run timed out in one. */
  outage?: ApiError;
}

/**
 * The gap before the next poll: the configured interval for the first minute, where most jobs end
 * and a quick answer matters, then doubling each further minute up to 15 s (or the interval, if
 * larger), so long deployments cost few requests yet finish is noticed within seconds.
 */
export function pollDelay(intervalMs: number, elapsedMs: number): number {
  const cap = Math.max(intervalMs, 15_000);
  if (elapsedMs <= 60_000) return intervalMs;
  return Math.min(cap, Math.round(intervalMs * 2 ** ((elapsedMs - 60_000) / 60_000)));
}

/** Polls until every job is final, the deadline passes, or the run is cancelled. */
export async function waitForJobs(
  jobs: Job[],
  family: FamilyClient,
  options: WaitOptions,
): Promise<WaitResult> {
  const now = options.now ?? clockNow;
  const started = now();
  const maxFailures = options.maxConsecutiveFailures ?? 5;
  let rounds = 0;
  let failures = 0;
  // Consecutive rounds lost to an outage: they never end the wait, they only slow the next round.
  let outageRounds = 0;
  let outage: ApiError | undefined;
  // Rounds start on a schedule counted from the start of the previous round, so the time a round
  // takes (100 requests for 10,000 targets) does not stretch the gaps; a late round is followed at once.
  let roundStart = started;
  // The log says at once what is waited for, not one poll interval later.
  if (jobs.some((job) => job.status === 'running' && job.jobId)) options.onRound?.();
  for (;;) {
    const pending = jobs.filter((job) => job.status === 'running' && job.jobId);
    if (pending.length === 0) return { end: 'done', rounds };
    const remaining = options.deadline - now();
    if (remaining <= 0) return { end: 'timed-out', rounds, ...(outageRounds ? { outage } : {}) };
    const gap = pollDelay(options.intervalMs, roundStart - started);
    const due =
      roundStart +
      (outageRounds
        ? Math.max(gap, backoffDelay(outageRounds, options.intervalMs, Math.max(options.intervalMs, 15_000)))
        : gap);
    await sleep(Math.min(due - now(), remaining), options.signal);
    if (options.signal?.aborted) return { end: 'cancelled', rounds };

    roundStart = now();
    rounds++;
    try {
      // A cancelled run must not wait for a slow status call to come back.
      await raceAbort(family.pollRound(pending), options.signal);
      failures = 0;
      outageRounds = 0;
      options.onRound?.();
    } catch (error) {
      if (options.signal?.aborted) return { end: 'cancelled', rounds };
      if (!(error instanceof ApiError)) throw error;
      // The jobs run on in the service whatever the network does: ride out an outage until the deadline.
      if (isOutage(error)) {
        outageRounds++;
        outage = error;
        continue;
      }
      // Credentials that worked for the submit fail now: more rounds would fail alike.
      if (error.isAuthFailure) return { end: 'gave-up', rounds, error };
      failures++;
      if (failures >= maxFailures) return { end: 'gave-up', rounds, error };
    }
  }
}

function raceAbort<T>(work: Promise<T>, signal?: AbortSignal): Promise<T | void> {
  if (!signal) return work;
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // One listener per round, removed when the round ends: a long wait must not pile them up.
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
