import type { Job } from '../jobs.js';
import type { Route, SubmitCall } from '../operations/operation.js';

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
