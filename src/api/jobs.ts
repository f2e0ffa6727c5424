import type { TargetType } from '../inputs/fleet.js';

/**
 * Where a target stands. `skipped`: nothing was sent to it (not running, already installed, or
 * not started because the rollout halted); the reason is in errorMessage. `unknown` means the submit failed ambiguously (the service may have acted):
 * we never resubmit those, and the report tells the user how to check.
 */
type JobStatus = 'succeeded' | 'failed' | 'running' | 'unknown' | 'skipped';

/** One unit of work on one target, as reported in the `results` output. */
export interface Job {
  target: string;
  targetType: TargetType;
  /** Absent when the service refused the target at submit time or the submit itself failed. */
  jobId?: string;
  /** KooPhone task id or CPH request id of the submit that created the job. */
  batchId?: string;
  status: JobStatus;
  errorCode?: string;
  errorMessage?: string;
  output?: string;
  /** deploy-app-version only: which of the three job kinds this is, and the version it concerns. */
  stage?: string;
  appVersionId?: string;
  /**
   * The server a job belongs to: deploy-app-version stages, and the phones of an ADB command sent
   * with `server_ids`, which the service answers per phone (SDK PhoneJob).
   */
  server?: string;
  /**
   * Set on the results of an ADB command sent with `server_ids`: `phone` rows are the expected
   * results of that server (not stray rows), `server` marks a server on which no phone got a job.
   */
  fanOut?: 'phone' | 'server';
  /** install-app with verify or skip-installed: the versionCode the target reported (a Java long). */
  installedVersionCode?: bigint;
  /** install-app with smoke: how the launched app fared (absent when it was not launched). */
  smoke?: SmokeResult;
  /** smoke found no process: the crash log's lines about this package (may be empty). */
  crash?: string;
}

type SmokeResult = 'passed' | 'crashed' | 'not-started' | 'unknown';

/** Job status codes shared by both API families: 2 succeeded, -1 failed, anything else still running. */
function statusFromCode(code: unknown): JobStatus {
  const n = typeof code === 'string' ? Number(code) : code;
  if (n === 2) return 'succeeded';
  if (n === -1) return 'failed';
  return 'running';
}

/** What both families' status calls say about a job. */
export interface JobReport {
  status?: number | string | null;
  error_code?: string;
  error_msg?: string;
  execute_msg?: string;
}

export function applyReport(job: Job, report: JobReport): void {
  job.status = statusFromCode(report.status);
  job.errorCode = report.error_code;
  job.errorMessage = report.error_msg;
  job.output = report.execute_msg;
}

/**
 * KooPhone GetTask job states. The newest Java SDK (JobDetail.status) gives install tasks 0 (not run
 * yet), 1 (running), 2 (succeeded) and 3 (failed), and commands 1, 2 and -1 (failed); the API pages still
 * say 1/2/-1 for both, so both readings are taken. Any other value is final and reported with its value:
 * polling it as running would wait for the deadline on a job that may long have ended.
 */
export function applyKooPhoneReport(job: Job, report: JobReport): void {
  const raw = report.status;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  applyReport(job, report);
  if (n === null || n === undefined || n === 0 || n === 1) job.status = 'running';
  else if (n === 2) job.status = 'succeeded';
  else if (n === 3 || n === -1) job.status = 'failed';
  else {
    job.status = 'unknown';
    job.errorMessage = `KooPhone reported job status ${JSON.stringify(raw)}, which is none of the documented states (0, 1 running; 2 succeeded; 3, -1 failed): check the job ${job.jobId ?? ''} in the console${report.error_msg ? `. The service said: ${report.error_msg}` : ''}`;
  }
}
