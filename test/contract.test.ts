import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../emulator/index.js';
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
  return ENDPOINTS.find(
    (e) =>
      e.method === r.method &&
      (e.family === 'cph' ? cph !== null && e.path.test(cph[1] ?? '') : e.path.test(r.path)),
  );
}

/** Endpoints the scenarios reached, for the coverage check at the end. */
const hit = new Set<string>();

/** Every problem of every recorded API call: request query, request body and answer. */
function contractProblems(requests: readonly RecordedRequest[]): string[] {
  const problems: string[] = [];
  for (const r of requests.filter((x) => x.family === 'cph' || x.family === 'koophone')) {
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
    const isError = r.status !== 200 || (endpoint.family === 'koophone' && answer.error_code !== '0');
    problems.push(...checkShape(isError ? ERROR_BODY : endpoint.response, answer, `${where} answer`));
  }
  return problems;
}

const base = () => ({ ...connection(emulator(), 'aksk'), 'poll-interval': '1s' });

const scenarios: Array<[string, () => Record<string, string>]> = [
  [
    'install-app on instances',
    () => {
      emulator().putObject('bucket', 'apps/demo.apk', Buffer.alloc(1000));
      return {
        operation: 'install-app',
        instances: 'inst-a,inst-b',
        'apk-url': emulator().presignedUrl('bucket', 'apps/demo.apk', 3600),
        'package-name': 'com.example.demo',
        'app-version': '1.2.3+45',
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
];

describe('contract: client requests and emulator answers against the official shapes', () => {
  it.each(scenarios)('%s', async (_name, inputs) => {
    const run = await runActionInProcess({ ...base(), ...inputs() });
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
