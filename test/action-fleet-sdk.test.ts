// The fleet as Huawei's SDK models describe it, whole runs in process against an emulator that is
// as strict as those models: ListInstances' envelope and query-parameter request id, substring name
// filters, KooPhone install states, bounded listings, selection for the server batches, no input
// ignored, every version of a deploy reported, a failed selection saying why, keyless dry runs.
import { describe, expect, it } from 'vitest';
import { phoneIdsOf, STS_DEFAULTS, STS_PATH, type Emulator } from '../emulator/index.js';
import { apiRequests, connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { kooPhoneFamily } from '../src/api/koophone-jobs.js';
import type { KooPhoneClient } from '../src/api/koophone.js';
import type { Job } from '../src/api/jobs.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });
const byTarget = (run: ActionRun) => new Map(results(run).map((r) => [r.target, r]));
const submits = (e: Emulator) =>
  e.requests.filter(
    (r) =>
      r.method === 'POST' &&
      /\/(phones\/commands|share-apps|share-files|servers\/action|app\/install|async-command)$/.test(r.path),
  );
const OUTPUTS = ['status', 'results', 'succeeded', 'failed', 'running', 'targets', 'failed-targets'];
const expectEveryOutput = (run: ActionRun) => {
  for (const name of OUTPUTS) expect(run.outputs, name).toHaveProperty(name);
};

describe('KooPhone ListInstances as the Java SDK models it', () => {
  it('reads the code inside data and sends x-request-id as a query parameter', async () => {
    const e = emulator();
    e.fleet.addInstances([
      { id: 'inst-1', pool: 'release' },
      { id: 'inst-2', pool: 'release' },
    ]);
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-pool': 'release',
      command: 'getprop ro.build.version.release',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(['inst-1', 'inst-2']);
    const [listing] = apiRequests(e, 'GET', '/batch-query');
    expect(listing?.query['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(listing?.query['x-request-id']).toBe(listing?.headers['x-request-id']);
  });

  it('fails the selection on a code other than "0" inside data, naming the listing, code and message', async () => {
    const e = emulator();
    e.addFault({
      method: 'GET',
      path: '/v1/instances/batch-query',
      status: 200,
      body: JSON.stringify({
        data: { error_code: 'KOOPHONE.API.1004', error_msg: 'Service not subscribed.' },
      }),
    });
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-pool': 'release',
      command: 'ls',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const annotation = run.errors.join('\n');
    expect(annotation).toContain('KooPhone list instances');
    expect(annotation).toContain('KOOPHONE.API.1004');
    expect(annotation).toContain('Service not subscribed.');
    expect(submits(e)).toEqual([]);
    expectEveryOutput(run);
  });
});

describe('names select whole names; the services filter by substring', () => {
  it("server-name 'prod' leaves out preprod and prod-old, and says so", async () => {
    const e = emulator();
    e.fleet.addServers([
      { id: 'srv-a', name: 'prod', phones: 1 },
      { id: 'srv-b', name: 'preprod', phones: 1 },
      { id: 'srv-c', name: 'prod-old', phones: 1 },
    ]);
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'server-name': 'prod',
      command: 'ls',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(phoneIdsOf('srv-a', 1));
    expect(run.stdout).toMatch(/server-name 'prod' selects that whole name: left out 2 server\(s\)/);
    const sent = submits(e).flatMap((r) => (r.body as { phone_ids: string[] }).phone_ids);
    expect(sent).toEqual(phoneIdsOf('srv-a', 1));
  });

  it('a * makes the name a glob over the whole name', async () => {
    const e = emulator();
    e.fleet.addServers([
      { id: 'srv-a', name: 'prod', phones: 1 },
      { id: 'srv-b', name: 'preprod', phones: 1 },
      { id: 'srv-c', name: 'prod-old', phones: 1 },
    ]);
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'server-name': 'prod*',
      command: 'ls',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual([
      ...phoneIdsOf('srv-a', 1),
      ...phoneIdsOf('srv-c', 1),
    ]);
    expect(apiRequests(e, 'GET', '/cloud-phone/servers')[0]?.query.server_name).toBe('prod');
    // The near match is counted; a glob gets no advice to add the * it already has.
    expect(run.stdout).toContain(
      "server-name 'prod*' selects names matching the glob: left out 1 server(s) the service listed with a near name (preprod).",
    );
    expect(run.stdout).not.toContain('Use a *');
  });

  it('instance-name selects one whole name, and a glob is matched here, not sent', async () => {
    const e = emulator();
    e.fleet.addInstances([
      { id: 'i-1', name: 'edge-1' },
      { id: 'i-10', name: 'edge-10' },
      { id: 'i-x', name: 'core-edge-1' },
    ]);
    const one = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-name': 'edge-1',
      command: 'ls',
    });
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.outputs.targets ?? '')).toEqual(['i-1']);
    expect(one.stdout).toContain("instance-name 'edge-1' selects that whole name: left out 2 instance(s)");
    e.requests.length = 0;
    const glob = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-name': 'edge-*',
      command: 'ls',
    });
    expect(glob.code).toBe(0);
    expect(JSON.parse(glob.outputs.targets ?? '')).toEqual(['i-1', 'i-10']);
    expect(apiRequests(e, 'GET', '/batch-query')[0]?.query).not.toHaveProperty('instance_name');
  });
});

describe('KooPhone install task states (Java SDK JobDetail.status)', () => {
  it('notices a failed install (status 3) on the next poll, not at the deadline', async () => {
    const e = emulator();
    e.setOutcome('inst-2', { status: 'failed', errorCode: 'E1', errorMessage: 'install failed' });
    e.putObject('apps', 'app.apk', Buffer.from('PK fake apk'));
    const run = await runActionInProcess({
      operation: 'install-app',
      ...connection(e),
      instances: 'inst-1,inst-2',
      'apk-url': e.presignedUrl('apps', 'app.apk', 3600),
      'package-name': 'com.example.app',
      'version-name': '1.0',
      'apk-size-mb': '1',
      'wait-timeout': '2h',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(byTarget(run).get('inst-2')).toMatchObject({ status: 'failed', error_code: 'E1' });
    expect(byTarget(run).get('inst-1')).toMatchObject({ status: 'succeeded' });
    // A handful of polls, not two hours of them.
    expect(apiRequests(e, 'GET', '/v1/instances/tasks/').length).toBeLessThan(10);
  });

  it('reports a status outside the known set on its target, with its value, and stops polling it', async () => {
    const polled: string[] = [];
    const client = {
      getTask: async (taskId: string) => {
        polled.push(taskId);
        return [
          { job_id: 'j-7', status: 7, error_msg: undefined },
          { job_id: 'j-0', status: '0' },
          { job_id: 'j-3', status: 3, error_code: 'E', error_msg: 'failed' },
          { job_id: 'j-m1', status: -1 },
          { job_id: 'j-2', status: 2 },
        ];
      },
    } as unknown as KooPhoneClient;
    const family = kooPhoneFamily(client, 1);
    const job = (jobId: string): Job => ({
      target: `inst-${jobId}`,
      targetType: 'instance',
      jobId,
      batchId: 'task-1',
      status: 'running',
    });
    const jobs = ['j-7', 'j-0', 'j-3', 'j-m1', 'j-2'].map(job);
    await family.pollRound(jobs);
    expect(jobs.map((j) => j.status)).toEqual(['unknown', 'running', 'failed', 'failed', 'succeeded']);
    expect(jobs[0]?.errorMessage).toContain('KooPhone reported job status 7');
    // The next round asks only about the job that is still pending.
    await family.pollRound(jobs.filter((j) => j.status === 'running'));
    expect(polled).toHaveLength(2);
  });
});

describe('selection for the operations that target servers', () => {
  it('push-shared-app sends to the servers server-tags selects, not to their phones', async () => {
    const e = emulator();
    e.fleet.addServers([
      { id: 'srv-1', tags: { env: 'prod' } },
      { id: 'srv-2', tags: { env: 'prod' } },
      { id: 'srv-3', tags: { env: 'dev' } },
    ]);
    const run = await runActionInProcess({
      operation: 'push-shared-app',
      ...connection(e),
      'server-tags': 'env=prod',
      'package-name': 'com.example.app',
      'obs-bucket': 'apps',
      'obs-object': 'shared/app.tar',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(['srv-1', 'srv-2']);
    const sent = submits(e).map((r) => (r.body as { server_ids: string[] }).server_ids);
    expect(sent).toEqual([['srv-1', 'srv-2']]);
    expect(apiRequests(e, 'GET', '/cloud-phone/phones')).toEqual([]);
  });

  it('deploy-app-version selects by server-name and skips a frozen server', async () => {
    const e = emulator();
    e.fleet.addServers([
      { id: 'srv-1', name: 'edge' },
      { id: 'srv-2', name: 'edge', status: 8 },
      { id: 'srv-3', name: 'edge-old' },
    ]);
    const run = await runActionInProcess({
      operation: 'deploy-app-version',
      ...connection(e),
      'server-name': 'edge',
      'app-version-ids': 'ver-1',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(['srv-1', 'srv-2']);
    expect(byTarget(run).get('srv-2')).toMatchObject({
      status: 'skipped',
      error_message: 'not running: status 8 (frozen)',
    });
    const sent = submits(e).map(
      (r) =>
        (r.body as { batch_deploy_app_version: { server_ids: string[] } }).batch_deploy_app_version
          .server_ids,
    );
    expect(sent).toEqual([['srv-1']]);
  });

  it('refuses server-tags next to servers instead of ignoring it', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'push-shared-files',
      ...connection(e),
      servers: 'srv-1',
      'server-tags': 'env=prod',
      'obs-bucket': 'apps',
      'obs-object': 'files.tar',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain("Input 'servers' cannot be combined with server-tags");
    expect(e.requests).toEqual([]);
  });
});

describe('no input is ignored', () => {
  it("refuses another operation's input, naming the operations that use it, before any request", async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'push-shared-files',
      ...connection(e),
      servers: 'srv-1',
      'obs-bucket': 'apps',
      'obs-object': 'files.tar',
      command: 'ls',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(
      "Input 'command' is not used by push-shared-files: only run-command uses it",
    );
    expect(e.requests).toEqual([]);
    expectEveryOutput(run);
  });

  it('refuses poll-interval with wait: false, when nothing is polled', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      phones: 'phone-1',
      command: 'ls',
      wait: 'false',
      'poll-interval': '10s',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain("Input 'poll-interval' needs wait: true");
    expect(e.requests).toEqual([]);
  });

  const instanceDownload = (e: Emulator) => ({
    instances: 'inst-1',
    'apk-url': e.presignedUrl('apps', 'app.apk', 3600),
    'package-name': 'com.example.app',
    'version-name': '1.0',
    'apk-size-mb': '1',
  });
  const phoneObject = { phones: 'phone-1', 'obs-bucket': 'apps', 'obs-object': 'app.apk' };
  it.each([
    [
      'fast-install on phones',
      () => ({ ...phoneObject, 'fast-install': 'true' }),
      "Input 'fast-install' is not used by install-app on CPH phones",
    ],
    [
      'apk-md5 on servers',
      () => ({ ...phoneObject, phones: '', servers: 'srv-1', 'apk-md5': 'abc' }),
      "Input 'apk-md5' is not used by install-app on CPH servers",
    ],
    [
      'install-flags on instances',
      (e: Emulator) => ({ ...instanceDownload(e), 'install-flags': '-d' }),
      "Input 'install-flags' is not used by install-app on KooPhone instances",
    ],
    [
      'obs-bucket with apk-url (nothing to upload)',
      (e: Emulator) => ({ ...instanceDownload(e), 'obs-bucket': 'apps' }),
      "Input 'obs-bucket' is not used here: install-app uses it to upload apk-path to OBS",
    ],
    [
      'obs-endpoint with an object already in OBS',
      () => ({ ...phoneObject, 'obs-endpoint': 'https://obs.cn-north-4.myhuaweicloud.com' }),
      "Input 'obs-endpoint' is not used here: install-app uses it to upload apk-path to OBS",
    ],
  ])('refuses an input the target kind does not use: %s', async (_, inputs, message) => {
    const e = emulator();
    const run = await runActionInProcess({ operation: 'install-app', ...connection(e), ...inputs(e) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(message);
    expect(e.requests).toEqual([]);
  });

  it('refuses a tag key over the 127 characters of the SDK model', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'server-tags': `${'k'.repeat(128)}=v`,
      command: 'ls',
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain("Input 'server-tags' must list key=value entries");
    expect(e.requests).toEqual([]);
  });
});

describe('deploy-app-version with several versions', () => {
  it('reports every job of every version', async () => {
    const e = emulator();
    const run = await runActionInProcess({
      operation: 'deploy-app-version',
      ...connection(e),
      servers: 'srv-1',
      'app-version-ids': 'ver-1,ver-2',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = results(run);
    // srv-1 with 2 phones: one server job, then per version one pull and one install per phone.
    expect(rows).toHaveLength(1 + 2 * (1 + 2));
    for (const version of ['ver-1', 'ver-2']) {
      const mine = rows.filter((r) => r.app_version_id === version);
      expect(mine.map((r) => r.stage).sort()).toEqual([
        'install on phone',
        'install on phone',
        'pull version package',
      ]);
    }
  });
});

describe('every listing ends', () => {
  const fullPage = (from: number) =>
    Array.from({ length: 100 }, (_, i) => ({
      instance_id: `inst-${from + i}`,
      instance_name: `n-${from + i}`,
      running_status: 2,
    }));
  /** run-command on what `selection` selects: the listing is all a run does before it submits. */
  const listing = (e: Emulator, selection: Record<string, string>) =>
    runActionInProcess({ operation: 'run-command', ...connection(e), command: 'ls', ...selection });
  /** A listing that stopped: one error saying why, nothing submitted, every output written. */
  const expectStopped = (run: ActionRun, e: Emulator, why: string | RegExp) => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const errors = run.errors.join('\n');
    if (typeof why === 'string') expect(errors).toContain(why);
    else expect(errors).toMatch(why);
  };

  it('stops at a page the service repeats, names the listing, sends nothing and writes every output', async () => {
    const e = emulator();
    // The same full page forever, with no total: the old loop asked for it until killed.
    e.addFault({
      method: 'GET',
      path: '/v1/instances/batch-query',
      status: 200,
      body: JSON.stringify({ data: { error_code: '0', error_msg: 'OK', result: fullPage(0) } }),
    });
    const run = await listing(e, { 'instance-pool': 'release' });
    expectStopped(
      run,
      e,
      'KooPhone list instances stopped: the service returned a page seen before (page_no 2)',
    );
    expect(apiRequests(e, 'GET', '/batch-query')).toHaveLength(2);
  });

  it('stops at the 20,000-target cap when new ids keep coming under no total', async () => {
    const e = emulator();
    e.fleet.addInstances(Array.from({ length: 20_050 }, (_, i) => ({ id: `inst-${i}`, pool: 'big' })));
    const run = await listing(e, { 'instance-pool': 'big' });
    expectStopped(
      run,
      e,
      "KooPhone list instances stopped: it listed more than 20000 entries, the action's cap",
    );
    expect(apiRequests(e, 'GET', '/batch-query')).toHaveLength(201);
  });

  it('stops at max-targets before the listing ends', async () => {
    const e = emulator();
    e.fleet.addInstances(Array.from({ length: 500 }, (_, i) => ({ id: `inst-${i}`, pool: 'big' })));
    const run = await listing(e, { 'instance-pool': 'big', 'max-targets': '150' });
    expectStopped(run, e, "Input 'max-targets' is 150, but the selection has more than 150");
    expect(apiRequests(e, 'GET', '/batch-query')).toHaveLength(2);
  });

  it('stops a listing of servers that are the targets at max-targets, by tag and by name', async () => {
    const e = emulator();
    e.fleet.addServers(
      Array.from({ length: 2500 }, (_, i) => ({ id: `srv-${i}`, name: `edge-${i}`, tags: { env: 'prod' } })),
    );
    const byTag = await runActionInProcess({
      ...connection(e),
      operation: 'push-shared-files',
      'server-tags': 'env=prod',
      'obs-bucket': 'apps',
      'obs-object': 'files.tar',
      'max-targets': '100',
    });
    expectStopped(
      byTag,
      e,
      "Input 'max-targets' is 100, but the selection has more than 100 targets (CPH list servers by tag stopped there)",
    );
    // One page of 1,000 servers, not the three the whole listing takes.
    expect(apiRequests(e, 'POST', '/resource_instances/action')).toHaveLength(1);
    e.requests.length = 0;
    const byName = await runActionInProcess({
      ...connection(e),
      operation: 'deploy-app-version',
      'server-name': 'edge-*',
      'app-version-ids': 'ver-1',
      'max-targets': '50',
    });
    expectStopped(
      byName,
      e,
      "Input 'max-targets' is 50, but the selection has more than 50 targets (CPH list servers stopped there)",
    );
    expect(apiRequests(e, 'GET', '/cloud-phone/servers')).toHaveLength(1);
  });

  it('stops at the 20,000-target cap when phones listed server by server add up past it', async () => {
    const e = emulator();
    // 101 servers of 200 phones: each server's listing is one page, but together they pass the cap.
    e.fleet.addServers(
      Array.from({ length: 101 }, (_, i) => ({ id: `srv-${i}`, tags: { env: 'prod' }, phones: 200 })),
    );
    const run = await listing(e, { 'server-tags': 'env=prod' });
    expectStopped(
      run,
      e,
      /CPH list phones of server srv-\d+ stopped: the selection found more than 20000 targets, the action's cap/,
    );
  });

  it('stops at wait-timeout when pages keep coming slowly', async () => {
    const e = emulator();
    // One server of 1,000 phones: five pages of 200 in a row.
    e.fleet.addServers([{ id: 'srv-big', tags: { env: 'prod' }, phones: 1000 }]);
    // Every phone page takes 30 s of the run's clock: a 1-minute wait-timeout allows two.
    e.addFault({ method: 'GET', path: /\/cloud-phone\/phones$/, delayMs: 30_000 / TIME_SCALE });
    const run = await listing(e, { 'server-tags': 'env=prod', 'wait-timeout': '1m', 'max-concurrency': '1' });
    expectStopped(run, e, /CPH list phones.*(wait-timeout passed|deadline)/);
  });
});

describe('a failed selection says why', () => {
  it('names the filters when no running target matched', async () => {
    const e = emulator();
    e.fleet.addServers([{ id: 'srv-1', tags: { env: 'prod' } }]);
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'server-tags': 'env=staging',
      command: 'ls',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('No running phone matched the selection (env=staging)');
    expectEveryOutput(run);
  });

  it('says none of the matches is running', async () => {
    const e = emulator();
    e.fleet.addInstances([{ id: 'inst-1', pool: 'p', runningStatus: 1 }]);
    const run = await runActionInProcess({
      operation: 'run-command',
      ...connection(e),
      'instance-pool': 'p',
      command: 'ls',
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('1 matched, none running');
    expect(byTarget(run).get('inst-1')).toMatchObject({ status: 'skipped' });
    expect(submits(e)).toEqual([]);
  });
});

describe('keyless dry runs', () => {
  const keyless = (e: Emulator) => ({
    endpoint: e.url,
    'project-id': e.options.projectId,
    'sts-endpoint': e.url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    'dry-run': 'true',
  });

  it('with a selection: exchanges the token, lists read-only, says so, and sends nothing to the fleet', async () => {
    const e = emulator();
    e.fleet.addServers([{ id: 'srv-1', tags: { env: 'prod' } }]);
    const run = await runActionInProcess(
      { operation: 'run-command', ...keyless(e), 'server-tags': 'env=prod', command: 'ls' },
      { env: e.idTokenEnv() },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(apiRequests(e, 'POST', STS_PATH)).toHaveLength(1);
    expect(JSON.parse(run.outputs.targets ?? '')).toEqual(phoneIdsOf('srv-1', 2));
    expect(run.summary).toContain('the selection was resolved with read-only list calls, after exchanging');
    expect(submits(e)).toEqual([]);
    // The listings were signed with the temporary keys.
    expect(apiRequests(e, 'GET', '/cloud-phone/phones')[0]?.headers['x-security-token']).toBeTruthy();
  });

  it('without a selection: calls nothing at all', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      { operation: 'run-command', ...keyless(e), phones: 'phone-1', command: 'ls' },
      { env: e.idTokenEnv() },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(e.requests).toEqual([]);
  });
});
