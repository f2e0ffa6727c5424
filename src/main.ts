import * as core from '@actions/core';
import { Transport } from './api/transport.js';
import { formatDuration } from './duration.js';
import { InputError } from './errors.js';
import { createFamilyClient, pathPrefix } from './families/index.js';
import { countJobs, runStatus, stepFails } from './outcome.js';
import { findOperation } from './operations/index.js';
import type { Operation, SubmitCall } from './operations/operation.js';
import { waitForJobs, type WaitEnd } from './poller.js';
import { redactBody } from './redact.js';
import { annotate, setOutputs, writeSummary, type RunReport } from './report.js';
import { readSettings, type Settings } from './settings.js';
import { submitAll } from './submitter.js';

/** The action's entry point: inputs -> operation -> submit -> poll -> report. */
export async function run(): Promise<void> {
  const started = Date.now();
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
  const calls = operation.buildCalls(settings.params, settings);

  if (settings.dryRun) {
    await finish(settings, {
      operation: operation.name,
      status: 'dry-run',
      jobs: [],
      batchIds: [],
      batchIdsOutput: operation.family === 'cph' ? 'request-ids' : 'task-ids',
      elapsedMs: Date.now() - started,
      notes: [
        `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${operation.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
      ],
      plannedRequests: describeCalls(calls, operation, settings),
    });
    return;
  }

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted)
      core.warning(`Received ${signal}: stopping and reporting what is still running.`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const deadline = started + settings.waitTimeoutMs;
  const transport = new Transport({
    baseUrl: settings.endpoint,
    credentials: settings.credentials,
    projectIdHeader: operation.family === 'koophone' ? settings.projectId : undefined,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal: controller.signal,
    deadline,
    debug: (message) => core.debug(message),
  });
  const family = createFamilyClient(operation.family, settings, transport);
  try {
    const targetCount = calls.reduce((n, c) => n + c.targets.length, 0);
    core.info(
      `${operation.title}: submitting ${targetCount} ${operation.targetType}(s) in ${calls.length} call(s)...`,
    );
    const submitted = await submitAll(calls, operation, family, {
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
    await finish(settings, {
      operation: operation.name,
      status: runStatus(countJobs(submitted.jobs), end),
      jobs: submitted.jobs,
      batchIds: submitted.batchIds,
      batchIdsOutput: family.batchIdsOutput,
      elapsedMs: Date.now() - started,
      notes,
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
function describeCalls(calls: SubmitCall[], operation: Operation, settings: Settings): string[] {
  const auth =
    settings.credentials.kind === 'token'
      ? 'X-Auth-Token: ***'
      : 'Authorization: SDK-HMAC-SHA256 Access=***, SignedHeaders=..., Signature=***';
  return calls.map((call) => {
    const url = `${settings.endpoint}${pathPrefix(operation.family, settings)}${call.path}`;
    const text = [`POST ${url}`, auth, JSON.stringify(redactBody(call.body), null, 2)].join('\n');
    core.info(`dry-run: would send\n${text}`);
    return text;
  });
}
