import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { bigApk } from './support/big-apk.js';
import { apkFixture, DEMO_APK } from './support/paths.js';
import { results, visibleText as visible } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });
const DEMO_MD5 = '696f7a997f064b5711a291a51eab7f18';

function release(extra: Record<string, string>) {
  const e = emulator();
  return {
    operation: 'install-app',
    ...connection(e, 'aksk'),
    'obs-endpoint': e.url,
    'obs-bucket': 'release-bucket',
    'apk-path': DEMO_APK,
    ...extra,
  };
}

/**
 * A big APK made by a real zip tool (Python's zipfile): the demo APK plus a large random asset. Made once
 * per file and shared (each test's emulator starts empty), since python3 and 70 MB take seconds.
 */
describe('install-app from a local APK (release workflow)', () => {
  it('warns that a URL pre-signed with temporary keys dies with the token', async () => {
    const run = await runActionInProcess(
      release({
        instances: 'rel-1',
        'security-token': 'temporary-token',
        'url-expiry': '2h',
        'dry-run': 'true',
      }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.some((w) => w.includes('temporary keys') && w.includes('url-expiry (2h 0m)'))).toBe(true);
    expect(warnings.join('\n')).not.toContain('temporary-token');
  });

  it('does not warn with permanent keys', async () => {
    const run = await runActionInProcess(
      release({ instances: 'rel-1', 'url-expiry': '2h', 'dry-run': 'true' }),
    );
    expect(run.stdout).not.toContain('temporary keys');
  });

  it('reads the APK, uploads it to OBS, installs it from a pre-signed URL', async () => {
    const run = await runActionInProcess(release({ instances: 'rel-1,rel-2' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    const key = 'cloud-phone-deploy/com.example.demo/1.4.2/demo.apk';
    expect(run.outputs['obs-object']).toBe(key);
    expect(emulator().getObject('release-bucket', key)?.equals(readFileSync(DEMO_APK))).toBe(true);

    const [install] = apiRequests(emulator(), 'POST', '/app/install');
    expect(install?.body).toMatchObject({
      object_name: 'com.example.demo',
      object_version: '1.4.2',
      object_size: '1',
      content_md5: DEMO_MD5,
      file_name: 'demo.apk',
      instance_id_list: ['rel-1', 'rel-2'],
    });
    const url = (install?.body as { install_package_url: string }).install_package_url;
    expect(url).toBe(run.outputs['apk-url']);
    expect(url).toMatch(/AccessKeyId=.*Signature=/);
    // The emulated install downloaded and checked the package: every job succeeded.
    expect(results(run).every((r) => r.status === 'succeeded')).toBe(true);
    // The signed query never shows anywhere but in the output meant to carry it.
    for (const value of new URL(url).searchParams.values()) expect(visible(run)).not.toContain(value);
    expect(run.stdout).toContain('Uploaded demo.apk');
  });

  it('logs the APK with its versionCode and signature schemes, and no fold without a line in it', async () => {
    // Step debugging off, as in most runs: debug lines are then hidden.
    const run = await runActionInProcess(release({ instances: 'rel-1' }), {
      env: { ACTIONS_STEP_DEBUG: '', RUNNER_DEBUG: '' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /APK demo\.apk: com\.example\.demo 1\.4\.2 \(versionCode \d+\), \d+ bytes, signed v/,
    );
    // Debug lines are hidden on the runner, and ::add-mask:: lines consumed: a fold of only those is empty.
    const shown = run.stdout
      .split('\n')
      .filter((line) => line && !line.startsWith('::debug::') && !line.startsWith('::add-mask::'));
    const empty = shown.filter((line, i) => line.startsWith('::group::') && shown[i + 1] === '::endgroup::');
    expect(empty).toEqual([]);
    expect(shown).toContain('::group::Inputs');
  });

  // One 70 MiB upload serves both: the multipart upload itself, then the re-run that must not repeat it.
  it('uploads a large APK in parallel multipart parts and installs it; a re-run with the same file sends no object bytes and installs the same package', async () => {
    const file = bigApk();
    const md5 = createHash('md5').update(readFileSync(file)).digest('hex');
    const inputs = release({ instances: 'wave-1', 'apk-path': file, 'obs-object': 'builds/once.apk' });
    // The action uploads only files of the workspace: the APK's folder is the run's.
    const inWorkspace = { env: { GITHUB_WORKSPACE: dirname(file) } };
    const first = await runActionInProcess(inputs, inWorkspace);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(
      /Uploaded big-release\.apk to obs:\/\/release-bucket\/builds\/once\.apk \(\d+ parts/,
    );
    const afterFirst = emulator().obsStats();
    expect(afterFirst.partsReceived).toBeGreaterThan(1);
    expect(afterFirst.maxConcurrentPartUploads).toBeGreaterThan(1);
    expect(afterFirst.objectBytesReceived).toBe(statSync(file).size);
    const stored = emulator().getObject('release-bucket', 'builds/once.apk');
    expect(stored && createHash('md5').update(stored).digest('hex')).toBe(md5);
    const [install] = apiRequests(emulator(), 'POST', '/app/install');
    expect(install?.body).toMatchObject({
      content_md5: md5,
      object_size: String(Math.ceil(statSync(file).size / 1048576)),
    });
    const requestsBefore = emulator().requests.length;

    const second = await runActionInProcess({ ...inputs, instances: 'wave-2' }, inWorkspace);
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect(second.stdout).toContain(
      `obs://release-bucket/builds/once.apk already holds big-release.apk (same size, md5 ${md5}): already in OBS, not uploaded`,
    );
    expect(second.stdout).not.toContain('Uploaded');
    const secondObs = emulator()
      .requests.slice(requestsBefore)
      .filter((r) => r.family === 'obs');
    // Only the HEAD that compares: no PUT, no multipart upload, no object byte.
    expect(secondObs.map((r) => r.method)).toEqual(['HEAD']);
    expect(emulator().obsStats()).toMatchObject({
      objectBytesReceived: afterFirst.objectBytesReceived,
      uploadsInitiated: afterFirst.uploadsInitiated,
    });
    const installs = apiRequests(emulator(), 'POST', '/app/install');
    expect(installs.map((r) => (r.body as { content_md5: string }).content_md5)).toEqual([md5, md5]);
    expect(results(second).every((r) => r.status === 'succeeded')).toBe(true);
    expect(second.outputs['apk-url']).toMatch(/Signature=/);
  });

  it('installs the uploaded APK on CPH phones with the ADB install command', async () => {
    const run = await runActionInProcess(release({ phones: 'ph-1 ph-2', 'install-flags': '-d -g' }));
    expect(run.code).toBe(0);
    const [command] = apiRequests(emulator(), 'POST', '/phones/commands');
    expect(command?.path).toContain(`/v1/${emulator().options.projectId}/cloud-phone/phones/commands`);
    expect(command?.body).toEqual({
      command: 'install',
      content: '-r -d -g obs://release-bucket/cloud-phone-deploy/com.example.demo/1.4.2/demo.apk',
      phone_ids: ['ph-1', 'ph-2'],
    });
    expect(results(run).map((r) => [r.target, r.target_type, r.status])).toEqual([
      ['ph-1', 'phone', 'succeeded'],
      ['ph-2', 'phone', 'succeeded'],
    ]);
    expect(run.outputs['apk-url']).toBe('');
  });

  it('installs an APK already in OBS on CPH servers without uploading', async () => {
    emulator().putObject('apps-bucket', 'builds/app.apk', readFileSync(DEMO_APK));
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(emulator()),
      servers: 'srv-9',
      'obs-bucket': 'apps-bucket',
      'obs-object': 'builds/app.apk',
    });
    expect(run.code).toBe(0);
    expect(apiRequests(emulator(), 'PUT')).toHaveLength(0);
    expect(apiRequests(emulator(), 'POST')[0]?.body).toEqual({
      command: 'install',
      content: '-r obs://apps-bucket/builds/app.apk',
      server_ids: ['srv-9'],
    });
  });

  it('fails the jobs when the OBS object does not exist', async () => {
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(emulator()),
      phones: 'ph-1',
      'obs-bucket': 'apps-bucket',
      'obs-object': 'missing/app.apk',
    });
    expect(run.code).toBe(1);
    expect(run.outputs['failed-targets']).toBe('ph-1');
  });

  it('dry-run reads the APK but uploads and sends nothing', async () => {
    const run = await runActionInProcess(release({ instances: 'rel-1', 'dry-run': 'true' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
    expect(run.stdout).toContain(
      'would upload demo.apk to obs://release-bucket/cloud-phone-deploy/com.example.demo/1.4.2/demo.apk',
    );
    expect(run.summary).toContain(DEMO_MD5);
  });

  it('takes the signed APK a pattern matches beside its *-unsigned.apk, and says which it took', async () => {
    const pattern = apkFixture('demo*.apk');
    const run = await runActionInProcess(
      release({ instances: 'rel-1', 'dry-run': 'true', 'apk-path': pattern }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'apk-path matched 2 files: took test/fixtures/apk/demo.apk, left out test/fixtures/apk/demo-unsigned.apk (named unsigned, beside it)',
    );
    expect(run.summary).toContain(DEMO_MD5);
  });

  it.each([
    [
      { 'package-name': 'com.example.other' },
      "Input 'package-name' does not match the package of demo.apk ('com.example.demo')",
    ],
    [{ 'apk-path': 'no/such/*.apk' }, "Input 'apk-path' must match exactly one file, but nothing matched"],
    [{ 'apk-path': apkFixture('not-an-apk.apk') }, "Input 'apk-path'"],
    [{ 'apk-path': apkFixture('corrupt.apk') }, "Input 'apk-path' must be an APK"],
    [{ 'apk-path': apkFixture('demo-unsigned.apk') }, "Input 'apk-path' must be a signed APK"],
    [{ phones: 'ph-1' }, "Input 'phones' cannot be combined with instances"],
    [{ 'obs-bucket': '' }, "Input 'obs-bucket' is required to upload apk-path"],
  ])('refuses %o before sending anything', async (change, message) => {
    const run = await runActionInProcess(release({ instances: 'rel-1', ...change }));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(message);
    expect(emulator().requests).toHaveLength(0);
  });

  it('refuses to upload with an IAM token (OBS needs AK/SK)', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e),
      instances: 'a',
      'apk-path': DEMO_APK,
      'obs-bucket': 'b-1',
      'obs-endpoint': e.url,
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain("Input 'auth-token' cannot upload to OBS");
    expect(e.requests).toHaveLength(0);
  });
});
