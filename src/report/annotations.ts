import { Inputs, Outputs } from '../inputs/names.js';
import type { RunReport } from '../run/run-report.js';
import { cap, log, redactSecrets } from '../log/untrusted.js';
import { resumeInput, unstartedWaves } from './halt.js';

const MAX_ANNOTATIONS = 10;
const FAILURES_NAMED = 3;

/**
 * One annotation per failed target, capped, so the run page points at what went wrong; a halted
 * rollout first says why it stopped and how to resume.
 */
export function annotate(report: RunReport): void {
  const failed = report.jobs.filter((j) => j.status === 'failed' || j.status === 'unknown');
  if (report.waves?.halted) annotateHalt(report, failed);
  for (const job of failed.slice(0, MAX_ANNOTATIONS)) {
    const what = job.stage
      ? `${job.targetType} ${job.target} (${job.stage})`
      : job.targetType === 'phone' && job.server
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

/**
 * The wave the rollout halted after, the failures that halted it, how many targets never started and
 * the input that resumes them: what a reader of the run page needs without opening the summary.
 */
function annotateHalt(report: RunReport, failed: RunReport['jobs']): void {
  const waves = report.waves!;
  const failures = waves.rows.reduce((n, row) => n + row.failed, 0);
  const attempted = waves.rows.reduce((n, row) => n + row.targets - row.skipped, 0);
  const named = failed
    .slice(0, FAILURES_NAMED)
    .map((job) => cap(redactSecrets([job.target, job.errorCode].filter(Boolean).join(' ')), 120));
  const more = failed.length > FAILURES_NAMED ? `, ${failed.length - FAILURES_NAMED} more` : '';
  const unstarted = unstartedWaves(report);
  const notStarted = waves.notStarted.length;
  const resume = notStarted
    ? ` ${notStarted} target(s) in ${unstarted.length} wave(s) never started. Fix the cause, then resume them with \`${resumeInput(report)}\` in place of this step's target inputs (the failed ones are in ${Outputs.FailedTargets}).`
    : '';
  log.error(
    `Rollout halted after wave ${waves.rows.length}: ${failures} of ${attempted} attempted target(s) failed (${named.join(', ')}${more}), more than ${Inputs.MaxFailures} allows.${resume}`,
    { title: 'Cloud Phone Deploy: rollout halted' },
  );
}
