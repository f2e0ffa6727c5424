import { Inputs } from '../inputs/names.js';
import { formatDuration } from '../inputs/duration.js';
import { InputError } from '../inputs/errors.js';
import type { FamilyClient } from '../api/family.js';
import type { Job } from '../api/jobs.js';
import { countJobs } from './outcome.js';
import { waitForJobs, type WaitEnd } from './poll.js';
import type { Settings } from '../operations/settings.js';
import { submitAll } from './submit.js';
import { now, sleep } from '../http/timing.js';
import { log } from '../log/untrusted.js';
import { queryVersions, type Installed, type QueryContext } from './verify.js';
import { smokeCheck, smokeNotRun } from './smoke.js';
import { allowedFailures, planWaves, type WaveRow } from './waves.js';
import type { WavesEnd } from './run-report.js';

type RolloutEnd = WaitEnd | 'submitted' | 'halted';

export interface RolloutContext {
  settings: Settings;
  family: FamilyClient;
  deadline: number;
  signal: AbortSignal;
  started: number;
  /** Set when verify or skip-installed is on. */
  expected?: Expected;
  /** The package the smoke check launches, when it is on. */
  smoke?: string;
  info: (message: string) => void;
  /**
   * Told every job the run knows of, whenever that changes, so that a crash still reports each target:
   * the ones in a submit that had not answered are `unknown`, the service may have acted on them.
   */
  track?: (jobs: Job[], batchIds: string[]) => void;
}

export interface RolloutResult {
  jobs: Job[];
  batchIds: string[];
  end: RolloutEnd;
  notes: string[];
  waves?: WavesEnd;
}

interface PassResult {
  jobs: Job[];
  batchIds: string[];
  end: WaitEnd | 'submitted';
  notes: string[];
}

/** The package and versionCode verify and skip-installed compare against. */
export interface Expected {
  packageName: string;
  versionCode: number;
}

/**
 * What verify and skip-installed compare against: the version-code input, else the APK's own
 * versionCode. Asked once the operation is resolved, before any request: a missing one is an input error.
 */
export function expectedVersion(settings: Settings): Expected | undefined {
  const { rollout, operation } = settings;
  if (!rollout.verify && !rollout.skipInstalled) return undefined;
  // readRollout takes verify and skip-installed only from an operation that installs.
  const app = operation.installs?.() ?? { fromApk: false };
  const packageName =
    app.packageName ??
    (() => {
      throw new InputError(
        Inputs.PackageName,
        'is required with verify or skip-installed: the phones are asked for this package (or give apk-path to read it from the APK)',
        '',
      );
    })();
  const versionCode = rollout.versionCode ?? app.versionCode;
  if (versionCode === undefined) {
    throw new InputError(
      Inputs.VersionCode,
      app.fromApk
        ? 'is required with verify or skip-installed: the APK has no literal android:versionCode in its manifest'
        : 'is required with verify or skip-installed (or give apk-path to read it from the APK)',
      '',
    );
  }
  return { packageName, versionCode };
}

/**
 * The package smoke launches: package-name, else the APK's own. Asked once the operation is resolved,
 * before any request: a missing one is an input error.
 */
export function smokePackage(settings: Settings): string | undefined {
  if (settings.rollout.smokeMs === undefined) return undefined;
  const packageName = settings.operation.installs?.().packageName;
  if (!packageName)
    throw new InputError(
      Inputs.PackageName,
      'is required with smoke: the app is launched and looked for by this name (or give apk-path to read it from the APK)',
      '',
    );
  return packageName;
}

/** Where a rollout stands between waves. */
interface RolloutState {
  result: RolloutResult;
  rows: WaveRow[];
  /** Targets handed to a wave so far. */
  offset: number;
  attempted: number;
  failures: number;
  completed: number;
}

/**
 * Runs the operation on `targets` in waves (one wave of all targets without `waves`): each wave is
 * submitted, waited for and verified before the next starts; too many failures halt the rollout.
 */
export async function runRollout(targets: string[], ctx: RolloutContext): Promise<RolloutResult> {
  const { rollout } = ctx.settings;
  const sizes = rollout.waves ? planWaves(targets.length, rollout.waves) : [targets.length];
  const state: RolloutState = {
    result: { jobs: [], batchIds: [], end: 'done', notes: [] },
    rows: [],
    offset: 0,
    attempted: 0,
    failures: 0,
    completed: 0,
  };
  if (rollout.waves)
    ctx.info(`Rolling out to ${targets.length} target(s) in ${sizes.length} wave(s): ${sizes.join(', ')}`);
  let stopReason: string | undefined;
  for (const [index, size] of sizes.entries()) {
    stopReason = await beforeWave(index, ctx, state.result);
    if (stopReason) break;
    const wave = targets.slice(state.offset, state.offset + size);
    state.offset += size;
    if (rollout.waves) ctx.info(`Wave ${index + 1} of ${sizes.length}: ${wave.length} target(s)`);
    stopReason = await runWave(index, wave, targets.length, ctx, state);
    if (stopReason) break;
  }
  const { result } = state;
  const pending = targets.slice(state.offset);
  const { targetType } = ctx.settings.operation.route;
  for (const target of pending) {
    result.jobs.push({ target, targetType, status: 'skipped', errorMessage: stopReason ?? 'not started' });
  }
  if (rollout.waves) {
    const halted = result.end === 'halted';
    result.waves = { rows: state.rows, halted, completed: state.completed, notStarted: pending };
  }
  return result;
}

/** The pause before a wave, then whether the run may still start it: the reason it may not. */
async function beforeWave(
  index: number,
  ctx: RolloutContext,
  result: RolloutResult,
): Promise<string | undefined> {
  const { rollout } = ctx.settings;
  if (index > 0 && rollout.wavePauseMs > 0) {
    ctx.info(`Pausing ${formatDuration(rollout.wavePauseMs)} before wave ${index + 1}...`);
    await sleep(Math.min(rollout.wavePauseMs, Math.max(0, ctx.deadline - now())), ctx.signal);
  }
  if (ctx.signal.aborted) {
    result.end = 'cancelled';
    return 'not started: the run was cancelled';
  }
  if (index > 0 && now() >= ctx.deadline) {
    result.end = 'timed-out';
    return 'not started: wait-timeout passed';
  }
  return undefined;
}

/** One wave: its pass, its row, and whether the rollout stops after it (the reason, for the targets left). */
async function runWave(
  index: number,
  wave: string[],
  total: number,
  ctx: RolloutContext,
  state: RolloutState,
): Promise<string | undefined> {
  const { result } = state;
  const started = now();
  const before = { jobs: [...result.jobs], batchIds: [...result.batchIds] };
  const pass = await runPass(wave, {
    ...ctx,
    track: (jobs, batchIds) => ctx.track?.([...before.jobs, ...jobs], [...before.batchIds, ...batchIds]),
  });
  result.jobs.push(...pass.jobs);
  result.batchIds.push(...pass.batchIds);
  result.notes.push(...pass.notes);
  const c = countJobs(pass.jobs);
  const { succeeded, failed, skipped, running } = c;
  state.rows.push({
    wave: index + 1,
    targets: wave.length,
    succeeded,
    failed,
    skipped,
    running,
    elapsedMs: now() - started,
  });
  result.end = pass.end;
  if (pass.end !== 'done' && pass.end !== 'submitted') {
    return pass.end === 'cancelled'
      ? 'not started: the run was cancelled'
      : `not started: the rollout stopped in wave ${index + 1} (${pass.end})`;
  }
  state.completed++;
  const { rollout } = ctx.settings;
  if (!rollout.waves) return undefined;
  state.attempted += wave.length - skipped;
  state.failures += failed;
  const allowed = allowedFailures(rollout.maxFailures, state.attempted);
  if (state.failures <= allowed || state.offset >= total) return undefined;
  // A percentage is of the targets attempted so far, rounded down: say so, or "1%" reads as "allows (0)".
  const limit =
    'percent' in rollout.maxFailures
      ? `${allowed}: ${rollout.maxFailures.percent}% of ${state.attempted}, rounded down`
      : `${allowed}`;
  result.end = 'halted';
  result.notes.push(
    `Rollout halted after wave ${index + 1}: ${state.failures} failure(s) among ${state.attempted} target(s) attempted, more than max-failures allows (${limit}). ${total - state.offset} target(s) were not started; they are in the pending-targets output.`,
  );
  return `not started: rollout halted after wave ${index + 1}`;
}

/** One "skip what is there, submit, wait, verify, smoke" pass over a list of targets. */
async function runPass(targets: string[], ctx: RolloutContext): Promise<PassResult> {
  const { settings, signal } = ctx;
  const pass: PassResult = { jobs: [], batchIds: [], end: 'done', notes: [] };
  const query: QueryContext = {
    family: ctx.family,
    targetType: settings.operation.route.targetType === 'instance' ? 'instance' : 'phone',
    concurrency: settings.maxConcurrency,
    pollIntervalMs: settings.pollIntervalMs,
    deadline: ctx.deadline,
    signal,
  };
  const toSend = await skipInstalled(targets, ctx, query, pass);
  if (toSend.length === 0) return pass;
  const submitted = await submitPass(toSend, ctx, pass);
  if (!settings.wait || signal.aborted) {
    pass.end = signal.aborted ? 'cancelled' : 'submitted';
    return pass;
  }
  pass.end = await waitPass(submitted, ctx, pass);
  const { smoke } = ctx;
  await verifyPass(submitted, ctx, query, pass);
  const smokeMs = settings.rollout.smokeMs;
  // After verify: only what installed (at the expected version) is launched; skipped targets never are.
  const installed = submitted.filter((j) => j.status === 'succeeded');
  if (smoke && smokeMs !== undefined && pass.end === 'done' && installed.length) {
    const end = await log.group(`Smoke check (${installed.length} target(s))`, () =>
      smokeCheck(installed, smoke, { ...query, smokeMs, info: ctx.info }),
    );
    if (end === 'cancelled') pass.end = 'cancelled';
  } else if (smoke && smokeMs !== undefined && pass.end !== 'done' && installed.length) {
    smokeNotRun(
      installed,
      pass.end === 'timed-out'
        ? 'wait-timeout passed before the app was launched: the smoke check did not run'
        : pass.end === 'cancelled'
          ? 'the run was cancelled before the app was launched: the smoke check did not run'
          : 'polling stopped before the wave ended, so the app was not launched: the smoke check did not run',
    );
  }
  return pass;
}

/**
 * verify: asks each target whose install succeeded for its versionCode. A wave that ended before
 * verify could run leaves those targets unverified: VERIFY_UNKNOWN, since not asked is not a pass.
 */
async function verifyPass(
  submitted: Job[],
  ctx: RolloutContext,
  query: QueryContext,
  pass: PassResult,
): Promise<void> {
  const { expected, settings, signal } = ctx;
  if (!expected || !settings.rollout.verify) return;
  const installed = submitted.filter((j) => j.status === 'succeeded');
  if (installed.length === 0) return;
  if (pass.end !== 'done') {
    const reason =
      pass.end === 'timed-out'
        ? 'wait-timeout passed before the install was verified: its versionCode was not asked'
        : pass.end === 'cancelled'
          ? 'the run was cancelled before the install was verified: its versionCode was not asked'
          : 'polling stopped before the wave ended, so the install was not verified';
    for (const job of installed) verifyJob(job, { kind: 'unknown', reason }, expected);
    return;
  }
  ctx.info(`Verifying ${installed.length} install(s): asking each target for its versionCode...`);
  const found = await queryVersions(
    installed.map((j) => j.target),
    expected.packageName,
    query,
  );
  for (const job of installed) verifyJob(job, found.get(job.target), expected);
  const verified = installed.filter((j) => j.status === 'succeeded').length;
  ctx.info(
    `Verified: ${verified} of ${installed.length} at versionCode ${expected.versionCode} or later${verified < installed.length ? `; ${installed.length - verified} failed` : ''}.`,
  );
  if (signal.aborted) pass.end = 'cancelled';
}

/** skip-installed: asks the targets for their versionCode; those already there are skipped. The rest. */
async function skipInstalled(
  targets: string[],
  ctx: RolloutContext,
  query: QueryContext,
  pass: PassResult,
): Promise<string[]> {
  const { expected } = ctx;
  if (!expected || !ctx.settings.rollout.skipInstalled || targets.length === 0) return targets;
  ctx.info(`Asking ${targets.length} target(s) which versionCode of ${expected.packageName} they have...`);
  const found = await queryVersions(targets, expected.packageName, query);
  const toSend: string[] = [];
  for (const target of targets) {
    const installed = found.get(target);
    if (installed?.kind === 'installed' && installed.versionCode >= expected.versionCode) {
      pass.jobs.push({
        target,
        targetType: query.targetType,
        status: 'skipped',
        errorMessage: `already at versionCode ${installed.versionCode}`,
        installedVersionCode: installed.versionCode,
      });
    } else {
      toSend.push(target);
    }
  }
  if (pass.jobs.length)
    ctx.info(
      `${pass.jobs.length} target(s) already have versionCode ${expected.versionCode} or higher: skipped.`,
    );
  return toSend;
}

/** Submits the calls for `toSend`; the jobs they started (or could not start). */
async function submitPass(toSend: string[], ctx: RolloutContext, pass: PassResult): Promise<Job[]> {
  const { settings, family, signal } = ctx;
  const { operation } = settings;
  const { route } = operation;
  const calls = operation.buildCalls(settings, toSend);
  ctx.info(
    `${route.title}: submitting ${toSend.length} ${route.targetType}(s) in ${calls.length} call(s)...`,
  );
  const unanswered = calls.flatMap((call) =>
    call.targets.map((target): Job => ({
      target,
      targetType: route.targetType,
      status: 'unknown',
      errorMessage: 'the run stopped while this target was being submitted',
    })),
  );
  ctx.track?.([...pass.jobs, ...unanswered], []);
  const submitted = await log.group(`Submit ${toSend.length} ${route.targetType}(s)`, () =>
    submitAll(calls, route, family, {
      concurrency: settings.maxConcurrency,
      signal,
      deadline: ctx.deadline,
    }),
  );
  pass.batchIds.push(...submitted.batchIds);
  pass.notes.push(...submitted.errors.map((e) => `Submit failed for ${e}`));
  if (submitted.jobs.some((j) => j.status === 'unknown')) {
    pass.notes.push(
      'Targets marked unknown were in a submit whose answer was lost: the service may have started their jobs. They were not resubmitted, to avoid installing twice. Check them in the console (or re-run with failed-targets) before retrying.',
    );
  }
  pass.jobs.push(...submitted.jobs);
  ctx.track?.(pass.jobs, pass.batchIds);
  return submitted.jobs;
}

/** Polls the submitted jobs until each is final, the deadline passes or the run is cancelled. */
async function waitPass(jobs: Job[], ctx: RolloutContext, pass: PassResult): Promise<WaitEnd> {
  const { settings } = ctx;
  let lastLine = '';
  const waited = await log.group('Wait', () =>
    waitForJobs(jobs, ctx.family, {
      intervalMs: settings.pollIntervalMs,
      deadline: ctx.deadline,
      signal: ctx.signal,
      onRound: () => {
        const c = countJobs(jobs);
        const line = `${c.succeeded} succeeded, ${c.failed} failed, ${c.running} running`;
        if (line !== lastLine) ctx.info(`[${formatDuration(now() - ctx.started)}] ${line}`);
        lastLine = line;
      },
    }),
  );
  if (waited.error?.isAuthFailure) {
    pass.notes.push(
      `Polling was refused although the submit was accepted: ${waited.error.message}. Signed requests are valid only within 15 minutes of the service's clock, so a runner clock that drifted (or a token that expired during the wait) fails like this. The jobs go on in the service; check them with the ids below.`,
    );
  } else if (waited.error) {
    pass.notes.push(`Stopped polling after repeated failures: ${waited.error.message}`);
  }
  if (waited.outage) {
    pass.notes.push(`The service could not be reached while waiting (last error: ${waited.outage.message}).`);
  }
  return waited.end;
}

function verifyJob(job: Job, found: Installed | undefined, expected: Expected): void {
  if (found?.kind === 'installed') {
    job.installedVersionCode = found.versionCode;
    if (found.versionCode >= expected.versionCode) return;
    job.status = 'failed';
    job.errorCode = 'VERIFY_VERSION_MISMATCH';
    job.errorMessage = `installed ${found.versionCode}, expected ${expected.versionCode}`;
    return;
  }
  job.status = 'failed';
  if (found?.kind === 'missing') {
    job.errorCode = 'VERIFY_NOT_INSTALLED';
    job.errorMessage = `${expected.packageName} is not installed`;
  } else {
    // Neither installed nor absent: the query failed, or its answer could not tell.
    job.errorCode = 'VERIFY_UNKNOWN';
    job.errorMessage = found?.reason ?? 'the target was not asked';
  }
}
