import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/inputs/duration.js';
import { ApiError } from '../src/http/errors.js';
import type { FamilyClient } from '../src/api/family.js';
import type { Job } from '../src/api/jobs.js';
import { countJobs, failedTargets, runStatus, stepFails } from '../src/run/outcome.js';
import { pollDelay, waitForJobs } from '../src/run/poll.js';
import { maskUrlQuery, redactBody, redactUrl } from '../src/log/redact.js';
import { chunk, parseTargetList } from '../src/inputs/target-list.js';
import { backoffDelay, mapLimit, sleep } from '../src/http/timing.js';
import { parseRetryAfter } from '../src/http/error-mapping.js';
import { isSafeToResubmit, isTransient } from '../src/api/transport.js';

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['600', 600_000],
    ['2H', 7_200_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'soon', '10 minutes', '-5m', '1d', 'm5'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
  it('formats for people', () => {
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2m 5s');
    expect(formatDuration(5_400_000)).toBe('1h 30m');
  });
});

describe('target lists', () => {
  it('splits on commas, spaces and new lines, drops blanks and duplicates, keeps order', () => {
    expect(parseTargetList(' b, a\n\nb  c,,a ')).toEqual(['b', 'a', 'c']);
    expect(parseTargetList('["x", " y ", "x", ""]')).toEqual(['x', 'y']);
    expect(parseTargetList('[1]')).toEqual({ error: 'must be a JSON array of strings' });
    expect(parseTargetList('[oops')).toEqual({ error: 'looks like a JSON array but is not valid JSON' });
  });
  it('chunks by the per-call limit', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });
});

describe('redaction', () => {
  const url =
    'https://b.obs.example.com/k/app.apk?AccessKeyId=AK123456&Expires=1700000000&Signature=abc%2Bdef%3D';
  it('hides every query value of a signed URL', () => {
    expect(redactUrl(url)).toBe(
      'https://b.obs.example.com/k/app.apk?AccessKeyId=***&Expires=***&Signature=***',
    );
    expect(redactUrl('https://x.example.com/plain')).toBe('https://x.example.com/plain');
    expect(redactBody({ a: [url], n: 1 })).toEqual({ a: [redactUrl(url)], n: 1 });
  });
  it('registers decoded and encoded query values as secrets', () => {
    const masked: string[] = [];
    maskUrlQuery(url, (s) => masked.push(s));
    expect(masked).toEqual(expect.arrayContaining(['AK123456', 'abc+def=', 'abc%2Bdef%3D', '1700000000']));
  });
});

describe('retry classification', () => {
  const err = (details: Partial<ApiError['details']>) => new ApiError({ action: 'x', ...details });
  it('retries polls on throttling, 5xx, network trouble and garbage, not on 4xx', () => {
    expect(isTransient(err({ status: 429 }))).toBe(true);
    expect(isTransient(err({ status: 502 }))).toBe(true);
    expect(isTransient(err({ network: 'reset' }))).toBe(true);
    expect(isTransient(err({ status: 200, unparseable: true }))).toBe(true);
    expect(isTransient(err({ status: 200, code: 'KOOPHONE.API.9999' }))).toBe(true);
    expect(isTransient(err({ status: 400, code: 'KOOPHONE.API.1000' }))).toBe(false);
    expect(isTransient(err({ network: 'aborted' }))).toBe(false);
  });
  it('resubmits only when the service surely did not act', () => {
    expect(isSafeToResubmit(err({ status: 429 }))).toBe(true);
    expect(isSafeToResubmit(err({ status: 503 }))).toBe(true);
    expect(isSafeToResubmit(err({ network: 'connect' }))).toBe(true);
    expect(isSafeToResubmit(err({ status: 400, code: 'APIGW.0308' }))).toBe(true);
    for (const d of [
      { status: 500 },
      { status: 502 },
      { status: 504 },
      { network: 'timeout' as const },
      { network: 'reset' as const },
    ]) {
      expect(isSafeToResubmit(err(d))).toBe(false);
      expect(err(d).mayHaveActed).toBe(true);
    }
    expect(err({ status: 400 }).mayHaveActed).toBe(false);
    expect(err({ status: 401 }).isAuthFailure).toBe(true);
    expect(err({ status: 400, code: 'CPS.0001' }).isAuthFailure).toBe(true);
  });
  it('reads Retry-After in seconds or as a date, capped', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000 + 5000).toUTCString(), 10_000)).toBeGreaterThanOrEqual(4000);
    expect(parseRetryAfter('99999')).toBe(120_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
  it('puts the code, request id and hint in one readable message', () => {
    const e = err({ status: 401, code: 'APIGW.0301', serviceMessage: 'bad signature', requestId: 'r-1' });
    expect(e.message).toBe(`x failed: APIGW.0301, bad signature, HTTP 401, request id r-1. Hint: ${e.hint}`);
    expect(e.hint).toContain('clock');
  });
});

describe('timing helpers', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(2000);
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000);
  });
  it('runs at most `limit` tasks at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(n);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
  it('wakes a sleep early when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    // Longer than the test timeout: a sleep the signal did not wake would fail the test.
    await sleep(10 * 60_000, controller.signal);
    expect(controller.signal.aborted).toBe(true);
  });
});

const job = (target: string, status: Job['status'], extra: Partial<Job> = {}): Job => ({
  target,
  targetType: 'instance',
  status,
  jobId: `j-${target}`,
  batchId: 'b1',
  ...extra,
});

describe('outcome', () => {
  it('derives the run status and whether the step fails', () => {
    const mixed = countJobs([job('a', 'succeeded'), job('b', 'failed'), job('c', 'unknown')]);
    expect(mixed).toEqual({ total: 3, succeeded: 1, failed: 2, running: 0, unknown: 1, skipped: 0 });
    expect(runStatus(mixed, 'done')).toBe('partial');
    expect(stepFails('partial', mixed, 'any')).toBe(true);
    expect(stepFails('partial', mixed, 'all')).toBe(false);
    expect(stepFails('failed', mixed, 'all')).toBe(true);
    expect(stepFails('timed-out', mixed, 'never')).toBe(false);
    expect(stepFails('cancelled', mixed, 'never')).toBe(true);
    expect(runStatus(countJobs([job('a', 'running')]), 'done')).toBe('timed-out');
    expect(runStatus(countJobs([job('a', 'running')]), 'gave-up')).toBe('failed');
    expect(runStatus(countJobs([job('a', 'succeeded')]), 'done')).toBe('succeeded');
  });
  it('lists failed targets once, by server for deploy jobs', () => {
    const jobs = [
      job('p1', 'failed', { server: 's1', stage: 'install on phone' }),
      job('p2', 'failed', { server: 's1', stage: 'install on phone' }),
      job('x', 'unknown'),
      job('y', 'succeeded'),
    ];
    expect(failedTargets(jobs)).toEqual(['s1', 'x']);
  });
});

describe('poller', () => {
  const family = (
    script: Array<(jobs: Job[]) => void | Promise<void>>,
  ): FamilyClient & { rounds: number } => {
    const f = {
      rounds: 0,
      batchIdsOutput: 'task-ids' as const,
      submit: async () => ({ id: 'x', jobs: [] }),
      pollRound: async (pending: Job[]) => {
        const step = script[Math.min(f.rounds, script.length - 1)];
        f.rounds++;
        await step?.(pending);
      },
    };
    return f;
  };

  it('polls until every job is final, then stops', async () => {
    const jobs = [job('a', 'running'), job('b', 'running')];
    const f = family([() => {}, (pending) => pending.forEach((j) => (j.status = 'succeeded'))]);
    const result = await waitForJobs(jobs, f, { intervalMs: 5, deadline: Date.now() + 5000 });
    expect(result).toMatchObject({ end: 'done', rounds: 2 });
    expect(f.rounds).toBe(2);
  });

  it('never polls jobs that have no job id (refused at submit)', async () => {
    const result = await waitForJobs([job('a', 'running', { jobId: undefined })], family([]), {
      intervalMs: 5,
      deadline: Date.now() + 1000,
    });
    expect(result).toEqual({ end: 'done', rounds: 0 });
  });

  it('stops at the deadline with jobs still running', async () => {
    const result = await waitForJobs([job('a', 'running')], family([() => {}]), {
      intervalMs: 5,
      deadline: Date.now() + 60,
    });
    expect(result.end).toBe('timed-out');
  });

  it('gives up after consecutive failed rounds, resetting the count on success', async () => {
    const boom = () => {
      throw new ApiError({ action: 'poll', status: 500 });
    };
    const ok = () => {};
    const f = family([boom, boom, ok, boom, boom, boom]);
    const result = await waitForJobs([job('a', 'running')], f, {
      intervalMs: 1,
      deadline: Date.now() + 5000,
      maxConsecutiveFailures: 3,
    });
    expect(result.end).toBe('gave-up');
    expect(result.rounds).toBe(6);
    expect(result.error?.details.status).toBe(500);
  });

  it.each([
    ['connection refused', { network: 'connect' as const }],
    ['connection reset', { network: 'reset' as const }],
    ['request timeout', { network: 'timeout' as const }],
    ['HTTP 502', { status: 502 }],
    ['HTTP 503', { status: 503 }],
    ['HTTP 504', { status: 504 }],
  ])('rides out an outage (%s) longer than the give-up count, until the jobs end', async (_, details) => {
    const down = () => {
      throw new ApiError({ action: 'poll', ...details });
    };
    const f = family([
      down,
      down,
      down,
      down,
      down,
      down,
      down,
      (p) => p.forEach((j) => (j.status = 'succeeded')),
    ]);
    const result = await waitForJobs([job('a', 'running')], f, {
      intervalMs: 1,
      deadline: Date.now() + 60_000,
      maxConsecutiveFailures: 3,
    });
    expect(result).toMatchObject({ end: 'done', rounds: 8 });
  });

  it('ends an outage that lasts past the deadline as timed-out, naming the last error', async () => {
    const f = family([
      () => {
        throw new ApiError({ action: 'poll', network: 'connect' });
      },
    ]);
    const result = await waitForJobs([job('a', 'running')], f, {
      intervalMs: 1,
      deadline: Date.now() + 300,
      maxConsecutiveFailures: 1,
    });
    expect(result.end).toBe('timed-out');
    expect(result.outage?.details.network).toBe('connect');
    expect(f.rounds).toBeGreaterThan(1);
  });

  it('stops at the first authentication failure while polling', async () => {
    const f = family([
      () => {
        throw new ApiError({ action: 'poll', status: 401, code: 'APIGW.0301' });
      },
    ]);
    const result = await waitForJobs([job('a', 'running')], f, {
      intervalMs: 1,
      deadline: Date.now() + 5000,
    });
    expect(result.end).toBe('gave-up');
    expect(result.error?.isAuthFailure).toBe(true);
    expect(f.rounds).toBe(1);
  });

  it('returns at once when cancelled during a slow status call', async () => {
    const controller = new AbortController();
    // A status call that never answers: a wait that did not return at the cancel would time the test out.
    const f = family([() => new Promise<void>(() => {})]);
    setTimeout(() => controller.abort(), 30);
    const result = await waitForJobs([job('a', 'running')], f, {
      intervalMs: 1,
      deadline: Date.now() + 60_000,
      signal: controller.signal,
    });
    expect(result.end).toBe('cancelled');
  });

  it('keeps the interval for the first minute, then backs off to at most 15 s, never below the interval', () => {
    expect(pollDelay(5000, 0)).toBe(5000);
    expect(pollDelay(5000, 60_000)).toBe(5000);
    expect(pollDelay(5000, 120_000)).toBe(10_000);
    expect(pollDelay(5000, 600_000)).toBe(15_000);
    expect(pollDelay(30_000, 600_000)).toBe(30_000);
  });
});

describe('the secret scan every end-to-end run goes through', () => {
  const run = (stdout: string, outputs: Record<string, string> = {}) => ({
    code: 0,
    stdout,
    stderr: '',
    outputs,
    summary: '',
    errors: [],
    durationMs: 0,
  });
  it('finds a secret input or a signed URL value shown anywhere but in add-mask lines and apk-url', async () => {
    const { leakedSecrets, secretsOf } = await import('./support/run-action.js');
    const secrets = secretsOf({
      'secret-key': 'sk-0123456789',
      'auth-token': 't',
      'apk-url': 'https://h/x.apk?Signature=c2lnbmF0dXJl%2B',
    });
    expect(secrets).toEqual(['sk-0123456789', 'c2lnbmF0dXJl+', 'c2lnbmF0dXJl%2B']);
    expect(leakedSecrets(run('::add-mask::sk-0123456789\nok'), secrets)).toEqual([]);
    expect(leakedSecrets(run('debug: sk-0123456789'), secrets)).toHaveLength(1);
    // The encoded form shows the first 12 characters of the decoded value too: both count.
    expect(leakedSecrets(run('ok', { results: 'c2lnbmF0dXJl%2B' }), secrets)).toHaveLength(2);
    // A piece of 12 characters of a secret is a leak even when the whole is not shown.
    expect(leakedSecrets(run('debug: -0123456789'), ['sk-0123456789'])).toEqual([]);
    expect(leakedSecrets(run('cut: sk-012345678'), ['sk-0123456789'])).toHaveLength(1);
    const signed = 'https://h/k.apk?AccessKeyId=AKIDEXAMPLE1&Signature=abcdefgh12';
    expect(leakedSecrets(run('ok', { 'apk-url': signed }), [])).toEqual([]);
    expect(leakedSecrets(run('url AKIDEXAMPLE1', { 'apk-url': signed }), [])).toHaveLength(1);
  });
});
