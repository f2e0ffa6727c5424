import type { RunReport } from '../run/run-report.js';
import { cap, log, redactSecrets } from '../log/untrusted.js';

const MAX_ANNOTATIONS = 10;

/** One annotation per failed target, capped, so the run page points at what went wrong. */
export function annotate(report: RunReport): void {
  const failed = report.jobs.filter((j) => j.status === 'failed' || j.status === 'unknown');
  for (const job of failed.slice(0, MAX_ANNOTATIONS)) {
    const what = job.stage
      ? `${job.targetType} ${job.target} (${job.stage})`
      : job.fanOut === 'phone' && job.server
        ? `${job.targetType} ${job.target} (server ${job.server})`
        : `${job.targetType} ${job.target}`;
    const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ') || job.status;
    log.error(`${report.operation} on ${what}: ${cap(redactSecrets(why), 1000)}`, {
      title: `Cloud Phone Deploy: ${job.status}`,
    });
  }
  if (failed.length > MAX_ANNOTATIONS) {
    log.error(
      `…and ${failed.length - MAX_ANNOTATIONS} more failed targets: see the job summary and the results output.`,
    );
  }
}
