export type TargetType = 'instance' | 'server' | 'phone';

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
}

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
