// The bundle as a runner runs it: `node dist/index.js`, inputs in INPUT_* variables, outputs and the
// summary through files, on real time. One run per operation and per end state proves the wiring of
// what the in-process tests check in depth (test/action-*.test.ts); runAction also holds every run to
// an empty stderr and no secret shown. Cancellation (signals during submit, poll and upload) is in
// test/e2e-cancel.test.ts, the proxy and user agent in test/e2e-network.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'vitest';
import { startEmulator, STS_DEFAULTS, STS_PATH, type Emulator } from '../emulator/index.js';
import { apiRequests, connection } from './support/fixture.js';
import { bigApk } from './support/big-apk.js';
import { DEMO_APK } from './support/paths.js';
import { prodFleet, release } from './support/rollout-fleet.js';
import { results, runAction } from './support/run-action.js';

/**
 * Each run gets its own emulator, so that the runs, which mostly wait on real time (a 1 s poll interval
 * at the least), go side by side.
 */
async function withEmulator(test: (e: Emulator) => Promise<void>): Promise<void> {
  const e = await startEmulator({ jobDurationMs: 300, unknownTargets: ['srv-bogus'], phonesPerServer: 2 });
  try {
    await test(e);
  } finally {
    await e.close();
  }
}

describe('every operation through dist/index.js', () => {
  it.concurrent('run-command on KooPhone instances (token): succeeded', ({ expect }) =>
    withEmulator(async (e) => {
      const run = await runAction({
        operation: 'run-command',
        ...connection(e),
        command: 'pm list packages',
        instances: 'i-1,i-2',
      });
      expect(run.code).toBe(0);
      expect(run.errors).toEqual([]);
      expect(run.outputs.status).toBe('succeeded');
      expect(run.outputs.succeeded).toBe('2');
      expect(apiRequests(e, 'POST', '/async-command')[0]?.body).toEqual({
        command: 'pm list packages',
        instance_ids: ['i-1', 'i-2'],
      });
      expect(results(run).map((r) => [r.target, r.status])).toEqual([
        ['i-1', 'succeeded'],
        ['i-2', 'succeeded'],
      ]);
      expect(run.summary).toContain('**2** succeeded');
      expect(run.stdout).toContain('::group::Inputs');
    }),
  );

  it.concurrent(
    'install-app from a URL on KooPhone instances (AK/SK), one instance failing: partial, exit 1',
    ({ expect }) =>
      withEmulator(async (e) => {
        e.putObject('bucket', 'apps/demo.apk', readFileSync(DEMO_APK));
        e.setOutcome('inst-b', {
          status: 'failed',
          errorCode: 'KOOPHONE.API.1300',
          errorMessage: 'no space left',
        });
        const run = await runAction({
          operation: 'install-app',
          ...connection(e, 'aksk'),
          instances: 'inst-a,inst-b',
          'apk-url': e.presignedUrl('bucket', 'apps/demo.apk', 3600),
          'package-name': 'com.example.demo',
          // The deprecated name of version-name, through the bundle: it still works, with a warning.
          'app-version': '1.4.2',
          'apk-size-mb': '1',
        });
        expect(run.stdout).toContain(
          "::warning::Input 'app-version' is deprecated: use 'version-name' instead, which means the same.",
        );
        expect(apiRequests(e, 'POST', '/app/install')[0]?.body).toMatchObject({ object_version: '1.4.2' });
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('partial');
        expect(run.outputs['failed-targets']).toBe('inst-b');
        expect(results(run).find((r) => r.target === 'inst-b')?.error_code).toBe('KOOPHONE.API.1300');
        for (const r of apiRequests(e, undefined, '/v1/'))
          expect(r.headers.authorization).toMatch(/^SDK-HMAC-SHA256/);
        expect(run.errors.length).toBeGreaterThan(0);
      }),
  );

  // Above the multipart threshold: parts in flight, the hashing thread, the first part read ahead.
  // The run must end by itself once done: a thread left running would keep the process alive.
  it.concurrent(
    'install-app of a local APK on CPH phones: uploaded to OBS in parts, then succeeded',
    ({ expect }) =>
      withEmulator(async (e) => {
        const apk = bigApk();
        const run = await runAction(
          {
            operation: 'install-app',
            ...connection(e, 'aksk'),
            phones: 'phone-1',
            'obs-endpoint': e.url,
            'obs-bucket': 'release-bucket',
            // A pattern: @actions/glob is loaded only for one, and must work from the bundle too.
            'apk-path': join(dirname(apk), 'big-*.apk'),
          },
          { env: { GITHUB_WORKSPACE: dirname(apk) } },
        );
        expect(run.code).toBe(0);
        expect(run.outputs.status).toBe('succeeded');
        // 70 MiB: nine parts of up to 8 MiB.
        expect(e.obsStats()).toMatchObject({ partsReceived: 9, uploadsCompleted: 1, openUploads: 0 });
        expect(
          e.getObject('release-bucket', run.outputs['obs-object'] ?? '')?.equals(readFileSync(apk)),
        ).toBe(true);
        expect(apiRequests(e, 'POST', '/phones/commands')).toHaveLength(1);
      }),
  );

  it.concurrent('push-shared-app with every server failing: failed, exit 1', ({ expect }) =>
    withEmulator(async (e) => {
      e.setOutcome('srv-1', { status: 'failed', errorCode: 'CPS.0003', errorMessage: 'system error' });
      const run = await runAction({
        operation: 'push-shared-app',
        ...connection(e),
        servers: 'srv-1',
        'package-name': 'com.example.game',
        'obs-bucket': 'apps-bucket',
        'obs-object': 'games/game.tar',
      });
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(run.outputs['failed-targets']).toBe('srv-1');
      expect(JSON.parse(run.outputs['request-ids'] ?? '[]')).toHaveLength(1);
      expect(run.summary).toContain('CPS.0003');
    }),
  );

  it.concurrent(
    'push-shared-files with a job still running at wait-timeout: timed-out, exit 1',
    ({ expect }) =>
      withEmulator(async (e) => {
        e.setOutcome('srv-2', { status: 'succeeded', durationMs: 120_000 });
        const run = await runAction({
          operation: 'push-shared-files',
          ...connection(e),
          servers: 'srv-1,srv-2',
          'obs-bucket': 'apps-bucket',
          'obs-object': 'data/files.tar',
          'wait-timeout': '2s',
        });
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('timed-out');
        expect(run.outputs.running).toBe('1');
        expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(['srv-2']);
        expect(run.summary).toContain('wait-timeout');
      }),
  );

  it.concurrent(
    'deploy-app-version on CPH servers, one unknown: partial, the known one polled to success',
    ({ expect }) =>
      withEmulator(async (e) => {
        const run = await runAction({
          operation: 'deploy-app-version',
          ...connection(e),
          servers: 'srv-1,srv-bogus',
          'app-version-ids': 'ver-1',
        });
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('partial');
        expect(run.outputs['failed-targets']).toBe('srv-bogus');
        expect(results(run).find((r) => r.target === 'srv-1')?.status).toBe('succeeded');
      }),
  );

  it.concurrent(
    'a rollout by tag whose first wave leaves the old version: halted, nothing more sent',
    ({ expect }) =>
      withEmulator(async (e) => {
        const { running } = prodFleet(() => e);
        e.fleet.staleInstalls(running[0]!);
        const run = await runAction(release(() => e, { region: 'cn-north-4' }));
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('halted');
        expect(run.outputs['waves-completed']).toBe('1');
        expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(running.slice(1));
        const installs = apiRequests(e, 'POST', '/phones/commands').filter(
          (r) => (r.body as { command: string }).command === 'install',
        );
        expect(installs).toHaveLength(1);
        expect(run.summary).toContain('### Waves');
        // The annotation says why, and how to resume what never started.
        expect(run.errors[0]).toContain(
          `Rollout halted after wave 1: 1 of 1 attempted target(s) failed (${running[0]} VERIFY_VERSION_MISMATCH)`,
        );
        expect(run.errors[0]).toContain(
          '13 target(s) in 2 wave(s) never started. Fix the cause, then resume them with `phones: ${{ steps.<id>.outputs.pending-targets }}`',
        );
        // The top of the summary: the build, then the console of the region.
        const top = run.summary.split('\n').slice(0, 7);
        expect(top[2]).toBe(
          '**Build:** <code>com.example.demo</code> · versionCode <code>42</code> · from <code>obs:\u200b//apps/demo/demo.apk</code>',
        );
        expect(top).toContain(
          'Look into the jobs in the [CPH console (cn-north-4)](https://console.huaweicloud.com/cph/?region=cn-north-4).',
        );
        expect(run.summary).toContain('- Wave 3: 11 target(s): ');
        expect(run.summary).toContain(`| <code>srv-prod-1</code> | <code>${running[0]}</code> | failed |`);
      }),
  );

  it.concurrent(
    'a selection whose listing is refused: the annotation names the listing and the answer, nothing sent',
    ({ expect }) =>
      withEmulator(async (e) => {
        prodFleet(() => e);
        e.addFault({
          method: 'POST',
          path: /resource_instances\/action$/,
          status: 403,
          body: JSON.stringify({ error_code: 'CPS.0008', error_msg: 'no permission to list tags' }),
        });
        const run = await runAction(release(() => e));
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('failed');
        expect(run.errors).toHaveLength(1);
        expect(run.errors[0]).toMatch(
          /^::error::selecting phones by env=prod failed: CPH list servers by tag.*CPS\.0008.*no permission to list tags/,
        );
        expect(apiRequests(e, 'POST', '/phones/commands')).toEqual([]);
      }),
  );

  it.concurrent(
    'keyless: the OIDC token exchanged for temporary keys that sign every call: succeeded',
    ({ expect }) =>
      withEmulator(async (e) => {
        const run = await runAction(
          {
            operation: 'run-command',
            endpoint: e.url,
            'project-id': e.options.projectId,
            'poll-interval': '1s',
            'sts-endpoint': e.url,
            'agency-urn': STS_DEFAULTS.agencyUrn,
            'identity-provider-urn': STS_DEFAULTS.providerUrn,
            phones: 'phone-1',
            command: 'ls',
          },
          { env: { ...e.idTokenEnv(), GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '4242' } },
        );
        expect(run.code).toBe(0);
        expect(run.outputs.status).toBe('succeeded');
        expect(apiRequests(e, 'POST', STS_PATH)).toHaveLength(1);
        expect(e.oidc.issued).toHaveLength(1);
        for (const r of e.requests.filter((x) => x.family === 'cph'))
          expect(r.headers['x-security-token']).toBeTruthy();
        // runAction checks the run's visible text for the ID token and the temporary keys.
        const exchange = apiRequests(e, 'POST', STS_PATH)[0]?.body as { id_token: string };
        expect(run.stdout).toContain(`::add-mask::${exchange.id_token}`);
        expect(Date.parse(run.outputs['credentials-expiration'] ?? '')).toBeGreaterThan(Date.now());
      }),
  );
});

describe('the ends that stop a run before or outside the fleet, through dist/index.js', () => {
  it.concurrent(
    'an invalid input: exit 1, one error naming the input and its rule, nothing sent',
    ({ expect }) =>
      withEmulator(async (e) => {
        const run = await runAction({
          operation: 'run-command',
          ...connection(e),
          instances: 'i-1',
          command: 'rm -rf /data/*',
        });
        expect(run.code).toBe(1);
        expect(run.errors).toHaveLength(1);
        expect(run.errors[0]).toContain("Input 'command'");
        expect(run.outputs.status).toBe('failed');
        expect(run.summary).toContain('Nothing was sent');
        expect(e.requests).toHaveLength(0);
      }),
  );

  it.concurrent(
    'an unexpected error (the summary file cannot be written): one ::error:: line, no stack trace',
    ({ expect }) =>
      withEmulator(async (e) => {
        const unwritable = mkdtempSync(join(tmpdir(), 'cpd-summary-dir-'));
        const run = await runAction(
          { operation: 'run-command', ...connection(e), instances: 'i-1', command: 'ls' },
          { env: { GITHUB_STEP_SUMMARY: unwritable }, bugExpected: true },
        );
        expect(run.code).toBe(1);
        expect(run.errors).toHaveLength(1);
        expect(run.errors[0]).toMatch(
          /^::error::Cloud Phone Deploy stopped on an unexpected error \(Error: EISDIR/,
        );
        expect(run.stdout).not.toMatch(/^\s+at /m);
        // The outputs were written before the summary failed: a later step still sees what happened.
        expect(run.outputs.status).toBe('succeeded');
      }),
  );
});
