import * as core from './runner.js';
import { Transport } from './api/transport.js';
import { Inputs, Outputs } from './constants.js';
import { formatDuration } from './duration.js';
import { ApiError, InputError } from './errors.js';
import { createFamilyClient, pathPrefix } from './families/index.js';
import { countJobs, runStatus, stepFails } from './outcome.js';
import { findOperation } from './operations/index.js';
import type { SubmitCall } from './operations/operation.js';
import { waitForJobs, type WaitEnd } from './poller.js';
import { redactBody } from './redact.js';
import { log, registerSecret } from './untrusted.js';
import type { Job } from './jobs.js';
import { annotate, setOutputs, writeSummary, type RunReport } from './report.js';
import { readAuthOnlySettings, readSettings, type Settings } from './settings.js';
import { submitAll } from './submitter.js';

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
    started: Date.now(),
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
        elapsedMs: Date.now() - progress.started,
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
function targetsOf(operation: ReturnType<typeof findOperation>, settings: Settings): string[] {
  try {
    return operation.buildCalls(settings.params, settings).flatMap((c) => c.targets);
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
    settings = readSettings((name) => core.getInput(name), process.env, registerSecret);
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
          elapsedMs: Date.now() - started,
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
  progress.operation = settings.operation;
  const operation = findOperation(settings.operation);
  const { route } = settings;

  const extraOutputs = progress.extraOutputs;
  const batchIdsOutput = route.family === 'cph' ? 'request-ids' : 'task-ids';
  progress.batchIdsOutput = batchIdsOutput;
  progress.targetType = route.targetType;
  // The calls only carry the targets here; prepare() may still fill in what the bodies need.
  progress.targets = targetsOf(operation, settings);

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
  if (settings.credentials.kind === 'keyless') {
    // Before anything else is sent: the upload and every call sign with these keys.
    const { startKeyless } = await import(/* webpackMode: "eager" */ './auth/start.js');
    const keyless = await startKeyless(
      { ...settings, keyless: settings.credentials.keyless },
      controller.signal,
      extraOutputs,
    );
    if (!keyless.ok) {
      progress.reported = true;
      await finish(
        settings,
        {
          operation: operation.name,
          status: 'failed',
          jobs: notSubmitted(progress, `not submitted: ${keyless.message}`),
          batchIds: [],
          batchIdsOutput,
          elapsedMs: Date.now() - started,
          notes: [`Nothing was sent to the fleet: ${keyless.message}`],
          extraOutputs,
        },
        keyless.message,
      );
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return;
    }
    settings = { ...settings, credentials: { ...settings.credentials, session: keyless.session } };
  }
  try {
    await operation.prepare?.(settings.params, {
      settings,
      dryRun: settings.dryRun,
      signal: controller.signal,
      info: (message) => log.info(message),
      warning: (message) => log.warning(message),
      debug: (message) => log.debug(message),
      notice: (message) => log.notice(message),
      mask: registerSecret,
      outputs: extraOutputs,
    });
  } catch (error) {
    const cancelled = controller.signal.aborted;
    if (!(error instanceof InputError) && !(error instanceof ApiError) && !cancelled) throw error;
    // Nothing reached the fleet: say what failed before it, and list every target as not submitted.
    const why = cancelled ? 'the run was cancelled' : (error as Error).message;
    progress.reported = true;
    await finish(
      settings,
      {
        operation: operation.name,
        status: cancelled ? 'cancelled' : 'failed',
        jobs: notSubmitted(progress, `not submitted: ${why}`),
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [`Nothing was sent to the fleet: ${why}`],
        extraOutputs,
      },
      error instanceof InputError ? error.message : undefined,
    );
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (cancelled) process.exit(1);
    return;
  }
  let calls: SubmitCall[];
  try {
    calls = operation.buildCalls(settings.params, settings);
  } catch (error) {
    // A rule only the assembled request can break (the whole ADB command content): nothing was sent.
    if (!(error instanceof InputError)) throw error;
    progress.reported = true;
    await finish(
      settings,
      {
        operation: operation.name,
        status: 'failed',
        jobs: notSubmitted(progress, `not submitted: ${error.message}`),
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [`Nothing was sent to the fleet: ${error.message}`],
        extraOutputs,
      },
      error.message,
    );
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    return;
  }

  if (settings.dryRun) {
    await finish(settings, {
      operation: operation.name,
      status: 'dry-run',
      jobs: [],
      batchIds: [],
      batchIdsOutput,
      elapsedMs: Date.now() - started,
      notes: [
        `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${route.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
      ],
      plannedRequests: describeCalls(calls, settings),
      extraOutputs,
    });
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
    const targetCount = calls.reduce((n, c) => n + c.targets.length, 0);
    log.info(
      `${route.title}: submitting ${targetCount} ${route.targetType}(s) in ${calls.length} call(s)...`,
    );
    progress.jobs = calls.flatMap((call) =>
      call.targets.map((target): Job => ({
        target,
        targetType: route.targetType,
        status: 'unknown',
        errorMessage: 'the run stopped while this target was being submitted',
      })),
    );
    const submitted = await submitAll(calls, route, family, {
      concurrency: settings.maxConcurrency,
      signal: controller.signal,
      deadline,
    });
    progress.jobs = submitted.jobs;
    progress.batchIds = submitted.batchIds;
    const notes = submitted.errors.map((e) => `Submit failed for ${e}`);
    if (submitted.jobs.some((j) => j.status === 'unknown')) {
      notes.push(
        'Targets marked unknown were in a submit whose answer was lost: the service may have started their jobs. They were not resubmitted, to avoid installing twice. Check them in the console (or re-run with failed-targets) before retrying.',
      );
    }

    let end: WaitEnd | 'submitted' = 'submitted';
    if (settings.wait && !controller.signal.aborted) {
      let lastLine = '';
      const waited = await waitForJobs(submitted.jobs, family, {
        intervalMs: settings.pollIntervalMs,
        deadline,
        signal: controller.signal,
        onRound: () => {
          const c = countJobs(submitted.jobs);
          const line = `${c.succeeded} succeeded, ${c.failed} failed, ${c.running} running`;
          if (line !== lastLine) log.info(`[${formatDuration(Date.now() - started)}] ${line}`);
          lastLine = line;
        },
      });
      end = waited.end;
      if (waited.error?.isAuthFailure) {
        notes.push(
          `Polling was refused although the submit was accepted: ${waited.error.message}. Signed requests are valid only within 15 minutes of the service's clock, so a runner clock that drifted (or a token that expired during the wait) fails like this. The jobs go on in the service; check them with the ids below.`,
        );
      } else if (waited.error) {
        notes.push(`Stopped polling after repeated failures: ${waited.error.message}`);
      }
      if (waited.outage) {
        notes.push(`The service could not be reached while waiting (last error: ${waited.outage.message}).`);
      }
    } else if (controller.signal.aborted) {
      end = 'cancelled';
    }
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
    await finish(settings, {
      operation: operation.name,
      status: runStatus(countJobs(submitted.jobs), end),
      jobs: submitted.jobs,
      batchIds: submitted.batchIds,
      batchIdsOutput: family.batchIdsOutput,
      elapsedMs: Date.now() - started,
      notes,
      extraOutputs,
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
  const counts = setOutputs(report);
  if (failure === undefined) annotate(report);
  await writeSummary(report, counts);
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
    const url = `${settings.endpoint}${pathPrefix(settings.route.family, settings)}${call.path}`;
    const text = [`POST ${url}`, auth, JSON.stringify(redactBody(call.body), null, 2)].join('\n');
    log.block(`dry-run: would send\n${text}`);
    return text;
  });
}
