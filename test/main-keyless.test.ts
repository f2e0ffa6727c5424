// Keyless runs in process, so that coverage sees src/auth/start.ts and main's keyless branch
// (the end-to-end tests in e2e-keyless.test.ts prove the same flows on dist/index.js).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STS_DEFAULTS } from '../emulator/index.js';
import { run } from '../src/main.js';
import { useEmulator } from './support/fixture.js';
import { parseOutputFile } from './support/run-action.js';

const emulator = useEmulator();

// @actions/core resolves the summary file once per process: every in-process run shares one file,
// emptied before each run.
const SUMMARY_FILE = join(mkdtempSync(join(tmpdir(), 'cpd-summary-')), 'summary');

async function runInProcess(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-main-keyless-'));
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
  Object.assign(process.env, files, emulator().idTokenEnv(), env);
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
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
    exported: parseOutputFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

const keyless = () => ({
  'project-id': emulator().options.projectId,
  'sts-endpoint': emulator().url,
  'agency-urn': STS_DEFAULTS.agencyUrn,
  'identity-provider-urn': STS_DEFAULTS.providerUrn,
});
const command = () => ({
  operation: 'run-command',
  endpoint: emulator().url,
  'poll-interval': '1s',
  phones: 'p1',
  command: 'ls',
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('keyless run() in process', () => {
  it('runs a command with temporary keys and exports them', async () => {
    const result = await runInProcess({
      ...command(),
      ...keyless(),
      region: 'cn-north-4',
      'export-credentials': 'true',
    });
    expect(result.exitCode).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(result.outputs['credentials-expiration']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(result.exported.HUAWEI_CLOUD_REGION).toBe('cn-north-4');
    expect(result.log).toContain(`::add-mask::${result.exported.HUAWEI_CLOUD_SECRET_ACCESS_KEY}`);
  });

  it('auth-only: exports and reports success', async () => {
    const result = await runInProcess({ ...keyless(), 'export-credentials': 'true' });
    expect(result.exitCode).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(Object.keys(result.exported)).toContain('HUAWEI_CLOUD_SECURITY_TOKEN');
    expect(result.summary).toContain('authenticated');
  });

  it('auth-only: a bad input fails with outputs and summary', async () => {
    const result = await runInProcess({
      ...keyless(),
      'session-duration': '5m',
      'export-credentials': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.summary).toContain("Input 'session-duration' must be a duration from 15m to 12h");
  });

  it('auth-only dry run calls nothing and warns when the job could not get a token', async () => {
    const result = await runInProcess(
      { ...keyless(), 'export-credentials': 'true', 'dry-run': 'true' },
      { ACTIONS_ID_TOKEN_REQUEST_URL: '' },
    );
    expect(result.exitCode).toBeUndefined();
    expect(result.outputs.status).toBe('dry-run');
    expect(result.log).toContain('::warning::Keyless authentication needs');
    expect(emulator().requests).toEqual([]);
  });

  it('a refused exchange fails before anything reaches the fleet', async () => {
    const result = await runInProcess({ ...command(), ...keyless(), 'oidc-audience': 'someone-else' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.summary).toContain('Nothing was sent to the fleet');
    expect(emulator().requests.filter((r) => r.family === 'cph')).toEqual([]);
  });
});
