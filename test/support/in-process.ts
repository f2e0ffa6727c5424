// Runs the action's run() in this process, as a runner would run the bundle: inputs as INPUT_*
// variables, outputs and the summary through files. In-process, so that coverage sees every layer.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import * as core from '@actions/core';
import { run } from '../../src/main.js';
import { parseOutputFile } from './run-action.js';

// @actions/core resolves the summary file once per process: every in-process run shares one file,
// emptied before each run.
const SUMMARY_FILE = join(mkdtempSync(join(tmpdir(), 'cpd-summary-')), 'summary');

/** `env`: variables the runner would set besides the inputs (e.g. ACTIONS_ID_TOKEN_REQUEST_URL). */
export async function runInProcess(inputs: Record<string, string>, env: Record<string, string> = {}) {
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
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('HUAWEI_CLOUD_') || key.startsWith('ACTIONS_'))
      delete process.env[key];
  Object.assign(process.env, files, env);
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  // @actions/core caches the summary file of the first run in a process; a runner starts one process per step.
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
    process.env = saved;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return {
    exitCode,
    log: lines.join(''),
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    /** What the run exported for later steps (GITHUB_ENV). */
    exported: parseOutputFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}
