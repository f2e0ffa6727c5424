import * as core from './runner.js';
import { Transport } from './api/transport.js';
import { formatDuration } from './duration.js';
import { ApiError, InputError } from './errors.js';
import { createFamilyClient, pathPrefix } from './families/index.js';
import { countJobs, runStatus, stepFails } from './outcome.js';
import { findOperation } from './operations/index.js';
import type { SubmitCall } from './operations/operation.js';
import { redactBody } from './redact.js';
import { annotate, setOutputs, writeSummary, type RunReport } from './report.js';
import { readSettings, type Settings } from './settings.js';
import { Outputs } from './constants.js';
import { selectFleet, type SelectedFleet } from './fleet/index.js';
import type { Fleet } from './operations/targets.js';
import { runRollout } from './rollout/rollout.js';
import { planWaves } from './rollout/waves.js';

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
  try {
    await operation.prepare?.(settings.params, {
      settings,
      dryRun: settings.dryRun,
      signal: controller.signal,
      info: (message) => core.info(message),
      debug: (message) => core.debug(message),
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
    let selected: SelectedFleet;
    try {
      selected = await selectFleet(
        settings,
        transport,
        (message) => core.info(message),
        () => [...new Set(operation.buildCalls(settings.params, settings).flatMap((c) => c.targets))],
      );
    } catch (error) {
      if (error instanceof InputError) {
        core.setFailed(error.message);
        return;
      }
      if (!(error instanceof ApiError)) throw error;
      await finish(settings, {
        operation: operation.name,
        status: 'failed',
        jobs: [],
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [`Nothing was sent to the fleet: selecting the targets failed: ${error.message}`],
        extraOutputs,
      });
      return;
    }
    extraOutputs.set(Outputs.Targets, JSON.stringify(selected.all));
    const selectionNotes = selected.description ? [selected.description] : [];
    const fleet = (settings.params as { fleet?: Fleet }).fleet;
    if (fleet?.selection && selected.all.length === 0) {
      await finish(settings, {
        operation: operation.name,
        status: 'failed',
        jobs: [],
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [`${selectionNotes[0] ?? ''} Nothing to do: check the selection inputs.`],
        extraOutputs,
      });
      return;
    }

    if (settings.dryRun) {
      const calls = fleet && fleet.ids.length === 0 ? [] : operation.buildCalls(settings.params, settings);
      const waves = settings.rollout.waves
        ? planWaves(fleet?.ids.length ?? 0, settings.rollout.waves)
        : undefined;
      await finish(settings, {
        operation: operation.name,
        status: 'dry-run',
        jobs: selected.skipped,
        batchIds: [],
        batchIdsOutput,
        elapsedMs: Date.now() - started,
        notes: [
          ...selectionNotes,
          ...(waves ? [`Waves: ${waves.join(', ')} target(s).`] : []),
          `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${route.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
        ],
        plannedRequests: describeCalls(calls, settings),
        extraOutputs,
      });
      return;
    }

    const rollout = await runRollout(fleet ? fleet.ids : selected.all, {
      settings,
      operation,
      family,
      deadline,
      signal: controller.signal,
      started,
      info: (message) => core.info(message),
    });
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
    const jobs = [...selected.skipped, ...rollout.jobs];
    await finish(settings, {
      operation: operation.name,
      status: runStatus(countJobs(jobs), end),
      jobs,
      batchIds: rollout.batchIds,
      batchIdsOutput: family.batchIdsOutput,
      elapsedMs: Date.now() - started,
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
      : 'Authorization: SDK-HMAC-SHA256 Access=***, SignedHeaders=..., Signature=***';
  return calls.map((call) => {
    const url = `${settings.endpoint}${pathPrefix(settings.route.family, settings)}${call.path}`;
    const text = [`POST ${url}`, auth, JSON.stringify(redactBody(call.body), null, 2)].join('\n');
    core.info(`dry-run: would send\n${text}`);
    return text;
  });
}
