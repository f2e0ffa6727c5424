import { formatDuration } from '../inputs/duration.js';
import type { Job } from '../api/jobs.js';
import { countJobs, type Counts, type RunStatus } from '../run/outcome.js';
import type { WaveRow } from '../run/waves.js';
import type { Build, RunReport } from '../run/run-report.js';
import { cap, log, markdownCode, markdownText, redactSecrets } from '../log/untrusted.js';
import { crashMessage } from '../run/smoke.js';
import { resumeInput, unstartedWaves, type UnstartedWave } from './halt.js';

/** GitHub takes at most 1 MiB for a step summary: stay well inside it. */
const MAX_SUMMARY_BYTES = 900_000;
const MAX_FAILURE_ROWS = 2_000;
const MAX_SUCCESS_ROWS = 500;

/** The step summary: headline, counts, notes, the wave table and the per-target tables. */
export function writeSummary(report: RunReport, counts: Counts): Promise<void> {
  return log.summary(summaryMarkdown(report, counts));
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
  const lines = headLines(report, counts);
  const tail = batchIdLines(report);

  // Tables fill what the byte limit leaves: failures first, then the folded successes.
  let budget = MAX_SUMMARY_BYTES - byteSize(lines) - byteSize(tail);
  const grouped = report.jobs.some((j) => j.stage)
    ? 'stage'
    : report.jobs.some((j) => j.fanOut || (j.targetType === 'phone' && j.server))
      ? 'server'
      : undefined;
  // Targets the rollout never reached fold into one line per wave, above the rows of the others.
  const unstarted = unstartedWaves(report);
  const folded = new Set(unstarted.flatMap((wave) => wave.targets));
  const failed = report.jobs.filter(
    (j) => j.status !== 'succeeded' && !(j.status === 'skipped' && folded.has(j.target)),
  );
  const succeeded = report.jobs.filter((j) => j.status === 'succeeded');
  const smoke = report.jobs.some((j) => j.smoke);
  const crashes = crashSection(report.jobs);
  if (crashes.length) {
    lines.push(...crashes);
    budget -= byteSize(crashes);
  }
  if (unstarted.length) {
    const section = unstartedSection(report, unstarted);
    lines.push(...section);
    budget -= byteSize(section);
  }
  if (failed.length && report.status !== 'dry-run') {
    const rows = table(failed, grouped, true, MAX_FAILURE_ROWS, budget - SUCCESS_RESERVE_BYTES, smoke);
    lines.push(`### Not succeeded (${failed.length})`, '', ...rows, '');
    budget -= byteSize(rows) + 100;
  }
  if (succeeded.length) {
    const rows = table(succeeded, grouped, false, MAX_SUCCESS_ROWS, budget - 200, smoke);
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

/** What a reader takes in first: the headline, the build, the counts, the console, the notes and waves. */
function headLines(report: RunReport, counts: Counts): string[] {
  const lines = [
    `## ${ICON[report.status]} Cloud Phone Deploy: \`${report.operation}\` ${HEADLINE[report.status]}`,
    '',
    ...buildLines(report.build),
  ];
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
  const link = consoleLink(report);
  if (link) lines.push(link, '');
  // Notes quote service messages: shown as text, never as Markdown.
  for (const note of report.notes) lines.push(`> ${markdownText(note)}`, '');
  lines.push(...waveTable(report.waves?.rows ?? []));

  if (report.plannedRequests) {
    lines.push(`### Requests that would be sent (${report.plannedRequests.length})`, '');
    for (const request of report.plannedRequests.slice(0, 20)) lines.push(...codeBlock(request));
    if (report.plannedRequests.length > 20) lines.push(`_…and ${report.plannedRequests.length - 20} more._`);
    lines.push('');
  }
  return lines;
}

/** The ids to look up in the console, last. */
function batchIdLines(report: RunReport): string[] {
  if (!report.batchIds.length) return [];
  const label = report.batchIdsOutput === 'task-ids' ? 'KooPhone task ids' : 'CPH request ids';
  const shown = report.batchIds
    .slice(0, 50)
    .map((id) => markdownCode(id))
    .join(', ');
  return [
    `${label}: ${shown}${report.batchIds.length > 50 ? ` and ${report.batchIds.length - 50} more` : ''}`,
    '',
  ];
}

/**
 * A request as the log shows it (URL user-info, query values and secrets masked), in a fence longer
 * than any run of backticks inside, so nothing in it can close the block early (CommonMark 4.5).
 */
function codeBlock(text: string): string[] {
  const shown = redactSecrets(text);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, shown, fence];
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
  withSmoke = false,
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
  if (withSmoke) head.push('Smoke');
  if (withErrors) head.push('Error');
  head.push('Output');
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  let size = byteSize(out) + 200; // the "...and N more" line
  let shown = 0;
  for (const job of rows) {
    if (shown >= maxRows) break;
    // A server row of a command sent to servers is its own server; a phone whose server is unknown shows none.
    const server = job.server ?? (job.fanOut === 'server' || job.stage ? job.target : undefined);
    const cells =
      grouped === 'stage'
        ? [code(job.server ?? job.target), cell(job.stage ?? ''), code(job.target), job.status]
        : grouped === 'server'
          ? [server === undefined ? '' : code(server), code(job.target), job.status]
          : [code(job.target), job.status];
    if (withSmoke) cells.push(job.smoke ?? '');
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
  return markdownCode(cap(redactSecrets(text), 200));
}

function cell(text: string): string {
  return markdownText(cap(redactSecrets(text), 300));
}

const MAX_CRASHES_SHOWN = 20;
const CRASH_LINES_SHOWN = 6;

/**
 * Smoke checks that found the app gone: the first lines of each crash, as the device logged them, shown
 * as text (the crash log is the app's own output: untrusted). Every excerpt is in `results` (`crash`).
 */
function crashSection(jobs: Job[]): string[] {
  const crashed = jobs.filter((j) => j.smoke === 'crashed');
  if (crashed.length === 0) return [];
  const out = [`### Crashes (${crashed.length})`, ''];
  for (const job of crashed.slice(0, MAX_CRASHES_SHOWN)) {
    const lines = (job.crash ?? '').split('\n').filter(Boolean);
    const shown = lines
      .slice(0, CRASH_LINES_SHOWN)
      .map((line) => cap(redactSecrets(crashMessage(line)), 200))
      .join('\n');
    out.push(
      `- ${code(job.target)}: ${shown ? markdownText(shown) : '_no crash of this app in the newest crash log entry_'}${lines.length > CRASH_LINES_SHOWN ? ` <br>_…${lines.length - CRASH_LINES_SHOWN} more line(s) in results._` : ''}`,
    );
  }
  if (crashed.length > MAX_CRASHES_SHOWN)
    out.push('', `_…and ${crashed.length - MAX_CRASHES_SHOWN} more: see the results output._`);
  out.push('');
  return out;
}

/** The per-wave table shown above the per-target tables. */
function waveTable(rows: WaveRow[]): string[] {
  if (rows.length === 0) return [];
  const out = [
    '### Waves',
    '',
    '| Wave | Targets | Succeeded | Failed | Skipped | Time |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const failed = r.running ? `${r.failed} (+${r.running} running)` : String(r.failed);
    out.push(
      `| ${r.wave} | ${r.targets} | ${r.succeeded} | ${failed} | ${r.skipped} | ${formatDuration(r.elapsedMs)} |`,
    );
  }
  out.push('');
  return out;
}

/** The build that went out, at the top: what a reader checks first after an install. */
function buildLines(build: Build | undefined): string[] {
  if (!build) return [];
  const parts = [
    build.packageName ? code(build.packageName) : '_package not known_',
    build.versionName !== undefined && `versionName ${code(build.versionName)}`,
    build.versionCode !== undefined && `versionCode ${code(String(build.versionCode))}`,
    build.md5 && `MD5 ${code(build.md5)}`,
    // A URL's query (its signature) is masked by redactSecrets, inside code().
    build.source && `from ${code(build.source)}`,
  ].filter(Boolean);
  return [`**Build:** ${parts.join(' · ')}`, ''];
}

/**
 * The region's console of the service, where jobs and phones can be looked into. Inferred, not from an
 * API page: console.huaweicloud.com/cph/ is where the CPH console is commonly linked, `?region=` is how
 * Huawei Cloud console addresses choose a region, and KooPhone's path follows the same pattern.
 */
const CONSOLE = {
  cph: { name: 'CPH', url: 'https://console.huaweicloud.com/cph/' },
  koophone: { name: 'KooPhone', url: 'https://console.huaweicloud.com/koophone/' },
};

/** Shown when there is something to look into: not for a run that succeeded, nor a dry run. */
function consoleLink(report: RunReport): string | undefined {
  if (!report.console || report.status === 'succeeded' || report.status === 'dry-run') return undefined;
  const { name, url } = CONSOLE[report.console.family];
  const { region } = report.console;
  return `Look into the jobs in the [${name} console (${markdownText(region)})](${url}?region=${encodeURIComponent(region)}).`;
}

const MAX_UNSTARTED_WAVES = 20;
const UNSTARTED_NAMED = 3;

/** One line per wave a halt (or an early end) left unstarted, and the input that resumes them. */
function unstartedSection(report: RunReport, waves: UnstartedWave[]): string[] {
  const total = waves.reduce((n, wave) => n + wave.targets.length, 0);
  const out = [`### Not started (${total})`, ''];
  for (const wave of waves.slice(0, MAX_UNSTARTED_WAVES)) {
    const named = wave.targets.slice(0, UNSTARTED_NAMED).map(code).join(', ');
    const more =
      wave.targets.length > UNSTARTED_NAMED ? ` and ${wave.targets.length - UNSTARTED_NAMED} more` : '';
    out.push(
      `- Wave ${wave.wave}${wave.andLater ? ' and later' : ''}: ${wave.targets.length} target(s): ${named}${more}`,
    );
  }
  if (waves.length > MAX_UNSTARTED_WAVES)
    out.push(`- _…and ${waves.length - MAX_UNSTARTED_WAVES} more waves._`);
  out.push(
    '',
    `Every one is in the pending-targets output: resume them with \`${resumeInput(report)}\` in place of this step's target inputs.`,
    '',
  );
  return out;
}
