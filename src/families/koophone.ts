import type { KooPhoneClient } from '../api/koophone.js';
import { applyReport, type Job } from '../jobs.js';
import { byBatch, pollGroups, type FamilyClient } from './family.js';

export function kooPhoneFamily(client: KooPhoneClient, concurrency: number): FamilyClient {
  return {
    batchIdsOutput: 'task-ids',

    async submit(call, route) {
      const result = await client.submit(call.path, call.body, route.title);
      const jobIds = new Map(result.cmd_jobs.map((j) => [j.instance_id, j.job_id]));
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
      return { id: result.task_id, jobs };
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
            if (update) applyReport(job, update);
          }
        },
      );
    },
  };
}
