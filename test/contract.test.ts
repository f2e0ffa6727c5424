import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS, STS_PATH, type RecordedRequest } from '../emulator/index.js';
import { checkShape, ENDPOINTS, ERROR_BODY, type Endpoint } from './contract/shapes.js';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runActionInProcess } from './support/in-process.js';

// Both sides of every call checked against the shapes in test/contract/shapes.ts (official SDK
// models and API pages): what the client sends, as the emulator recorded it, and what the emulator
// answers. A field that one side invents and the other accepts shows up here.
const emulator = useEmulator({
  timeScale: TIME_SCALE,
  recordResponses: true,
  phonesPerServer: 2,
  jobDurationMs: 200,
});

function endpointOf(r: RecordedRequest): Endpoint | undefined {
  const cph = /^\/v1\/[^/]+\/cloud-phone(\/.*)$/.exec(r.path);
  const project = /^\/v1\/[^/]+(\/.*)$/.exec(r.path);
  return ENDPOINTS.find(
    (e) =>
      e.method === r.method &&
      (e.family !== 'cph'
        ? e.path.test(r.path)
        : e.underProject
          ? project !== null && e.path.test(project[1] ?? '')
          : cph !== null && e.path.test(cph[1] ?? '')),
  );
}

const isSts = (r: RecordedRequest) => r.path === STS_PATH;

/** KooPhone's code: at the top, or inside `data` (ListInstances, Java SDK ListInstancesResponse). */
function kooCode(answer: Record<string, unknown>): unknown {
  const data = answer.data as Record<string, unknown> | undefined;
  return answer.error_code ?? data?.error_code;
}

/** Endpoints the scenarios reached, for the coverage check at the end. */
const hit = new Set<string>();

/** Every problem of every recorded API call: request query, request body and answer. */
function contractProblems(requests: readonly RecordedRequest[]): string[] {
  const problems: string[] = [];
  for (const r of requests.filter((x) => x.family === 'cph' || x.family === 'koophone' || isSts(x))) {
    const where = `${r.method} ${r.path}`;
    const endpoint = endpointOf(r);
    if (!endpoint) {
      problems.push(`${where}: no such endpoint in the contract`);
      continue;
    }
    hit.add(endpoint.name);
    if (endpoint.query) {
      problems.push(...checkShape(endpoint.query, r.query, `${where} query`));
    }
    if (endpoint.request) {
      problems.push(
        ...checkShape(endpoint.request, (r.body ?? {}) as Record<string, unknown>, `${where} body`),
      );
    }
    const answer = (r.response ?? {}) as Record<string, unknown>;
    const isError = r.status !== 200 || (endpoint.family === 'koophone' && kooCode(answer) !== '0');
    problems.push(...checkShape(isError ? ERROR_BODY : endpoint.response, answer, `${where} answer`));
  }
  return problems;
}

const base = () => ({ ...connection(emulator(), 'aksk'), 'poll-interval': '1s' });

const scenarios: Array<[string, () => Record<string, string>, (() => Record<string, string>)?]> = [
  [
    'install-app on instances',
    () => {
      emulator().putObject('bucket', 'apps/demo.apk', Buffer.alloc(1000));
      return {
        operation: 'install-app',
        instances: 'inst-a,inst-b',
        'apk-url': emulator().presignedUrl('bucket', 'apps/demo.apk', 3600),
        'package-name': 'com.example.demo',
        'version-name': '1.2.3+45',
        'apk-size-mb': '1',
      };
    },
  ],
  [
    'run-command on instances',
    () => ({ operation: 'run-command', instances: 'inst-a', command: 'ls /data' }),
  ],
  [
    'run-command on phones',
    () => ({ operation: 'run-command', phones: 'ph-1,ph-2', command: 'getprop ro.build' }),
  ],
  [
    'install-app on servers',
    () => {
      emulator().putObject('apps-bucket', 'builds/app-1.2.3.apk', Buffer.alloc(1000));
      return {
        operation: 'install-app',
        servers: 'srv-1,srv-2',
        'obs-bucket': 'apps-bucket',
        'obs-object': 'builds/app-1.2.3.apk',
        'install-flags': '-d',
      };
    },
  ],
  [
    'push-shared-app',
    () => ({
      operation: 'push-shared-app',
      servers: 'srv-1',
      'package-name': 'com.example.game',
      'obs-bucket': 'apps-bucket',
      'obs-object': 'games/game.tar',
    }),
  ],
  [
    'push-shared-files',
    () => ({
      operation: 'push-shared-files',
      servers: 'srv-1',
      'obs-bucket': 'apps-bucket',
      'obs-object': 'f.tar',
    }),
  ],
  [
    'deploy-app-version',
    () => ({ operation: 'deploy-app-version', servers: 'srv-1', 'app-version-ids': 'ver-1' }),
  ],
  [
    'run-command on phones selected by tag and name',
    () => {
      emulator().fleet.addServers([
        { id: 'srv-1', name: 'edge', tags: { env: 'prod' } },
        { id: 'srv-2', name: 'edge-old', tags: { env: 'prod' } },
      ]);
      return { operation: 'run-command', 'server-tags': 'env=prod', 'server-name': 'edge', command: 'ls' };
    },
  ],
  [
    'run-command on instances selected by pool and name',
    () => {
      emulator().fleet.addInstances([
        { id: 'inst-a', name: 'edge-1', pool: 'release' },
        { id: 'inst-b', name: 'edge-10', pool: 'release' },
      ]);
      return {
        operation: 'run-command',
        'instance-pool': 'release',
        'instance-name': 'edge-1',
        command: 'ls',
      };
    },
  ],
  [
    'push-shared-files on servers selected by name, keyless',
    () => {
      const e = emulator();
      e.fleet.addServers([{ id: 'srv-1', name: 'edge' }]);
      return {
        endpoint: e.url,
        'project-id': e.options.projectId,
        'poll-interval': '1s',
        'sts-endpoint': e.url,
        'agency-urn': STS_DEFAULTS.agencyUrn,
        'identity-provider-urn': STS_DEFAULTS.providerUrn,
        operation: 'push-shared-files',
        'server-name': 'edge',
        'obs-bucket': 'apps-bucket',
        'obs-object': 'f.tar',
      };
    },
    () => emulator().idTokenEnv(),
  ],
];

describe('contract: client requests and emulator answers against the official shapes', () => {
  it.each(scenarios)('%s', async (_name, inputs, env) => {
    const given = inputs();
    const run = await runActionInProcess(
      'agency-urn' in given ? given : { ...base(), ...given },
      env ? { env: env() } : {},
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('succeeded');
    const calls = emulator().requests.filter((r) => r.family !== 'obs');
    expect(calls.every((r) => typeof r.response === 'object' && r.response !== null)).toBe(true);
    expect(calls.some((r) => r.method === 'POST')).toBe(true);
    expect(calls.some((r) => r.method === 'GET')).toBe(true);
    expect(contractProblems(emulator().requests)).toEqual([]);
  });

  it("checks the emulator's ShowJob answer, which the action does not call", async () => {
    await runActionInProcess({
      ...base(),
      operation: 'run-command',
      phones: 'ph-1',
      command: 'ls',
      wait: 'false',
      'poll-interval': '',
    });
    const [submit] = emulator().requests.filter((r) => r.method === 'POST');
    const jobId = ((submit?.response as { jobs: { job_id: string }[] }).jobs[0] as { job_id: string }).job_id;
    const e = emulator();
    const r = await fetch(`${e.url}/v1/${e.options.projectId}/cloud-phone/jobs/${jobId}`, {
      headers: { 'X-Auth-Token': e.options.token },
    });
    const answer = (await r.json()) as Record<string, unknown>;
    const show = ENDPOINTS.find((x) => x.name === 'CPH ShowJob');
    hit.add('CPH ShowJob');
    expect(checkShape(show?.response ?? {}, answer)).toEqual([]);
  });

  it('reached every endpoint of the contract in the scenarios above', () => {
    expect(ENDPOINTS.map((e) => e.name).filter((name) => !hit.has(name))).toEqual([]);
  });

  it('would catch a ListInstances call without x-request-id in its query, or its code at the top only', () => {
    const list = ENDPOINTS.find((e) => e.name === 'KooPhone list instances') as Endpoint;
    expect(checkShape(list.query ?? {}, { page_no: '1', page_size: '100' })).toEqual([
      '.x-request-id: missing',
    ]);
    expect(
      checkShape(list.response, { error_code: '0', error_msg: 'OK', data: { result: [], total_count: 0 } }),
    ).toEqual([
      '.error_code: not a field of the model',
      '.error_msg: not a field of the model',
      '.data.error_code: missing',
    ]);
    const jobs = ENDPOINTS.find((e) => e.name === 'CPH ListJobs') as Endpoint;
    expect(checkShape(jobs.query ?? {}, { request_ids: 'a', offset: '8100', limit: '100' })).toEqual([
      '.offset: "8100" does not match /^([0-9]{1,3}|[0-7][0-9]{3}|80[0-8][0-9]|809[0-6])$/',
    ]);
    expect(checkShape(jobs.query ?? {}, { request_ids: 'a', offset: '8000', limit: '100' })).toEqual([]);
  });

  it('would catch the drift this issue found: a server_id in PhoneJob rows, job_type in Job rows, bad content', () => {
    const commands = ENDPOINTS.find((e) => e.name.startsWith('CPH ADB command')) as Endpoint;
    const list = ENDPOINTS.find((e) => e.name === 'CPH ListJobs') as Endpoint;
    expect(
      checkShape(commands.response, { request_id: 'r', jobs: [{ server_id: 's1', job_id: 'j' }] }, ''),
    ).toEqual(['.jobs[0].server_id: not a field of the model', '.jobs[0].phone_id: missing']);
    expect(
      checkShape(list.response, { request_id: 'r', jobs: [{ job_id: 'j', status: 2, job_type: 30 }] }, ''),
    ).toEqual(['.jobs[0].job_type: not a field of the model']);
    expect(
      checkShape(commands.request ?? {}, { command: 'install', content: '-r obs://b/a+b.apk' }, ''),
    ).toEqual(['.content: "-r obs://b/a+b.apk" does not match /^[A-Za-z0-9 _./:-]+$/']);
  });
});
