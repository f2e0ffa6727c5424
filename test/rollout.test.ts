// Units of fleet rollouts (wave plans, thresholds, pm output, tag parsing) and the emulator's fleet:
// list APIs with paging, filters and tags, the pm list answer and its cap, offline targets.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phoneIdsOf, startEmulator, type Emulator } from '../emulator/index.js';
import { InputError } from '../src/inputs/errors.js';
import { Transport } from '../src/api/transport.js';
import { FleetLister } from '../src/api/fleet-lists.js';
import { CphClient } from '../src/api/cph.js';
import { parseServerTags } from '../src/inputs/fleet.js';
import { resolveSelection } from '../src/run/select.js';
import { InputReader } from '../src/inputs/reader.js';
import { allowedFailures, planWaves } from '../src/run/waves.js';
import { parseWaves, type Amount } from '../src/inputs/waves.js';
import { parseVersion } from '../src/run/verify.js';

const waves = (text: string) => parseWaves(text) as Amount[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('wave plans', () => {
  it('splits targets into counts and percentages of all targets, rounded up, repeating the last size', () => {
    expect(planWaves(2000, waves('1%, 10%, 100%'))).toEqual([20, 200, 1780]);
    expect(planWaves(14, waves('1, 10%, 100%'))).toEqual([1, 2, 11]);
    expect(planWaves(10, waves('1, 30%'))).toEqual([1, 3, 3, 3]);
    expect(planWaves(3, waves('5'))).toEqual([3]);
    expect(planWaves(0, waves('1, 10%'))).toEqual([]);
    // 10% of 2,000 is exactly 200, not 201 from floating point.
    expect(planWaves(2000, waves('10%'))).toHaveLength(10);
    expect(planWaves(7, waves('0.1%'))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('refuses sizes that are not counts or percentages', () => {
    for (const bad of ['0', '1,,2', '10 %x', '150%', '-1', '1.5', 'all'])
      expect(typeof parseWaves(bad), bad).toBe('string');
  });

  it('tolerates a count, or a percentage of the targets attempted so far rounded down', () => {
    expect(allowedFailures({ count: 0 }, 100)).toBe(0);
    expect(allowedFailures({ count: 3 }, 1)).toBe(3);
    expect(allowedFailures({ percent: 10 }, 21)).toBe(2);
    expect(allowedFailures({ percent: 10 }, 9)).toBe(0);
  });
});

describe('pm list packages output', () => {
  it('takes the line of exactly this package, not one whose name contains it', () => {
    const out = 'package:com.example.demo.plugin versionCode:99\npackage:com.example.demo versionCode:42';
    expect(parseVersion(out, 'com.example.demo')).toEqual({ kind: 'installed', versionCode: 42n });
    expect(parseVersion('package:com.example.demo.plugin versionCode:99', 'com.example.demo')).toEqual({
      kind: 'missing',
    });
    expect(parseVersion('', 'com.example.demo')).toEqual({ kind: 'missing' });
    // A line that is not pm's is no answer at all.
    expect(parseVersion('package:com.example.demo versionCo', 'com.example.demo').kind).toBe('unknown');
  });

  /** An answer the service cut at 1,024 bytes, with `line` at its end. */
  const cutAnswer = (line: string) => {
    const filler = Array.from({ length: 40 }, (_, i) => `package:com.example.demo.p${i} versionCode:1`).join(
      '\n',
    );
    const head = `${filler}\n${line}`;
    return head.slice(0, 1024);
  };

  it('never reads a line the 1,024-byte cut may have shortened as a number', () => {
    const line = 'package:com.example.demo versionCode:1234';
    // Other packages' lines up to where the cut leaves "versionCode:12" of ours.
    const keep = 1024 - (line.length - 2);
    let prefix = '';
    for (let i = 0; keep - prefix.length > 80; i++)
      prefix += `package:com.example.demo.p${i} versionCode:1\n`;
    const room = keep - prefix.length - 'package:z versionCode:1\n'.length;
    prefix += `package:z${'z'.repeat(room)} versionCode:1\n`;
    const answer = `${prefix}${line}`.slice(0, 1024);
    expect(answer.endsWith('\npackage:com.example.demo versionCode:12')).toBe(true);
    expect(parseVersion(answer, 'com.example.demo').kind).toBe('unknown');
  });

  it('calls a package missing from a cut answer unknown, not absent', () => {
    const answer = cutAnswer('package:com.example.demo versionCode:42');
    expect(answer).not.toContain('package:com.example.demo versionCode');
    expect(parseVersion(answer, 'com.example.demo')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('cut at 1024 bytes'),
    });
  });

  it('still reads a whole line before the cut', () => {
    const answer = `package:com.example.demo versionCode:42\n${cutAnswer('')}`.slice(0, 1024);
    expect(parseVersion(answer, 'com.example.demo')).toEqual({ kind: 'installed', versionCode: 42n });
  });

  it.each([
    ['a pm that lists no versionCode (Android 7)', 'package:com.example.demo\n'],
    ['a pm that refuses the option', 'Error: Unknown option: --show-versioncode\n'],
    ['a shell error', '/system/bin/sh: pm: not found'],
  ])('calls %s unknown, not absent', (_, answer) => {
    expect(parseVersion(answer, 'com.example.demo').kind).toBe('unknown');
  });

  it('reads versionCode as a whole decimal number, exact beyond 2^53', () => {
    const at = (code: string) => parseVersion(`package:a.b versionCode:${code}\n`, 'a.b');
    expect(at('9007199254740993')).toEqual({ kind: 'installed', versionCode: 9007199254740993n });
    expect(at('9223372036854775807')).toEqual({ kind: 'installed', versionCode: 2n ** 63n - 1n });
    for (const bad of ['99999999999999999999999999', '9223372036854775808', '1e5', '0x10', '12.0', '-1'])
      expect(at(bad).kind, bad).toBe('unknown');
  });
});

describe('server-tags', () => {
  const reader = new InputReader(() => '');
  it('groups values of one key (either) and keeps keys apart (all)', () => {
    expect(parseServerTags(reader, 'env=prod, env=canary\nteam=a')).toEqual(
      new Map([
        ['env', ['prod', 'canary']],
        ['team', ['a']],
      ]),
    );
  });
  it('names the input and the entry when an entry is not key=value', () => {
    expect(() => parseServerTags(reader, 'env=prod, team')).toThrow(InputError);
    expect(() => parseServerTags(reader, 'env=prod, team')).toThrow(/Input 'server-tags' .*\(got "team"\)/);
  });
});

describe('emulator fleet', () => {
  let emu: Emulator;
  let PID: string;
  beforeAll(async () => {
    emu = await startEmulator({ jobDurationMs: 50 });
    PID = emu.options.projectId;
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  const headers = () => ({ 'X-Auth-Token': emu.options.token, 'x-request-id': randomUUID() });
  async function get(path: string) {
    const res = await fetch(emu.url + path, { headers: headers() });
    return { status: res.status, json: (await res.json()) as Json };
  }
  async function post(path: string, body: unknown) {
    const res = await fetch(emu.url + path, {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('lists servers by tag: keys AND, values OR, limit up to 1,000 as strings, paged', async () => {
    emu.fleet.addServers([
      { id: 's1', tags: { env: 'prod', team: 'a' } },
      { id: 's2', tags: { env: 'canary', team: 'a' } },
      { id: 's3', tags: { env: 'prod', team: 'b' } },
    ]);
    const path = `/v1/${PID}/cph-server/resource_instances/action`;
    const tags = [
      { key: 'env', values: ['prod', 'canary'] },
      { key: 'team', values: ['a'] },
    ];
    const all = await post(path, { action: 'filter', offset: '0', limit: '1000', tags });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({
      total_count: 2,
      resources: [{ resource_id: 's1' }, { resource_id: 's2' }],
    });
    const second = await post(path, { action: 'filter', offset: '1', limit: '1', tags });
    expect(second.json).toMatchObject({ total_count: 2, resources: [{ resource_id: 's2' }] });
    expect((await post(path, { action: 'count', tags })).json).toEqual({ total_count: 2 });
    expect((await post(path, { action: 'filter', limit: '1001', tags })).status).toBe(400);
    expect((await post(path, { action: 'filter', limit: 10, tags })).status).toBe(400);
    expect((await post(path, { action: 'list', tags })).status).toBe(400);
    // Java SDK Tags.key: at most 127 characters.
    const longKey = (n: number) => [{ key: 'k'.repeat(n), values: ['v'] }];
    expect((await post(path, { action: 'count', tags: longKey(127) })).status).toBe(200);
    expect((await post(path, { action: 'count', tags: longKey(128) })).status).toBe(400);
  });

  it('lists phones with paging, server and status filters, and servers by name', async () => {
    emu.fleet.addServers([
      { id: 's1', name: 'farm-a', phones: 3 },
      { id: 's2', name: 'farm-b', phones: 2 },
    ]);
    const [p1, p2] = phoneIdsOf('s1', 3);
    emu.fleet.setStatus(p2!, 8);
    const page = await get(`/v1/${PID}/cloud-phone/phones?offset=0&limit=2`);
    expect(page.json).toMatchObject({
      count: 5,
      phones: [
        { phone_id: p1, status: 2 },
        { phone_id: p2, status: 8 },
      ],
    });
    const rest = await get(`/v1/${PID}/cloud-phone/phones?offset=4&limit=2`);
    expect((rest.json as { phones: unknown[] }).phones).toHaveLength(1);
    const ofS2 = await get(`/v1/${PID}/cloud-phone/phones?server_id=s2`);
    expect((ofS2.json as { phones: unknown[] }).phones).toHaveLength(2);
    const stopped = await get(`/v1/${PID}/cloud-phone/phones?status=8`);
    expect(stopped.json).toMatchObject({ count: 1, phones: [{ phone_id: p2 }] });
    // Pages of up to 200 phones (SDK ListCloudPhonesRequest).
    expect((await get(`/v1/${PID}/cloud-phone/phones?limit=200`)).status).toBe(200);
    expect((await get(`/v1/${PID}/cloud-phone/phones?limit=201`)).status).toBe(400);
    const named = await get(`/v1/${PID}/cloud-phone/servers?server_name=farm-b`);
    expect(named.json).toMatchObject({
      count: 1,
      servers: [{ server_id: 's2', server_name: 'farm-b', status: 5 }],
    });
    // server_name is a substring filter, as the service's (Go SDK ListCloudPhoneServersRequest).
    const both = await get(`/v1/${PID}/cloud-phone/servers?server_name=arm`);
    expect(both.json).toMatchObject({ count: 2 });
  });

  it('lists KooPhone instances by pool with page_no / page_size and running_status', async () => {
    emu.fleet.addInstances([
      { id: 'i1', pool: 'p' },
      { id: 'i2', pool: 'p', runningStatus: 1 },
      { id: 'i3', pool: 'q' },
    ]);
    const page = await get('/v1/instances/batch-query?pool_name=p&page_no=2&page_size=1&x-request-id=r1');
    // Java SDK ListInstancesResponse: the code is inside data, and only there.
    expect(page.json).toEqual({
      data: {
        error_code: '0',
        error_msg: 'OK',
        total_count: 2,
        page_no: 2,
        page_size: 1,
        result: [expect.objectContaining({ instance_id: 'i2', running_status: 1 })],
      },
    });
    expect((await get('/v1/instances/batch-query?page_no=0&x-request-id=r1')).status).toBe(400);
    // x-request-id is a required query parameter of this call (KooPhoneMeta.genForListInstances).
    const noQueryId = await get('/v1/instances/batch-query?pool_name=p');
    expect(noQueryId.status).toBe(400);
    expect(JSON.stringify(noQueryId.json)).toContain('x-request-id');
    // instance_name narrows by substring here; the client decides on whole names.
    const byName = await get('/v1/instances/batch-query?instance_name=i&x-request-id=r1');
    expect(byName.json).toMatchObject({ data: { total_count: 3 } });
  });

  it('answers pm list packages from the fleet, changed by installs, capped at 1,024 bytes', async () => {
    emu.fleet.addInstances([{ id: 'i1' }, { id: 'i2', runningStatus: 1 }]);
    emu.fleet.setInstalled('i1', 'com.example.demo', 41);
    for (let i = 0; i < 40; i++) emu.fleet.setInstalled('i1', `com.example.demo.extra${i}`, i);
    emu.putObject('bucket', 'app.apk', Buffer.from('PK fake apk'));
    emu.fleet.describeObject('bucket', 'app.apk', { packageName: 'com.example.demo', versionCode: 42 });
    const install = await post('/v1/instances/app/install', {
      fast_install: '0',
      object_name: 'com.example.demo',
      file_name: 'app.apk',
      object_version: '1.0',
      object_size: '1',
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: '',
      install_package_url: emu.presignedUrl('bucket', 'app.apk', 600),
      instance_id_list: ['i1', 'i2'],
    });
    expect(install.status).toBe(200);
    await sleep(80);
    const query = await post('/v1/instances/async-command', {
      command: 'pm list packages --show-versioncode com.example.demo',
      instance_ids: ['i1', 'i2'],
    });
    await sleep(80);
    const task = await get(
      `/v1/instances/tasks/${(query.json as { data: { task_id: string } }).data.task_id}`,
    );
    const [ok, offline] = (task.json as { data: { jobs: Array<Record<string, unknown>> } }).data.jobs;
    const output = String(ok!.execute_msg);
    expect(output.split('\n')[0]).toBe('package:com.example.demo versionCode:42');
    expect(output).toContain('package:com.example.demo.extra0 versionCode:0');
    expect(Buffer.byteLength(output)).toBe(1024);
    expect(offline).toMatchObject({ status: -1, error_code: 'KOOPHONE.INSTANCE.NOT_RUNNING' });
  });

  const lister = () =>
    new FleetLister(
      new Transport({
        baseUrl: emu.url,
        credentials: { kind: 'token', token: emu.options.token },
        requestTimeoutMs: 5000,
      }),
      PID,
      4,
    );

  it('ListJobs takes offsets up to 8096 (Java ListJobsRequest), and the client never asks past them', async () => {
    const jobs = (offset: string) => get(`/v1/${PID}/cloud-phone/jobs?request_id=r1&offset=${offset}`);
    expect((await jobs('8096')).status).toBe(200);
    expect((await jobs('8097')).status).toBe(400);
    // A service that answers full pages forever: the listing ends at the last offset it accepts.
    emu.addFault({
      method: 'GET',
      path: `/v1/${PID}/cloud-phone/jobs`,
      status: 200,
      body: JSON.stringify({
        request_id: 'r',
        jobs: Array.from({ length: 100 }, (_, i) => ({ job_id: `j${i}`, status: 1 })),
      }),
    });
    emu.requests.length = 0;
    const client = new CphClient(
      new Transport({
        baseUrl: emu.url,
        credentials: { kind: 'token', token: emu.options.token },
        requestTimeoutMs: 5000,
      }),
      PID,
    );
    await client.listJobs(['r1']);
    const offsets = emu.requests.map((r) => Number(r.query.offset));
    expect(offsets).toHaveLength(81);
    expect(Math.max(...offsets)).toBe(8000);
  });

  it('expands a few servers one listing each when listing every phone would take more calls', async () => {
    emu.fleet.addServers([
      { id: 'big', tags: { env: 'other' }, phones: 250 },
      { id: 's1', tags: { env: 'prod' }, phones: 3 },
    ]);
    const resolved = await resolveSelection({ family: 'cph', tags: new Map([['env', ['prod']]]) }, lister());
    expect(resolved.running).toEqual(phoneIdsOf('s1', 3));
    const listings = emu.requests.filter((r) => r.path.endsWith('/cloud-phone/phones'));
    // One page of everything to learn the total (253 phones: 3 pages), then one listing of s1.
    expect(listings.map((r) => r.query.server_id ?? '')).toEqual(['', 's1']);
  });

  it("intersects server-tags with server-name, and keeps the servers' order", async () => {
    emu.fleet.addServers([
      { id: 's1', name: 'farm', tags: { env: 'prod' }, phones: 1 },
      { id: 's2', name: 'lab', tags: { env: 'prod' }, phones: 1 },
      { id: 's3', name: 'farm', tags: { env: 'dev' }, phones: 1 },
    ]);
    const both = await resolveSelection(
      { family: 'cph', tags: new Map([['env', ['prod', 'dev']]]), serverName: 'farm' },
      lister(),
    );
    expect(both.all).toEqual([...phoneIdsOf('s1', 1), ...phoneIdsOf('s3', 1)]);
  });

  it('refuses ids from the service that do not look like ids', async () => {
    emu.fleet.addInstances([
      { id: 'inst-1', pool: 'p' },
      { id: '$(reboot)', pool: 'p' },
    ]);
    await expect(resolveSelection({ family: 'koophone', pool: 'p' }, lister())).rejects.toThrow(
      /KooPhone list instances.*data\.result\.1\.instance_id/,
    );
  });
});
