import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDuration } from '../emulator/cli.js';
import {
  canonicalRequest,
  computeSignature,
  formatSdkDate,
  phoneIdsOf,
  startEmulator,
  type Emulator,
  type TargetKind,
} from '../emulator/index.js';

// Long enough that "still running" checks hold on a busy machine, short enough to wait out.
const DURATION = 250;
let emu: Emulator;
let PID: string;

beforeAll(async () => {
  emu = await startEmulator({
    jobDurationMs: DURATION,
    unknownTargets: ['bad-instance', 'bad-server', 'bad-phone'],
  });
  PID = emu.options.projectId;
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  base = emu.url,
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const tokenHeaders = () => ({ 'X-Auth-Token': emu.options.token });
const koo = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
  call(method, path, body, { 'x-request-id': randomUUID(), ...tokenHeaders(), ...extra });
const cph = (method: string, sub: string, body?: unknown, extra: Record<string, string> = {}) =>
  call(method, `/v1/${PID}/cloud-phone${sub}`, body, { ...tokenHeaders(), ...extra });

/** A real package in the emulator's OBS: install jobs download it and check its size and MD5. */
const APK = Buffer.from('PK\u0003\u0004 a small package for the emulator tests');

function validInstall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  emu.putObject('bucket', 'app.apk', APK);
  return {
    fast_install: '1',
    object_name: 'com.example.app',
    file_name: 'app.apk',
    object_version: '1.0.0',
    object_size: '1',
    biz_type: 'apk',
    content_type: 'application/octet-stream',
    content_md5: createHash('md5').update(APK).digest('hex'),
    install_package_url: emu.presignedUrl('bucket', 'app.apk', 3600),
    instance_id_list: ['inst-a', 'inst-b'],
    ...overrides,
  };
}

const validShareApps = (overrides: Record<string, unknown> = {}) => ({
  package_name: 'com.example.app',
  bucket_name: 'my-bucket.1',
  object_path: 'apps/v1/app_1+x#y=z.tar',
  server_ids: ['srv-1', 'srv-2'],
  ...overrides,
});

/** Signs with the official SDK signer, the test oracle for the emulator's verification. */
function sdkSign(
  method: string,
  path: string,
  opts: {
    body?: unknown;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    sk?: string;
    ak?: string;
  } = {},
) {
  const credential = {
    getAk: () => opts.ak ?? emu.options.accessKey,
    getSk: () => opts.sk ?? emu.options.secretKey,
  };
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  type SignArgs = Parameters<typeof AKSKSigner.sign>;
  const request: SignArgs[0] = {
    method,
    endpoint: emu.url + path,
    headers,
    queryParams: opts.query,
    data: opts.body,
  };
  const signed = AKSKSigner.sign(request, credential as unknown as SignArgs[1]) as Record<string, string>;
  delete signed.host; // fetch sets the same Host itself
  const qs = opts.query ? '?' + new URLSearchParams(opts.query).toString() : '';
  return {
    url: path + qs,
    headers: signed,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  };
}

/** Signs by hand, for cases the SDK will not produce (old dates, extra headers). */
function handSign(
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
  signedNames: string[],
  date: string,
  sk = emu.options.secretKey,
) {
  const host = new URL(emu.url).host;
  const all: Record<string, string> = { ...lower(headers), host, 'x-sdk-date': date };
  const canonical = canonicalRequest({ method, path, rawQuery: '', headers: all, body }, signedNames);
  const sig = computeSignature(sk, date, canonical);
  return {
    ...headers,
    'X-Sdk-Date': date,
    Authorization: `SDK-HMAC-SHA256 Access=${emu.options.accessKey}, SignedHeaders=${signedNames.join(';')}, Signature=${sig}`,
  };
}
const lower = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

describe('authentication', () => {
  it('accepts the configured X-Auth-Token and rejects others with APIGW.0301', async () => {
    const ok = await koo('GET', '/v1/instances/tasks/nope');
    expect(ok.status).toBe(400);
    expect(ok.json.error_code).toBe('KOOPHONE.API.1323');

    const bad = await koo('GET', '/v1/instances/tasks/nope', undefined, { 'X-Auth-Token': 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ error_code: 'APIGW.0301' });
    expect(bad.json.error_msg).toMatch(/^Incorrect IAM authentication information: invalid token/);
    expect(bad.json.request_id).toMatch(/^[0-9a-f]{32}$/);

    const none = await call('GET', `/v1/${PID}/cloud-phone/jobs?request_id=x`);
    expect(none.status).toBe(401);
    expect(none.json.error_msg).toMatch(/missing/);
  });

  it('reproduces the official signing test vector', () => {
    const req = {
      method: 'GET',
      path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      rawQuery: 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: {
        'content-type': 'application/json',
        host: 'service.region.example.com',
        'x-sdk-date': '20191115T033655Z',
      },
      body: '',
    };
    const canonical = canonicalRequest(req, ['content-type', 'host', 'x-sdk-date']);
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(
      'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    );
    expect(computeSignature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', '20191115T033655Z', canonical)).toBe(
      '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  it('accepts a KooPhone POST signed by the official SDK signer', async () => {
    const s = sdkSign('POST', '/v1/instances/app/install', {
      body: validInstall(),
      headers: { 'x-request-id': randomUUID(), 'X-Project-Id': PID },
    });
    const r = await call('POST', s.url, s.body, s.headers);
    expect(r.status).toBe(200);
    expect(r.json.error_code).toBe('0');
  });

  it('accepts a CPH GET with a query string signed by the official SDK signer', async () => {
    const s = sdkSign('GET', `/v1/${PID}/cloud-phone/jobs`, {
      query: { request_ids: 'a,b', offset: '0', limit: '10' },
      headers: { 'X-Project-Id': PID },
    });
    const r = await call('GET', s.url, undefined, s.headers);
    expect(r.status).toBe(200);
    expect(r.json.jobs).toEqual([]);
  });

  it('rejects a signature made with the wrong SK, an unknown AK, or a tampered body', async () => {
    const wrongSk = sdkSign('POST', `/v1/${PID}/cloud-phone/phones/share-files`, {
      body: { bucket_name: 'bkt', object_path: 'a.tar', server_ids: ['s1'] },
      sk: 'not-the-secret',
    });
    let r = await call('POST', wrongSk.url, wrongSk.body, wrongSk.headers);
    expect(r.status).toBe(401);
    expect(r.json.error_code).toBe('APIGW.0301');
    expect(r.json.error_msg).toMatch(/bad signature/);

    const unknownAk = sdkSign('GET', `/v1/${PID}/cloud-phone/jobs`, {
      query: { request_id: 'x' },
      ak: 'SOMEOTHERAK',
    });
    r = await call('GET', unknownAk.url, undefined, unknownAk.headers);
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/unknown AK/);

    const tampered = sdkSign('POST', `/v1/${PID}/cloud-phone/phones/share-files`, {
      body: { bucket_name: 'bkt', object_path: 'a.tar', server_ids: ['s1'] },
    });
    r = await call('POST', tampered.url, tampered.body!.replace('s1', 's2'), tampered.headers);
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/bad signature/);
    expect(emu.jobsPerTarget().size).toBe(0);
  });

  it('rejects an X-Sdk-Date more than 15 minutes off, and accepts one within', async () => {
    const path = `/v1/${PID}/cloud-phone/jobs/unknown-job`;
    const old = handSign(
      'GET',
      path,
      '',
      {},
      ['host', 'x-sdk-date'],
      formatSdkDate(Date.now() - 16 * 60_000),
    );
    let r = await call('GET', path, undefined, old);
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/expired date/);

    const recent = handSign(
      'GET',
      path,
      '',
      { 'X-Project-Id': PID },
      ['host', 'x-project-id', 'x-sdk-date'],
      formatSdkDate(Date.now() - 10 * 60_000),
    );
    r = await call('GET', path, undefined, recent);
    expect(r.status).toBe(404); // past the gateway: the job simply does not exist
  });

  it('requires host and x-sdk-date to be signed, and X-Security-Token when sent', async () => {
    const path = `/v1/${PID}/cloud-phone/jobs/unknown-job`;
    const date = formatSdkDate(Date.now());
    let r = await call('GET', path, undefined, handSign('GET', path, '', {}, ['x-sdk-date'], date));
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/host and x-sdk-date/);

    r = await call(
      'GET',
      path,
      undefined,
      handSign('GET', path, '', { 'X-Security-Token': 'tmp' }, ['host', 'x-sdk-date'], date),
    );
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/X-Security-Token/);

    r = await call(
      'GET',
      path,
      undefined,
      handSign(
        'GET',
        path,
        '',
        { 'X-Security-Token': 'tmp', 'X-Project-Id': PID },
        ['host', 'x-project-id', 'x-security-token', 'x-sdk-date'],
        date,
      ),
    );
    expect(r.status).toBe(404);
  });

  it('requires X-Project-Id on signed KooPhone calls', async () => {
    const s = sdkSign('GET', '/v1/instances/tasks/nope', { headers: { 'x-request-id': randomUUID() } });
    const r = await call('GET', s.url, undefined, s.headers);
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/X-Project-Id/);
  });

  it('requires X-Project-Id on signed CPH calls too (SDK BasicCredentials sends it on every signed call)', async () => {
    const path = `/v1/${PID}/cloud-phone/jobs`;
    const without = sdkSign('GET', path, { query: { request_id: 'r1' } });
    const r = await call('GET', without.url, undefined, without.headers);
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/X-Project-Id/);
    const withIt = sdkSign('GET', path, { query: { request_id: 'r1' }, headers: { 'X-Project-Id': PID } });
    expect((await call('GET', withIt.url, undefined, withIt.headers)).status).toBe(200);
  });

  it('refuses an X-Project-Id that is sent but not signed', async () => {
    const s = sdkSign('GET', '/v1/instances/tasks/nope', { headers: { 'x-request-id': randomUUID() } });
    const r = await call('GET', s.url, undefined, { ...s.headers, 'X-Project-Id': PID });
    expect(r.status).toBe(401);
    expect(r.json.error_msg).toMatch(/X-Project-Id is sent but not signed/);
  });

  it('answers unknown APIs with 404 APIGW.0101 before authenticating', async () => {
    for (const [method, path] of [
      ['GET', '/v2/whatever'],
      ['GET', '/v1/instances/app/install'],
      ['DELETE', `/v1/${PID}/cloud-phone/jobs`],
      ['POST', '/v1/instances/app/install/'],
    ] as const) {
      const r = await call(method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json).toMatchObject({
        error_code: 'APIGW.0101',
        error_msg: 'The API does not exist or has not been published in the environment',
      });
    }
  });
});

describe('KooPhone install app', () => {
  it('needs x-request-id (HTTP 200 KOOPHONE.API.0002)', async () => {
    const r = await call('POST', '/v1/instances/app/install', validInstall(), tokenHeaders());
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ error_code: 'KOOPHONE.API.0002', error_msg: 'x-request-id is missing' });
    expect(emu.jobsPerTarget().size).toBe(0);
  });

  it('answers in the seed shape with nested data.data, then runs the jobs on the clock', async () => {
    const r = await koo('POST', '/v1/instances/app/install', validInstall());
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['data', 'error_code', 'error_msg']);
    expect(r.json.error_code).toBe('0');
    expect(r.json.error_msg).toBe('OK');
    const { task_id, cmd_jobs } = r.json.data.data;
    expect(task_id).toMatch(/^ZGCA/);
    expect(cmd_jobs.map((j: { instance_id: string }) => j.instance_id)).toEqual(['inst-a', 'inst-b']);
    expect(new Set(cmd_jobs.map((j: { job_id: string }) => j.job_id)).size).toBe(2);

    const running = await koo('GET', `/v1/instances/tasks/${task_id}`);
    expect(running.json.error_code).toBe('0');
    expect(running.json.data.jobs).toHaveLength(2);
    // Install tasks report the newest Java SDK's JobDetail.status: 0 (not run yet) at first.
    for (const j of running.json.data.jobs)
      expect(j).toEqual({
        job_id: expect.any(String),
        status: 0,
        error_code: null,
        error_msg: null,
        execute_msg: null,
      });
    expect(emu.lastJobFinishedAt()).toBeUndefined();

    await sleep(DURATION + 30);
    const done = await koo('GET', `/v1/instances/tasks/${task_id}`);
    for (const j of done.json.data.jobs)
      expect(j).toMatchObject({ status: 2, error_code: '', error_msg: '' });
    expect(done.json.data.jobs.map((j: { job_id: string }) => j.job_id)).toEqual(
      cmd_jobs.map((j: { job_id: string }) => j.job_id),
    );
    expect(emu.lastJobFinishedAt()).toBeLessThanOrEqual(Date.now());
  });

  it('fails one target through setOutcome', async () => {
    emu.setOutcome('inst-b', {
      status: 'failed',
      errorCode: 'CPS0005',
      errorMessage: 'Phone not found.',
      output: 'boom',
      durationMs: 0,
    });
    const r = await koo('POST', '/v1/instances/app/install', validInstall());
    const [a, b] = r.json.data.data.cmd_jobs;
    const t = await koo('GET', `/v1/instances/tasks/${r.json.data.data.task_id}`);
    const byId = new Map(t.json.data.jobs.map((j: { job_id: string }) => [j.job_id, j]));
    expect(byId.get(a.job_id)).toMatchObject({ status: 0 });
    // A failed install task is 3 in the SDK's reading (JobDetail.status), -1 on the pages.
    expect(byId.get(b.job_id)).toEqual({
      job_id: b.job_id,
      status: 3,
      error_code: 'CPS0005',
      error_msg: 'Phone not found.',
      execute_msg: 'boom',
    });
  });

  it('rejects instances outside the tenant with HTTP 200 KOOPHONE.API.1012 and creates nothing', async () => {
    const r = await koo(
      'POST',
      '/v1/instances/app/install',
      validInstall({ instance_id_list: ['inst-a', 'bad-instance'] }),
    );
    expect(r.status).toBe(200);
    expect(r.json.error_code).toBe('KOOPHONE.API.1012');
    expect(r.json.error_msg).toContain('bad-instance');
    expect(emu.jobsPerTarget().size).toBe(0);
  });

  const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
    [
      'object_size as a number (seed example)',
      { object_size: 120 },
      400,
      'KOOPHONE.API.62006',
      /object_size/,
    ],
    ['object_size not digits', { object_size: '12.5' }, 400, 'KOOPHONE.API.62006', /object_size/],
    ['object_size in bytes', { object_size: '52428800' }, 400, 'KOOPHONE.API.62006', /too large/],
    ['object_size missing', { object_size: undefined }, 400, 'KOOPHONE.API.1000', /object_size is required/],
    [
      'fast_install as a number (seed example)',
      { fast_install: 1 },
      400,
      'KOOPHONE.API.3008',
      /fast_install/,
    ],
    ['fast_install "2"', { fast_install: '2' }, 400, 'KOOPHONE.API.3008', /fast_install/],
    [
      'object_name as a number',
      { object_name: 42 },
      400,
      'KOOPHONE.API.1000',
      /object_name must be a string/,
    ],
    [
      'object_name 101 chars',
      { object_name: 'a'.repeat(101) },
      400,
      'KOOPHONE.API.1000',
      /object_name must be at most 100/,
    ],
    [
      'file_name 101 chars',
      { file_name: 'a'.repeat(97) + '.apk' + 'x' },
      400,
      'KOOPHONE.API.1000',
      /file_name/,
    ],
    [
      'object_version 101 chars',
      { object_version: '1'.repeat(101) },
      400,
      'KOOPHONE.API.1000',
      /object_version/,
    ],
    ['object_name empty', { object_name: '' }, 400, 'KOOPHONE.API.1000', /object_name must not be empty/],
    ['file_name missing', { file_name: undefined }, 400, 'KOOPHONE.API.1000', /file_name is required/],
    ['biz_type xapk', { biz_type: 'xapk' }, 400, 'KOOPHONE.API.1000', /biz_type/],
    ['content_type 65 chars', { content_type: 'a'.repeat(65) }, 400, 'KOOPHONE.API.1000', /content_type/],
    ['content_md5 201 chars', { content_md5: 'a'.repeat(201) }, 400, 'KOOPHONE.API.1000', /content_md5/],
    ['content_md5 missing', { content_md5: undefined }, 400, 'KOOPHONE.API.1000', /content_md5 is required/],
    [
      'install_package_url not http',
      { install_package_url: 'obs://bucket/app.apk' },
      400,
      'KOOPHONE.API.1000',
      /install_package_url/,
    ],
    [
      'install_package_url 2001 chars',
      { install_package_url: 'https://x.example.com/' + 'a'.repeat(1979) },
      400,
      'KOOPHONE.API.1000',
      /install_package_url must be at most 2000/,
    ],
    [
      '101 instances',
      { instance_id_list: Array.from({ length: 101 }, (_, i) => `i${i}`) },
      400,
      'KOOPHONE.API.1000',
      /instance_id_list must contain at most 100/,
    ],
    ['no instances', { instance_id_list: [] }, 400, 'KOOPHONE.API.1000', /instance_id_list/],
    [
      'instance id of 33 chars',
      { instance_id_list: ['a'.repeat(33)] },
      400,
      'KOOPHONE.API.1000',
      /instance_id_list\[0\]/,
    ],
    ['instance id as number', { instance_id_list: [7] }, 400, 'KOOPHONE.API.1000', /instance_id_list\[0\]/],
    ['duplicate instance', { instance_id_list: ['x', 'x'] }, 400, 'KOOPHONE.API.1000', /duplicate/],
    [
      'instance_id_list as a string',
      { instance_id_list: 'inst-a' },
      400,
      'KOOPHONE.API.1000',
      /instance_id_list must be an array/,
    ],
  ];
  it.each(cases)('rejects %s', async (_name, overrides, status, code, msg) => {
    const r = await koo('POST', '/v1/instances/app/install', validInstall(overrides));
    expect(r.status).toBe(status);
    expect(r.json.error_code).toBe(code);
    expect(r.json.error_msg).toMatch(msg);
    expect(emu.jobsPerTarget().size).toBe(0);
  });

  it('accepts the edges: 100 instances, 100-char names, empty content_md5, no fast_install', async () => {
    const r = await koo(
      'POST',
      '/v1/instances/app/install',
      validInstall({
        fast_install: undefined,
        object_name: 'n'.repeat(100),
        content_md5: '',
        object_size: '4096',
        instance_id_list: Array.from({ length: 100 }, (_, i) => `i${i}`.padEnd(32, 'x')),
      }),
    );
    expect(r.json.error_code).toBe('0');
    expect(r.json.data.data.cmd_jobs).toHaveLength(100);
  });

  it('rejects non-JSON bodies with 400 KOOPHONE.API.1000', async () => {
    for (const [body, headers] of [
      ['{"object_name":', {}],
      ['[1,2]', {}],
      [JSON.stringify(validInstall()), { 'Content-Type': 'text/plain' }],
    ] as const) {
      const r = await koo('POST', '/v1/instances/app/install', body, headers);
      expect(r.status).toBe(400);
      expect(r.json.error_code).toBe('KOOPHONE.API.1000');
    }
  });
});

describe('KooPhone async command and GetTask', () => {
  it('answers with data.task_id (no double data), 32-hex task id, and the command output', async () => {
    emu.setOutcome('inst-b', { status: 'succeeded', output: 'custom output' });
    const r = await koo('POST', '/v1/instances/async-command', {
      command: 'ls -l /system',
      instance_ids: ['inst-a', 'inst-b'],
    });
    expect(r.status).toBe(200);
    expect(r.json.error_code).toBe('0');
    expect(r.json.error_msg).toBe('ok');
    expect(r.json.data.task_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.json.data.cmd_jobs).toHaveLength(2);
    await sleep(DURATION + 30);
    const t = await koo('GET', `/v1/instances/tasks/${r.json.data.task_id}`);
    expect(t.json.data.jobs.map((j: { execute_msg: string }) => j.execute_msg)).toEqual([
      'executed: ls -l /system',
      'custom output',
    ]);
  });

  it.each([
    ['a pipe', 'ls | grep x', /"\|"/],
    ['a semicolon', 'ls;reboot', /";"/],
    ['a quote', "echo 'x'", /"'"/],
  ])('rejects a command with %s, naming the character', async (_n, command, msg) => {
    const r = await koo('POST', '/v1/instances/async-command', { command, instance_ids: ['inst-a'] });
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('KOOPHONE.API.1000');
    expect(r.json.error_msg).toMatch(msg);
  });

  it('enforces 1024 bytes, a non-empty command and 1..32 instances', async () => {
    const ok = await koo('POST', '/v1/instances/async-command', {
      command: 'a'.repeat(1024),
      instance_ids: Array.from({ length: 32 }, (_, i) => `i${i}`),
    });
    expect(ok.json.error_code).toBe('0');
    for (const body of [
      { command: 'a'.repeat(1025), instance_ids: ['i'] },
      { command: '', instance_ids: ['i'] },
      { command: 'ls', instance_ids: Array.from({ length: 33 }, (_, i) => `i${i}`) },
      { command: 'ls', instance_ids: [] },
      { command: ['ls'], instance_ids: ['i'] },
    ]) {
      const r = await koo('POST', '/v1/instances/async-command', body);
      expect(r.status).toBe(400);
      expect(r.json.error_code).toBe('KOOPHONE.API.1000');
    }
  });

  it('answers an unknown task with HTTP 400 KOOPHONE.API.1323, CPH request ids included', async () => {
    const push = await cph('POST', '/phones/share-files', {
      bucket_name: 'bkt',
      object_path: 'a.tar',
      server_ids: ['s1'],
    });
    for (const id of ['ZGCAnope', push.json.request_id]) {
      const r = await koo('GET', `/v1/instances/tasks/${id}`);
      expect(r.status).toBe(400);
      expect(r.json.error_code).toBe('KOOPHONE.API.1323');
    }
  });
});

describe('CPH push shared apps / files', () => {
  it('creates one job per server in the seed shape', async () => {
    const r = await cph('POST', '/phones/share-apps', validShareApps({ pre_install_app: 1 }));
    expect(r.status).toBe(200);
    expect(r.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.json.jobs).toEqual([
      { server_id: 'srv-1', job_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
      { server_id: 'srv-2', job_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    expect(Object.fromEntries(emu.jobsPerTarget())).toEqual({ 'srv-1': 1, 'srv-2': 1 });
  });

  it('fails unknown servers per target with CPS.0097 and no job_id', async () => {
    const r = await cph('POST', '/phones/share-files', {
      bucket_name: 'bkt',
      object_path: 'data/files.tar',
      server_ids: ['srv-1', 'bad-server'],
    });
    expect(r.status).toBe(200);
    expect(r.json.jobs[1]).toEqual({
      server_id: 'bad-server',
      error_code: 'CPS.0097',
      error_msg: 'invalid server id',
    });
    expect(r.json.jobs[0].job_id).toBeDefined();
    expect([...emu.jobsPerTarget().keys()]).toEqual(['srv-1']);
    const list = await cph('GET', `/jobs?request_id=${r.json.request_id}`);
    expect(list.json.jobs.map((j: { server_id: string }) => j.server_id)).toEqual(['srv-1']);
  });

  const appCases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a one-segment package', { package_name: 'app' }, 'CPS.0002', /package_name/],
    ['a package segment starting with a digit', { package_name: 'com.1app' }, 'CPS.0002', /package_name/],
    ['a package with a hyphen', { package_name: 'com.my-app' }, 'CPS.0002', /package_name/],
    [
      'pre_install_app as a string',
      { pre_install_app: '1' },
      'CPS.0002',
      /pre_install_app must be an integer/,
    ],
    ['pre_install_app 2', { pre_install_app: 2 }, 'CPS.0002', /pre_install_app/],
    ['an upper-case bucket', { bucket_name: 'MyBucket' }, 'CPS.0002', /bucket_name/],
    ['a 2-char bucket', { bucket_name: 'ab' }, 'CPS.0002', /bucket_name/],
    ['a 64-char bucket', { bucket_name: 'a'.repeat(64) }, 'CPS.0002', /bucket_name/],
    ['a non-tar object', { object_path: 'apps/app.zip' }, 'CPS.0002', /object_path must name a \.tar/],
    ['an object path with a space', { object_path: 'apps/my app.tar' }, 'CPS.0002', /object_path/],
    ['an object path of 1025 chars', { object_path: 'a'.repeat(1021) + '.tar' }, 'CPS.0002', /object_path/],
    [
      '101 servers',
      { server_ids: Array.from({ length: 101 }, (_, i) => `s${i}`) },
      'CPS.0002',
      /server_ids must contain at most 100/,
    ],
    ['no servers', { server_ids: [] }, 'CPS.0002', /server_ids/],
    ['a numeric server id', { server_ids: [12] }, 'CPS.0016', /server_ids\[0\]/],
    ['missing bucket', { bucket_name: undefined }, 'CPS.0002', /bucket_name is required/],
  ];
  it.each(appCases)('share-apps rejects %s', async (_n, overrides, code, msg) => {
    const r = await cph('POST', '/phones/share-apps', validShareApps(overrides));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error_code: code, request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(r.json.error_msg).toMatch(msg);
    expect(emu.jobsPerTarget().size).toBe(0);
  });

  it('share-files applies the same bucket/object/server rules', async () => {
    const ok = await cph('POST', '/phones/share-files', {
      bucket_name: 'bkt',
      object_path: 'data/files.tar',
      server_ids: ['s1'],
    });
    expect(ok.status).toBe(200);
    for (const body of [
      { bucket_name: 'bkt', object_path: 'data/files.tgz', server_ids: ['s1'] },
      { bucket_name: 'b_k', object_path: 'a.tar', server_ids: ['s1'] },
      { bucket_name: 'bkt', object_path: 'a.tar', server_ids: 's1' },
      { bucket_name: 'bkt', object_path: 'a.tar' },
    ]) {
      const r = await cph('POST', '/phones/share-files', body);
      expect(r.status).toBe(400);
    }
  });

  it('rejects a foreign project with 403 CPS.0001 and malformed JSON with 400', async () => {
    const r = await call(
      'POST',
      '/v1/ffffffffffffffffffffffffffffffff/cloud-phone/phones/share-apps',
      validShareApps(),
      tokenHeaders(),
    );
    expect(r.status).toBe(403);
    expect(r.json.error_code).toBe('CPS.0001');
    const bad = await cph('POST', '/phones/share-apps', '{"package_name": "com.x"');
    expect(bad.status).toBe(400);
    expect(bad.json.error_code).toBe('CPS.0002');
  });
});

describe('CPH deploy app version', () => {
  it('creates job types 30, 31 and 32 with deterministic phone ids', async () => {
    const r = await cph('POST', '/servers/action', {
      batch_deploy_app_version: { app_version_ids: ['v1', 'v2'], server_ids: ['srv-1', 'bad-server'] },
    });
    expect(r.status).toBe(200);
    const jobs = r.json.jobs;
    const phones = phoneIdsOf('srv-1', 2);
    expect(jobs.filter((j: { job_type?: number }) => j.job_type === 30)).toEqual([
      { job_type: 30, job_id: expect.any(String), server_id: 'srv-1' },
    ]);
    expect(
      jobs
        .filter((j: { job_type?: number }) => j.job_type === 31)
        .map((j: { app_version_id: string }) => j.app_version_id),
    ).toEqual(['v1', 'v2']);
    const stage32 = jobs.filter((j: { job_type?: number }) => j.job_type === 32);
    expect(stage32).toHaveLength(4);
    expect(stage32[0]).toEqual({
      job_type: 32,
      job_id: expect.any(String),
      server_id: 'srv-1',
      phone_id: phones[0],
      app_version_id: 'v1',
    });
    expect(new Set(stage32.map((j: { phone_id: string }) => j.phone_id))).toEqual(new Set(phones));
    expect(jobs).toContainEqual({
      server_id: 'bad-server',
      error_code: 'CPS.0097',
      error_msg: 'invalid server id',
    });
    expect(
      new Set(jobs.filter((j: { job_id?: string }) => j.job_id).map((j: { job_id: string }) => j.job_id))
        .size,
    ).toBe(7);
    expect(Object.fromEntries(emu.jobsPerTarget())).toEqual({ 'srv-1': 1 });
  });

  it('asks the outcome function with the server for 30/31 and the phone for 32', async () => {
    const asked: [string, TargetKind][] = [];
    const e = await startEmulator({
      jobDurationMs: 0,
      phonesPerServer: 3,
      outcome: (t, k) => (
        asked.push([t, k]),
        k === 'phone' ? { status: 'failed', errorCode: 'CPS.0005' } : undefined
      ),
    });
    try {
      const r = await call(
        'POST',
        `/v1/${e.options.projectId}/cloud-phone/servers/action`,
        { batch_deploy_app_version: { app_version_ids: ['v1'], server_ids: ['s9'] } },
        { 'X-Auth-Token': e.options.token },
        e.url,
      );
      expect(r.json.jobs).toHaveLength(1 + 1 + 3);
      expect(asked.filter(([, k]) => k === 'server')).toEqual([
        ['s9', 'server'],
        ['s9', 'server'],
      ]);
      expect(asked.filter(([, k]) => k === 'phone').map(([t]) => t)).toEqual(phoneIdsOf('s9', 3));
      const list = await call(
        'GET',
        `/v1/${e.options.projectId}/cloud-phone/jobs?request_id=${r.json.request_id}`,
        undefined,
        { 'X-Auth-Token': e.options.token },
        e.url,
      );
      expect(list.json.jobs.map((j: { status: number }) => j.status)).toEqual([2, 2, -1, -1, -1]);
      expect(list.json.jobs[2]).toMatchObject({
        phone_id: phoneIdsOf('s9', 3)[0],
        error_code: 'CPS.0005',
        error_msg: 'Job failed.',
      });
    } finally {
      await e.close();
    }
  });

  it.each([
    ['no action', {}],
    ['action not an object', { batch_deploy_app_version: [] }],
    ['empty versions', { batch_deploy_app_version: { app_version_ids: [], server_ids: ['s'] } }],
    [
      '101 servers',
      {
        batch_deploy_app_version: {
          app_version_ids: ['v'],
          server_ids: Array.from({ length: 101 }, (_, i) => `s${i}`),
        },
      },
    ],
    ['servers missing', { batch_deploy_app_version: { app_version_ids: ['v'] } }],
  ])('rejects %s', async (_n, body) => {
    const r = await cph('POST', '/servers/action', body);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toMatch(/^CPS\./);
  });
});

describe('CPH ListJobs and ShowJob', () => {
  async function submit(servers: string[]) {
    const r = await cph('POST', '/phones/share-files', {
      bucket_name: 'bkt',
      object_path: 'a.tar',
      server_ids: servers,
    });
    return r.json.request_id as string;
  }

  it('pages with offset/limit in a stable order across several request ids', async () => {
    const a = await submit(['a1', 'a2', 'a3']);
    const b = await submit(['b1', 'b2']);
    const all = await cph('GET', `/jobs?request_ids=${b},${a},unknown-request`);
    expect(all.status).toBe(200);
    expect(all.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(all.json.request_id).not.toBe(a);
    expect(all.json.jobs.map((j: { server_id: string }) => j.server_id)).toEqual([
      'a1',
      'a2',
      'a3',
      'b1',
      'b2',
    ]);
    const pages: string[] = [];
    for (let offset = 0; ; offset += 2) {
      const p = await cph('GET', `/jobs?request_ids=${a},${b}&offset=${offset}&limit=2`);
      pages.push(...p.json.jobs.map((j: { server_id: string }) => j.server_id));
      if (p.json.jobs.length < 2) break;
    }
    expect(pages).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    const both = await cph('GET', `/jobs?request_id=${a}&request_ids=${b}`);
    expect(both.json.jobs.map((j: { server_id: string }) => j.server_id)).toEqual(['b1', 'b2']);
  });

  it('shows running then finished jobs with the documented fields', async () => {
    const id = await submit(['s1']);
    const running = await cph('GET', `/jobs?request_id=${id}`);
    expect(running.json.jobs[0]).toEqual({
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 1,
      server_id: 's1',
      begin_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      end_time: '',
      error_code: null,
      error_msg: null,
      execute_msg: null,
    });
    await sleep(DURATION + 30);
    const jobId = running.json.jobs[0].job_id;
    const shown = await cph('GET', `/jobs/${jobId}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      job_id: jobId,
      request_id: id,
      status: 2,
      end_time: expect.stringMatching(/Z$/),
      error_code: null,
    });
    const missing = await cph('GET', '/jobs/0000000000000000000000000000000f');
    expect(missing.status).toBe(404);
    expect(missing.json.error_code).toMatch(/^CPS\./);
  });

  it.each([
    ['21 request ids', `request_ids=${Array.from({ length: 21 }, (_, i) => `r${i}`).join(',')}`],
    ['limit 0', 'request_id=x&limit=0'],
    ['limit 101', 'request_id=x&limit=101'],
    ['limit abc', 'request_id=x&limit=abc'],
    ['offset -1', 'request_id=x&offset=-1'],
    ['no request id', 'offset=0&limit=10'],
    ['an empty entry', 'request_ids=a,,b'],
    ['a repeated request_ids', 'request_ids=a&request_ids=b'],
  ])('rejects %s with 400', async (_n, qs) => {
    const r = await cph('GET', `/jobs?${qs}`);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('CPS.0002');
  });

  it('accepts exactly 20 request ids', async () => {
    const r = await cph(
      'GET',
      `/jobs?request_ids=${Array.from({ length: 20 }, (_, i) => `r${i}`).join(',')}&limit=100&offset=0`,
    );
    expect(r.status).toBe(200);
  });
});

describe('CPH phone commands', () => {
  it('runs shell on phones and reports unknown phones/servers per target', async () => {
    const r = await cph('POST', '/phones/commands', {
      command: 'shell',
      content: 'pm list packages',
      phone_ids: ['p1', 'bad-phone'],
    });
    expect(r.status).toBe(200);
    expect(r.json.jobs).toEqual([
      { phone_id: 'p1', job_id: expect.any(String) },
      { phone_id: 'bad-phone', error_code: 'CPS.0005', error_msg: 'Phone is not found.' },
    ]);
    // server_ids fans out to the phones of each server; rows are SDK PhoneJob (no server_id), and
    // an unknown server has no phones to answer for.
    const s = await cph('POST', '/phones/commands', {
      command: 'install',
      content: '-r obs://bucket/app.apk',
      server_ids: ['srv-1', 'bad-server'],
    });
    expect(s.json.jobs).toEqual(
      phoneIdsOf('srv-1', emu.options.phonesPerServer).map((phone_id) => ({
        phone_id,
        job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      })),
    );
    const listed = await cph('GET', `/jobs?request_id=${s.json.request_id}`);
    expect(listed.json.jobs[0]).toMatchObject({ server_id: 'srv-1', phone_id: s.json.jobs[0].phone_id });
    await sleep(DURATION + 30);
    const shown = await cph('GET', `/jobs/${r.json.jobs[0].job_id}`);
    expect(shown.json).toMatchObject({
      phone_id: 'p1',
      status: 2,
      execute_msg: 'executed: pm list packages',
    });
  });

  it('uses phone_ids when both phone_ids and server_ids are given, as the page says', async () => {
    const r = await cph('POST', '/phones/commands', {
      command: 'shell',
      content: 'ls',
      phone_ids: ['p7'],
      server_ids: ['srv-1'],
    });
    expect(r.status).toBe(200);
    expect(r.json.jobs).toEqual([{ phone_id: 'p7', job_id: expect.any(String) }]);
  });

  it.each([
    ['an unknown command', { command: 'reboot', content: 'x', phone_ids: ['p'] }, 'CPS.0117'],
    [
      'shell content over 1024 bytes',
      { command: 'shell', content: 'é'.repeat(513), phone_ids: ['p'] },
      'CPS.0118',
    ],
    ['empty content', { command: 'shell', content: '', phone_ids: ['p'] }, 'CPS.0118'],
    ['a semicolon in content', { command: 'shell', content: 'ls; reboot', phone_ids: ['p'] }, 'CPS.0118'],
    [
      'install content over 1024 bytes',
      { command: 'install', content: `-r obs://b/${'a'.repeat(1020)}.apk`, phone_ids: ['p'] },
      'CPS.0118',
    ],
    ['no target list', { command: 'shell', content: 'ls' }, 'CPS.0009'],
    ['an empty phone list', { command: 'shell', content: 'ls', phone_ids: [] }, 'CPS.0009'],
    [
      '101 phones',
      { command: 'shell', content: 'ls', phone_ids: Array.from({ length: 101 }, (_, i) => `p${i}`) },
      'CPS.0002',
    ],
  ])('rejects %s', async (_n, body, code) => {
    const r = await cph('POST', '/phones/commands', body);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe(code);
  });
});

describe('faults', () => {
  const path = '/v1/instances/tasks/';
  const get = () => koo('GET', `${path}nope`);

  it('applies a canned answer to the nth matching request only', async () => {
    emu.addFault({
      path,
      nth: 2,
      status: 503,
      body: '<html>Service Unavailable</html>',
      headers: { 'Content-Type': 'text/html' },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([400, 503, 400]);
    expect(emu.requests.map((r) => r.status)).toEqual([400, 503, 400]);
  });

  it('applies at most `times` times, with headers such as Retry-After', async () => {
    emu.addFault({
      method: 'GET',
      path: /^\/v1\/instances\/tasks\//,
      times: 2,
      status: 429,
      headers: { 'Retry-After': '1' },
      body: '{"error_code":"APIGW.0308","error_msg":"throttled"}',
    });
    const a = await get();
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('1');
    expect(a.json.error_code).toBe('APIGW.0308');
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(400);
  });

  it('can answer HTTP 200 with a family error body or truncated JSON', async () => {
    emu.addFault({
      times: 1,
      status: 200,
      body: '{"error_code":"KOOPHONE.API.9999","error_msg":"internal"}',
    });
    emu.addFault({ times: 1, status: 200, body: '{"error_code":"0","data":{"jo' });
    expect((await get()).json.error_code).toBe('KOOPHONE.API.9999');
    const truncated = await get();
    expect(truncated.json).toBeUndefined();
    expect(truncated.text).toBe('{"error_code":"0","data":{"jo');
  });

  it('resets the connection and records status 0', async () => {
    emu.addFault({ path, times: 1, reset: true });
    await expect(get()).rejects.toThrow();
    expect(emu.requests[0]!.status).toBe(0);
    expect((await get()).status).toBe(400);
  });

  it('delays an answer', async () => {
    emu.addFault({ path, times: 1, delayMs: 1500 });
    const order: string[] = [];
    const delayed = get().then((r) => order.push(`delayed ${r.status}`));
    while (emu.requests.length === 0) await sleep(5);
    // Sent after the delayed one, answered before it: the answer waited, then came as usual.
    await get().then((r) => order.push(`next ${r.status}`));
    await delayed;
    expect(order).toEqual(['next 400', 'delayed 400']);
  });

  it('acts and then loses the answer with afterEffect', async () => {
    emu.addFault({
      method: 'POST',
      path: '/v1/instances/app/install',
      times: 1,
      afterEffect: true,
      status: 500,
      body: '{"error_code":"KOOPHONE.API.9999","error_msg":"internal"}',
    });
    const r = await koo('POST', '/v1/instances/app/install', validInstall({ instance_id_list: ['inst-a'] }));
    expect(r.status).toBe(500);
    expect(emu.jobsPerTarget().get('inst-a')).toBe(1);

    emu.addFault({
      method: 'POST',
      path: `/v1/${PID}/cloud-phone/phones/share-apps`,
      times: 1,
      afterEffect: true,
      reset: true,
    });
    await expect(
      cph('POST', '/phones/share-apps', validShareApps({ server_ids: ['srv-9'] })),
    ).rejects.toThrow();
    expect(emu.jobsPerTarget().get('srv-9')).toBe(1);
    expect(emu.requests.at(-1)!.status).toBe(0);
  });

  it('applies faults before authentication unless afterEffect', async () => {
    emu.addFault({ times: 1, status: 503, body: '' });
    const r = await call('GET', '/v1/instances/tasks/x');
    expect(r.status).toBe(503);
  });

  it('hangs forever, and close() still terminates', async () => {
    const e = await startEmulator();
    e.addFault({ hang: true });
    const pending = fetch(`${e.url}/v1/instances/tasks/x`).then(
      () => 'answered',
      () => 'failed',
    );
    await sleep(100);
    expect(e.requests).toHaveLength(1);
    expect(e.requests[0]!.status).toBe(0);
    // A close() that waited for the hung request would never return: the test would time out.
    await e.close();
    expect(await pending).toBe('failed');
  });

  it('close() does not wait for a delayed request', async () => {
    const e = await startEmulator();
    // Longer than the test timeout: a close() that waited would fail the test.
    e.addFault({ delayMs: 10 * 60_000 });
    const pending = fetch(`${e.url}/v1/instances/tasks/x`).catch(() => 'failed');
    await sleep(50);
    await e.close();
    expect(await pending).toBe('failed');
  });
});

describe('bookkeeping', () => {
  it('records every request, including rejected ones', async () => {
    await call('GET', '/nope');
    await koo('POST', '/v1/instances/async-command', { command: 'ls', instance_ids: ['i1'] });
    await cph('GET', '/jobs?request_id=abc');
    expect(emu.requests.map((r) => [r.seq, r.method, r.path, r.status, r.family])).toEqual([
      [1, 'GET', '/nope', 404, 'other'],
      [2, 'POST', '/v1/instances/async-command', 200, 'koophone'],
      [3, 'GET', `/v1/${PID}/cloud-phone/jobs`, 200, 'cph'],
    ]);
    expect(emu.requests[1]!.body).toEqual({ command: 'ls', instance_ids: ['i1'] });
    expect(emu.requests[1]!.headers['x-request-id']).toBeDefined();
    expect(emu.requests[2]!.query).toEqual({ request_id: 'abc' });
  });

  it('counts jobs per target and reports duplicates per operation', async () => {
    await koo('POST', '/v1/instances/app/install', validInstall({ instance_id_list: ['i1', 'i2'] }));
    await koo(
      'POST',
      '/v1/instances/app/install',
      validInstall({ object_name: 'com.other', instance_id_list: ['i1'] }),
    );
    await koo('POST', '/v1/instances/async-command', { command: 'ls', instance_ids: ['i2'] });
    expect(emu.duplicateTargets()).toEqual([]);
    expect(Object.fromEntries(emu.jobsPerTarget())).toEqual({ i1: 2, i2: 2 });

    await koo('POST', '/v1/instances/app/install', validInstall({ instance_id_list: ['i2'] }));
    await cph('POST', '/servers/action', {
      batch_deploy_app_version: { app_version_ids: ['v1'], server_ids: ['s1'] },
    });
    await cph('POST', '/servers/action', {
      batch_deploy_app_version: { app_version_ids: ['v2'], server_ids: ['s1'] },
    });
    expect(emu.duplicateTargets()).toEqual(['i2']);
    await cph('POST', '/servers/action', {
      batch_deploy_app_version: { app_version_ids: ['v1'], server_ids: ['s1'] },
    });
    expect(emu.duplicateTargets().sort()).toEqual(['i2', 's1']);
  });

  it('reports when the last job finished', async () => {
    expect(emu.lastJobFinishedAt()).toBeUndefined();
    const before = Date.now();
    await koo('POST', '/v1/instances/async-command', { command: 'ls', instance_ids: ['i1'] });
    expect(emu.lastJobFinishedAt()).toBeUndefined();
    await sleep(DURATION + 30);
    const at = emu.lastJobFinishedAt()!;
    expect(at).toBeGreaterThanOrEqual(before + DURATION);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('reset() forgets requests, jobs, faults and outcomes', async () => {
    emu.addFault({ status: 500 });
    emu.setOutcome('i1', { status: 'failed' });
    await koo('GET', '/v1/instances/tasks/x');
    emu.reset();
    expect(emu.requests).toHaveLength(0);
    const r = await koo('POST', '/v1/instances/async-command', { command: 'ls', instance_ids: ['i1'] });
    expect(r.status).toBe(200);
    expect(emu.requests[0]!.seq).toBe(1);
    expect(Object.fromEntries(emu.jobsPerTarget())).toEqual({ i1: 1 });
    await sleep(DURATION + 30);
    const t = await koo('GET', `/v1/instances/tasks/${r.json.data.task_id}`);
    expect(t.json.data.jobs[0].status).toBe(2);
  });
});

describe('cli', () => {
  it('parses durations', () => {
    expect(parseDuration('2s')).toBe(2000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration('1m')).toBe(60_000);
    expect(() => parseDuration('soon')).toThrow();
  });

  it('starts, announces its URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--fail', 'i9', '--job-duration', '0ms'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`cli exited with ${code}`)));
      });
      const r = await call(
        'POST',
        '/v1/instances/async-command',
        { command: 'ls', instance_ids: ['i9'] },
        { 'X-Auth-Token': 'emulator-token', 'x-request-id': 'r1' },
        url,
      );
      const t = await call(
        'GET',
        `/v1/instances/tasks/${r.json.data.task_id}`,
        undefined,
        { 'X-Auth-Token': 'emulator-token', 'x-request-id': 'r2' },
        url,
      );
      expect(t.json.data.jobs[0].status).toBe(-1);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
