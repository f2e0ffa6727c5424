import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS, STS_PATH, type Emulator } from '../emulator/index.js';
import { apiRequests, useEmulator, TIME_SCALE } from './support/fixture.js';
import { DEMO_APK } from './support/paths.js';
import { leakedSecrets, parseOutputFile, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

/** A workflow with no Huawei secret: only the agency and the provider it trusts. */
function keyless(e: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    endpoint: e.url,
    'project-id': e.options.projectId,
    'poll-interval': '1s',
    'sts-endpoint': e.url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    ...extra,
  };
}

/** What a job with `permissions: id-token: write` sees, plus a GITHUB_ENV file. */
function jobEnv(e: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-keyless-'));
  const envFile = join(dir, 'env');
  writeFileSync(envFile, '');
  return {
    ...e.idTokenEnv(),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_ENV: envFile,
    ...extra,
  };
}

/** Everything issued during a run (ID tokens, temporary keys) must be masked, never shown. */
function issuedSecrets(e: Emulator, envFile?: string): string[] {
  const exported = envFile ? parseOutputFile(readFileSync(envFile, 'utf8')) : {};
  const keys = [
    'HUAWEI_CLOUD_ACCESS_KEY_ID',
    'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
    'HUAWEI_CLOUD_SECURITY_TOKEN',
  ];
  return [...e.oidc.issued, ...keys.map((k) => exported[k] ?? '').filter((v) => v !== '')];
}

function expectNothingShown(run: ActionRun, secrets: string[]) {
  expect(secrets.length).toBeGreaterThan(0);
  expect(leakedSecrets(run, secrets)).toEqual([]);
  for (const s of secrets) expect(run.stdout).toContain(`::add-mask::${s}`);
}

const stsCalls = (e: Emulator) => apiRequests(e, 'POST', STS_PATH);

describe('keyless: deploy with the workflow OIDC identity', () => {
  it('installs a local APK on CPH phones with temporary keys: upload and every call carry the security token', async () => {
    const e = emulator();
    const env = jobEnv(e);
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'install-app',
        phones: 'phone-1,phone-2',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
      }),
      { env },
    );
    expect(run.stderr).toBe('');
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(
      e.getObject('release-bucket', run.outputs['obs-object'] ?? '')?.equals(readFileSync(DEMO_APK)),
    ).toBe(true);

    const [exchange, ...more] = stsCalls(e);
    expect(more).toEqual([]);
    expect(exchange?.headers.authorization).toBeUndefined();
    expect(exchange?.body).toEqual({
      id_token: e.oidc.issued[0],
      provider_urn: STS_DEFAULTS.providerUrn,
      agency_urn: STS_DEFAULTS.agencyUrn,
      agency_session_name: 'octo-org-octo-repo-4242',
      duration_seconds: 3600,
    });
    // The token asked for GitHub's default audience: no audience parameter.
    const tokenRequest = e.requests.find((r) => r.path === '/_oidc/token');
    expect(tokenRequest?.query).toEqual({ 'api-version': '2.0' });

    const uploads = e.requests.filter((r) => r.family === 'obs');
    expect(uploads.length).toBeGreaterThan(0);
    for (const r of uploads) expect(r.headers['x-obs-security-token']).toBeTruthy();
    const api = e.requests.filter((r) => r.family === 'cph');
    expect(api.length).toBeGreaterThan(1);
    for (const r of api) {
      expect(r.headers['x-security-token']).toBe(uploads[0]?.headers['x-obs-security-token']);
      expect(r.headers.authorization).toMatch(/SignedHeaders=[^,]*x-security-token/);
      expect(r.status).toBe(200);
    }
    expect(Date.parse(run.outputs['credentials-expiration'] ?? '')).toBeGreaterThan(Date.now());
    expectNothingShown(run, [...issuedSecrets(e), uploads[0]?.headers['x-obs-security-token'] ?? '']);
    expect(run.summary).toContain('succeeded');
  });

  it('installs on KooPhone from a URL pre-signed with the security token, capped to the credentials', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'install-app',
        instances: 'inst-1',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
        'session-duration': '15m',
        'url-expiry': '2h',
      }),
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    const url = new URL(run.outputs['apk-url'] ?? '');
    expect(url.searchParams.get('x-obs-security-token')).toBeTruthy();
    const expires = Number(url.searchParams.get('Expires')) * 1000;
    expect(expires).toBeLessThanOrEqual(Date.parse(run.outputs['credentials-expiration'] ?? '') + 1000);
    expect(run.stdout).toMatch(
      /::notice::The download URL is valid for 1[45]m \d+s, not 2h 0m \(url-expiry\)/,
    );
  });

  it('shows the STS refusal with the token claims when the trust condition on sub does not match', async () => {
    const e = emulator();
    e.oidc.options.environment = 'production';
    try {
      const run = await runActionInProcess(
        keyless(e, { operation: 'run-command', phones: 'p1', command: 'ls' }),
        {
          env: jobEnv(e),
        },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const [error] = run.errors;
      expect(error).toContain('Huawei STS AssumeAgencyWithOIDC failed: STS.0403');
      expect(error).toContain('HTTP 403');
      expect(error).toContain('trust condition on oidc:sub');
      expect(error).toContain('sub "repo:octo-org/octo-repo:environment:production"');
      expect(error).toContain(`iss "${e.oidc.issuer}", aud "https://github.com/octo-org"`);
      expect(run.outputs.status).toBe('failed');
      expect(run.summary).toContain('Nothing was sent to the fleet');
      expect(e.requests.filter((r) => r.family === 'cph' || r.family === 'obs')).toEqual([]);
      expectNothingShown(run, issuedSecrets(e));
    } finally {
      delete e.oidc.options.environment;
    }
  });

  it('names the audience as the cause when the provider does not list it as a client id', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      keyless(e, { operation: 'run-command', phones: 'p1', command: 'ls', 'oidc-audience': 'huaweicloud' }),
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(e.requests.find((r) => r.path === '/_oidc/token')?.query.audience).toBe('huaweicloud');
    const [error] = run.errors;
    expect(error).toContain('claim aud');
    expect(error).toContain("one of the identity provider's client ids");
    expect(error).toContain('aud "huaweicloud"');
  });

  it('says which permissions line to add when the job may not request a token', async () => {
    const e = emulator();
    const env = jobEnv(e);
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const run = await runActionInProcess(
      keyless(e, { operation: 'run-command', phones: 'p1', command: 'ls' }),
      {
        env,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('Add the line `id-token: write` under `permissions:`');
    expect(run.errors).toHaveLength(1);
    expect(run.outputs.status).toBe('failed');
    expect(e.requests).toEqual([]);
  });

  it("explains that a fork's pull request never gets a token", async () => {
    const e = emulator();
    const dir = mkdtempSync(join(tmpdir(), 'cpd-event-'));
    const event = join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: { head: { repo: { full_name: 'mallory/octo-repo' } } },
        repository: { full_name: 'octo-org/octo-repo' },
      }),
    );
    const env = jobEnv(e, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const run = await runActionInProcess(
      keyless(e, { operation: 'run-command', phones: 'p1', command: 'ls' }),
      {
        env,
      },
    );
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('pull request from the fork mallory/octo-repo');
    expect(run.errors[0]).not.toContain('id-token: write');
  });

  it('refuses keys given as inputs next to agency-urn, naming the one to remove', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'run-command',
        phones: 'p1',
        command: 'ls',
        'access-key': e.options.accessKey,
        'secret-key': e.options.secretKey,
      }),
      { env: jobEnv(e) },
    );
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain("Input 'access-key' cannot be combined with agency-urn");
    expect(e.requests).toEqual([]);
  });

  it('ignores keys in the environment with a notice', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      keyless(e, { operation: 'run-command', phones: 'p1', command: 'ls' }),
      {
        env: jobEnv(e, {
          HUAWEI_CLOUD_ACCESS_KEY_ID: 'STALEKEY000000000000',
          HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'stale-secret-00000000',
        }),
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::notice::HUAWEI_CLOUD_ACCESS_KEY_ID is set in the environment but not used',
    );
    for (const r of e.requests.filter((x) => x.family === 'cph'))
      expect(r.headers.authorization).not.toContain('STALEKEY');
  });

  it('exports the temporary keys to GITHUB_ENV for later steps, masked', async () => {
    const e = emulator();
    const env = jobEnv(e);
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'run-command',
        phones: 'p1',
        command: 'ls',
        region: 'cn-north-4',
        'export-credentials': 'true',
      }),
      { env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const exported = parseOutputFile(readFileSync(env.GITHUB_ENV as string, 'utf8'));
    expect(Object.keys(exported).sort()).toEqual([
      'HUAWEI_CLOUD_ACCESS_KEY_ID',
      'HUAWEI_CLOUD_PROJECT_ID',
      'HUAWEI_CLOUD_REGION',
      'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
      'HUAWEI_CLOUD_SECURITY_TOKEN',
    ]);
    expect(exported.HUAWEI_CLOUD_REGION).toBe('cn-north-4');
    // The exported keys are the ones STS issued, and they work.
    const check = e.sts.check(
      exported.HUAWEI_CLOUD_ACCESS_KEY_ID ?? '',
      exported.HUAWEI_CLOUD_SECURITY_TOKEN,
      Date.now(),
    );
    expect(check?.ok).toBe(true);
    expectNothingShown(run, issuedSecrets(e, env.GITHUB_ENV));
  });

  it('only authenticates and exports when operation is left out', async () => {
    const e = emulator();
    const env = jobEnv(e);
    // The inputs of a step that only authenticates: no operation, no endpoint, no targets.
    const inputs = {
      'project-id': e.options.projectId,
      'sts-endpoint': e.url,
      'agency-urn': STS_DEFAULTS.agencyUrn,
      'identity-provider-urn': STS_DEFAULTS.providerUrn,
      'export-credentials': 'true',
    };
    const run = await runActionInProcess(inputs, { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.errors).toEqual([]);
    expect(stsCalls(e)).toHaveLength(1);
    expect(e.requests.filter((r) => r.family !== 'other')).toEqual([]);
    const exported = parseOutputFile(readFileSync(env.GITHUB_ENV as string, 'utf8'));
    expect(exported.HUAWEI_CLOUD_PROJECT_ID).toBe(e.options.projectId);
    expect(exported.HUAWEI_CLOUD_SECURITY_TOKEN?.length).toBe(STS_DEFAULTS.securityTokenLength);
    expect(Date.parse(run.outputs['credentials-expiration'] ?? '')).toBeGreaterThan(Date.now());
    expect(run.summary).toContain('authenticated');
    expect(run.outputs.status).toBe('succeeded');
    expectNothingShown(run, issuedSecrets(e, env.GITHUB_ENV));
  });

  it('auth-only mode fails with the outputs and summary written when STS refuses', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      {
        'sts-endpoint': e.url,
        'agency-urn': `iam::${'f'.repeat(32)}:agency:missing`,
        'identity-provider-urn': STS_DEFAULTS.providerUrn,
        'export-credentials': 'true',
      },
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('STS.0404');
    expect(run.errors[0]).toContain('Check agency-urn and identity-provider-urn');
    expect(run.outputs).toMatchObject({ status: 'failed', 'credentials-expiration': '' });
    expect(run.summary).toContain('keyless authentication failed');
  });

  it('dry-run validates the keyless inputs and shows the exchange without calling anything', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'run-command',
        phones: 'p1',
        command: 'ls',
        'dry-run': 'true',
        'session-duration': '2h',
      }),
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(e.requests).toEqual([]);
    expect(run.stdout).toContain(`POST ${e.url}${STS_PATH}`);
    expect(run.stdout).toContain('"duration_seconds": 7200');
    expect(run.stdout).toContain('"id_token": "***"');
    expect(run.stdout).toContain('X-Security-Token: ***');
  });
});

describe('keyless: renewal during a long wait (scaled clock)', () => {
  // 15 minutes of credentials last 1.5 s of real time here (STS timeScale, a test-only emulator
  // option; credential expiry stays on real time in the action), and the jobs take 3 s of real time:
  // the action must renew at least twice while polling.
  const scaled = useEmulator({
    timeScale: TIME_SCALE,
    jobDurationMs: 3000 * TIME_SCALE,
    sts: { timeScale: 600 },
  });

  it('renews the temporary keys before they expire and keeps polling', async () => {
    const e = scaled();
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'install-app',
        phones: 'phone-1',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
        'session-duration': '15m',
      }),
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(stsCalls(e).length).toBeGreaterThanOrEqual(3);
    expect(e.oidc.issued.length).toBe(stsCalls(e).length); // a new ID token for every exchange
    expect(run.stdout).toContain('Keyless: renewed the temporary credentials');
    // Every call was accepted: no request ever went out with expired keys.
    // (The one HEAD that finds no object yet is the upload-once check, not a refusal.)
    expect(e.requests.filter((r) => r.status >= 400 && !(r.method === 'HEAD' && r.status === 404))).toEqual(
      [],
    );
    const tokens = new Set(
      e.requests.filter((r) => r.family === 'cph').map((r) => r.headers['x-security-token']),
    );
    expect(tokens.size).toBeGreaterThanOrEqual(2);
    expectNothingShown(run, issuedSecrets(e));
  }, 60_000);
});

describe('keyless: a security token too long for a KooPhone download URL', () => {
  const longToken = useEmulator({ timeScale: TIME_SCALE, sts: { securityTokenLength: 2600 } });

  it('stops before installing and says what to do instead', async () => {
    const e = longToken();
    const run = await runActionInProcess(
      keyless(e, {
        operation: 'install-app',
        instances: 'inst-1',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
      }),
      { env: jobEnv(e) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /Input 'agency-urn' gives temporary keys whose security token makes the pre-signed URL \d+ characters long, over KooPhone's limit of 2000/,
    );
    expect(apiRequests(e, 'POST', '/app/install')).toEqual([]);
    expectNothingShown(run, issuedSecrets(e));
  });
});
