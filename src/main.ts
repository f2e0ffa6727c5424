import * as core from '@actions/core';
import { Transport } from './api/transport.js';
import { Inputs, Outputs } from './inputs/names.js';
import { formatDuration } from './inputs/duration.js';
import { ApiError } from './http/errors.js';
import { InputError } from './inputs/errors.js';
import { now } from './http/timing.js';
import { createFamilyClient, pathPrefix } from './api/families.js';
import { countJobs, runStatus, stepFails } from './run/outcome.js';
import type { SubmitCall } from './operations/operation.js';
import { redactBody } from './report/redact.js';
import { log, registerSecret } from './report/untrusted.js';
import type { Job } from './run/jobs.js';
import { annotate } from './report/annotations.js';
import { setOutputs } from './report/outputs.js';
import type { RunReport } from './report/run-report.js';
import { writeSummary } from './report/summary.js';
import { readAuthOnlySettings } from './inputs/common.js';
import { readSettings, type Settings } from './inputs/settings.js';
import { selectFleet, type SelectedFleet } from './run/select.js';
import { runRollout } from './run/rollout.js';
import { planWaves } from './run/waves.js';

/** What a run knows so far: enough for any end, a crash included, to write every output and the summary. */
interface Progress {
  started: number;
  operation: string;
  settings?: Settings;
  batchIdsOutput: 'task-ids' | 'request-ids';
  /** Targets the run was asked to reach, once known. */
  targets: string[];
  targetType?: Job['targetType'];
  /** Jobs once submitting has begun; until then every target counts as not submitted. */
  jobs?: Job[];
  batchIds: string[];
  extraOutputs: Map<string, string>;
  reported: boolean;
}

/** The action's entry point: inputs -> operation -> submit -> poll -> report. Never throws. */
export async function run(): Promise<void> {
  const progress: Progress = {
    started: now(),
    operation: /^[a-z-]{1,40}$/.test(core.getInput('operation')) ? core.getInput('operation') : 'deploy',
    batchIdsOutput: 'task-ids',
    targets: [],
    batchIds: [],
    extraOutputs: new Map(),
    reported: false,
  };
  try {
    await runSteps(progress);
  } catch (error) {
    await reportCrash(progress, error);
  }
}

/**
 * Any failure we did not foresee still ends like every other run: all outputs, the summary and one
 * ::error:: line saying what happened, never a stack trace. Targets whose fate we cannot know are
 * `unknown` once a submit may have gone out, else not submitted.
 */
async function reportCrash(progress: Progress, error: unknown): Promise<void> {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = `Cloud Phone Deploy stopped on an unexpected error (${what}). This is a bug in the action: please report it with the log.`;
  log.debug(error instanceof Error ? (error.stack ?? what) : what);
  if (progress.reported) {
    log.fail(message);
    return;
  }
  progress.reported = true;
  try {
    await finish(
      undefined,
      {
        operation: progress.operation,
        status: 'failed',
        jobs: progress.jobs ?? notSubmitted(progress, `not submitted: ${what}`),
        batchIds: progress.batchIds,
        batchIdsOutput: progress.batchIdsOutput,
        elapsedMs: now() - progress.started,
        notes: [message],
        extraOutputs: progress.extraOutputs,
      },
      message,
    );
  } catch {
    // Writing the report failed too (full disk, missing GITHUB_OUTPUT): the ::error:: line still says why.
    log.fail(message);
  }
}

/**
 * The targets, known before prepare() fills in the request bodies. A rule the assembled request breaks
 * (the ADB command content) is reported where the calls are built for sending; here it only hides them.
 */
function targetsOf(settings: Settings): string[] {
  try {
    return settings.operation.buildCalls(settings).flatMap((c) => c.targets);
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
}

function notSubmitted(progress: Progress, reason: string): Job[] {
  const type = progress.targetType ?? 'instance';
  return progress.targets.map((target) => ({
    target,
    targetType: type,
    status: 'failed',
    errorMessage: reason,
  }));
}

async function runSteps(progress: Progress): Promise<void> {
  const { started } = progress;
  if (core.getInput(Inputs.Operation) === '' && /^true$/i.test(core.getInput(Inputs.ExportCredentials))) {
    const { runAuthOnly } = await import(/* webpackMode: "eager" */ './auth/start.js');
    return runAuthOnly(() =>
      readAuthOnlySettings((name) => core.getInput(name), process.env, registerSecret),
    );
  }
  let settings: Settings;
  try {
    // Secrets are registered as they are read, before anything else is printed.
    settings = await log.group('Inputs', async () =>
      readSettings((name) => core.getInput(name), process.env, registerSecret),
    );
  } catch (error) {
    if (error instanceof InputError) {
      progress.reported = true;
      await finish(
        undefined,
        {
          operation: progress.operation,
          status: 'failed',
          jobs: [],
          batchIds: [],
          batchIdsOutput: 'task-ids',
          elapsedMs: now() - started,
          notes: [`Nothing was sent: ${error.message}`],
          extraOutputs: progress.extraOutputs,
        },
        error.message,
      );
      return;
    }
    throw error;
  }
  progress.settings = settings;
  const { operation } = settings;
  const { route } = operation;
  progress.operation = operation.name;

  const extraOutputs = progress.extraOutputs;
  const batchIdsOutput = route.family === 'cph' ? 'request-ids' : 'task-ids';
  progress.batchIdsOutput = batchIdsOutput;
  progress.targetType = route.targetType;
  // The calls only carry the targets here; prepare() may still fill in what the bodies need.
  progress.targets = targetsOf(settings);

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted)
      log.warning(`Received ${signal}: stopping and reporting what is still running.`);
    controller.abort();
    // The runner kills the step 7.5 s after SIGINT: whatever is still open must not hold the report.
    setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  /** Ends a run before anything reached the fleet: every target is listed as not submitted. */
  const stopBeforeSending = async (
    why: string,
    failure?: string,
    status: 'failed' | 'cancelled' = 'failed',
  ) => {
    progress.reported = true;
    await finish(
      settings,
      {
        operation: operation.name,
        status,
        jobs: notSubmitted(progress, `not submitted: ${why}`),
        batchIds: [],
        batchIdsOutput,
        elapsedMs: now() - started,
        notes: [`Nothing was sent to the fleet: ${why}`],
        extraOutputs,
      },
      failure,
    );
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  if (settings.credentials.kind === 'keyless') {
    // Before anything else is sent: the upload and every call sign with these keys.
    const { startKeyless } = await import(/* webpackMode: "eager" */ './auth/start.js');
    const keyless = await startKeyless(
      { ...settings, keyless: settings.credentials.keyless },
      { signal: controller.signal, outputs: extraOutputs, started },
    );
    if (!keyless.ok && controller.signal.aborted) {
      await stopBeforeSending('the run was cancelled', undefined, 'cancelled');
      process.exit(1);
    }
    if (!keyless.ok) {
      await stopBeforeSending(keyless.message, keyless.message);
      return;
    }
    settings = { ...settings, credentials: { ...settings.credentials, session: keyless.session } };
  }
  try {
    const prepare = operation.prepare;
    const prepared = settings;
    if (prepare)
      await log.group(settings.dryRun ? 'Upload (dry run)' : 'Upload', () =>
        prepare({
          settings: prepared,
          dryRun: prepared.dryRun,
          signal: controller.signal,
          info: (message) => log.info(message),
          warning: (message) => log.warning(message),
          debug: (message) => log.debug(message),
          notice: (message) => log.notice(message),
          mask: registerSecret,
          setOutput: (name, value) => extraOutputs.set(name, value),
        }),
      );
  } catch (error) {
    const cancelled = controller.signal.aborted;
    if (!(error instanceof InputError) && !(error instanceof ApiError) && !cancelled) throw error;
    // Nothing reached the fleet: say what failed before it, and list every target as not submitted.
    const why = cancelled ? 'the run was cancelled' : (error as Error).message;
    await stopBeforeSending(
      why,
      error instanceof InputError ? error.message : undefined,
      cancelled ? 'cancelled' : 'failed',
    );
    if (cancelled) process.exit(1);
    return;
  }
  try {
    operation.buildCalls(settings);
  } catch (error) {
    // A rule only the assembled request can break (the whole ADB command content): nothing was sent.
    if (!(error instanceof InputError)) throw error;
    await stopBeforeSending(error.message, error.message);
    return;
  }
  const deadline = started + settings.waitTimeoutMs;
  const transport = new Transport({
    baseUrl: settings.endpoint,
    credentials: settings.credentials,
    // As the SDK's BasicCredentials: every AK/SK-signed call names its project, CPH included.
    projectIdHeader: settings.projectId,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal: controller.signal,
    deadline,
    debug: (message) => log.debug(message),
  });
  const family = createFamilyClient(route.family, settings, transport, (message) => log.debug(message));
  try {
    let selected: SelectedFleet;
    try {
      selected = await selectFleet(settings, transport, (message) => log.info(message));
    } catch (error) {
      if (!(error instanceof InputError) && !(error instanceof ApiError)) throw error;
      const why = `selecting the targets failed: ${error.message}`;
      await stopBeforeSending(why, error instanceof InputError ? error.message : undefined);
      return;
    }
    extraOutputs.set(Outputs.Targets, JSON.stringify(selected.all));
    const selectionNotes = selected.description ? [selected.description] : [];
    const { fleet } = operation;
    progress.targets = fleet ? fleet.ids : selected.all;
    if (fleet?.selection && selected.all.length === 0) {
      progress.reported = true;
      await finish(settings, {
        operation: operation.name,
        status: 'failed',
        jobs: [],
        batchIds: [],
        batchIdsOutput,
        elapsedMs: now() - started,
        notes: [`${selectionNotes[0] ?? ''} Nothing to do: check the selection inputs.`],
        extraOutputs,
      });
      return;
    }

    if (settings.dryRun) {
      progress.reported = true;
      const calls = fleet && fleet.ids.length === 0 ? [] : operation.buildCalls(settings);
      const waves = settings.rollout.waves
        ? planWaves(fleet?.ids.length ?? 0, settings.rollout.waves)
        : undefined;
      const planned = describeCalls(calls, settings);
      await log.group(`Requests that would be sent (${planned.length})`, async () => {
        for (const text of planned) log.block(`dry-run: would send\n${text}`);
      });
      await finish(settings, {
        operation: operation.name,
        status: 'dry-run',
        jobs: selected.skipped,
        batchIds: [],
        batchIdsOutput,
        elapsedMs: now() - started,
        notes: [
          ...selectionNotes,
          ...(waves ? [`Waves: ${waves.join(', ')} target(s).`] : []),
          `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${route.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
        ],
        plannedRequests: planned,
        extraOutputs,
      });
      return;
    }

    let rollout: Awaited<ReturnType<typeof runRollout>>;
    try {
      rollout = await runRollout(progress.targets, {
        settings,
        family,
        deadline,
        signal: controller.signal,
        started,
        info: (message) => log.info(message),
        track: (jobs, batchIds) => {
          progress.jobs = [...selected.skipped, ...jobs];
          progress.batchIds = batchIds;
        },
      });
    } catch (error) {
      // What verify needs (package, versionCode) or the whole command content is checked before the
      // first wave is sent, so an input error here has sent nothing.
      if (!(error instanceof InputError)) throw error;
      await stopBeforeSending(error.message, error.message);
      return;
    }
    const { end, notes } = rollout;
    for (const [name, value] of rollout.outputs) extraOutputs.set(name, value);
    if (end === 'timed-out') {
      notes.push(
        `wait-timeout (${formatDuration(settings.waitTimeoutMs)}) passed with jobs still running. They go on in the service; raise wait-timeout or check them later with the ids below.`,
      );
    }
    if (end === 'cancelled') {
      notes.push(
        'The workflow was cancelled. Jobs already submitted go on running in the service: its API offers no way to cancel them. The ones still running are listed below.',
      );
    }
    const { credentials } = settings;
    if (credentials.kind === 'keyless' && credentials.session)
      extraOutputs.set(Outputs.CredentialsExpiration, credentials.session.expiration.toISOString());
    progress.reported = true;
    const jobs = [...selected.skipped, ...rollout.jobs];
    await finish(settings, {
      operation: operation.name,
      status: runStatus(countJobs(jobs), end),
      jobs,
      batchIds: rollout.batchIds,
      batchIdsOutput: family.batchIdsOutput,
      elapsedMs: now() - started,
      notes: [...selectionNotes, ...notes],
      extraOutputs,
      waves: rollout.waves,
    });
  } finally {
    transport.dispose();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Abandoned requests may still hold sockets or timers; a cancelled run must end now.
  if (controller.signal.aborted) process.exit(1);
}

/** Grace between the first signal and a forced exit: the runner's own SIGKILL comes 7.5 s after SIGINT. */
const CANCEL_GRACE_MS = 4_000;

/**
 * Writes every output and the summary. `failure` is the one ::error:: line when the cause is known
 * (bad input); `settings` is absent when the run failed before they were read (then the step fails).
 */
async function finish(settings: Settings | undefined, report: RunReport, failure?: string): Promise<void> {
  const counts = await log.group('Report', async () => {
    const counted = setOutputs(report);
    await writeSummary(report, counted);
    return counted;
  });
  // Annotations and the closing lines stay outside the folded group, where a reader looks first.
  if (failure === undefined) annotate(report);
  if (failure !== undefined) {
    log.fail(failure);
    return;
  }
  log.info(
    `${report.operation}: ${report.status} (${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.running} running)`,
  );
  if (!settings) return;
  if (stepFails(report.status, counts, settings.failOn)) {
    log.fail(
      `${report.operation} ${report.status}: ${counts.failed} failed, ${counts.running} still running.`,
    );
  }
}

/** The exact requests a run would send, with credentials shown as placeholders. */
function describeCalls(calls: SubmitCall[], settings: Settings): string[] {
  const auth =
    settings.credentials.kind === 'token'
      ? 'X-Auth-Token: ***'
      : settings.credentials.kind === 'keyless'
        ? 'Authorization: SDK-HMAC-SHA256 Access=*** (temporary), SignedHeaders=..., Signature=***\nX-Security-Token: ***'
        : 'Authorization: SDK-HMAC-SHA256 Access=***, SignedHeaders=..., Signature=***';
  return calls.map((call) => {
    const url = `${settings.endpoint}${pathPrefix(settings.operation.route.family, settings)}${call.path}`;
    return [`POST ${url}`, auth, JSON.stringify(redactBody(call.body), null, 2)].join('\n');
  });
}
