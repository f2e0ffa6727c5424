import { formatDuration } from '../inputs/duration.js';
import { chunk } from '../inputs/target-list.js';
import { cphCommandCalls } from '../operations/cph-commands.js';
import type { Route, SubmitCall } from '../api/calls.js';
import { now, sleep } from '../http/timing.js';
import type { Job } from '../api/jobs.js';
import { waitForJobs } from './poll.js';
import { submitAll } from './submit.js';
import type { QueryContext } from './verify.js';

/**
 * The smoke check after an install: launch the app, wait on the runner, ask whether its process is still
 * there, and read the crash log of the targets where it is not. Each step is one command, within the
 * content rule of both command APIs (letters, digits, space, `_ . / : -`, no shell operators), sent to
 * all targets of a wave in batches, as the version query of `verify` is.
 */

/**
 * The launch. `monkey -p <package> -c android.intent.category.LAUNCHER 1` rather than
 * `am start -W -n <package>/<activity>`: monkey asks the package manager for the package's launcher
 * activity itself, as the home screen does, so the check works for every install source (apk-url and
 * obs-object give no manifest to read) and for manifests whose launcher is an activity-alias, a
 * disabled activity or a name only resources resolve. `am start` would need the action to repeat that
 * resolution from the binary manifest, and would start an activity the device itself would not pick.
 * What `-W` adds (the launch's timing) is not what the check is about: whether the process survives
 * smoke-duration is decided by `pidof` afterwards.
 */
export function launchCommand(packageName: string): string {
  return `monkey -p ${packageName} -c android.intent.category.LAUNCHER 1`;
}

/** toybox `pidof`: the process ids of processes of that name (an app's main process is named after its package). */
export function processQuery(packageName: string): string {
  return `pidof ${packageName}`;
}

/**
 * `logcat -t` counts log entries, not printed lines, and AndroidRuntime logs a whole Java crash (FATAL
 * EXCEPTION, Process:, the exception and its stack) as one entry, each of its lines printed under the same
 * header. The services return at most 1,024 bytes of a command's output: asking for more entries would
 * fill the answer with older crashes (the buffer keeps them since boot) and cut the newest away. The
 * newest entry is the one the launch most likely made; when it is another app's, the report says so.
 */
const CRASH_ENTRIES = 1;

export function crashLogQuery(): string {
  return `logcat -d -b crash -t ${CRASH_ENTRIES}`;
}

/** Bytes of `execute_msg` the services return at most: an answer this long may have been cut. */
const OUTPUT_CAP_BYTES = 1024;

/** `output`: monkey's answer, which replaces the install's output in the result of a launch that failed. */
type Launch = { kind: 'launched' } | { kind: 'not-started' | 'unknown'; reason: string; output?: string };

/** What the monkey job says about the launch. */
export function interpretLaunch(job: Job | undefined, packageName: string): Launch {
  if (!job) return { kind: 'unknown', reason: 'the launch started no job on this target' };
  const output = (job.output ?? '').trim();
  if (job.status === 'running') return { kind: 'unknown', reason: 'the launch did not finish in time' };
  if (job.status === 'unknown')
    return { kind: 'unknown', reason: `the launch may not have been sent: ${job.errorMessage ?? ''}` };
  if (job.status === 'failed') {
    // Refused before any job existed, with no service code: cancelled or out of time, not the app's doing.
    if (!job.jobId && !job.errorCode)
      return { kind: 'unknown', reason: `the launch was not sent: ${job.errorMessage ?? ''}` };
    const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
    return {
      kind: 'not-started',
      reason: `the launch of ${packageName} failed${why ? `: ${why}` : ''}`,
      ...(output ? { output } : {}),
    };
  }
  // monkey's own errors start with "** " (AOSP Monkey.java): "** No activities found to run, monkey
  // aborted." when the package has no launcher activity (or is not installed), "** Error: ..." otherwise.
  const errors = output.split(/\r?\n/).filter((line) => /^\*\* /.test(line.trim()));
  if (errors.length || /No activities found|monkey aborted/.test(output)) {
    const said = errors.length ? errors.map((l) => l.trim()).join(' ') : 'monkey aborted';
    return {
      kind: 'not-started',
      reason: `${packageName} did not start: ${said}`,
      output,
    };
  }
  // An image without monkey, or a shell that may not run it: the launch never happened.
  if (!/Events injected/.test(output) && /not found|inaccessible|Permission denied/i.test(output))
    return { kind: 'not-started', reason: `${packageName} could not be launched: ${output}`, output };
  // "Events injected: 1" confirms the launch, but a long package name can push it past the 1,024 bytes
  // the service keeps: an answer without an error is taken as launched, and pidof decides.
  return { kind: 'launched' };
}

/**
 * `silent`: the job failed with no output, which is what pidof's exit status 1 (no such process) looks
 * like on a service that fails a command exiting non-zero; it cannot be told from a job the service
 * failed, so the crash log decides.
 */
type Process = { kind: 'running' } | { kind: 'gone' } | { kind: 'unknown'; reason: string; silent?: boolean };

/** What `pidof <package>` answered: process ids, nothing (no such process), or something else. */
export function interpretProcess(job: Job | undefined): Process {
  if (!job) return { kind: 'unknown', reason: 'the process check started no job on this target' };
  if (job.status === 'running')
    return { kind: 'unknown', reason: 'the process check did not finish in time' };
  const output = job.output ?? '';
  const text = output.trim();
  if (job.status !== 'succeeded') {
    // pidof exits 1 when nothing matches; no page says whether that fails the job, and a failed job
    // cannot be told from a service failure (its codes are generic): "we could not tell" is not a pass,
    // and one that failed without output is a crash only if the crash log shows it (readCrashes).
    const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
    return {
      kind: 'unknown',
      reason: `the process check failed${why ? `: ${why}` : ''}${text ? ` (output: ${text})` : ''}`,
      ...(job.status === 'failed' && job.jobId && text === '' ? { silent: true } : {}),
    };
  }
  if (Buffer.byteLength(output) >= OUTPUT_CAP_BYTES)
    return { kind: 'unknown', reason: 'the answer of pidof was cut at the service limit' };
  if (text === '') return { kind: 'gone' };
  if (/^\d+(\s+\d+)*$/.test(text)) return { kind: 'running' };
  if (/not found|inaccessible|No such file/i.test(text))
    return { kind: 'unknown', reason: `the image has no pidof: ${text}` };
  return { kind: 'unknown', reason: `pidof answered something that is not a process id: ${text}` };
}

/** `threadtime`, logcat's default format: `MM-DD hh:mm:ss.mmm  PID  TID L TAG: message`. */
const THREADTIME = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d+\s+(\d+)\s+\d+\s+[VDIWEFA]\s+(.*?)\s*: (.*)$/;

/**
 * The lines of a `logcat -b crash` answer about this package: every line of a process whose crash names
 * it, by the Java form (`Process: <package>, PID: <n>`, from RuntimeInit) or the native one (`Fatal
 * signal ... pid <n> (<package>)` from libc, `>>> <package> <<<` from the crash dumper). Lines of other
 * apps' crashes are left out, so nothing another app logged is reported as this one's.
 */
export function crashExcerpt(output: string, packageName: string): string[] {
  const lines = output.split(/\r?\n/);
  const pids = new Set<string>();
  for (const line of lines) {
    const m = THREADTIME.exec(line);
    if (!m) continue;
    const [, pid, , message] = m as unknown as [string, string, string, string];
    const java = /^Process: ([^,\s]+), PID: (\d+)/.exec(message);
    if (java && java[1] === packageName) pids.add(java[2]!);
    const native = /Fatal signal .* pid (\d+) \(([^)\s]+)\)/.exec(message);
    if (native && native[2] === packageName) pids.add(native[1]!);
    if (message.includes(`>>> ${packageName} <<<`)) pids.add(pid);
  }
  return lines.filter((line) => {
    const m = THREADTIME.exec(line);
    return m !== null && pids.has(m[1]!);
  });
}

/** The message of a crash line, without logcat's header: what the summary shows. */
export function crashMessage(line: string): string {
  const m = THREADTIME.exec(line);
  return m ? `${m[2]}: ${m[3]}` : line;
}

export interface SmokeContext extends QueryContext {
  smokeMs: number;
  info: (message: string) => void;
}

function failSmoke(job: Job, result: 'not-started' | 'unknown', reason: string): void {
  job.status = 'failed';
  job.smoke = result;
  job.errorCode = result === 'not-started' ? 'SMOKE_NOT_STARTED' : 'SMOKE_UNKNOWN';
  job.errorMessage = reason;
}

/**
 * The installs succeeded but the wave ended before the app could be launched (wait-timeout, cancellation,
 * a service that stopped answering): not checked is not a pass, so each fails as SMOKE_UNKNOWN.
 */
export function smokeNotRun(jobs: Job[], reason: string): void {
  for (const job of jobs) failSmoke(job, 'unknown', reason);
}

/**
 * Smoke-checks the jobs whose install succeeded (and passed verify): every target ends with `smoke` set,
 * and those that failed it with status `failed` and a SMOKE_* code. Returns 'cancelled' when the run was
 * cancelled on the way.
 */
export async function smokeCheck(
  jobs: Job[],
  packageName: string,
  ctx: SmokeContext,
): Promise<'done' | 'cancelled'> {
  if (jobs.length === 0) return 'done';
  const launched = await launch(jobs, packageName, ctx);
  if (ctx.signal?.aborted) {
    for (const job of launched) failSmoke(job, 'unknown', 'the run was cancelled before the app was checked');
    return 'cancelled';
  }
  if (launched.length === 0) return 'done';

  // One wait for the whole wave, on the runner: a device-side sleep would hold a job per target.
  const waitMs = Math.min(ctx.smokeMs, Math.max(0, ctx.deadline - now()));
  ctx.info(
    `Smoke check: ${launched.length} app(s) launched; waiting ${formatDuration(ctx.smokeMs)} before checking they still run...`,
  );
  await sleep(waitMs, ctx.signal);
  if (ctx.signal?.aborted) {
    for (const job of launched) failSmoke(job, 'unknown', 'the run was cancelled during the smoke wait');
    return 'cancelled';
  }
  if (waitMs < ctx.smokeMs) {
    const reason = `wait-timeout passed before smoke-duration (${formatDuration(ctx.smokeMs)}) ended`;
    for (const job of launched) failSmoke(job, 'unknown', reason);
    return 'done';
  }
  const { gone, doubts } = await stillRunning(launched, packageName, ctx);
  if (gone.length || doubts.size) await readCrashes(gone, doubts, packageName, ctx);
  // The fold ends with its outcome, so a wave that passed says so rather than stopping at "waiting...".
  const passed = jobs.filter((job) => job.smoke === 'passed').length;
  ctx.info(
    `Smoke check: ${passed} of ${jobs.length} passed (still running ${formatDuration(ctx.smokeMs)} after the launch)${passed < jobs.length ? `; ${jobs.length - passed} failed` : ''}.`,
  );
  return ctx.signal?.aborted ? 'cancelled' : 'done';
}

/** Launches the app on every target; the jobs whose launch did not positively fail. */
async function launch(jobs: Job[], packageName: string, ctx: SmokeContext): Promise<Job[]> {
  ctx.info(`Smoke check: launching ${packageName} on ${jobs.length} target(s)...`);
  const targets = jobs.map((j) => j.target);
  const launches = await runOnTargets(targets, launchCommand(packageName), 'launch', ctx);
  const launched: Job[] = [];
  for (const job of jobs) {
    const result = interpretLaunch(launches.get(job.target), packageName);
    if (result.kind === 'launched') {
      launched.push(job);
      continue;
    }
    failSmoke(job, result.kind, result.reason);
    if (result.output !== undefined) job.output = result.output;
  }
  return launched;
}

/**
 * Asks each target whether the app still runs: passes those that do. The jobs whose app is gone, and
 * those whose check failed silently, with the reason (their crash log decides).
 */
async function stillRunning(
  launched: Job[],
  packageName: string,
  ctx: SmokeContext,
): Promise<{ gone: Job[]; doubts: Map<Job, string> }> {
  const targets = launched.map((j) => j.target);
  const processes = await runOnTargets(targets, processQuery(packageName), 'process check', ctx);
  const gone: Job[] = [];
  const doubts = new Map<Job, string>();
  for (const job of launched) {
    const found = interpretProcess(processes.get(job.target));
    if (found.kind === 'running') job.smoke = 'passed';
    else if (found.kind === 'gone') gone.push(job);
    else if (found.silent) doubts.set(job, found.reason);
    else failSmoke(job, 'unknown', found.reason);
  }
  return { gone, doubts };
}

/**
 * The app is gone: each target fails as crashed, with what its crash log says about the app. A target
 * whose process check failed silently is crashed only when its crash log shows this app's crash;
 * otherwise it stays unknown.
 */
async function readCrashes(
  gone: Job[],
  doubts: Map<Job, string>,
  packageName: string,
  ctx: SmokeContext,
): Promise<void> {
  const all = [...gone, ...doubts.keys()];
  ctx.info(
    `Smoke check: ${gone.length} app(s) no longer run${doubts.size ? `, ${doubts.size} process check(s) failed without output` : ''}; reading their crash logs...`,
  );
  const targets = all.map((j) => j.target);
  const logs = await runOnTargets(targets, crashLogQuery(), 'crash log read', ctx);
  for (const job of all) {
    const log = logs.get(job.target);
    const excerpt = log?.status === 'succeeded' ? crashExcerpt(log.output ?? '', packageName) : [];
    const doubt = doubts.get(job);
    if (doubt !== undefined && excerpt.length === 0) {
      failSmoke(job, 'unknown', `${doubt}, and the crash log shows no crash of ${packageName}`);
      continue;
    }
    job.status = 'failed';
    job.smoke = 'crashed';
    job.errorCode = 'SMOKE_CRASHED';
    job.crash = excerpt.join('\n');
    const gap = `${packageName} was not running ${formatDuration(ctx.smokeMs)} after its launch`;
    const cause = excerpt.find((line) => !/FATAL EXCEPTION|Process: /.test(line));
    job.errorMessage =
      log?.status !== 'succeeded'
        ? `${gap}; the crash log could not be read`
        : cause
          ? `${gap}: ${crashMessage(cause)}`
          : excerpt.length
            ? `${gap} (it crashed: see the crash log excerpt)`
            : `${gap}; the newest entry of the crash log is not about it`;
  }
}

/** async-command takes 32 instances a call (stricter of two pages, as run-command uses). */
const INSTANCES_PER_CALL = 32;

/** The calls that send one shell command to these targets: 32 instances or 100 phones a call. */
function smokeCalls(targets: string[], command: string, targetType: 'instance' | 'phone'): SubmitCall[] {
  return targetType === 'instance'
    ? chunk(targets, INSTANCES_PER_CALL).map((ids) => ({
        path: '/v1/instances/async-command',
        body: { command, instance_ids: ids },
        targets: ids,
      }))
    : cphCommandCalls({ type: 'phone', ids: targets }, 'shell', command);
}

/**
 * What a dry run shows: the three commands, sent after the installs of each wave to the targets whose
 * install succeeded (the crash log read only where the app is gone). Phones of listed servers are known
 * only from the install's answer, so they appear as a placeholder per server.
 */
export function plannedSmoke(
  packageName: string,
  targets: string[],
  targetType: 'instance' | 'phone' | 'server',
): { calls: SubmitCall[]; note: string } {
  const ids =
    targetType === 'server' ? targets.map((server) => `(each phone of ${server} that installed)`) : targets;
  const type = targetType === 'instance' ? 'instance' : 'phone';
  const commands = [launchCommand(packageName), processQuery(packageName), crashLogQuery()];
  return {
    calls: commands.flatMap((command) => smokeCalls(ids, command, type)),
    note: `Smoke check after each wave's installs: '${commands[0]}', then, after the smoke-duration wait, '${commands[1]}', and '${commands[2]}' where the app no longer runs.`,
  };
}

/** Sends one command to every target in batches and waits for its jobs; the job of each target. */
async function runOnTargets(
  targets: string[],
  command: string,
  what: string,
  ctx: QueryContext,
): Promise<Map<string, Job>> {
  const route: Route =
    ctx.targetType === 'instance'
      ? { family: 'koophone', targetType: 'instance', title: `KooPhone smoke ${what}` }
      : { family: 'cph', targetType: 'phone', title: `CPH smoke ${what}` };
  const calls = smokeCalls(targets, command, ctx.targetType);
  ctx.onBatch?.(calls.length);
  const submitted = await submitAll(calls, route, ctx.family, {
    concurrency: ctx.concurrency,
    signal: ctx.signal,
    deadline: ctx.deadline,
  });
  await waitForJobs(submitted.jobs, ctx.family, {
    intervalMs: ctx.pollIntervalMs,
    deadline: ctx.deadline,
    signal: ctx.signal,
  });
  return new Map(submitted.jobs.map((job) => [job.target, job]));
}
