// The run pipeline's order: every input error (the APK's included) before any request, and an
// operation's steps that return the next parameters instead of changing the ones they were given.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS } from '../emulator/index.js';
import { readSettings } from '../src/operations/settings.js';
import type { PrepareContext } from '../src/operations/operation.js';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runActionInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';
import { prodFleet, release } from './support/rollout-fleet.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

describe('every input error comes before any request', () => {
  it('verify with no versionCode to compare: refused before the selection is listed', async () => {
    prodFleet(emulator);
    const e = emulator();
    const run = await runActionInProcess(release(emulator, { 'version-code': '' }));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('failed');
    expect(run.errors).toEqual([expect.stringContaining("Input 'version-code' is required with verify")]);
    expect(e.requests).toEqual([]);
  });

  it('keyless with an apk-path that is no APK: refused before the token exchange', async () => {
    const e = emulator();
    const notApk = join(mkdtempSync(join(tmpdir(), 'cpd-pipeline-')), 'app.apk');
    writeFileSync(notApk, 'not a zip');
    const run = await runActionInProcess(
      {
        operation: 'install-app',
        endpoint: e.url,
        'project-id': e.options.projectId,
        'sts-endpoint': e.url,
        'agency-urn': STS_DEFAULTS.agencyUrn,
        'identity-provider-urn': STS_DEFAULTS.providerUrn,
        phones: 'phone-1',
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': notApk,
      },
      { env: { ...e.idTokenEnv(), GITHUB_REPOSITORY: 'octo-org/octo-repo' } },
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('failed');
    expect(run.errors).toEqual([expect.stringContaining("Input 'apk-path'")]);
    // Neither the ID token nor the temporary keys were asked for.
    expect(e.requests).toEqual([]);
  });
});

describe("an operation's steps return new parameters", () => {
  it('resolve() reads the APK into a new bound operation and leaves the one it was called on as it was', async () => {
    const e = emulator();
    const inputs: Record<string, string> = {
      ...connection(e, 'aksk'),
      operation: 'install-app',
      phones: 'phone-1',
      'obs-bucket': 'apps',
      'obs-endpoint': e.url,
      'apk-path': DEMO_APK,
      'dry-run': 'true',
    };
    const settings = readSettings((name) => inputs[name] ?? '', {});
    const context: PrepareContext = {
      settings,
      dryRun: true,
      info: () => {},
      warning: () => {},
      debug: () => {},
      mask: () => {},
      setOutput: () => {},
    };
    const before = settings.operation.installs?.();
    const resolved = await settings.operation.resolve(context);
    expect(before).toEqual({ packageName: undefined, versionCode: undefined, fromApk: true });
    expect(settings.operation.installs?.()).toEqual(before);
    expect(resolved.installs?.()).toEqual({
      packageName: 'com.example.demo',
      versionCode: 42,
      fromApk: true,
      versionName: '1.4.2',
      md5: '696f7a997f064b5711a291a51eab7f18',
      source: 'obs://apps/cloud-phone-deploy/com.example.demo/1.4.2/demo.apk',
    });
    expect(resolved.buildCalls(settings)[0]?.body).toMatchObject({
      content: expect.stringMatching(/^-r obs:\/\/apps\/cloud-phone-deploy\/com\.example\.demo\//),
    });
    expect(e.requests).toEqual([]);
  });
});
