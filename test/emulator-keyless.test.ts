// The emulator's GitHub token service and Huawei STS: tokens are verified for real (signature
// against the issuer's JWKS, iss, aud, exp, the trust condition on sub), and the temporary keys
// work at the gateway and in OBS only with their security token and only until they expire.
import ObsSdk from 'esdk-obs-nodejs';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS, STS_PATH, type Emulator } from '../emulator/index.js';
import { signRequest } from '../src/api/signer.js';
import { useEmulator } from './support/fixture.js';

const emulator = useEmulator({ sts: { timeScale: 900 } }); // 15 minutes of credentials last 1 s
// Loosely typed on purpose: the tests assert the shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = Record<string, any>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exchange(e: Emulator, body: Record<string, unknown>) {
  const res = await fetch(`${e.url}${STS_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

async function validBody(e: Emulator, extra: Record<string, unknown> = {}) {
  return {
    id_token: await e.oidc.sign(undefined),
    provider_urn: STS_DEFAULTS.providerUrn,
    agency_urn: STS_DEFAULTS.agencyUrn,
    agency_session_name: 'octo-org-octo-repo-1',
    duration_seconds: 900,
    ...extra,
  };
}

/** A CPH call signed with the given keys (src/signer is checked against the official SDK signer). */
async function cphCall(e: Emulator, keys: { accessKey: string; secretKey: string; securityToken?: string }) {
  const url = new URL(`${e.url}/v1/${e.options.projectId}/cloud-phone/jobs/abc`);
  const headers = signRequest(
    { method: 'GET', url, headers: { 'X-Project-Id': e.options.projectId }, body: '' },
    keys,
  );
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('GitHub token service', () => {
  it('issues RS256 tokens with GitHub claims only to the bearer of the request token', async () => {
    const e = emulator();
    const env = e.idTokenEnv();
    const denied = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`);
    expect(denied.status).toBe(401);
    const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=huaweicloud`, {
      headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    const { value } = (await res.json()) as { value: string };
    const claims = decodeJwt(value);
    expect(claims).toMatchObject({
      iss: e.oidc.issuer,
      aud: 'huaweicloud',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      ref: 'refs/heads/main',
      run_id: '4242',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
    const jwks = (await (await fetch(`${e.oidc.issuer}/.well-known/jwks`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });
});

describe('STS AssumeAgencyWithOIDC', () => {
  it('answers temporary credentials for a trusted token', async () => {
    const e = emulator();
    const { status, body } = await exchange(e, await validBody(e));
    expect(status).toBe(200);
    expect(Object.keys(body.credentials).sort()).toEqual([
      'access_key_id',
      'expiration',
      'secret_access_key',
      'security_token',
    ]);
    expect(body.subject_from_id_token).toBe('repo:octo-org/octo-repo:ref:refs/heads/main');
    // 900 s at timeScale 900: one second.
    const left = Date.parse(body.credentials.expiration) - Date.now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(1000);
  });

  it.each([
    [
      'an expired token',
      async (e: Emulator) => ({ id_token: await e.oidc.sign(undefined, { exp: 1 }) }),
      /expired/,
    ],
    [
      'a foreign issuer',
      async (e: Emulator) => ({ id_token: await e.oidc.sign(undefined, { iss: 'https://evil.example' }) }),
      /claim iss/,
    ],
    [
      'a wrong audience',
      async (e: Emulator) => ({ id_token: await e.oidc.sign('sts.example') }),
      /claim aud/,
    ],
    [
      'a session longer than the agency allows',
      async () => ({ duration_seconds: 7200 }),
      /maximum session duration/,
    ],
    ['a one-letter session name', async () => ({ agency_session_name: 'x' }), /agency_session_name/],
    ['no provider_urn', async () => ({ provider_urn: undefined }), /provider_urn/],
  ])('refuses %s', async (_, change, message) => {
    const e = emulator();
    const { status, body } = await exchange(e, await validBody(e, await change(e)));
    expect(status).toBe(400);
    expect(body.error_msg).toMatch(message);
    expect(e.sts.issuedCount).toBe(0);
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const e = emulator();
    const { privateKey } = await generateKeyPair('RS256');
    const good = decodeJwt(await e.oidc.sign(undefined));
    const forged = await new SignJWT(good)
      .setProtectedHeader({ alg: 'RS256', kid: 'emulator-1' })
      .sign(privateKey);
    const { status, body } = await exchange(e, await validBody(e, { id_token: forged }));
    expect(status).toBe(400);
    expect(body.error_msg).toMatch(/signature/);
  });

  it('refuses a subject outside the trust condition with 403', async () => {
    const e = emulator();
    const token = await e.oidc.sign(undefined, { sub: 'repo:octo-org/octo-repo:pull_request' });
    const { status, body } = await exchange(e, await validBody(e, { id_token: token }));
    expect(status).toBe(403);
    expect(body.error_code).toBe('STS.0403');
  });

  it('refuses an unknown agency with 404', async () => {
    const e = emulator();
    const { status } = await exchange(
      e,
      await validBody(e, { agency_urn: `iam::${'f'.repeat(32)}:agency:other` }),
    );
    expect(status).toBe(404);
  });
});

describe('temporary keys at the gateway and in OBS', () => {
  async function issue(e: Emulator) {
    const { body } = await exchange(e, await validBody(e));
    const c = body.credentials as Record<string, string>;
    return { accessKey: c.access_key_id!, secretKey: c.secret_access_key!, securityToken: c.security_token! };
  }

  it('the gateway accepts them only with their security token, and only until expiration', async () => {
    const e = emulator();
    const keys = await issue(e);
    const withToken = await cphCall(e, keys);
    expect(withToken.body.error_code).not.toBe('APIGW.0301');
    const without = await cphCall(e, { accessKey: keys.accessKey, secretKey: keys.secretKey });
    expect(without).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    expect(without.body.error_msg).toContain('without its security token');
    const other = await cphCall(e, { ...keys, securityToken: `${keys.securityToken.slice(1)}A` });
    expect(other.status).toBe(401);
    await sleep(1100);
    const expired = await cphCall(e, keys);
    expect(expired.status).toBe(401);
    expect(expired.body.error_msg).toContain('expired');
  });

  it("OBS accepts the official SDK's uploads with the token, refuses them without it or once expired", async () => {
    const e = emulator();
    const keys = await issue(e);
    // The SDK finishes setting up on the next tick (as in emulator-obs.test.ts).
    const client = (token?: string) =>
      new ObsSdk({
        access_key_id: keys.accessKey,
        secret_access_key: keys.secretKey,
        ...(token ? { security_token: token } : {}),
        server: e.url,
        max_retry_count: 0,
        timeout: 10,
      });
    const put = async (sdk: ObsSdk) => {
      await new Promise((resolve) => setImmediate(resolve));
      return sdk.putObject({ Bucket: 'release-bucket', Key: 'a.apk', Body: 'apk' });
    };
    expect((await put(client(keys.securityToken))).CommonMsg.Status).toBe(200);
    const without = await put(client());
    expect(without.CommonMsg).toMatchObject({ Status: 403, Code: 'InvalidAccessKeyId' });
    await sleep(1100);
    const expired = await put(client(keys.securityToken));
    expect(expired.CommonMsg).toMatchObject({ Status: 400, Code: 'TokenRefreshRequired' });
  });
});
