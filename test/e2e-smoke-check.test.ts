// The smoke check through the bundle, as a runner runs it (`node dist/index.js`, real time): one run per
// outcome (passed, crashed with its excerpt, not started, unknown) and a rollout that a crash halts in
// its first wave. The in-process tests (test/action-rollout.test.ts) cover the same flow in depth.
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { apiRequests, connection } from './support/fixture.js';
import { DEMO_APK } from './support/paths.js';
import { results, runAction, type ActionRun } from './support/run-action.js';

const PKG = 'com.example.demo';

async function withEmulator(test: (e: Emulator) => Promise<void>): Promise<void> {
  const e = await startEmulator({ jobDurationMs: 300 });
  try {
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: 42 });
    await test(e);
  } finally {
    await e.close();
  }
}

const install = (e: Emulator, extra: Record<string, string> = {}) =>
  runAction({
    operation: 'install-app',
    ...connection(e),
    phones: 'phone-1,phone-2',
    'obs-bucket': 'apps',
    'obs-object': 'demo/demo.apk',
    'package-name': PKG,
    smoke: 'true',
    'smoke-duration': '2s',
    ...extra,
  });

const byTarget = (run: ActionRun) => new Map(results(run).map((r) => [r.target, r]));
const shells = (e: Emulator, start: string) =>
  apiRequests(e, 'POST', '/phones/commands').filter((r) =>
    (r.body as { content: string }).content.startsWith(start),
  );

describe('smoke check through dist/index.js', () => {
  it.concurrent('passed: launched, still running after smoke-duration, waited on the runner', ({ expect }) =>
    withEmulator(async (e) => {
      const run = await install(e);
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('succeeded');
      for (const phone of ['phone-1', 'phone-2'])
        expect(byTarget(run).get(phone)).toMatchObject({ status: 'succeeded', smoke: 'passed' });
      const [launch] = shells(e, 'monkey');
      const [check] = shells(e, 'pidof');
      expect((launch?.body as { phone_ids: string[] }).phone_ids).toEqual(['phone-1', 'phone-2']);
      expect(check!.time - launch!.time).toBeGreaterThanOrEqual(2_000);
      expect(run.summary).toContain('| Smoke |');
    }),
  );

  it.concurrent('crashed: SMOKE_CRASHED with the crash excerpt in results and the summary', ({ expect }) =>
    withEmulator(async (e) => {
      e.fleet.apps.setBehaviour(PKG, { crash: { exception: 'java.lang.IllegalStateException: no config' } }, [
        'phone-2',
      ]);
      const run = await install(e);
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('partial');
      expect(run.outputs['failed-targets']).toBe('phone-2');
      const row = byTarget(run).get('phone-2');
      expect(row).toMatchObject({ status: 'failed', error_code: 'SMOKE_CRASHED', smoke: 'crashed' });
      expect(row?.crash).toContain('E AndroidRuntime: FATAL EXCEPTION: main');
      expect(row?.crash).toContain(`Process: ${PKG}, PID: `);
      expect(row?.error_message).toContain('IllegalStateException: no config');
      expect(run.summary).toContain('### Crashes (1)');
      expect(run.summary).toContain('AndroidRuntime: FATAL EXCEPTION: main<br>');
      expect(shells(e, 'logcat').map((r) => (r.body as { phone_ids: string[] }).phone_ids)).toEqual([
        ['phone-2'],
      ]);
    }),
  );

  it.concurrent("not started: no launcher activity, SMOKE_NOT_STARTED with monkey's answer", ({ expect }) =>
    withEmulator(async (e) => {
      e.fleet.apps.setBehaviour(PKG, { launcher: false });
      const run = await install(e, { phones: 'phone-1' });
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('failed');
      const row = byTarget(run).get('phone-1');
      expect(row).toMatchObject({ error_code: 'SMOKE_NOT_STARTED', smoke: 'not-started' });
      expect(row?.error_message).toBe(`${PKG} did not start: ** No activities found to run, monkey aborted.`);
      expect(row?.output).toContain(`  bash arg: ${PKG}`);
      expect(shells(e, 'pidof')).toEqual([]);
    }),
  );

  it.concurrent('unknown: an image without pidof fails the target with SMOKE_UNKNOWN', ({ expect }) =>
    withEmulator(async (e) => {
      e.fleet.apps.removePidof('phone-1');
      const run = await install(e, { phones: 'phone-1' });
      expect(run.code).toBe(1);
      expect(byTarget(run).get('phone-1')).toMatchObject({
        status: 'failed',
        error_code: 'SMOKE_UNKNOWN',
        smoke: 'unknown',
      });
      expect(run.summary).toContain('pidof: inaccessible or not found');
    }),
  );

  it.concurrent(
    'a build that crashes at launch halts the rollout in wave 1; later waves never start',
    ({ expect }) =>
      withEmulator(async (e) => {
        e.fleet.apps.setBehaviour(PKG, { crash: {} });
        const run = await install(e, { phones: 'phone-1,phone-2,phone-3,phone-4', waves: '1, 100%' });
        expect(run.code).toBe(1);
        expect(run.outputs.status).toBe('halted');
        expect(run.outputs.halted).toBe('true');
        expect(run.outputs['waves-completed']).toBe('1');
        expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(['phone-2', 'phone-3', 'phone-4']);
        expect(byTarget(run).get('phone-1')).toMatchObject({ error_code: 'SMOKE_CRASHED' });
        expect(byTarget(run).get('phone-3')).toMatchObject({
          status: 'skipped',
          error_message: 'not started: rollout halted after wave 1',
        });
        const installs = apiRequests(e, 'POST', '/phones/commands').filter(
          (r) => (r.body as { command: string }).command === 'install',
        );
        expect(installs.map((r) => (r.body as { phone_ids: string[] }).phone_ids)).toEqual([['phone-1']]);
        expect(shells(e, 'monkey')).toHaveLength(1);
        expect(run.summary).toContain('### Crashes (1)');
      }),
  );
});
