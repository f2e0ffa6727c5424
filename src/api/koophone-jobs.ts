import type { KooPhoneClient } from './koophone.js';
import { applyKooPhoneReport, type Job } from './jobs.js';
import { byBatch, matchRows, pollGroups, unknownWhereJobIdShared, type FamilyClient } from './family.js';

export function kooPhoneFamily(
  client: KooPhoneClient,
  concurrency: number,
  debug?: (message: string) => void,
): FamilyClient {
  return {
    batchIdsOutput: 'task-ids',

    async submit(call, route) {
      const result = await client.submit(call.path, call.body, route.title);
      const asked = new Set(call.targets);
      const rows = matchRows(
        result.cmd_jobs,
        (j) => (asked.has(j.instance_id) ? j.instance_id : undefined),
        (j) => `instance ${j.instance_id}, job ${j.job_id}`,
        debug,
      );
      const jobIds = new Map(rows.map((j) => [j.instance_id, j.job_id]));
      const jobs = call.targets.map((target): Job => {
        const jobId = jobIds.get(target);
        return jobId
          ? { target, targetType: 'instance', jobId, batchId: result.task_id, status: 'running' }
          : {
              target,
              targetType: 'instance',
              batchId: result.task_id,
              status: 'failed',
              errorMessage: 'KooPhone accepted the task but started no job for this instance',
            };
      });
      return { id: result.task_id, jobs: unknownWhereJobIdShared(jobs, 'KooPhone') };
    },

    // GetTask reports a whole task; its jobs carry no instance id, so match them through job_id.
    async pollRound(pending) {
      await pollGroups(
        [...byBatch(pending)],
        concurrency,
        ([, jobs]) => jobs,
        async ([taskId, jobs]) => {
          const reported = new Map((await client.getTask(taskId)).map((j) => [j.job_id, j]));
          for (const job of jobs) {
            const update = job.jobId ? reported.get(job.jobId) : undefined;
            if (update) applyKooPhoneReport(job, update);
          }
        },
      );
    },
  };
}
