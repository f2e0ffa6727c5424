import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { log, markdownCode, markdownText, redactSecrets } from './untrusted.js';
import { Outputs } from '../inputs/names.js';
import { formatDuration } from '../inputs/duration.js';
import type { Job } from '../run/jobs.js';
import { countJobs, failedTargets, pendingTargets, type Counts, type RunStatus } from '../run/outcome.js';
import { ROLLOUT_OUTPUT_DEFAULTS } from './rollout-outputs.js';
import { waveTable, type WaveRow } from './waves.js';

export interface RunReport {
  operation: string;
  status: RunStatus;
  jobs: Job[];
  batchIds: string[];
  batchIdsOutput: 'task-ids' | 'request-ids';
  elapsedMs: number;
  /** Paragraphs shown under the headline: submit errors, timeout and cancellation notes. */
  notes: string[];
  /** dry-run: the requests that would have been sent, already redacted. */
  plannedRequests?: string[];
  /** Outputs only some operations produce (apk-url, obs-object); empty otherwise. */
  extraOutputs?: Map<string, string>;
  /** A rollout in waves: one row per wave started. */
  waves?: WaveRow[];
}

/** GitHub's limits: 1 MiB for a step summary, 1 MB for one output. Stay well inside both. */
const MAX_SUMMARY_BYTES = 900_000;
const MAX_RESULTS_OUTPUT_BYTES = 900_000;
const MAX_ANNOTATIONS = 10;
const MAX_FAILURE_ROWS = 2_000;
const MAX_SUCCESS_ROWS = 500;

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

/** Sets every output. Results that would not fit in one output go to a file; `results` then says so. */
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

  core.setOutput(Outputs.Status, report.status);
  core.setOutput(Outputs.Results, fitResults(records, full));
  core.setOutput(Outputs.ResultsFile, written);
  core.setOutput(Outputs.Succeeded, String(counts.succeeded));
  core.setOutput(Outputs.Failed, String(counts.failed));
  core.setOutput(Outputs.Running, String(counts.running));
  core.setOutput(Outputs.FailedTargets, fitFailedTargets(failedTargets(report.jobs)));
  core.setOutput(
    Outputs.TaskIds,
    JSON.stringify(report.batchIdsOutput === 'task-ids' ? report.batchIds : []),
  );
  core.setOutput(
    Outputs.RequestIds,
    JSON.stringify(report.batchIdsOutput === 'request-ids' ? report.batchIds : []),
  );
  core.setOutput(Outputs.ApkUrl, report.extraOutputs?.get(Outputs.ApkUrl) ?? '');
  core.setOutput(Outputs.ObsObject, report.extraOutputs?.get(Outputs.ObsObject) ?? '');
  core.setOutput(
    Outputs.CredentialsExpiration,
    report.extraOutputs?.get(Outputs.CredentialsExpiration) ?? '',
  );
  for (const [name, fallback] of ROLLOUT_OUTPUT_DEFAULTS)
    core.setOutput(name, report.extraOutputs?.get(name) ?? fallback);
  const notStarted = JSON.parse(report.extraOutputs?.get(Outputs.PendingTargets) ?? '[]') as string[];
  core.setOutput(Outputs.PendingTargets, JSON.stringify(pendingTargets(report.jobs, notStarted)));
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

const ICON: Record<RunStatus, string> = {
  succeeded: '✅',
  partial: '⚠️',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '🛑',
  submitted: '📨',
  'dry-run': '📝',
  halted: '🛑',
};

const HEADLINE: Record<RunStatus, string> = {
  succeeded: 'succeeded',
  partial: 'partly failed',
  failed: 'failed',
  'timed-out': 'timed out',
  cancelled: 'was cancelled',
  submitted: 'submitted (not waiting)',
  'dry-run': 'dry run: nothing was sent',
  halted: 'halted: the rollout stopped after too many failures',
};

export function summaryMarkdown(report: RunReport, counts = countJobs(report.jobs)): string {
  const lines: string[] = [];
  lines.push(
    `## ${ICON[report.status]} Cloud Phone Deploy: \`${report.operation}\` ${HEADLINE[report.status]}`,
    '',
  );
  if (report.status !== 'dry-run') {
    const parts = [
      `**${counts.succeeded}** succeeded`,
      `**${counts.failed}** failed`,
      `**${counts.running}** running`,
    ];
    if (counts.unknown) parts.push(`**${counts.unknown}** unknown`);
    if (counts.skipped) parts.push(`**${counts.skipped}** skipped`);
    lines.push(`${parts.join(' · ')} · ${counts.total} jobs · ${formatDuration(report.elapsedMs)}`, '');
  }
  // Notes quote service messages: shown as text, never as Markdown.
  for (const note of report.notes) lines.push(`> ${markdownText(note)}`, '');
  lines.push(...waveTable(report.waves ?? []));

  if (report.plannedRequests) {
    lines.push(`### Requests that would be sent (${report.plannedRequests.length})`, '');
    for (const request of report.plannedRequests.slice(0, 20)) lines.push('```', request, '```');
    if (report.plannedRequests.length > 20) lines.push(`_…and ${report.plannedRequests.length - 20} more._`);
    lines.push('');
  }

  const tail: string[] = [];
  if (report.batchIds.length) {
    const label = report.batchIdsOutput === 'task-ids' ? 'KooPhone task ids' : 'CPH request ids';
    const shown = report.batchIds
      .slice(0, 50)
      .map((id) => markdownCode(id))
      .join(', ');
    tail.push(
      `${label}: ${shown}${report.batchIds.length > 50 ? ` and ${report.batchIds.length - 50} more` : ''}`,
      '',
    );
  }

  // Tables fill what the byte limit leaves: failures first, then the folded successes.
  let budget = MAX_SUMMARY_BYTES - byteSize(lines) - byteSize(tail);
  const grouped = report.jobs.some((j) => j.stage)
    ? 'stage'
    : report.jobs.some((j) => j.fanOut)
      ? 'server'
      : undefined;
  const failed = report.jobs.filter((j) => j.status !== 'succeeded');
  const succeeded = report.jobs.filter((j) => j.status === 'succeeded');
  if (failed.length && report.status !== 'dry-run') {
    const rows = table(failed, grouped, true, MAX_FAILURE_ROWS, budget - SUCCESS_RESERVE_BYTES);
    lines.push(`### Not succeeded (${failed.length})`, '', ...rows, '');
    budget -= byteSize(rows) + 100;
  }
  if (succeeded.length) {
    const rows = table(succeeded, grouped, false, MAX_SUCCESS_ROWS, budget - 200);
    lines.push(
      `<details><summary>Succeeded (${succeeded.length})</summary>`,
      '',
      ...rows,
      '',
      '</details>',
      '',
    );
  }
  const text = [...lines, ...tail].join('\n');
  if (Buffer.byteLength(text) <= MAX_SUMMARY_BYTES) return text;
  // Only very long notes can get here: cut by bytes, whatever the characters.
  const cut = Buffer.from(text)
    .subarray(0, MAX_SUMMARY_BYTES - 200)
    .toString('utf8');
  return `${cut}\n\n_Summary cut at GitHub's size limit; every job is in the file named by the results-file output._\n`;
}

/** Room kept for the successes table when failures would fill the summary. */
const SUCCESS_RESERVE_BYTES = 50_000;

function byteSize(lines: string[]): number {
  return lines.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
}

function table(
  jobs: Job[],
  grouped: 'stage' | 'server' | undefined,
  withErrors: boolean,
  maxRows: number,
  maxBytes: number,
): string[] {
  const rows = grouped
    ? [...jobs].sort((a, b) => (a.server ?? a.target).localeCompare(b.server ?? b.target))
    : jobs;
  const head =
    grouped === 'stage'
      ? ['Server', 'Stage', 'Target', 'Status']
      : grouped === 'server'
        ? ['Server', 'Target', 'Status']
        : ['Target', 'Status'];
  if (withErrors) head.push('Error');
  head.push('Output');
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  let size = byteSize(out) + 200; // the "...and N more" line
  let shown = 0;
  for (const job of rows) {
    if (shown >= maxRows) break;
    const cells =
      grouped === 'stage'
        ? [code(job.server ?? job.target), cell(job.stage ?? ''), code(job.target), job.status]
        : grouped === 'server'
          ? [code(job.server ?? job.target), code(job.target), job.status]
          : [code(job.target), job.status];
    if (withErrors) {
      const error = [job.errorCode && code(job.errorCode), job.errorMessage && cell(job.errorMessage)];
      cells.push(error.filter(Boolean).join(' '));
    }
    cells.push(cell(job.output ?? ''));
    const line = `| ${cells.join(' | ')} |`;
    size += Buffer.byteLength(line) + 1;
    if (size > maxBytes) break;
    out.push(line);
    shown++;
  }
  if (rows.length > shown) out.push('', `_…and ${rows.length - shown} more: see the results-file output._`);
  return out;
}

function code(text: string): string {
  return markdownCode(cap(text, 200));
}

function cell(text: string): string {
  return markdownText(cap(redactSecrets(text), 300));
}

/** Cut after redaction, so a cut never leaves part of a secret; never inside a surrogate pair. */
function cap(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
}

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

export function writeSummary(report: RunReport, counts: Counts): Promise<void> {
  return log.summary(summaryMarkdown(report, counts));
}
