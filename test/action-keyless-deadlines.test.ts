// The keyless exchange doubted and bounded: a token service that never answers, or answers without a
// token, and an STS that asks to be retried later than the run may last.
import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS, STS_PATH, type Emulator } from '../emulator/index.js';
import { apiRequests, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

function keyless(e: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    operation: 'run-command',
    endpoint: e.url,
    'project-id': e.options.projectId,
    'poll-interval': '1s',
    'sts-endpoint': e.url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    command: 'ls',
    instances: 'h-1',
    ...extra,
  };
}

const jobEnv = (e: Emulator) => ({
  ...e.idTokenEnv(),
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_RUN_ID: '4242',
});

const tokenRequests = (e: Emulator) => e.requests.filter((r) => r.path === '/_oidc/token');

describe('the OIDC token request', () => {
  it('gives each attempt request-timeout when the token service never answers', async () => {
    const e = emulator();
    e.addFault({ path: '/_oidc/token', hang: true });
    const run = await runActionInProcess(keyless(e, { 'request-timeout': '1s' }), { env: jobEnv(e) });
    expect(run.outputs.status).toBe('failed');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Could not get the workflow's OIDC token from GitHub (3 attempts)");
    expect(run.errors[0]).toContain('timed out');
    expect(tokenRequests(e)).toHaveLength(3);
    expect(apiRequests(e, 'POST')).toHaveLength(0);
    expect(run.stdout).not.toContain('This is a bug in the action');
  });

  it.each([
    ['a number', '{"count":1,"value":12345}', 'its "value" is a number, not a string'],
    ['an object', '{"count":1,"value":{"jwt":"x"}}', 'its "value" is an object, not a string'],
    ['missing', '{"count":0}', 'it has no "value" field'],
    ['not a JWT', '{"value":"not-a-token"}', 'its "value" is not a JWT'],
    ['not JSON', '<html>ok</html>', 'the body is not JSON'],
  ])('refuses a value that is %s with a clear error naming the token service', async (_, body, why) => {
    const e = emulator();
    e.addFault({ path: '/_oidc/token', status: 200, body });
    const run = await runActionInProcess(keyless(e), { env: jobEnv(e) });
    expect(run.outputs.status).toBe('failed');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("GitHub's OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL)");
    expect(run.errors[0]).toContain(why);
    expect(run.stdout).not.toContain('This is a bug in the action');
    expect(apiRequests(e, 'POST')).toHaveLength(0);
  });
});

describe('STS Retry-After', () => {
  it('is not waited for past wait-timeout: the exchange gives up at once', async () => {
    const e = emulator();
    e.addFault({
      path: STS_PATH,
      status: 503,
      headers: { 'Retry-After': '120' },
      body: JSON.stringify({ error_code: 'STS.0503', error_msg: 'busy' }),
    });
    const run = await runActionInProcess(keyless(e, { 'wait-timeout': '30s' }), { env: jobEnv(e) });
    expect(run.outputs.status).toBe('failed');
    expect(run.errors[0]).toContain('STS.0503');
    // Two waits of 120 s would each pass the 30 s deadline: neither is taken.
    expect(apiRequests(e, 'POST', STS_PATH)).toHaveLength(1);
  });

  it('is still waited for when the deadline leaves room', async () => {
    const e = emulator();
    e.addFault({
      path: STS_PATH,
      status: 503,
      headers: { 'Retry-After': '2' },
      body: JSON.stringify({ error_code: 'STS.0503', error_msg: 'busy' }),
      times: 1,
    });
    const run = await runActionInProcess(keyless(e, { 'wait-timeout': '5m' }), { env: jobEnv(e) });
    expect(apiRequests(e, 'POST', STS_PATH).map((r) => r.status)).toEqual([503, 200]);
    expect(run.outputs.status).toBe('succeeded');
  });
});
