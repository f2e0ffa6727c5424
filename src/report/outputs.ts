import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { Outputs, type OutputName } from '../inputs/names.js';
import type { Job } from '../api/jobs.js';
import { countJobs, failedTargets, pendingTargets, type Counts } from '../run/outcome.js';
import type { RunReport } from '../run/run-report.js';
import { log, redactSecrets } from '../log/untrusted.js';

/** GitHub takes at most 1 MB for one output: stay well inside it. */
const MAX_RESULTS_OUTPUT_BYTES = 900_000;

/** Longest error message or job output kept per record: one huge answer must not crowd out the others. */
const MAX_RECORD_TEXT = 16_384;

/** Service text as it goes into `results` and the results file: secrets redacted, then capped. */
function serviceText(text: string | undefined, max = MAX_RECORD_TEXT): string {
  const clean = redactSecrets(text ?? '');
  return clean.length > max ? `${clean.slice(0, max)}… (${clean.length - max} more characters)` : clean;
}

export function resultRecord(job: Job): Record<string, string> {
  return {
    target: serviceText(job.target, 256),
    target_type: job.targetType,
    job_id: serviceText(job.jobId, 256),
    status: job.status,
    error_code: serviceText(job.errorCode, 256),
    error_message: serviceText(job.errorMessage),
    output: serviceText(job.output),
    ...(job.installedVersionCode !== undefined
      ? { installed_version_code: String(job.installedVersionCode) }
      : {}),
    ...(job.smoke ? { smoke: job.smoke } : {}),
    ...(job.crash !== undefined ? { crash: serviceText(job.crash) } : {}),
    ...(job.stage
      ? {
          stage: serviceText(job.stage, 256),
          server: serviceText(job.server, 256),
          app_version_id: serviceText(job.appVersionId, 256),
        }
      : {}),
    ...(job.fanOut ? { server: serviceText(job.server, 256) } : {}),
  };
}

/**
 * Sets every output of action.yml, on every run, so a later step never reads a missing one. Results
 * that would not fit in one output go to a file; `results` then says so.
 */
export function setOutputs(report: RunReport, tempDir = process.env.RUNNER_TEMP || tmpdir()): Counts {
  const counts = countJobs(report.jobs);
  const records = report.jobs.map(resultRecord);
  const full = JSON.stringify(records);
  const file = join(tempDir, `cloud-phone-deploy-results-${process.pid}-${Date.now()}.json`);
  let written = file;
  try {
    // The results can hold what jobs printed: readable by the runner's user only.
    writeFileSync(file, full, { mode: 0o600 });
  } catch (error) {
    // A missing or full RUNNER_TEMP must not cost the other outputs.
    log.warning(`Could not write the results file: ${(error as Error).message}`);
    written = '';
  }
  const given = (name: OutputName) => report.operationOutputs?.[name] ?? '';
  const { waves } = report;
  // One entry per output: the type refuses a missing or an unknown one.
  const values: Record<OutputName, string> = {
    [Outputs.Status]: report.status,
    [Outputs.Results]: fitResults(records, full),
    [Outputs.ResultsFile]: written,
    [Outputs.Succeeded]: String(counts.succeeded),
    [Outputs.Failed]: String(counts.failed),
    [Outputs.Running]: String(counts.running),
    [Outputs.FailedTargets]: fitFailedTargets(failedTargets(report.jobs)),
    [Outputs.TaskIds]: JSON.stringify(report.batchIdsOutput === 'task-ids' ? report.batchIds : []),
    [Outputs.RequestIds]: JSON.stringify(report.batchIdsOutput === 'request-ids' ? report.batchIds : []),
    [Outputs.ApkUrl]: given(Outputs.ApkUrl),
    [Outputs.ObsObject]: given(Outputs.ObsObject),
    [Outputs.CredentialsExpiration]: report.credentialsExpiration?.toISOString() ?? '',
    [Outputs.Targets]: JSON.stringify(report.targets ?? []),
    [Outputs.Halted]: String(waves?.halted ?? false),
    [Outputs.WavesCompleted]: String(waves?.completed ?? 0),
    // Every run derives it: its running jobs, and the targets a rollout did not start.
    [Outputs.PendingTargets]: JSON.stringify(pendingTargets(report.jobs, waves?.notStarted ?? [])),
  };
  // Ids and targets come from services too: no output but apk-url, whose signature is its purpose, shows a secret.
  for (const [name, value] of Object.entries(values))
    core.setOutput(name, name === Outputs.ApkUrl ? value : redactSecrets(value));
  return counts;
}

/** Keeps failures first when trimming: they are what the next step acts on. */
function fitResults(records: Record<string, string>[], full: string): string {
  if (Buffer.byteLength(full) <= MAX_RESULTS_OUTPUT_BYTES) return full;
  const ordered = [...records].sort(
    (a, b) => Number(a.status === 'succeeded') - Number(b.status === 'succeeded'),
  );
  const kept: string[] = [];
  let size = 2;
  for (const record of ordered) {
    const text = JSON.stringify(record);
    // Bytes, not characters: service messages may be Chinese, three bytes a character.
    const bytes = Buffer.byteLength(text) + 1;
    // One oversized record must not push out the smaller ones after it.
    if (size + bytes > MAX_RESULTS_OUTPUT_BYTES) continue;
    kept.push(text);
    size += bytes;
  }
  log.warning(
    `The results of ${records.length} jobs exceed GitHub's 1 MB output limit: 'results' holds ${kept.length} of them (failures first); all are in the file named by 'results-file'.`,
  );
  return `[${kept.join(',')}]`;
}

/** 20,000 ids of 64 characters would pass the output limit: keep whole ids that fit, and say so. */
function fitFailedTargets(targets: string[]): string {
  const full = targets.join(',');
  if (Buffer.byteLength(full) <= MAX_RESULTS_OUTPUT_BYTES) return full;
  let size = 0;
  let count = 0;
  for (const target of targets) {
    size += Buffer.byteLength(target) + 1;
    if (size > MAX_RESULTS_OUTPUT_BYTES) break;
    count++;
  }
  log.warning(
    `The ${targets.length} failed targets exceed GitHub's 1 MB output limit: 'failed-targets' lists the first ${count}; all are in the file named by 'results-file'.`,
  );
  return targets.slice(0, count).join(',');
}
