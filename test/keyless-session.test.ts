// The keyless session in process against the emulator: retries of both exchanges, renewal before
// expiry, and keys kept (with a warning) while a renewal fails but they still work.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STS_DEFAULTS } from '../emulator/index.js';
import type { KeylessSettings } from '../src/inputs/credentials.js';
import { KeylessError, KeylessSession, renewalMargin } from '../src/auth/session.js';
import { ApiError } from '../src/http/errors.js';
import { useEmulator } from './support/fixture.js';

// 15 minutes of credentials last 3 s here: the test-only STS time scale. Waits are measured from
// the expiration STS announced, so a slow machine shifts them instead of breaking them.
const emulator = useEmulator({ sts: { timeScale: 300 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const untilExpiry = (s: KeylessSession, beforeMs: number) =>
  sleep(s.expiration.getTime() - beforeMs - Date.now());

let log: { info: string[]; warning: string[]; masked: string[] };
beforeEach(() => {
  log = { info: [], warning: [], masked: [] };
  // @actions/core reads the token service from the process environment.
  for (const [k, v] of Object.entries(emulator().idTokenEnv())) vi.stubEnv(k, v);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true); // core's ::add-mask:: lines
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function settings(extra: Partial<KeylessSettings> = {}): KeylessSettings {
  return {
    agencyUrn: STS_DEFAULTS.agencyUrn,
    providerUrn: STS_DEFAULTS.providerUrn,
    durationSeconds: 900,
    sessionName: 'session-test',
    stsEndpoint: emulator().url,
    exportCredentials: false,
    ignoredEnv: [],
    ...extra,
  };
}

const open = (s = settings()) =>
  KeylessSession.open(s, {
    env: process.env,
    requestTimeoutMs: 5000,
    retryBaseMs: 10,
    mask: (v) => log.masked.push(v),
    info: (m) => log.info.push(m),
    warning: (m) => log.warning.push(m),
    debug: () => {},
  });

describe('keyless session', () => {
  it('renews a fifth of the lifetime before expiry (at most 5 minutes)', () => {
    expect(renewalMargin(3_600_000)).toBe(300_000);
    expect(renewalMargin(900_000)).toBe(180_000);
    expect(renewalMargin(1500)).toBe(300);
  });

  it('masks the token and every key, and renews with a new token before expiry', async () => {
    const e = emulator();
    const session = await open();
    const first = await session.current();
    expect(await session.current()).toBe(first); // no exchange while the keys are fresh
    expect(log.masked).toEqual(
      expect.arrayContaining([e.oidc.issued[0], first.accessKey, first.secretKey, first.securityToken]),
    );
    await untilExpiry(session, 300); // renewal is due 600 ms before expiry
    const second = await session.current();
    expect(second.accessKey).not.toBe(first.accessKey);
    expect(e.oidc.issued).toHaveLength(2);
    expect(session.renewals).toBe(1);
  });

  it('retries STS on 503 and the token service on 500', async () => {
    const e = emulator();
    e.addFault({
      path: '/v5/agencies',
      status: 503,
      body: '{"error_code":"STS.0503","error_msg":"busy"}',
      times: 1,
    });
    e.addFault({ path: '/_oidc/token', status: 500, body: '{}', times: 1 });
    const session = await open();
    expect(session.expiration.getTime()).toBeGreaterThan(Date.now());
    expect(e.requests.filter((r) => r.path.startsWith('/v5/')).map((r) => r.status)).toEqual([503, 200]);
  });

  it('does not retry a refusal, and names no retry in its message', async () => {
    const e = emulator();
    await expect(open(settings({ agencyUrn: `iam::${'f'.repeat(32)}:agency:nope` }))).rejects.toThrow(
      /STS\.0404.*Check agency-urn and identity-provider-urn/,
    );
    expect(e.requests.filter((r) => r.path.startsWith('/v5/'))).toHaveLength(1);
  });

  it('links a refusal to the permissions page, as every permission-related error does', async () => {
    const e = emulator();
    e.addFault({ path: '/v5/agencies', status: 403, body: '{"error_code":"STS.0403","error_msg":"denied"}' });
    const error = await open().catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/trust condition on oidc:sub.*docs\/permissions\.md/);
  });

  it('keeps working keys when a renewal fails, and fails once they have expired', async () => {
    const e = emulator();
    const session = await open();
    const first = await session.current();
    e.addFault({ path: '/v5/agencies', status: 403, body: '{"error_code":"STS.0403","error_msg":"denied"}' });
    await untilExpiry(session, 300);
    expect(await session.current()).toBe(first);
    expect(log.warning[0]).toContain('Could not renew the temporary credentials yet');
    await untilExpiry(session, -50);
    const error = await session.current().catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).mayHaveActed).toBe(false);
  });

  it('turns a lost token service into a KeylessError', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', '');
    await expect(open()).rejects.toBeInstanceOf(KeylessError);
  });
});
