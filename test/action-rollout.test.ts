// Fleet rollouts, whole runs in process against the emulator: selection by query, waves that halt,
// verification of what got installed, and skip-installed re-runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phoneIdsOf } from '../emulator/index.js';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { now } from '../src/http/timing.js';
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
    expect(halted.summary).toContain('more than max-failures allows (0)');
    expect(halted.stdout).toContain('Verified: 0 of 1 at versionCode 42 or later; 1 failed.');

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

  it('says how a percentage max-failures became the number of failures a halt exceeded', async () => {
    const { running } = prodFleet();
    emulator().fleet.staleInstalls(running[0]!);
    const run = await runActionInProcess(release({ 'max-failures': '1%' }));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('halted');
    expect(run.summary).toContain(
      '1 failure(s) among 1 target(s) attempted, more than max-failures allows (0: 1% of 1, rounded down).',
    );
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
    // 240 servers of 1 phone: the tag query is one page, the phone listing two pages of 200.
    e.fleet.addServers(
      Array.from({ length: 240 }, (_, i) => ({ id: `srv-${i}`, tags: { env: 'prod' }, phones: 1 })),
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
    expect(JSON.parse(run.outputs.targets ?? '')).toHaveLength(240);
    // The fault fired on the second page and the page was asked again.
    expect(e.requests.filter((r) => r.status === 500)).toHaveLength(1);
    expect(apiRequests(e, 'GET', '/cloud-phone/phones').map((r) => r.query.offset)).toEqual([
      '0',
      '200',
      '200',
    ]);
    // Dry run: only reads.
    expect(e.requests.filter((r) => r.path.endsWith('/phones/commands'))).toEqual([]);
    expect(run.summary).toContain('Selected by env=prod: 240 phone(s), 240 running.');
    expect(run.summary).toContain('Waves: 1, 24, 215 target(s).');
  });

  it('refuses a selection larger than max-targets before anything is sent', async () => {
    prodFleet();
    const run = await runActionInProcess(release({ 'max-targets': '10' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(
      "Input 'max-targets' is 10, but the selection has more than 10 targets (CPH list phones stopped there)",
    );
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
      'poll-interval': '',
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
    expect(run.stdout).toContain('Verified: 11 of 11 at versionCode 42 or later.');
    // Each smoke fold ends with its outcome.
    expect(run.stdout).toContain(
      'Smoke check: 11 of 11 passed (still running 20.0 s after the launch).\n::endgroup::',
    );
    // The wait is the action's, between the launch jobs' end and the process check: 20 s of the run's
    // clock, 500 ms of real time at this file's scale.
    const at = (content: string) =>
      apiRequests(emulator(), 'POST', '/phones/commands')
        .filter((r) => (r.body as { content: string }).content.startsWith(content))
        .map((r) => r.time);
    for (const [i, launched] of at('monkey').entries())
      expect(at('pidof')[i]! - launched).toBeGreaterThanOrEqual(20_000 / TIME_SCALE);
    // No crash log read where every app runs.
    expect(shells('logcat')).toEqual([]);
    expect(run.summary).toContain('| Smoke |');
  });

  it('a build that crashes at launch halts the rollout after wave 1, with the crash excerpt of this app only', async () => {
    const { running } = prodFleet();
    const e = emulator();
    // An older crash of another app in the buffer: it must not be reported as this one's.
    e.fleet.apps.addCrash(running[0]!, 'com.other.game', 0, 'java.lang.OutOfMemoryError');
    e.fleet.apps.setBehaviour(PKG, { crash: { exception: 'java.lang.IllegalStateException: no config' } });
    const run = await runActionInProcess(release({ smoke: 'true' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('halted');
    expect(run.outputs['waves-completed']).toBe('1');
    const row = byTarget(run).get(running[0]!);
    expect(row).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_CRASHED',
      smoke: 'crashed',
      installed_version_code: '42',
    });
    expect(row?.error_message).toContain(`${PKG} was not running 10.0 s after its launch`);
    expect(run.stdout).toContain(
      'Smoke check: 0 of 1 passed (still running 10.0 s after the launch); 1 failed.',
    );
    expect(row?.error_message).toContain('IllegalStateException: no config');
    expect(row?.crash).toMatch(
      /E AndroidRuntime: FATAL EXCEPTION: main\n.*Process: com\.example\.demo, PID: \d+/,
    );
    expect(row?.crash).not.toContain('com.other.game');
    expect(row?.crash).not.toContain('beginning of crash');
    expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(running.slice(1));
    expect(installsOn(running.slice(1))).toEqual([]);
    expect(shells('logcat').map((b) => b.content)).toEqual(['logcat -d -b crash -t 1']);
    expect(run.summary).toContain('### Crashes (1)');
    expect(run.summary).toContain(
      'AndroidRuntime: FATAL EXCEPTION: main<br>AndroidRuntime: Process: com.example.demo, PID:',
    );
  });

  it("reports a crash whose newest crash log entry is another app's without taking that app's lines", async () => {
    const e = emulator();
    e.fleet.addServers([{ id: 'srv-x', tags: { env: 'prod' }, phones: 1 }]);
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: 42 });
    const [phone] = phoneIdsOf('srv-x', 1);
    e.fleet.apps.setBehaviour(PKG, { crash: {} });
    // Another app crashes after ours, during the smoke wait.
    e.fleet.apps.addCrash(phone!, 'com.other.game', now() + 60_000);
    const run = await runActionInProcess(release({ waves: '', smoke: 'true', 'smoke-duration': '2m' }));
    expect(run.stderr).toBe('');
    const row = byTarget(run).get(phone!);
    expect(row).toMatchObject({ status: 'failed', error_code: 'SMOKE_CRASHED', smoke: 'crashed', crash: '' });
    expect(row?.error_message).toContain('the newest entry of the crash log is not about it');
    expect(run.summary).not.toContain('com.other.game');
  });

  it('shows a hostile crash text as text: no Markdown, HTML or runner command gets through', async () => {
    const { running } = prodFleet();
    const hostile =
      'java.lang.Error: <img src=x onerror=alert(1)> [click](https://evil.example) | x |\n::error::forged\n## Heading';
    emulator().fleet.apps.setBehaviour(PKG, { crash: { exception: hostile } }, [running[0]!]);
    const run = await runActionInProcess(release({ smoke: 'true' }));
    expect(run.stderr).toBe('');
    expect(byTarget(run).get(running[0]!)?.crash).toContain('<img src=x onerror=alert(1)>');
    expect(run.summary).toContain('### Crashes (1)');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toContain('[click](');
    expect(run.summary).not.toMatch(/^## Heading/m);
    expect(run.summary).not.toMatch(/^::error::forged/m);
    expect(run.stdout).not.toMatch(/^::error::forged/m);
  });

  it("fails a phone whose app has no launcher activity with SMOKE_NOT_STARTED and monkey's answer", async () => {
    const { running } = prodFleet();
    emulator().fleet.apps.setBehaviour(PKG, { launcher: false }, [running[1]!]);
    const run = await runActionInProcess(release({ smoke: 'true', 'max-failures': '1' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('partial');
    const row = byTarget(run).get(running[1]!);
    expect(row).toMatchObject({ status: 'failed', error_code: 'SMOKE_NOT_STARTED', smoke: 'not-started' });
    expect(row?.error_message).toMatch(
      /^com\.example\.demo did not start: \*\* No activities found to run, monkey aborted\./,
    );
    expect(row?.output).toContain('bash arg: -p');
    expect(row?.output).toContain('** No activities found to run, monkey aborted.');
    // Not launched, so not checked: the process check went to the other phone of its wave only.
    expect(shells('pidof')[1]?.phone_ids).toEqual([running[2]]);
    expect(byTarget(run).get(running[2]!)).toMatchObject({ status: 'succeeded', smoke: 'passed' });
  });

  it('fails a phone whose image has no pidof with SMOKE_UNKNOWN: not knowing is not a pass', async () => {
    const { running } = prodFleet();
    emulator().fleet.apps.removePidof(running[0]!);
    const run = await runActionInProcess(release({ smoke: 'true' }));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('halted');
    expect(byTarget(run).get(running[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_UNKNOWN',
      smoke: 'unknown',
      error_message: 'the image has no pidof: /system/bin/sh: pidof: inaccessible or not found',
    });
  });

  it('reads a silently failed process check as a crash only when the crash log shows this app crashing', async () => {
    const { running } = prodFleet();
    const e = emulator();
    // A service that fails a command exiting non-zero: pidof finding no process is a failed job, no output.
    for (const phone of running.slice(0, 3)) e.fleet.apps.failOnNonZeroExit(phone);
    e.fleet.apps.setBehaviour(PKG, { crash: { exception: 'java.lang.IllegalStateException: no config' } }, [
      running[0]!,
      running[1]!,
    ]);
    // On running[1] another app crashes after ours: its crash log's newest entry is not about our app.
    e.fleet.apps.addCrash(running[1]!, 'com.other.game', now() + 60_000);
    const run = await runActionInProcess(
      release({ smoke: 'true', 'smoke-duration': '2m', waves: '', 'fail-on': 'never' }),
    );
    expect(run.stderr).toBe('');
    const row = byTarget(run).get(running[0]!);
    expect(row).toMatchObject({ status: 'failed', error_code: 'SMOKE_CRASHED', smoke: 'crashed' });
    expect(row?.crash).toContain('Process: com.example.demo');
    expect(row?.error_message).toContain('IllegalStateException: no config');
    expect(byTarget(run).get(running[1]!)).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_UNKNOWN',
      smoke: 'unknown',
      error_message: expect.stringContaining('and the crash log shows no crash of com.example.demo'),
    });
    // An app that still runs answers pidof with its pid: exit status 0, a pass.
    expect(byTarget(run).get(running[2]!)).toMatchObject({ status: 'succeeded', smoke: 'passed' });
  });

  it('launches nothing on skipped targets or on targets that failed verify', async () => {
    const { running } = prodFleet();
    const e = emulator();
    e.fleet.setInstalled(running[0]!, PKG, 42);
    e.fleet.staleInstalls(running[1]!);
    const run = await runActionInProcess(
      release({ smoke: 'true', 'skip-installed': 'true', waves: '', 'fail-on': 'never' }),
    );
    expect(run.stderr).toBe('');
    expect(byTarget(run).get(running[0]!)).toMatchObject({ status: 'skipped' });
    expect(byTarget(run).get(running[0]!)?.smoke).toBeUndefined();
    expect(byTarget(run).get(running[1]!)).toMatchObject({ error_code: 'VERIFY_VERSION_MISMATCH' });
    expect(byTarget(run).get(running[1]!)?.smoke).toBeUndefined();
    const launched = shells('monkey').flatMap((b) => b.phone_ids ?? []);
    expect(launched.sort()).toEqual(running.slice(2).sort());
  });

  it('checks the phones of listed servers, and KooPhone instances through async-command', async () => {
    const e = emulator();
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: 42 });
    const phones = phoneIdsOf('srv-9', 2);
    e.fleet.apps.setBehaviour(PKG, { crash: {} }, [phones[1]!]);
    const onServers = await runActionInProcess({
      operation: 'install-app',
      ...connection(e),
      servers: 'srv-9',
      'obs-bucket': 'apps',
      'obs-object': 'demo/demo.apk',
      'package-name': PKG,
      smoke: 'true',
    });
    expect(onServers.stderr).toBe('');
    expect(byTarget(onServers).get(phones[0]!)).toMatchObject({ smoke: 'passed', server: 'srv-9' });
    expect(byTarget(onServers).get(phones[1]!)).toMatchObject({
      smoke: 'crashed',
      error_code: 'SMOKE_CRASHED',
    });
    expect(shells('monkey')[0]?.phone_ids).toEqual(phones);

    const key = 'cloud-phone-deploy/com.example.demo/1.4.2/demo.apk';
    e.fleet.describeObject('release-bucket', key, { packageName: PKG, versionCode: DEMO_VERSION_CODE });
    e.fleet.apps.setBehaviour(PKG, { launcher: false }, ['inst-2']);
    const onInstances = await runActionInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      'obs-endpoint': e.url,
      'obs-bucket': 'release-bucket',
      'apk-path': DEMO_APK,
      instances: 'inst-1,inst-2',
      smoke: 'true',
      'smoke-duration': '5s',
    });
    expect(onInstances.stderr).toBe('');
    expect(byTarget(onInstances).get('inst-1')).toMatchObject({ status: 'succeeded', smoke: 'passed' });
    expect(byTarget(onInstances).get('inst-2')).toMatchObject({ error_code: 'SMOKE_NOT_STARTED' });
    const commands = apiRequests(e, 'POST', '/async-command').map(
      (r) => r.body as { command: string; instance_ids: string[] },
    );
    expect(commands).toEqual([
      {
        command: `monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`,
        instance_ids: ['inst-1', 'inst-2'],
      },
      { command: `pidof ${PKG}`, instance_ids: ['inst-1'] },
    ]);
  });

  it('refuses smoke on another operation, smoke-duration without smoke, and a duration above 5m, sending nothing', async () => {
    const e = emulator();
    const cases: Array<[Record<string, string>, string]> = [
      [
        { operation: 'run-command', instances: 'i-1', command: 'ls', smoke: 'true' },
        "Input 'smoke' works with install-app only",
      ],
      [{ ...release({ waves: '' }), 'smoke-duration': '30s' }, "Input 'smoke-duration' needs smoke: true"],
      [
        { ...release({ waves: '' }), smoke: 'true', 'smoke-duration': '6m' },
        "Input 'smoke-duration' must be at most 5m",
      ],
      [
        { ...release({ waves: '' }), smoke: 'true', wait: 'false', 'poll-interval': '', verify: 'false' },
        "Input 'smoke' needs wait: true",
      ],
      [
        { ...release({ waves: '', verify: 'false', 'version-code': '' }), 'package-name': '', smoke: 'true' },
        "Input 'package-name' is required with smoke",
      ],
    ];
    for (const [inputs, message] of cases) {
      const run = await runActionInProcess({ ...connection(e), ...inputs });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toContain(message);
    }
    expect(e.requests).toEqual([]);
  });

  it('fails the check as unknown when wait-timeout comes before smoke-duration has passed', async () => {
    const { running } = prodFleet();
    const run = await runActionInProcess(
      release({ smoke: 'true', 'smoke-duration': '5m', 'wait-timeout': '1m', waves: '' }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(byTarget(run).get(running[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_UNKNOWN',
      smoke: 'unknown',
      error_message: 'wait-timeout passed before smoke-duration (5m 0s) ended',
    });
    expect(shells('pidof')).toEqual([]);
  });

  it('fails installs the smoke check never reached as unknown when wait-timeout ends the wave first', async () => {
    const { running } = prodFleet();
    // One install of the wave outlasts wait-timeout: the others succeeded, but no app was launched.
    emulator().setOutcome(running[1]!, { status: 'succeeded', durationMs: 10 * 3_600_000 });
    const run = await runActionInProcess(
      release({ smoke: 'true', verify: 'false', waves: '', 'wait-timeout': '2m' }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('timed-out');
    expect(byTarget(run).get(running[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_UNKNOWN',
      smoke: 'unknown',
      error_message: 'wait-timeout passed before the app was launched: the smoke check did not run',
    });
    expect(byTarget(run).get(running[1]!)).toMatchObject({ status: 'running' });
    expect(run.outputs.succeeded).toBe('0');
    expect(shells('monkey')).toEqual([]);
  });

  it('fails installs verify never reached as unknown when wait-timeout ends the wave first', async () => {
    const { running } = prodFleet();
    emulator().setOutcome(running[1]!, { status: 'succeeded', durationMs: 10 * 3_600_000 });
    const run = await runActionInProcess(release({ smoke: 'true', waves: '', 'wait-timeout': '2m' }));
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('timed-out');
    // Verify comes first: the installs that succeeded were never asked for their versionCode.
    expect(byTarget(run).get(running[0]!)).toMatchObject({
      status: 'failed',
      error_code: 'VERIFY_UNKNOWN',
      error_message: 'wait-timeout passed before the install was verified: its versionCode was not asked',
    });
    expect(run.outputs.succeeded).toBe('0');
    expect(shells('pm list packages')).toEqual([]);
    expect(shells('monkey')).toEqual([]);
  });

  it('dry-run lists the smoke commands it would send', async () => {
    prodFleet();
    const run = await runActionInProcess(release({ smoke: 'true', 'dry-run': 'true' }));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`"content": "monkey -p ${PKG} -c android.intent.category.LAUNCHER 1"`);
    expect(run.stdout).toContain(`"content": "pidof ${PKG}"`);
    expect(run.stdout).toContain('"content": "logcat -d -b crash -t 1"');
    expect(run.summary).toContain(`Smoke check after each wave's installs: 'monkey -p ${PKG}`);
    expect(apiRequests(emulator(), 'POST', '/phones/commands')).toEqual([]);
  });
});
