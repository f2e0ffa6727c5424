import { isTransient } from './transport.js';
import { ApiError } from '../http/errors.js';
import type { Job } from './jobs.js';
import { mapLimit } from '../http/timing.js';
import type { Route, SubmitCall } from './calls.js';

/** What one submit call produced: the id the service gave it and a job per target. */
interface Batch {
  /** KooPhone task id or CPH request id. */
  id: string;
  jobs: Job[];
}

/** How one API family starts jobs and learns how they went; the poller and runner are family-blind. */
export interface FamilyClient {
  /** Output that lists the batch ids: KooPhone task ids or CPH request ids. */
  readonly batchIdsOutput: 'task-ids' | 'request-ids';
  submit(call: SubmitCall, route: Route): Promise<Batch>;
  /** Asks the service about every pending job once and updates them in place. */
  pollRound(pending: Job[]): Promise<void>;
}

/** Groups jobs by the batch that created them, so one status call covers a whole batch. */
export function byBatch(jobs: Job[]): Map<string, Job[]> {
  const groups = new Map<string, Job[]>();
  for (const job of jobs) {
    if (!job.batchId) continue;
    const group = groups.get(job.batchId);
    if (group) group.push(job);
    else groups.set(job.batchId, [job]);
  }
  return groups;
}

/**
 * Polls each group (a KooPhone task, a set of CPH request ids) on its own, so that one group's
 * failure never stops the others. An answer that settles the group (KOOPHONE.API.1323, the task does
 * not exist; a ListJobs 400) fails that group's jobs with its code. A transient failure leaves them
 * pending for the next round; only when no group could be polled does the round count as failed.
 * Credential failures concern every group: they end the round at once.
 */
export async function pollGroups<G>(
  groups: readonly G[],
  concurrency: number,
  jobsOf: (group: G) => Job[],
  poll: (group: G) => Promise<void>,
): Promise<void> {
  let transient: ApiError | undefined;
  let answered = 0;
  await mapLimit(groups, concurrency, async (group) => {
    try {
      await poll(group);
      answered++;
    } catch (error) {
      // A cancelled run's abandoned request says nothing about the group: its jobs stay as they were.
      const cancelled =
        error instanceof ApiError && ['aborted', 'abandoned'].includes(error.details.network ?? '');
      if (!(error instanceof ApiError) || error.isAuthFailure || cancelled) throw error;
      if (isTransient(error)) {
        transient ??= error;
        return;
      }
      answered++;
      for (const job of jobsOf(group)) {
        job.status = 'failed';
        job.errorCode = error.details.code;
        job.errorMessage = `polling failed: ${error.message}`;
      }
    }
  });
  if (transient && answered === 0) throw transient;
}

/**
 * The one place where rows a service returns are matched to what we asked for. `keyOf` says which
 * expected job a row is (undefined: a target we did not ask about); each key is taken once. Anything
 * else is dropped with a debug line, so each target appears in `results` exactly as often as expected.
 * To accept a new kind of row (e.g. one per phone of a server we targeted), extend its `keyOf`.
 */
export function matchRows<R>(
  rows: readonly R[],
  keyOf: (row: R) => string | undefined,
  describe: (row: R) => string,
  debug: (message: string) => void = () => {},
): R[] {
  const seen = new Set<string>();
  const kept: R[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) debug(`ignored a row for a target this run did not ask about: ${describe(row)}`);
    else if (seen.has(key)) debug(`ignored a duplicate row: ${describe(row)}`);
    else {
      seen.add(key);
      kept.push(row);
    }
  }
  return kept;
}

/**
 * A job id the submit gave to more than one target: its status, read by job id, could be either
 * target's, so none of them is claimed succeeded or failed. They are unknown and never polled.
 */
export function unknownWhereJobIdShared(jobs: Job[], service: string): Job[] {
  const holders = new Map<string, number>();
  for (const { jobId } of jobs) if (jobId) holders.set(jobId, (holders.get(jobId) ?? 0) + 1);
  return jobs.map((job) => {
    const count = job.jobId ? (holders.get(job.jobId) ?? 0) : 0;
    if (count < 2 || job.status !== 'running') return job;
    return {
      ...job,
      status: 'unknown',
      errorMessage: `${service} gave the same job id ${job.jobId} to ${count} targets: check this one in the console`,
    };
  });
}
