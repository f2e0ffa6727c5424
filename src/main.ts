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
import { annotate, setOutputs, writeSummary, type RunReport } from './report.js';
import { readAuthOnlySettings, readSettings, type Settings } from './settings.js';
import { submitAll } from './submitter.js';

/** The action's entry point: inputs -> operation -> submit -> poll -> report. */
export async function run(): Promise<void> {
  const started = Date.now();
  if (core.getInput(Inputs.Operation) === '' && /^true$/i.test(core.getInput(Inputs.ExportCredentials))) {
    const { runAuthOnly } = await import(/* webpackMode: "eager" */ './auth/start.js');
    return runAuthOnly(() =>
      readAuthOnlySettings(
        (name) => core.getInput(name),
        process.env,
        (secret) => core.setSecret(secret),
      ),
    );
  }
  let settings: Settings;
  try {
    settings = readSettings(
      (name) => core.getInput(name),
      process.env,
      (secret) => core.setSecret(secret),
    );
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(error.message);
      return;
    }
    throw error;
  }
  const operation = findOperation(settings.operation);
  const { route } = settings;

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted)
      core.warning(`Received ${signal}: stopping and reporting what is still running.`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const extraOutputs = new Map<string, string>();
  const batchIdsOutput = route.family === 'cph' ? 'request-ids' : 'task-ids';
  if (settings.credentials.kind === 'keyless') {
    // Before anything else is sent: the upload and every call sign with these keys.
    const { startKeyless } = await import(/* webpackMode: "eager" */ './auth/start.js');
    const keyless = await startKeyless(
      { ...settings, keyless: settings.credentials.keyless },
      controller.signal,
      extraOutputs,
    );
    if (!keyless.ok) {
      core.setFailed(keyless.message);
      const report: RunReport = {
        operation: operation.name,
        status: 'failed',
        jobs: [],
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [`Nothing was sent to the fleet: ${keyless.message}`],
        extraOutputs,
      };
      await writeSummary(report, setOutputs(report));
      return;
    }
    settings = { ...settings, credentials: { ...settings.credentials, session: keyless.session } };
  }
  try {
    await operation.prepare?.(settings.params, {
      settings,
      dryRun: settings.dryRun,
      signal: controller.signal,
      info: (message) => core.info(message),
      debug: (message) => core.debug(message),
      notice: (message) => core.notice(message),
      mask: (secret) => core.setSecret(secret),
      outputs: extraOutputs,
    });
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(error.message);
      return;
    }
    if (!(error instanceof ApiError)) throw error;
    // Nothing reached the fleet: say what failed before it, and write the outputs as for any failure.
    await finish(settings, {
      operation: operation.name,
      status: 'failed',
      jobs: [],
      batchIds: [],
      batchIdsOutput,
      elapsedMs: Date.now() - started,
      notes: [`Nothing was sent to the fleet: ${error.message}`],
      extraOutputs,
    });
    return;
  }
  const calls = operation.buildCalls(settings.params, settings);

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
    projectIdHeader: route.family === 'koophone' ? settings.projectId : undefined,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal: controller.signal,
    deadline,
    debug: (message) => core.debug(message),
  });
  const family = createFamilyClient(route.family, settings, transport);
  try {
    const targetCount = calls.reduce((n, c) => n + c.targets.length, 0);
    core.info(
      `${route.title}: submitting ${targetCount} ${route.targetType}(s) in ${calls.length} call(s)...`,
    );
    const submitted = await submitAll(calls, route, family, {
      concurrency: settings.maxConcurrency,
      signal: controller.signal,
    });
    const notes = submitted.errors.map((e) => `Submit failed for ${e}`);
    if (submitted.jobs.some((j) => j.status === 'unknown')) {
      notes.push(
        'Targets marked **unknown** were in a submit whose answer was lost: the service may have started their jobs. They were not resubmitted, to avoid installing twice. Check them in the console (or re-run with failed-targets) before retrying.',
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
          if (line !== lastLine) core.info(`[${formatDuration(Date.now() - started)}] ${line}`);
          lastLine = line;
        },
      });
      end = waited.end;
      if (waited.error) notes.push(`Stopped polling after repeated failures: ${waited.error.message}`);
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

async function finish(settings: Settings, report: RunReport): Promise<void> {
  const counts = setOutputs(report);
  annotate(report);
  await writeSummary(report, counts);
  core.info(
    `${report.operation}: ${report.status} (${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.running} running)`,
  );
  if (stepFails(report.status, counts, settings.failOn)) {
    core.setFailed(
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
    core.info(`dry-run: would send\n${text}`);
    return text;
  });
}
