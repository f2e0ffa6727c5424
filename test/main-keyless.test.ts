// Keyless runs in process, so that coverage sees src/auth/start.ts and main's keyless branch
// (test/action-keyless.test.ts runs the same flows with the runner's defaults, test/e2e-smoke.test.ts on
// dist/index.js).
import { afterEach, describe, expect, it } from 'vitest';
import { STS_DEFAULTS } from '../emulator/index.js';
import { useEmulator, TIME_SCALE } from './support/fixture.js';
import { runInProcess as runShared } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

const runInProcess = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runShared(inputs, { ...emulator().idTokenEnv(), ...env });

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
