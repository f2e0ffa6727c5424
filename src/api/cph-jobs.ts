import { LIST_JOBS_MAX_JOBS, LIST_JOBS_MAX_REQUEST_IDS, type CphClient, type CphSubmitJob } from './cph.js';
import { applyReport, type Job } from './jobs.js';
import { byBatch, matchRows, pollGroups, unknownWhereJobIdShared, type FamilyClient } from './family.js';

/** deploy-app-version returns three kinds of job (API reference). */
const STAGES: Record<number, string> = {
  30: 'deploy app on server',
  31: 'pull version package',
  32: 'install on phone',
};

function toJob(job: CphSubmitJob, requestId: string): Job {
  const failed = Boolean(job.error_code) || !job.job_id;
  return {
    target: job.phone_id ?? job.server_id ?? '(unnamed)',
    targetType: job.phone_id ? 'phone' : 'server',
    jobId: job.job_id,
    batchId: requestId,
    // A job refused at submit (e.g. CPS.0097) will never run: final now, never polled.
    status: failed ? 'failed' : 'running',
    errorCode: job.error_code,
    errorMessage: job.error_msg ?? (failed && !job.error_code ? 'CPH returned no job id' : undefined),
    ...(job.job_type != null ? { stage: STAGES[job.job_type] ?? `job type ${job.job_type}` } : {}),
    ...(job.job_type != null && job.server_id ? { server: job.server_id } : {}),
    ...(job.job_type != null && job.app_version_id ? { appVersionId: job.app_version_id } : {}),
  };
}

/**
 * An ADB command sent with `server_ids` fans out to the servers' phones, and the answer holds one
 * PhoneJob per phone, without server id (SDK PhoneJob; Terraform reads `jobs[*].phone_id` even for
 * server_ids). Calls carry one server (see cphCommandCalls), so every phone row belongs to it. A
 * server fails as a whole only when the answer has no phone of it, or a row for the server itself
 * carries an error.
 */
function perPhoneJobs(
  servers: string[],
  answer: CphSubmitJob[],
  requestId: string,
  debug?: (message: string) => void,
): Job[] {
  const only = servers.length === 1 ? servers[0] : undefined;
  const asked = new Set(servers);
  // A phone row belongs to the one server of the call; a server row must name a server we asked for.
  const rows = matchRows(
    answer,
    (row) => {
      if (row.server_id && !asked.has(row.server_id)) return undefined;
      return row.phone_id ? `phone/${row.phone_id}` : row.server_id && `server/${row.server_id}`;
    },
    (row) => `server ${row.server_id ?? '-'}, phone ${row.phone_id ?? '-'}, job ${row.job_id ?? '-'}`,
    debug,
  );
  const jobs: Job[] = [];
  const covered = new Set<string>();
  for (const row of rows) {
    if (row.phone_id) {
      const server = row.server_id ?? only;
      if (server) covered.add(server);
      jobs.push({ ...toJob(row, requestId), ...(server ? { server } : {}), fanOut: 'phone' });
    } else if (row.server_id) {
      covered.add(row.server_id);
      jobs.push({ ...toJob(row, requestId), server: row.server_id, fanOut: 'server' });
    }
  }
  for (const server of servers) {
    if (covered.has(server)) continue;
    jobs.push({
      target: server,
      targetType: 'server',
      server,
      batchId: requestId,
      status: 'failed',
      errorMessage: 'CPH accepted the request but started no job on any phone of this server',
      fanOut: 'server',
    });
  }
  return jobs;
}

/**
 * Which expected job a submit row is. Commands: one row per target asked for. deploy-app-version: one
 * row per stage of each server asked for and version, and one per phone (stage 32) of those servers
 * and version.
 */
function rowKey(job: CphSubmitJob, asked: ReadonlySet<string>): string | undefined {
  if (job.job_type != null) {
    if (!job.server_id || !asked.has(job.server_id)) return undefined;
    // Each version of a several-version deploy has its own pull and install rows: the version is part
    // of which job a row is.
    return `${job.job_type}/${job.app_version_id ?? ''}/${job.phone_id ?? job.server_id}`;
  }
  const target = job.phone_id ?? job.server_id;
  return target && asked.has(target) ? target : undefined;
}

/**
 * Request ids grouped for ListJobs: at most 20 a call, and no more jobs together than one listing
 * reaches under the SDK's offset limit. A request with more jobs than that is listed alone; the
 * jobs past the limit stay running until the deadline (one submit names at most 100 targets, so only
 * a very large deploy-app-version gets there).
 */
function listingGroups(requestIds: string[], jobsOf: (id: string) => number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let jobs = 0;
  for (const id of requestIds) {
    const n = jobsOf(id);
    if (
      current.length > 0 &&
      (current.length >= LIST_JOBS_MAX_REQUEST_IDS || jobs + n > LIST_JOBS_MAX_JOBS)
    ) {
      groups.push(current);
      current = [];
      jobs = 0;
    }
    current.push(id);
    jobs += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function cphFamily(
  client: CphClient,
  concurrency: number,
  debug?: (message: string) => void,
): FamilyClient {
  // Jobs each submit started, so a listing can stop once it has seen them all.
  const started = new Map<string, number>();
  return {
    batchIdsOutput: 'request-ids',

    async submit(call, route) {
      const result = await client.submit(call.path, call.body, route.title);
      if (call.answersPerPhone) {
        const jobs = perPhoneJobs(call.targets, result.jobs, result.request_id, debug);
        started.set(result.request_id, jobs.filter((j) => j.jobId).length);
        return { id: result.request_id, jobs: unknownWhereJobIdShared(jobs, 'CPH') };
      }
      const asked = new Set(call.targets);
      const rows = matchRows(
        result.jobs,
        (job) => rowKey(job, asked),
        (job) =>
          `server ${job.server_id ?? '-'}, phone ${job.phone_id ?? '-'}, job ${job.job_id ?? '-'} (type ${job.job_type ?? '-'})`,
        debug,
      );
      const jobs = rows.map((job) => toJob(job, result.request_id));
      started.set(result.request_id, jobs.filter((j) => j.jobId).length);
      const covered = new Set(jobs.map((j) => j.server ?? j.target));
      for (const server of rows.map((j) => j.server_id)) if (server) covered.add(server);
      for (const target of call.targets) {
        if (covered.has(target)) continue;
        jobs.push({
          target,
          targetType: route.targetType,
          batchId: result.request_id,
          status: 'failed',
          errorMessage: 'CPH accepted the request but started no job for this target',
        });
      }
      return { id: result.request_id, jobs: unknownWhereJobIdShared(jobs, 'CPH') };
    },

    // ListJobs takes up to 20 request ids per call: one paged listing covers many submits.
    async pollRound(pending) {
      const groups = byBatch(pending);
      await pollGroups(
        listingGroups([...groups.keys()], (id) => started.get(id) ?? 0),
        concurrency,
        (requestIds) => requestIds.flatMap((id) => groups.get(id) ?? []),
        async (requestIds) => {
          const reported = new Map(
            (
              await client.listJobs(
                requestIds,
                requestIds.reduce((n, id) => n + (started.get(id) ?? Infinity), 0),
              )
            ).map((j) => [j.job_id, j]),
          );
          for (const requestId of requestIds) {
            for (const job of groups.get(requestId) ?? []) {
              const update = job.jobId ? reported.get(job.jobId) : undefined;
              if (update) applyReport(job, update);
            }
          }
        },
      );
    },
  };
}
