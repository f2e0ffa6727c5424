import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { apiRequests, connection, ids, useEmulator, TIME_SCALE } from './support/fixture.js';
import { visibleText } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

/** The package the install jobs download from the emulator's OBS: 2 MB once rounded up. */
const APK = randomBytes(2 * 1024 * 1024 - 1000);
const APK_MD5 = createHash('md5').update(APK).digest('hex');

/** Seeds the package (reset() empties OBS between tests) and returns its pre-signed URL. */
function packageUrl(e: Emulator, expiresInSeconds = 3600): string {
  e.putObject('bucket', 'apps/demo.apk', APK);
  return e.presignedUrl('bucket', 'apps/demo.apk', expiresInSeconds);
}

/** The URL's credentials, decoded and as they appear in the URL: neither may be shown. */
function urlSecrets(url: string): string[] {
  const query = new URL(url).searchParams;
  const raw = (name: string) => new RegExp(`[?&]${name}=([^&]+)`).exec(url)?.[1] ?? '';
  return [query.get('Signature') ?? '', raw('Signature'), query.get('AccessKeyId') ?? ''].filter(
    (s) => s !== '',
  );
}

function installInputs(overrides: Record<string, string> = {}, auth: 'token' | 'aksk' = 'token') {
  const e = emulator();
  return {
    operation: 'install-app',
    ...connection(e, auth),
    instances: 'inst-a, inst-b\ninst-c',
    'apk-url': packageUrl(e),
    'package-name': 'com.example.demo',
    'version-name': '2.3.4',
    'apk-size-mb': '2',
    ...overrides,
  };
}

describe('install-app, whole runs in process against the emulator', () => {
  it('installs on every instance with AK/SK signing and reports success', async () => {
    const run = await runActionInProcess(
      installInputs({ 'fast-install': 'true', 'apk-md5': APK_MD5 }, 'aksk'),
    );
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(run.outputs.succeeded).toBe('3');
    expect(run.outputs.failed).toBe('0');
    expect(run.outputs['failed-targets']).toBe('');
    const results = JSON.parse(run.outputs.results ?? '[]');
    expect(results.map((r: { target: string }) => r.target)).toEqual(['inst-a', 'inst-b', 'inst-c']);
    expect(results[0]).toMatchObject({ target_type: 'instance', status: 'succeeded', error_code: '' });
    expect(results[0].job_id).not.toBe('');
    const taskIds = JSON.parse(run.outputs['task-ids'] ?? '[]');
    expect(taskIds).toHaveLength(1);
    expect(taskIds[0]).toMatch(/^ZGCA/);

    const [submit] = apiRequests(emulator(), 'POST', '/app/install');
    expect(submit?.body).toEqual({
      fast_install: '1',
      object_name: 'com.example.demo',
      file_name: 'demo.apk',
      object_version: '2.3.4',
      object_size: '2',
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: APK_MD5,
      install_package_url: expect.stringContaining('/bucket/apps/demo.apk?'),
      instance_id_list: ['inst-a', 'inst-b', 'inst-c'],
    });
    expect(submit?.headers['x-project-id']).toBe(emulator().options.projectId);
    expect(submit?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    expect(run.summary).toContain('`install-app` succeeded');
    expect(run.summary).toContain('**3** succeeded');
  });

  it('reports partial failure, with the exit code chosen by fail-on', async () => {
    emulator().setOutcome('inst-b', {
      status: 'failed',
      errorCode: 'INSTALL_FAILED_VERSION_DOWNGRADE',
      errorMessage: 'newer version installed',
    });
    const any = await runActionInProcess(installInputs());
    expect(any.outputs.status).toBe('partial');
    expect(any.code).toBe(1);
    expect(any.outputs['failed-targets']).toBe('inst-b');
    expect(
      any.errors.some((l) => l.includes('inst-b') && l.includes('INSTALL_FAILED_VERSION_DOWNGRADE')),
    ).toBe(true);
    expect(any.summary).toContain('INSTALL_FAILED_VERSION_DOWNGRADE');
    const all = await runActionInProcess(installInputs({ 'fail-on': 'all' }));
    expect(all.outputs.status).toBe('partial');
    expect(all.code).toBe(0);
    const never = await runActionInProcess(installInputs({ 'fail-on': 'never' }));
    expect(never.code).toBe(0);
  });

  it('fails when every instance fails, unless fail-on is never', async () => {
    for (const id of ['inst-a', 'inst-b', 'inst-c'])
      emulator().setOutcome(id, { status: 'failed', errorCode: 'E1', errorMessage: 'boom' });
    const all = await runActionInProcess(installInputs({ 'fail-on': 'all' }));
    expect(all.outputs.status).toBe('failed');
    expect(all.code).toBe(1);
    expect(all.outputs['failed-targets']).toBe('inst-a,inst-b,inst-c');
  });

  it('splits 150 instances into calls of 100 and 50 and maps every job back', async () => {
    const instances = ids('bulk', 150);
    const run = await runActionInProcess(installInputs({ instances: JSON.stringify(instances) }));
    expect(run.code).toBe(0);
    const submits = apiRequests(emulator(), 'POST', '/app/install');
    expect(
      submits.map((r) => (r.body as { instance_id_list: string[] }).instance_id_list.length).sort(),
    ).toEqual([100, 50].sort());
    expect(JSON.parse(run.outputs['task-ids'] ?? '[]')).toHaveLength(2);
    const results = JSON.parse(run.outputs.results ?? '[]');
    expect(results).toHaveLength(150);
    expect(new Set(results.map((r: { target: string }) => r.target))).toEqual(new Set(instances));
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('returns right after submitting when wait is false', async () => {
    const run = await runActionInProcess(installInputs({ wait: 'false', 'poll-interval': '' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('submitted');
    expect(run.outputs.running).toBe('3');
    expect(emulator().requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('dry-run validates, shows the masked request and sends nothing', async () => {
    const inputs = installInputs({ 'dry-run': 'true' });
    const run = await runActionInProcess(inputs);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
    expect(run.stdout).toContain('/v1/instances/app/install');
    expect(run.summary).toContain('"instance_id_list"');
    // ::add-mask:: lines are consumed by the runner, never shown.
    const visible = visibleText(run);
    for (const secret of urlSecrets(inputs['apk-url'])) expect(visible).not.toContain(secret);
    expect(visible).not.toContain(emulator().options.token);
  });

  it('authenticates with a token', async () => {
    const run = await runActionInProcess(installInputs());
    expect(run.code).toBe(0);
    const [submit] = apiRequests(emulator(), 'POST');
    expect(submit?.headers['x-auth-token']).toBe(emulator().options.token);
    expect(submit?.headers.authorization).toBeUndefined();
    expect(submit?.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('explains a rejected secret key (APIGW.0301) and fails', async () => {
    const run = await runActionInProcess(
      installInputs({ 'secret-key': 'wrong-secret-key-000000000000000000' }, 'aksk'),
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.stdout).toContain('APIGW.0301');
    expect(run.stdout).toMatch(/check access-key\/secret-key/);
    expect(run.stdout).toMatch(/request id [0-9a-zA-Z-]+/);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
  });

  it.each([
    [{ 'package-name': '' }, "Input 'package-name' is required"],
    [
      { 'package-name': `com.example.${'x'.repeat(100)}` },
      "Input 'package-name' must be at most 100 characters",
    ],
  ])('refuses bad input %o before sending anything', async (change, message) => {
    const run = await runActionInProcess(installInputs(change));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(message);
    expect(emulator().requests).toHaveLength(0);
  });

  it('never shows secrets in logs, outputs or summary, even with debug logging', async () => {
    emulator().setOutcome('inst-c', { status: 'failed', errorCode: 'E', errorMessage: 'failed' });
    const e = emulator();
    for (const auth of ['token', 'aksk'] as const) {
      const inputs = installInputs({}, auth);
      const run = await runActionInProcess(inputs, {
        env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' },
      });
      const visible = visibleText(run);
      for (const secret of [
        e.options.token,
        e.options.secretKey,
        e.options.accessKey,
        ...urlSecrets(inputs['apk-url']),
      ]) {
        expect(visible).not.toContain(secret);
      }
      expect(run.stdout).toContain('::debug::');
    }
  });
  it.each([
    ['has expired', (e: Emulator) => packageUrl(e, -60), /HTTP 403 AccessDenied: Request has expired/],
    [
      'carries a wrong signature',
      (e: Emulator) =>
        packageUrl(e).replace(/Signature=[^&]+/, `Signature=${encodeURIComponent('A'.repeat(27) + '=')}`),
      /HTTP 403 SignatureDoesNotMatch/,
    ],
  ])('fails every install when the package URL %s and does not download', async (_name, url, reason) => {
    const run = await runActionInProcess(installInputs({ 'apk-url': url(emulator()) }));
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs['failed-targets']).toBe('inst-a,inst-b,inst-c');
    const results = JSON.parse(run.outputs.results ?? '[]');
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r).toMatchObject({ status: 'failed', error_code: 'KOOPHONE.INSTALL.DOWNLOAD_FAILED' });
      expect(r.error_message).toMatch(/^could not download the package: /);
      expect(r.error_message).toMatch(reason);
    }
    expect(run.summary).toContain('KOOPHONE.INSTALL.DOWNLOAD_FAILED');
  });

  it('fails every install when apk-md5 is not the MD5 of the package', async () => {
    const wrong = 'd41d8cd98f00b204e9800998ecf8427e';
    const run = await runActionInProcess(installInputs({ 'apk-md5': wrong }));
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const results = JSON.parse(run.outputs.results ?? '[]');
    for (const r of results) {
      expect(r).toMatchObject({ status: 'failed', error_code: 'KOOPHONE.INSTALL.MD5_MISMATCH' });
      expect(r.error_message).toBe(
        `content_md5 ${wrong} does not match the MD5 of the downloaded package, ${APK_MD5}`,
      );
    }
    expect(run.errors.some((l) => l.includes('KOOPHONE.INSTALL.MD5_MISMATCH'))).toBe(true);
  });
});
