import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STS_DEFAULTS, STS_PATH, type RecordedRequest } from '../emulator/index.js';
import { apiRequests, connection, ids, useEmulator } from './support/fixture.js';
import { bigApk } from './support/big-apk.js';
import { DEMO_APK } from './support/paths.js';
import { results, runAction, type ActionRun } from './support/run-action.js';

const emulator = useEmulator();

function command(extra: Record<string, string> = {}) {
  return {
    operation: 'run-command',
    ...connection(emulator()),
    command: 'getprop ro.product.model',
    instances: 'c-1,c-2',
    'request-timeout': '30s',
    ...extra,
  };
}

/**
 * Sends SIGINT as soon as `when` holds for a recorded request, then SIGTERM 7.5 s later as the runner
 * does. Returns the number of requests the emulator had seen at the signal.
 */
function cancelWhen(when: (r: RecordedRequest) => boolean) {
  const state = { signalled: false, requestsAtSignal: -1 };
  const onSpawn = (child: ChildProcess) => {
    const timer = setInterval(() => {
      if (!emulator().requests.some(when)) return;
      clearInterval(timer);
      state.signalled = true;
      state.requestsAtSignal = emulator().requests.length;
      child.kill('SIGINT');
      setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 7_500).unref();
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
  return { state, onSpawn };
}

/** `requestsAtSignal` undefined: requests of the round under way may still reach the emulator after the signal. */
function expectCancelled(run: ActionRun, requestsAtSignal: number | undefined) {
  expect(run.code).not.toBe(0);
  // Killed by the runner's SIGTERM would leave no status: the action ended by itself, in time.
  expect(run.outputs.status).toBe('cancelled');
  expect(run.summary).toContain('was cancelled');
  if (requestsAtSignal !== undefined) {
    expect(emulator().requests.filter((r) => r.family !== 'obs' || r.method !== 'DELETE')).toHaveLength(
      requestsAtSignal,
    );
  }
  expect(emulator().duplicateTargets()).toEqual([]);
}

describe('cancellation (SIGINT, then SIGTERM 7.5 s later)', () => {
  it('during a submit: nothing more is sent, its targets are unknown', async () => {
    emulator().addFault({ method: 'POST', hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'POST');
    const run = await runAction(command(), { onSpawn, timeoutMs: 20_000 });
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(results(run).map((r) => r.status)).toEqual(['unknown', 'unknown']);
    expect(run.outputs['failed-targets']).toBe('c-1,c-2');
  });

  it('during a retry wait: the retry is never sent, the targets are not submitted', async () => {
    emulator().addFault({
      method: 'POST',
      nth: 1,
      status: 429,
      headers: { 'Retry-After': '60' },
      body: JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'throttled' }),
    });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'POST' && r.status === 429);
    const run = await runAction(command(), { onSpawn, timeoutMs: 20_000 });
    expectCancelled(run, state.requestsAtSignal);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(1);
    expect(results(run).map((r) => r.status)).toEqual(['failed', 'failed']);
  });

  it('during a later submit: calls not yet sent are not submitted', async () => {
    emulator().addFault({ method: 'POST', nth: 2, hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'POST' && r.status === 0);
    const run = await runAction(command({ instances: ids('m', 250).join(','), 'max-concurrency': '1' }), {
      onSpawn,
      timeoutMs: 20_000,
    });
    expectCancelled(run, state.requestsAtSignal);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(2);
    const byStatus = (s: string) => results(run).filter((r) => r.status === s).length;
    // KooPhone takes 32 instances per call: the first call ran, the second hung, six were never sent.
    expect([byStatus('running'), byStatus('unknown'), byStatus('failed')]).toEqual([32, 32, 186]);
    expect(results(run)).toHaveLength(250);
  });

  it('during a poll: the hung status call is abandoned, jobs still running', async () => {
    for (const id of ['c-1', 'c-2']) emulator().setOutcome(id, { status: 'succeeded', durationMs: 120_000 });
    emulator().addFault({ method: 'GET', hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'GET');
    const run = await runAction(command(), { onSpawn, timeoutMs: 20_000 });
    expectCancelled(run, state.requestsAtSignal);
    expect(run.outputs.running).toBe('2');
    expect(run.summary).toContain('no way to cancel');
  });

  it('during the wait between polls: stops at once, reports what still runs', async () => {
    for (const id of ['c-1', 'c-2']) emulator().setOutcome(id, { status: 'succeeded', durationMs: 120_000 });
    // A minute between polls: a wait the signal did not cut short would outlast the 4 s grace before
    // the forced exit, and the run would end without a report (no status output).
    // Signalled once the action says it waits (the Wait group opens after the submit's answer is read).
    const state = { signalled: false, requestsAtSignal: -1 };
    const onSpawn = (child: ChildProcess) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (state.signalled || !out.includes('::group::Wait')) return;
        state.signalled = true;
        state.requestsAtSignal = emulator().requests.length;
        child.kill('SIGINT');
      });
    };
    const run = await runAction(command({ 'poll-interval': '60s' }), { onSpawn, timeoutMs: 20_000 });
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(apiRequests(emulator(), 'GET')).toHaveLength(0);
    expect(run.outputs.running).toBe('2');
    expect(results(run).map((r) => r.status)).toEqual(['running', 'running']);
    expect(run.summary).toContain('no way to cancel');
  });

  it('during an OBS upload: nothing reaches the fleet, targets not submitted', async () => {
    const e = emulator();
    e.addFault({ method: 'PUT', path: '/release-bucket/', hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'PUT');
    const run = await runAction(
      {
        operation: 'install-app',
        ...connection(e, 'aksk'),
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'apk-path': DEMO_APK,
        instances: 'c-1,c-2',
      },
      { onSpawn, timeoutMs: 20_000 },
    );
    expectCancelled(run, state.requestsAtSignal);
    expect(e.requests.filter((r) => r.family !== 'obs')).toHaveLength(0);
    expect(results(run).map((r) => r.error_message)).toEqual([
      'not submitted: the run was cancelled',
      'not submitted: the run was cancelled',
    ]);
  });
});

describe('cancelling a multipart upload', () => {
  // The bundle as a runner starts it: parts in flight, the hashing thread alive, the first part
  // read ahead. The run must still end by itself before SIGTERM, and leave no upload open.
  it('aborts the upload and ends its hashing thread: nothing reaches the fleet', async () => {
    const e = emulator();
    e.addFault({ method: 'PUT', path: '/release-bucket/', hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.method === 'PUT' && 'partNumber' in r.query);
    const run = await runAction(
      {
        operation: 'install-app',
        ...connection(e, 'aksk'),
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        'obs-object': 'builds/cancelled.apk',
        'apk-path': bigApk(),
        instances: 'c-1,c-2',
      },
      { onSpawn, timeoutMs: 20_000, env: { GITHUB_WORKSPACE: dirname(bigApk()) } },
    );
    expect(state.signalled).toBe(true);
    // Parts already on their way may still arrive after the signal: no count of requests here.
    expectCancelled(run, undefined);
    expect(e.obsStats()).toMatchObject({
      uploadsInitiated: 1,
      uploadsCompleted: 0,
      uploadsAborted: 1,
      openUploads: 0,
    });
    expect(e.requests.filter((r) => r.family !== 'obs')).toHaveLength(0);
    expect(results(run).map((r) => r.error_message)).toEqual([
      'not submitted: the run was cancelled',
      'not submitted: the run was cancelled',
    ]);
  });
});

describe('cancelling a selection or a verify', () => {
  it('during the instance listing: every output and the summary, nothing submitted', async () => {
    const e = emulator();
    e.fleet.addInstances([{ id: 'i-1', name: 'edge-1' }]);
    e.addFault({ path: '/v1/instances/batch-query', hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.path === '/v1/instances/batch-query');
    const run = await runAction(
      {
        operation: 'run-command',
        ...connection(e),
        'instance-name': 'edge-*',
        command: 'ls',
        'request-timeout': '5m',
      },
      { onSpawn, timeoutMs: 20_000 },
    );
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(apiRequests(e, 'POST')).toEqual([]);
    expect(run.outputs.results).toBeDefined();
    expect(run.outputs['failed-targets']).toBeDefined();
  });

  it('during the version query of verify: the install is not called failed, every output is written', async () => {
    const e = emulator();
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: 'com.example.demo', versionCode: 42 });
    const query = (r: RecordedRequest) =>
      (r.body as { content?: string } | undefined)?.content?.startsWith('pm list packages') === true;
    const { state, onSpawn } = cancelWhen(query);
    const run = await runAction(
      {
        operation: 'install-app',
        ...connection(e),
        phones: 'p-1',
        'obs-bucket': 'apps',
        'obs-object': 'demo/demo.apk',
        'package-name': 'com.example.demo',
        'version-code': '42',
        verify: 'true',
      },
      { onSpawn, timeoutMs: 20_000 },
    );
    expect(state.signalled).toBe(true);
    expectCancelled(run, undefined);
    expect(results(run)).toHaveLength(1);
    expect(results(run)[0]?.status).not.toBe('succeeded');
    expect(results(run)[0]?.error_code).not.toBe('VERIFY_VERSION_MISMATCH');
    expect(results(run)[0]?.error_code).not.toBe('VERIFY_NOT_INSTALLED');
  });
});

describe('cancelling a smoke check', () => {
  it('during the smoke wait: the wait ends at once, the apps are not checked, their smoke is unknown', async () => {
    const e = emulator();
    e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
    e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: 'com.example.demo', versionCode: 42 });
    // The poll after the launch sees its jobs done: from then on the action waits smoke-duration.
    const launched = () =>
      e.requests.find((r) => (r.body as { content?: string } | undefined)?.content?.startsWith('monkey'));
    const { state, onSpawn } = cancelWhen(
      (r) => r.method === 'GET' && r.status !== 0 && r.seq > (launched()?.seq ?? Infinity),
    );
    const run = await runAction(
      {
        operation: 'install-app',
        ...connection(e),
        phones: 'p-1',
        'obs-bucket': 'apps',
        'obs-object': 'demo/demo.apk',
        'package-name': 'com.example.demo',
        smoke: 'true',
        'smoke-duration': '5m',
      },
      { onSpawn, timeoutMs: 20_000 },
    );
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(results(run)[0]).toMatchObject({
      status: 'failed',
      error_code: 'SMOKE_UNKNOWN',
      smoke: 'unknown',
      error_message: 'the run was cancelled during the smoke wait',
    });
    expect(
      e.requests.filter((r) => (r.body as { content?: string } | undefined)?.content?.startsWith('pidof')),
    ).toEqual([]);
  });
});

describe('long and wide runs', () => {
  it('64 requests in flight on one cancellable signal, then a cancel: no MaxListenersExceededWarning', async () => {
    // 64 calls of 32 instances, all sent at once; runAction rejects any stderr output (warnings included).
    for (const id of ids('wide', 64 * 32))
      emulator().setOutcome(id, { status: 'succeeded', durationMs: 120_000 });
    emulator().addFault({ method: 'POST', delayMs: 300 }); // so that the 64 submits overlap
    const { state, onSpawn } = cancelWhen((r) => r.method === 'GET');
    const run = await runAction(
      command({ instances: ids('wide', 64 * 32).join(','), 'max-concurrency': '64' }),
      {
        onSpawn,
        timeoutMs: 30_000,
      },
    );
    expectCancelled(run, undefined);
    expect(state.signalled).toBe(true);
    expect(apiRequests(emulator(), 'POST')).toHaveLength(64);
    // The round under way when the signal came, and no other: one GetTask per task at most.
    expect(apiRequests(emulator(), 'GET').length).toBeLessThanOrEqual(64);
    expect(emulator().stats().peakInFlight).toBeGreaterThan(10);
  });
});

describe('the keyless exchange', () => {
  const keyless = (extra: Record<string, string> = {}) => ({
    endpoint: emulator().url,
    'project-id': emulator().options.projectId,
    'sts-endpoint': emulator().url,
    'agency-urn': STS_DEFAULTS.agencyUrn,
    'identity-provider-urn': STS_DEFAULTS.providerUrn,
    ...extra,
  });
  const env = () => ({ ...emulator().idTokenEnv(), GITHUB_REPOSITORY: 'octo-org/octo-repo' });
  const tokenRequested = (r: RecordedRequest) => r.path === '/_oidc/token';

  it('cancelled while the token service does not answer: every output and the summary', async () => {
    emulator().addFault({ path: '/_oidc/token', hang: true });
    const { state, onSpawn } = cancelWhen(tokenRequested);
    const run = await runAction(
      keyless({ operation: 'run-command', command: 'ls', instances: 'c-1,c-2', 'request-timeout': '5m' }),
      { env: env(), onSpawn, timeoutMs: 20_000 },
    );
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(results(run).map((r) => r.error_message)).toEqual([
      'not submitted: the run was cancelled',
      'not submitted: the run was cancelled',
    ]);
    expect(run.outputs['credentials-expiration']).toBe('');
  });

  it('cancelled while STS does not answer: every output and the summary, nothing sent to the fleet', async () => {
    emulator().addFault({ path: STS_PATH, hang: true });
    const { state, onSpawn } = cancelWhen((r) => r.path === STS_PATH);
    const run = await runAction(
      keyless({ operation: 'run-command', command: 'ls', instances: 'c-1,c-2', 'request-timeout': '5m' }),
      { env: env(), onSpawn, timeoutMs: 20_000 },
    );
    expect(state.signalled).toBe(true);
    expectCancelled(run, state.requestsAtSignal);
    expect(results(run).map((r) => r.error_message)).toEqual([
      'not submitted: the run was cancelled',
      'not submitted: the run was cancelled',
    ]);
    expect(run.outputs['credentials-expiration']).toBe('');
  });

  it('cancelled in auth-only mode: the status and the summary say so', async () => {
    emulator().addFault({ path: '/_oidc/token', hang: true });
    const { state, onSpawn } = cancelWhen(tokenRequested);
    const run = await runAction(keyless({ 'export-credentials': 'true', 'request-timeout': '5m' }), {
      env: env(),
      onSpawn,
      timeoutMs: 20_000,
    });
    expect(state.signalled).toBe(true);
    expect(run.code).not.toBe(0);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.outputs['credentials-expiration']).toBe('');
    expect(run.summary).toContain('was cancelled');
  });

  it('ends by wait-timeout when the token service never answers, whatever request-timeout says', async () => {
    emulator().addFault({ path: '/_oidc/token', hang: true });
    const run = await runAction(
      keyless({
        operation: 'run-command',
        command: 'ls',
        instances: 'c-1',
        'request-timeout': '10m',
        'wait-timeout': '3s',
      }),
      { env: env(), timeoutMs: 30_000 },
    );
    expect(run.outputs.status).toBe('failed');
    expect(run.errors.join('\n')).toContain(
      "Could not get the workflow's OIDC token from GitHub (1 attempt)",
    );
    expect(run.errors.join('\n')).toContain('timed out');
    expect(run.outputs.results).toContain('not submitted');
  });
});
