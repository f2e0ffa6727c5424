// Fleet rollouts, whole runs in process against the emulator: selection by query, waves that halt,
// verification of what got installed, and skip-installed re-runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phoneIdsOf } from '../emulator/index.js';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';
import {
  DEMO_VERSION_CODE,
  PKG,
  prodFleet as fleetOf,
  release as releaseOf,
} from './support/rollout-fleet.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });
const byTarget = (run: ActionRun) => new Map(results(run).map((r) => [r.target, r]));
const prodFleet = () => fleetOf(emulator);
const release = (extra: Record<string, string> = {}) => releaseOf(emulator, extra);

const installsOn = (phones: string[]) =>
  apiRequests(emulator(), 'POST', '/phones/commands')
    .filter((r) => (r.body as { command: string }).command === 'install')
    .flatMap((r) => (r.body as { phone_ids: string[] }).phone_ids)
    .filter((p) => phones.includes(p));

describe('fleet rollout on CPH phones selected by tag', () => {
  it('rolls out 1, 10%, 100% with verify, skips the stopped phone, reports every wave', async () => {
    const { running, stopped, prodPhones } = prodFleet();
    const run = await runActionInProcess(release());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    // Selection: every prod phone in the servers' order, the staging ones left out.
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(prodPhones);
    const rows = byTarget(run);
    expect(rows.get(stopped)).toMatchObject({
      status: 'skipped',
      error_message: 'not running: status 8 (stopped)',
    });
    for (const phone of running) {
      expect(rows.get(phone)).toMatchObject({ status: 'succeeded', installed_version_code: '42' });
    }
    // 14 running phones: waves of 1, ceil(1.4) = 2, then 100% covers the remaining 11.
    expect(run.outputs['waves-completed']).toBe('3');
    expect(run.outputs.halted).toBe('false');
    expect(run.outputs['pending-targets']).toBe('[]');
    expect(run.summary).toMatch(
      /### Waves[\s\S]*\| 1 \| 1 \| 1 \| 0 \| 0 \|[\s\S]*\| 2 \| 2 \| 2 \|[\s\S]*\| 3 \| 11 \| 11 \|/,
    );
    expect(run.summary.indexOf('### Waves')).toBeLessThan(run.summary.indexOf('Succeeded ('));
    // Nothing was sent to the stopped phone; each running phone got exactly one install.
    expect(installsOn([stopped])).toEqual([]);
    expect(installsOn(running).sort()).toEqual([...running].sort());
    // Selection is batched: one tag query, then phone listings, none per phone.
    expect(apiRequests(emulator(), 'POST', '/resource_instances/action')).toHaveLength(1);
    expect(apiRequests(emulator(), 'GET', '/cloud-phone/phones').length).toBeLessThanOrEqual(5);
    // The wave order is the selection order.
    const firstInstall = apiRequests(emulator(), 'POST', '/phones/commands').find(
      (r) => (r.body as { command: string }).command === 'install',
    );
    expect((firstInstall?.body as { phone_ids: string[] }).phone_ids).toEqual([running[0]]);
  });

  it('halts on a bad first wave, then a re-run with skip-installed touches only what is missing', async () => {
    const { running } = prodFleet();
    // The first phone's install reports success but leaves versionCode 41.
    emulator().fleet.staleInstalls(running[0]!);
    const halted = await runActionInProcess(release());
    expect(halted.stderr).toBe('');
    expect(halted.code).toBe(1);
    expect(halted.outputs.status).toBe('halted');
    expect(halted.outputs.halted).toBe('true');
    expect(halted.outputs['waves-completed']).toBe('1');
    expect(byTarget(halted).get(running[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'VERIFY_VERSION_MISMATCH',
      error_message: 'installed 41, expected 42',
      installed_version_code: '41',
    });
    const pending = JSON.parse(halted.outputs['pending-targets'] ?? '') as string[];
    expect(pending).toEqual(running.slice(1));
    for (const phone of pending) {
      expect(byTarget(halted).get(phone)).toMatchObject({
        status: 'skipped',
        error_message: 'not started: rollout halted after wave 1',
      });
    }
    expect(installsOn(running.slice(1))).toEqual([]);
    expect(halted.summary).toContain('halted');

    // The cause is fixed (here: the fault lifted); one phone meanwhile got the release by other means.
    emulator().fleet.staleInstalls(running[0]!, false);
    emulator().fleet.setInstalled(running[5]!, PKG, 42);
    emulator().requests.length = 0;
    const resumed = await runActionInProcess(release({ 'skip-installed': 'true' }));
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.outputs.status).toBe('succeeded');
    expect(byTarget(resumed).get(running[5]!)).toMatchObject({
      status: 'skipped',
      error_message: 'already at versionCode 42',
    });
    expect(installsOn(running).sort()).toEqual(running.filter((p) => p !== running[5]).sort());

    // Everything is there now: a third run installs nothing.
    emulator().requests.length = 0;
    const again = await runActionInProcess(release({ 'skip-installed': 'true' }));
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe('succeeded');
    expect(installsOn(running)).toEqual([]);
    expect(results(again).filter((r) => r.status === 'skipped')).toHaveLength(15);
  });

  it('reports a package the phone does not have after a "successful" install as VERIFY_NOT_INSTALLED', async () => {
    const e = emulator();
    e.fleet.addServers([{ id: 'srv-x', tags: { env: 'prod' }, phones: 1 }]);
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: 42 });
    const [phone] = phoneIdsOf('srv-x', 1);
    e.fleet.staleInstalls(phone!);
    const run = await runActionInProcess(release({ waves: '' }));
    expect(run.stderr).toBe('');
    expect(byTarget(run).get(phone!)).toMatchObject({ status: 'failed', error_code: 'VERIFY_NOT_INSTALLED' });
  });

  it('halts when the first target went offline after it was chosen (its install job fails)', async () => {
    const { running } = prodFleet();
    const chosen = running.slice(0, 3);
    // Listed while running; offline by the time the install reaches it.
    emulator().fleet.setStatus(chosen[0]!, 8);
    const run = await runActionInProcess(
      release({ 'server-tags': '', phones: chosen.join(','), waves: '1, 100%' }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('halted');
    expect(byTarget(run).get(chosen[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'CPH.PHONE.NOT_RUNNING',
    });
    expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(chosen.slice(1));
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(chosen);
    // A failed install is not verified: no version query was sent.
    expect(
      apiRequests(emulator(), 'POST', '/phones/commands').filter(
        (r) => (r.body as { command: string }).command === 'shell',
      ),
    ).toEqual([]);
  });

  it('survives a list call that fails once mid-paging', async () => {
    const e = emulator();
    // 120 servers of 1 phone: the tag query is one page, the phone listing two pages of 100.
    e.fleet.addServers(
      Array.from({ length: 120 }, (_, i) => ({ id: `srv-${i}`, tags: { env: 'prod' }, phones: 1 })),
    );
    e.addFault({
      method: 'GET',
      path: /\/cloud-phone\/phones$/,
      nth: 2,
      status: 500,
      body: '{"error_code":"CPS.0003","error_msg":"busy"}',
    });
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'server-tags': 'env=prod',
      command: 'getprop ro.build.version.release',
      'dry-run': 'true',
      waves: '1, 10%, 100%',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toHaveLength(120);
    // The fault fired on the second page and the page was asked again.
    expect(e.requests.filter((r) => r.status === 500)).toHaveLength(1);
    expect(apiRequests(e, 'GET', '/cloud-phone/phones').map((r) => r.query.offset)).toEqual([
      '0',
      '100',
      '100',
    ]);
    // Dry run: only reads.
    expect(e.requests.filter((r) => r.path.endsWith('/phones/commands'))).toEqual([]);
    expect(run.summary).toContain('Selected by env=prod: 120 phone(s), 120 running.');
    expect(run.summary).toContain('Waves: 1, 12, 107 target(s).');
  });

  it('refuses a selection larger than max-targets before anything is sent', async () => {
    prodFleet();
    const run = await runActionInProcess(release({ 'max-targets': '10' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain("Input 'max-targets' is 10, but the run has 15 targets");
    expect(apiRequests(emulator(), 'POST', '/phones/commands')).toEqual([]);
  });
});

describe('fleet rollout on KooPhone instances selected by pool', () => {
  it('reads the expected versionCode from the APK manifest, verifies and skips what is there', async () => {
    const e = emulator();
    e.fleet.addInstances([
      { id: 'inst-1', pool: 'release' },
      { id: 'inst-2', pool: 'release' },
      { id: 'inst-3', pool: 'release', runningStatus: 1 },
      { id: 'inst-4', pool: 'other' },
    ]);
    e.fleet.setInstalled('inst-2', PKG, 42);
    const key = 'cloud-phone-deploy/com.example.demo/1.4.2/demo.apk';
    e.fleet.describeObject('release-bucket', key, { packageName: PKG, versionCode: DEMO_VERSION_CODE });
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      'obs-endpoint': e.url,
      'obs-bucket': 'release-bucket',
      'apk-path': DEMO_APK,
      'instance-pool': 'release',
      verify: 'true',
      'skip-installed': 'true',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(['inst-1', 'inst-2', 'inst-3']);
    const rows = byTarget(run);
    expect(rows.get('inst-1')).toMatchObject({ status: 'succeeded', installed_version_code: '42' });
    expect(rows.get('inst-2')).toMatchObject({
      status: 'skipped',
      error_message: 'already at versionCode 42',
    });
    expect(rows.get('inst-3')).toMatchObject({
      status: 'skipped',
      error_message: 'not running: running_status 1 (stopped)',
    });
    const installs = apiRequests(e, 'POST', '/app/install').flatMap(
      (r) => (r.body as { instance_id_list: string[] }).instance_id_list,
    );
    expect(installs).toEqual(['inst-1']);
    // skip-installed asked both running instances in one call; verify asked the one installed.
    const queries = apiRequests(e, 'POST', '/async-command').map(
      (r) => r.body as { command: string; instance_ids: string[] },
    );
    expect(queries).toEqual([
      { command: `pm list packages --show-versioncode ${PKG}`, instance_ids: ['inst-1', 'inst-2'] },
      { command: `pm list packages --show-versioncode ${PKG}`, instance_ids: ['inst-1'] },
    ]);
  });

  it('refuses a selection together with an explicit list, and waves with wait: false', async () => {
    const e = emulator();
    const both = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-pool': 'release',
      instances: 'inst-1',
      command: 'reboot',
    });
    expect(both.code).toBe(1);
    expect(both.errors.join('\n')).toContain("Input 'instances' cannot be combined with instance-pool");
    const nowait = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      instances: 'inst-1',
      command: 'reboot',
      waves: '1, 50%',
      wait: 'false',
    });
    expect(nowait.code).toBe(1);
    expect(nowait.errors.join('\n')).toContain("Input 'waves' needs wait: true");
    expect(e.requests).toEqual([]);
  });
});

describe('smoke check after the install', () => {
  const shells = (command: string) =>
    apiRequests(emulator(), 'POST', '/phones/commands')
      .map((r) => r.body as { command: string; content: string; phone_ids?: string[] })
      .filter((b) => b.command === 'shell' && b.content.startsWith(command));

  it('launches the app on every phone of a wave in one call, waits once, and passes the ones still up', async () => {
    const { running } = prodFleet();
    const run = await runActionInProcess(release({ smoke: 'true', 'smoke-duration': '20s' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    for (const phone of running)
      expect(byTarget(run).get(phone)).toMatchObject({ status: 'succeeded', smoke: 'passed' });
    // Three waves (1, 2, 11 phones): one launch and one process check per wave, each batched.
    expect(shells('monkey').map((b) => b.phone_ids?.length)).toEqual([1, 2, 11]);
    expect(shells('monkey')[0]?.content).toBe(`monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`);
    expect(shells('pidof').map((b) => b.phone_ids?.length)).toEqual([1, 2, 11]);
    expect(shells('pidof')[0]?.content).toBe(`pidof ${PKG}`);
    // No crash log read where every app runs.
    expect(shells('logcat')).toEqual([]);
    expect(run.summary).toContain('| Smoke |');
  });
});
