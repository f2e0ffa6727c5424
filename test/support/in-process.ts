// Runs the action's run() in this process, as a runner would run the bundle: inputs as INPUT_*
// variables, outputs and the summary through files. In-process, so that coverage sees every layer and
// no run pays for a node start-up; one spawn of dist/index.js per end state proves the wiring
// (test/e2e-*.test.ts). test/action-*.test.ts run whole scenarios this way.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import * as core from '@actions/core';
import { run } from '../../src/main.js';
import { forgetSecrets } from '../../src/log/untrusted.js';
import { ExportedEnv } from '../../src/inputs/names.js';
import { ACTION_DEFAULTS } from './action-yml.js';
import { BUG, leakedSecrets, parseOutputFile, secretsOf, type ActionRun } from './run-action.js';

// @actions/core resolves the summary file once per process: every in-process run shares one file,
// emptied before each run.
const SUMMARY_FILE = join(mkdtempSync(join(tmpdir(), 'cpd-summary-')), 'summary');

/** Variables of this process a runner would not pass to a step, or that a step run sets itself. */
const RUNNER_VARIABLE = /^(INPUT_|HUAWEI_CLOUD_|ACTIONS_|GITHUB_|RUNNER_)|proxy$/i;

interface Step {
  code: number | undefined;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  exported: Record<string, string>;
  summary: string;
  durationMs: number;
}

/**
 * One step in this process: the environment is this process's minus whatever a runner sets (and any
 * proxy), plus the runner's files and `env`. stdout and stderr are captured, and so are process
 * warnings (a child process would print them on stderr). A call to process.exit() fails the run: only
 * a cancelled run exits on its own, and cancellation is tested by spawning the bundle.
 */
async function step(variables: Record<string, string>): Promise<Step> {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-main-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: SUMMARY_FILE,
    GITHUB_ENV: join(dir, 'env'),
    RUNNER_TEMP: dir,
  };
  for (const file of [files.GITHUB_OUTPUT, files.GITHUB_STEP_SUMMARY, files.GITHUB_ENV])
    writeFileSync(file, '');
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (RUNNER_VARIABLE.test(key)) delete process.env[key];
  Object.assign(process.env, files, variables);
  // A runner starts one process per step: nothing registered or cached by an earlier run carries over.
  forgetSecrets();
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  process.exitCode = undefined;
  let stdout = '';
  let stderr = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const writeError = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const onWarning = (warning: Error) => (stderr += `(node) ${warning.name}: ${warning.message}\n`);
  process.on('warning', onWarning);
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`process.exit(${String(code)}) called by an in-process run`);
  });
  const signalListeners = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
  const started = Date.now();
  try {
    await run();
  } finally {
    write.mockRestore();
    writeError.mockRestore();
    exit.mockRestore();
    process.off('warning', onWarning);
    process.env = saved;
    // Files share a worker (isolate: false): the next file starts with no secret of this run registered.
    forgetSecrets();
  }
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined;
  if (process.listenerCount('SIGINT') + process.listenerCount('SIGTERM') !== signalListeners)
    throw new Error('the run left a signal handler behind');
  return {
    code,
    stdout,
    stderr,
    durationMs: Date.now() - started,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    exported: parseOutputFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

export interface InProcessOptions {
  env?: Record<string, string>;
  /** Values that must never be shown, besides the secret inputs found automatically. */
  secrets?: string[];
}

/**
 * Runs the action in this process exactly as `runAction` runs the bundle, and holds it to the same
 * checks: action.yml's defaults for the inputs left out, debug logging on, no secret shown, nothing on
 * stderr. Poll and retry waits run on whatever clock is installed (`useEmulator({ timeScale })`).
 */
export async function runActionInProcess(
  inputs: Record<string, string>,
  options: InProcessOptions = {},
): Promise<ActionRun & { exported: Record<string, string> }> {
  const variables: Record<string, string> = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', ...options.env };
  for (const [name, value] of [...ACTION_DEFAULTS, ...Object.entries(inputs)])
    variables[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = await step(variables);
  const ran: ActionRun & { exported: Record<string, string> } = {
    ...result,
    // A process ends with 0 unless something set the exit code.
    code: result.code ?? 0,
    errors: result.stdout.split('\n').filter((l) => l.startsWith('::error')),
  };
  const leaked = leakedSecrets(
    ran,
    [...secretsOf(inputs), ...(options.secrets ?? [])],
    exportedBeyondCredentials(ran.exported),
  );
  if (leaked.length > 0) throw new Error(`secret values shown by the action: ${leaked.join(', ')}`);
  // Every run, whatever it tests: no stack trace, no warning (MaxListenersExceededWarning...) on stderr.
  if (ran.stderr !== '') throw new Error(`the action wrote to stderr:\n${ran.stderr}`);
  // Every case these runs play, hostile ones included, is foreseen: none may end as an unexpected error.
  const crash = BUG.exec(ran.stdout);
  if (crash) throw new Error(`the run ended as a bug in the action: ${crash[0]}`);
  return ran;
}

/** What GITHUB_ENV holds besides the temporary keys export-credentials promises to later steps. */
function exportedBeyondCredentials(exported: Record<string, string>): string {
  const promised = new Set(Object.values(ExportedEnv));
  return JSON.stringify(Object.entries(exported).filter(([name]) => !promised.has(name as never)));
}

/**
 * The older, lower-level form: inputs exactly as given (no action.yml defaults, no debug logging), the
 * same checks;
 * `env`: variables the runner would set besides the inputs (e.g. ACTIONS_ID_TOKEN_REQUEST_URL).
 */
export async function runInProcess(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  { bugExpected = false } = {},
) {
  const variables: Record<string, string> = { ...env };
  for (const [name, value] of Object.entries(inputs)) variables[`INPUT_${name.toUpperCase()}`] = value;
  const result = await step(variables);
  // The same two checks as every other run: nothing on stderr, no secret input shown.
  if (result.stderr !== '') throw new Error(`the action wrote to stderr:\n${result.stderr}`);
  const leaked = leakedSecrets(
    { ...result, code: result.code ?? 0, errors: [] },
    secretsOf(inputs),
    exportedBeyondCredentials(result.exported),
  );
  if (leaked.length > 0) throw new Error(`secret values shown by the action: ${leaked.join(', ')}`);
  // As for every other run: only a test that plays a real bug may end as "a bug in the action".
  const crash = BUG.exec(result.stdout);
  if (crash && !bugExpected) throw new Error(`the run ended as a bug in the action: ${crash[0]}`);
  return {
    exitCode: result.code,
    log: result.stdout,
    outputs: result.outputs,
    exported: result.exported,
    summary: result.summary,
  };
}
