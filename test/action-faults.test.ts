import { describe, expect, it } from 'vitest';
import { faultPresets, type Fault } from '../emulator/index.js';
import { apiRequests, connection, ids, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

function commandInputs(extra: Record<string, string> = {}) {
  return {
    operation: 'run-command',
    ...connection(emulator()),
    command: 'getprop ro.product.model',
    instances: 'f-1,f-2,f-3',
    'request-timeout': '2s',
    ...extra,
  };
}

const HTML = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
const TRUNCATED = '{"error_code":"0","error_msg":"ok","data":{"task_id":"ZG';
const KOOPHONE_9999 = JSON.stringify({ error_code: 'KOOPHONE.API.9999', error_msg: 'internal error' });

/** Each fault once, on the first matching request; `retried` = the client must recover from it. */
const faults: Array<{ name: string; fault: Fault; submitRetried: boolean }> = [
  {
    name: '429 with Retry-After',
    fault: {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'throttled' }),
    },
    submitRetried: true,
  },
  { name: '500', fault: { status: 500, body: KOOPHONE_9999 }, submitRetried: false },
  { name: '502', fault: { status: 502, body: HTML }, submitRetried: false },
  { name: '503', fault: { status: 503, body: HTML }, submitRetried: true },
  { name: '504', fault: { status: 504, body: HTML }, submitRetried: false },
  { name: 'connection reset', fault: { reset: true }, submitRetried: false },
  { name: 'hang past the request timeout', fault: { hang: true }, submitRetried: false },
  {
    name: 'HTML page with HTTP 200',
    fault: { status: 200, body: HTML, headers: { 'Content-Type': 'text/html' } },
    submitRetried: false,
  },
  { name: 'truncated JSON', fault: { status: 200, body: TRUNCATED }, submitRetried: false },
  {
    name: 'KOOPHONE.API.9999 with HTTP 200',
    fault: { status: 200, body: KOOPHONE_9999 },
    submitRetried: false,
  },
];

describe('fault matrix: submit (POST)', () => {
  it.each(faults)('$name', async ({ fault, submitRetried }) => {
    emulator().addFault({ ...fault, method: 'POST', nth: 1 });
    const run = await runActionInProcess(commandInputs());
    const posts = apiRequests(emulator(), 'POST');
    expect(emulator().duplicateTargets()).toEqual([]);
    if (submitRetried) {
      // The service surely did not act: sent again with the same x-request-id, then completed.
      expect(posts).toHaveLength(2);
      expect(posts[1]?.headers['x-request-id']).toBe(posts[0]?.headers['x-request-id']);
      expect(run.outputs.status).toBe('succeeded');
      expect(run.code).toBe(0);
    } else {
      // The service may have acted: never resubmitted, targets unknown, the step fails and says why.
      expect(posts).toHaveLength(1);
      expect(run.code).toBe(1);
      expect(run.outputs.status).toBe('failed');
      expect(results(run).map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown']);
      expect(run.outputs['failed-targets']).toBe('f-1,f-2,f-3');
      expect(run.summary).toContain('may have started');
    }
  });

  it('a reset after the service acted leaves the targets unknown, not duplicated', async () => {
    emulator().addFault({ method: 'POST', nth: 1, reset: true, afterEffect: true });
    const run = await runActionInProcess(commandInputs());
    expect(emulator().jobsPerTarget().get('f-1')).toBe(1);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    expect(results(run).every((r) => r.status === 'unknown')).toBe(true);
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('names the field and request id when a response has an unexpected shape', async () => {
    const body = JSON.stringify({
      error_code: '0',
      error_msg: 'ok',
      data: { task_id: 42, cmd_jobs: [], extra: 'ignored' },
    });
    emulator().addFault({
      method: 'POST',
      nth: 1,
      status: 200,
      body,
      headers: { 'x-request-id': 'req-shape-1' },
    });
    const run = await runActionInProcess(commandInputs());
    expect(run.code).toBe(1);
    const [first] = results(run);
    expect(first?.status).toBe('unknown');
    // The rule in words a person reads, not zod's bare "Invalid input".
    expect(first?.error_message).toMatch(
      /unexpected response: field 'data.task_id' Invalid input: expected string, received number/,
    );
    expect(first?.error_message).toContain('request id req-shape-1');
    expect(run.stdout + run.stderr).not.toContain('TypeError');
  });

  it('keeps polling the other batches when the second of three submits fails', async () => {
    emulator().addFault({
      method: 'POST',
      nth: 2,
      status: 400,
      body: JSON.stringify({ error_code: 'KOOPHONE.API.1000', error_msg: 'instance_ids is invalid' }),
    });
    const run = await runActionInProcess(
      commandInputs({ instances: ids('b', 70).join(','), 'max-concurrency': '1' }),
    );
    expect(apiRequests(emulator(), 'POST')).toHaveLength(3);
    expect(run.outputs.status).toBe('partial');
    expect(run.code).toBe(1);
    const failed = results(run).filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(32);
    expect(failed.every((r) => r.error_code === 'KOOPHONE.API.1000')).toBe(true);
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(38);
    expect(JSON.parse(run.outputs['task-ids'] ?? '[]')).toHaveLength(2);
    expect(run.summary).toContain('KOOPHONE.API.1000');
  });

  it('stops submitting after a credential error', async () => {
    emulator().addFault({
      method: 'POST',
      nth: 1,
      status: 401,
      body: JSON.stringify({
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information',
      }),
    });
    const run = await runActionInProcess(
      commandInputs({ instances: ids('c', 70).join(','), 'max-concurrency': '1' }),
    );
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(results(run).filter((r) => (r.error_message ?? '').startsWith('not submitted'))).toHaveLength(38);
    expect(run.stdout).toContain('check access-key/secret-key');
  });
});

describe('service errors that concern some targets only', () => {
  it('KOOPHONE.API.1001 (HTTP 401) fails only its call, with a hint, and the other calls go on', async () => {
    emulator().addFault({ ...faultPresets.kooNoPermissionOnInstances, method: 'POST', nth: 1 });
    const run = await runActionInProcess(
      commandInputs({ instances: ids('n', 70).join(','), 'max-concurrency': '1' }),
    );
    expect(run.stderr).toBe('');
    expect(apiRequests(emulator(), 'POST')).toHaveLength(3);
    expect(run.outputs.status).toBe('partial');
    const failed = results(run).filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(32);
    expect(failed.every((r) => r.error_code === 'KOOPHONE.API.1001')).toBe(true);
    expect(failed[0]?.error_message).toContain('check that the instance ids are right');
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(38);
  });

  it('KOOPHONE.API.1002 gets a hint about regions', async () => {
    emulator().addFault({ ...faultPresets.kooInstancesInDifferentRegions, method: 'POST', nth: 1 });
    const run = await runActionInProcess(commandInputs());
    expect(run.outputs.status).toBe('failed');
    expect(results(run)[0]?.error_message).toContain('different regions');
  });

  it('a gateway credential error in the nested {"error": {...}} form still stops the run', async () => {
    emulator().addFault({ ...faultPresets.nestedGatewayError, method: 'POST', nth: 1 });
    const run = await runActionInProcess(
      commandInputs({ instances: ids('g', 70).join(','), 'max-concurrency': '1' }),
    );
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    expect(results(run)[0]?.error_code).toBe('APIGW.0301');
    expect(run.stdout).toContain('check access-key/secret-key');
  });

  it('APIG.0308 is throttling: the submit is retried', async () => {
    emulator().addFault({ ...faultPresets.apigThrottled, method: 'POST', nth: 1 });
    const run = await runActionInProcess(commandInputs());
    expect(apiRequests(emulator(), 'POST')).toHaveLength(2);
    expect(run.outputs.status).toBe('succeeded');
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('a task that GetTask says does not exist fails its jobs; the other tasks are still polled', async () => {
    emulator().addFault({ ...faultPresets.kooTaskNotFound, method: 'GET', nth: 1 });
    const run = await runActionInProcess(
      commandInputs({ instances: ids('t', 40).join(','), 'max-concurrency': '1' }),
    );
    expect(run.stderr).toBe('');
    expect(run.outputs.status).toBe('partial');
    const failed = results(run).filter((r) => r.status === 'failed');
    expect([32, 8]).toContain(failed.length);
    expect(failed.every((r) => r.error_code === 'KOOPHONE.API.1323')).toBe(true);
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(40 - failed.length);
  });
});

describe('fault matrix: poll (GET)', () => {
  it.each(faults)('$name', async ({ fault }) => {
    emulator().addFault({ ...fault, method: 'GET', nth: 1 });
    const run = await runActionInProcess(commandInputs());
    expect(run.outputs.status).toBe('succeeded');
    expect(run.code).toBe(0);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    expect(apiRequests(emulator(), 'GET').length).toBeGreaterThanOrEqual(2);
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('gives up with the last error after a long run of failed polls, not a hang', async () => {
    emulator().addFault({ method: 'GET', status: 500, body: KOOPHONE_9999 });
    const run = await runActionInProcess(commandInputs());
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs.running).toBe('3');
    // Five failed rounds of three attempts each end the wait, long before wait-timeout.
    expect(apiRequests(emulator(), 'GET').length).toBe(5 * 3);
    expect(run.summary).toContain('Stopped polling after repeated failures');
    expect(run.summary).toContain('KOOPHONE.API.9999');
  });
});

describe('deadline', () => {
  it('reports running jobs as timed-out when wait-timeout passes', async () => {
    emulator().setOutcome('f-2', { status: 'succeeded', durationMs: 120_000 });
    const run = await runActionInProcess(commandInputs({ 'wait-timeout': '3s' }));
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('timed-out');
    expect(run.outputs.running).toBe('1');
    expect(results(run).find((r) => r.target === 'f-2')?.status).toBe('running');
    // Not failed (it may still succeed), but retryable: the unfinished target is listed for a re-run.
    expect(JSON.parse(run.outputs['pending-targets'] ?? '')).toEqual(['f-2']);
    expect(run.outputs['failed-targets']).toBe('');
    expect(run.summary).toContain('wait-timeout');
    // Ended at the deadline, not when the 120 s job would have: one status round per second of wait-timeout.
    expect(apiRequests(emulator(), 'GET').length).toBeLessThanOrEqual(3);
  });
});

/** Two instances and a long request timeout, as the cancellation tests use. */
function command(extra: Record<string, string> = {}) {
  return commandInputs({ instances: 'c-1,c-2', 'request-timeout': '30s', ...extra });
}

describe('faults around submit and wait', () => {
  it('wait: false with every submit refused reports failed, not submitted', async () => {
    emulator().addFault({
      method: 'POST',
      status: 400,
      body: JSON.stringify({ error_code: 'KOOPHONE.API.1000', error_msg: 'instance_ids is invalid' }),
    });
    const run = await runActionInProcess(command({ wait: 'false', 'poll-interval': '' }));
    expect(run.outputs.status).toBe('failed');
    expect(run.code).toBe(1);
    expect(run.outputs['failed-targets']).toBe('c-1,c-2');
  });

  it('a TLS failure before anything was sent is failed, not unknown', async () => {
    const run = await runActionInProcess(command({ endpoint: emulator().url.replace('http:', 'https:') }));
    expect(run.outputs.status).toBe('failed');
    expect(results(run).map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results(run)[0]?.error_message).toContain('TLS');
    expect(run.summary).not.toContain('may have started');
  });

  it('starts no submit once wait-timeout has passed; those targets are not submitted', async () => {
    // 300 ms of real time is 12 s of the run's: the 2 s wait-timeout has passed when the answer comes.
    emulator().addFault({ method: 'POST', nth: 1, delayMs: 300 });
    const run = await runActionInProcess(
      command({ instances: ids('w', 150).join(','), 'max-concurrency': '1', 'wait-timeout': '2s' }),
    );
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    const late = results(run).filter((r) => (r.error_message ?? '').includes('wait-timeout passed'));
    // 32 instances per call: the first call went out, the other 118 targets were never sent.
    expect(late).toHaveLength(118);
    expect(run.outputs['failed-targets']?.split(',')).toHaveLength(118);
    expect(run.outputs.status).toBe('timed-out');
  });

  it('ignores rows for targets not asked about and duplicates: each target exactly once', async () => {
    const body = {
      error_code: '0',
      error_msg: 'ok',
      data: {
        task_id: 'task-x',
        cmd_jobs: [
          { instance_id: 'c-1', job_id: 'j-1' },
          { instance_id: 'c-1', job_id: 'j-1b' },
          { instance_id: 'zz-9', job_id: 'j-9' },
          { instance_id: 'c-2', job_id: 'j-2' },
        ],
      },
    };
    emulator().addFault({ method: 'POST', status: 200, body: JSON.stringify(body) });
    const run = await runActionInProcess(command({ wait: 'false', 'poll-interval': '' }));
    expect(results(run).map((r) => [r.target, r.job_id])).toEqual([
      ['c-1', 'j-1'],
      ['c-2', 'j-2'],
    ]);
    expect(run.stdout).toMatch(/::debug::ignored a duplicate row: instance c-1, job j-1b/);
    expect(run.stdout).toMatch(
      /::debug::ignored a row for a target this run did not ask about: instance zz-9/,
    );
  });

  it('one job id given to two instances: neither is claimed by the status of a job that may be the other one', async () => {
    const body = {
      error_code: '0',
      error_msg: 'ok',
      data: {
        task_id: 'task-x',
        cmd_jobs: [
          { instance_id: 'c-1', job_id: 'j-same' },
          { instance_id: 'c-2', job_id: 'j-same' },
        ],
      },
    };
    emulator().addFault({ method: 'POST', times: 1, status: 200, body: JSON.stringify(body) });
    const run = await runActionInProcess(command({ wait: 'false', 'poll-interval': '' }));
    expect(results(run).map((r) => [r.target, r.status])).toEqual([
      ['c-1', 'unknown'],
      ['c-2', 'unknown'],
    ]);
    expect(results(run)[0]?.error_message).toContain('same job id j-same');
    expect(run.outputs['failed-targets']).toBe('c-1,c-2');

    // CPH alike: its ListJobs rows are matched by job id too.
    emulator().addFault({
      method: 'POST',
      times: 1,
      status: 200,
      body: JSON.stringify({
        request_id: 'req-x',
        jobs: [
          { phone_id: 'p-1', job_id: 'j-same' },
          { phone_id: 'p-2', job_id: 'j-same' },
        ],
      }),
    });
    const cph = await runActionInProcess({
      operation: 'run-command',
      ...connection(emulator()),
      region: 'cn-north-4',
      phones: 'p-1,p-2',
      command: 'ls',
      wait: 'false',
      'poll-interval': '',
    });
    expect(results(cph).map((r) => [r.target, r.status])).toEqual([
      ['p-1', 'unknown'],
      ['p-2', 'unknown'],
    ]);
  });

  it('caps a huge response body: the submit is unknown, the run still reports', async () => {
    emulator().addFault({ method: 'POST', status: 200, body: `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}` });
    const run = await runActionInProcess(command());
    expect(results(run).map((r) => r.status)).toEqual(['unknown', 'unknown']);
    expect(results(run)[0]?.error_message).toContain('larger than 4 MiB');
  });

  it('explains an authentication failure while polling (clock skew)', async () => {
    emulator().addFault({
      method: 'GET',
      status: 401,
      body: JSON.stringify({
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information',
      }),
    });
    const run = await runActionInProcess(command());
    expect(run.outputs.status).toBe('failed');
    expect(apiRequests(emulator(), 'GET')).toHaveLength(1);
    expect(run.summary).toContain('runner clock that drifted');
  });

  it('keeps what fits in results when one record is huge, failures first', async () => {
    emulator().setOutcome('c-1', { status: 'failed', errorMessage: 'e'.repeat(2_000_000) });
    const run = await runActionInProcess(command());
    const rows = results(run);
    expect(rows.map((r) => r.target)).toEqual(['c-1', 'c-2']);
    expect(rows[0]?.error_message?.length).toBeLessThan(20_000);
  });
});
