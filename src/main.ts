import * as core from '@actions/core';
import { now } from './http/timing.js';
import { readAuthOnlySettings } from './inputs/common.js';
import { Inputs } from './inputs/names.js';
import { log, registerSecret } from './log/untrusted.js';
import { annotate } from './report/annotations.js';
import { setOutputs } from './report/outputs.js';
import { writeSummary } from './report/summary.js';
import { stepFails } from './run/outcome.js';
import { notSubmitted, reportOf, runPipeline, type Conclusion, type Progress } from './run/pipeline.js';

/** Grace between the first signal and a forced exit: the runner's own SIGKILL comes 7.5 s after SIGINT. */
const CANCEL_GRACE_MS = 4_000;

/**
 * The action's entry point: inputs -> auth -> selection -> plan -> submit, wait and verify per wave ->
 * report. Every end, a crash included, goes through finish() once. Never throws.
 */
export async function run(): Promise<void> {
  if (core.getInput(Inputs.Operation) === '' && /^true$/i.test(core.getInput(Inputs.ExportCredentials))) {
    const { runAuthOnly } = await import(/* webpackMode: "eager" */ './auth/start.js');
    return runAuthOnly(() =>
      readAuthOnlySettings((name) => core.getInput(name), process.env, registerSecret),
    );
  }
  const progress: Progress = {
    started: now(),
    operation: /^[a-z-]{1,40}$/.test(core.getInput(Inputs.Operation))
      ? core.getInput(Inputs.Operation)
      : 'deploy',
    batchIdsOutput: 'task-ids',
    targets: [],
    batchIds: [],
    operationOutputs: {},
  };
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
  let conclusion: Conclusion;
  try {
    conclusion = await runPipeline(progress, (name) => core.getInput(name), controller.signal);
  } catch (error) {
    conclusion = crashed(progress, error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await finish(conclusion);
  // Abandoned requests may still hold sockets or timers; a cancelled run must end now.
  if (controller.signal.aborted) process.exit(1);
}

/**
 * Any failure we did not foresee still ends like every other run: all outputs, the summary and one
 * ::error:: line saying what happened, never a stack trace. Targets whose fate we cannot know are
 * `unknown` once a submit may have gone out, else not submitted.
 */
function crashed(progress: Progress, error: unknown): Conclusion {
  const { what, message } = bug(error);
  const jobs = progress.jobs ?? notSubmitted(progress, `not submitted: ${what}`);
  return { report: reportOf(progress, { status: 'failed', jobs, notes: [message] }), failure: message };
}

function bug(error: unknown): { what: string; message: string } {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log.debug(error instanceof Error ? (error.stack ?? what) : what);
  const message = `Cloud Phone Deploy stopped on an unexpected error (${what}). This is a bug in the action: please report it with the log.`;
  return { what, message };
}

/**
 * Writes every output and the summary, then the annotations and the closing line. `failure` is the one
 * ::error:: line when the cause is known; without settings (the inputs were not read) the step fails.
 */
async function finish({ report, failure, settings }: Conclusion): Promise<void> {
  let counts;
  try {
    counts = await log.group('Report', async () => {
      const counted = setOutputs(report);
      await writeSummary(report, counted);
      return counted;
    });
  } catch (error) {
    // Writing the report failed (full disk, missing GITHUB_OUTPUT): the ::error:: line still says why.
    log.fail(bug(error).message);
    return;
  }
  // Annotations and the closing lines stay outside the folded group, where a reader looks first.
  if (failure !== undefined) {
    log.fail(failure);
    return;
  }
  annotate(report);
  log.info(
    `${report.operation}: ${report.status} (${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.running} running)`,
  );
  if (settings && !stepFails(report.status, counts, settings.failOn)) return;
  log.fail(`${report.operation} ${report.status}: ${counts.failed} failed, ${counts.running} still running.`);
}
