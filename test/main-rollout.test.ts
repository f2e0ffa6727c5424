// Fleet rollouts in process (more of the same flow in test/action-rollout.test.ts), so that coverage
// sees selection, waves, verification and the wave table.
import { afterEach, describe, expect, it } from 'vitest';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';
import { DEMO_VERSION_CODE, PKG, prodFleet, release } from './support/rollout-fleet.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });
const rows = (outputs: Record<string, string>) =>
  new Map((JSON.parse(outputs.results ?? '[]') as Array<Record<string, string>>).map((r) => [r.target, r]));

afterEach(() => {
  process.exitCode = undefined;
});

describe('fleet rollout in process', () => {
  it('selects by tag, rolls out in three waves with verify and writes the wave table', async () => {
    const { running, stopped } = prodFleet(emulator);
    const result = await runInProcess(release(emulator));
    expect(result.exitCode).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(result.outputs['waves-completed']).toBe('3');
    expect(rows(result.outputs).get(stopped)?.status).toBe('skipped');
    for (const phone of running) expect(rows(result.outputs).get(phone)?.installed_version_code).toBe('42');
    expect(result.summary).toContain('### Waves');
    expect(result.log).toContain('::group::Wait');
  });

  it('halts after a wave whose install left the old version, and lists the targets not started', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.staleInstalls(running[0]!);
    const result = await runInProcess(release(emulator));
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('halted');
    expect(rows(result.outputs).get(running[0]!)?.error_code).toBe('VERIFY_VERSION_MISMATCH');
    expect(JSON.parse(result.outputs['pending-targets'] ?? '')).toEqual(running.slice(1));
  });

  it('dry-run resolves the selection with read-only calls and starts nothing', async () => {
    prodFleet(emulator);
    const result = await runInProcess(release(emulator, { 'dry-run': 'true' }));
    expect(result.outputs.status).toBe('dry-run');
    expect(JSON.parse(result.outputs.targets ?? '[]')).toHaveLength(15);
    expect(apiRequests(emulator(), 'POST', '/phones/commands')).toEqual([]);
    expect(result.summary).toContain('Waves: 1, 2, 11 target(s).');
  });

  it('skips KooPhone instances that already have the version and verifies the one it installs', async () => {
    const e = emulator();
    e.fleet.addInstances([
      { id: 'inst-1', pool: 'release' },
      { id: 'inst-2', pool: 'release' },
    ]);
    e.fleet.setInstalled('inst-2', PKG, DEMO_VERSION_CODE);
    const key = 'cloud-phone-deploy/com.example.demo/1.4.2/demo.apk';
    e.fleet.describeObject('release-bucket', key, { packageName: PKG, versionCode: DEMO_VERSION_CODE });
    const result = await runInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      'obs-endpoint': e.url,
      'obs-bucket': 'release-bucket',
      'apk-path': DEMO_APK,
      'instance-pool': 'release',
      verify: 'true',
      'skip-installed': 'true',
    });
    expect(result.outputs.status).toBe('succeeded');
    expect(rows(result.outputs).get('inst-1')).toMatchObject({
      status: 'succeeded',
      installed_version_code: '42',
    });
    expect(rows(result.outputs).get('inst-2')).toMatchObject({ status: 'skipped' });
  });

  it('smoke-checks each wave after verify and halts on a build that crashes at launch', async () => {
    const { running } = prodFleet(emulator);
    emulator().fleet.apps.setBehaviour(PKG, { crash: {} });
    const result = await runInProcess(release(emulator, { smoke: 'true', 'smoke-duration': '5s' }));
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('halted');
    expect(rows(result.outputs).get(running[0]!)).toMatchObject({
      error_code: 'SMOKE_CRASHED',
      smoke: 'crashed',
      installed_version_code: '42',
    });
    expect(rows(result.outputs).get(running[0]!)?.crash).toContain('FATAL EXCEPTION: main');
    expect(result.log).toContain('::group::Smoke check (1 target(s))');
    expect(result.summary).toContain('### Crashes (1)');
    // The wave table counts the smoke failure.
    expect(result.summary).toMatch(/\| 1 \| 1 \| 0 \| 1 \| 0 \|/);
  });
});
