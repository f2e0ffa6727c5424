// src/http: the one exchange, retry loop and error mapping every service call goes through (the API
// families, OBS, STS, the OIDC token). The rules here were three copies once and had drifted apart:
// Retry-After read the same way for all, TLS failures never retried, an answer over the cap failed
// rather than held or silently cut, a cancel in flight "may have acted" unless the request is
// idempotent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/http/errors.js';
import { answerDetails, exchangeError, parseRetryAfter } from '../src/http/error-mapping.js';
import { Connections, exchange, ExchangeFailure } from '../src/http/exchange.js';
import { isTransientFailure, withRetries } from '../src/http/retry.js';
import { setClock, type Clock } from '../src/http/timing.js';

let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok');
const server: Server = createServer((req, res) => handler(req, res));
const seen: Array<Record<string, string | string[] | undefined>> = [];
let base = '';
let connections: Connections;

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});
afterEach(() => {
  connections?.dispose();
  seen.length = 0;
});

function send(
  extra: { body?: string; timeoutMs?: number; signal?: AbortSignal; maxAnswerBytes?: number } = {},
) {
  connections = new Connections(true);
  return exchange(connections, {
    method: 'POST',
    url: new URL(`${base}/x`),
    headers: { 'x-test': '1' },
    body: extra.body ?? '{}',
    timeoutMs: extra.timeoutMs ?? 5000,
    signal: extra.signal,
    maxAnswerBytes: extra.maxAnswerBytes ?? 1024,
  });
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ExchangeFailure,
  );

describe('exchange', () => {
  it('sends the versioned user agent and the body, and reads the answer', async () => {
    handler = (req, res) => {
      seen.push(req.headers);
      res.setHeader('x-request-id', 'srv-1');
      res.end('{"a":1}');
    };
    const answer = await send({ body: '{"q":2}' });
    expect(answer).toMatchObject({ status: 200, body: '{"a":1}' });
    expect(seen[0]?.['user-agent']).toMatch(/^cloud-phone-deploy\/\d+\.\d+\.\d+/);
    expect(seen[0]?.['content-length']).toBe('7');
  });

  it('fails an answer over the cap instead of holding it', async () => {
    handler = (_req, res) => res.end('x'.repeat(5000));
    const failure = await failureOf(send({ maxAnswerBytes: 1024 }));
    expect(failure.kind).toBe('too-large');
    const error = exchangeError(failure, { action: 'A' });
    expect(error.details.unparseable).toBe(true);
    expect(error.message).toMatch(/larger than 1024 bytes/);
  });

  it('times out a silent server, after the request was sent', async () => {
    handler = () => {};
    const failure = await failureOf(send({ timeoutMs: 200 }));
    expect(failure).toMatchObject({ kind: 'timeout', sent: true });
    expect(exchangeError(failure, { action: 'A' }).details.network).toBe('timeout');
  });

  it('sends nothing once cancelled, and says a cancel in flight may have acted unless the request is idempotent', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    const before = await failureOf(send({ signal: cancelled.signal }));
    expect(before).toMatchObject({ kind: 'cancelled', sent: false });
    expect(exchangeError(before, { action: 'A' }).details.network).toBe('aborted');

    handler = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const during = await failureOf(send({ signal: controller.signal }));
    expect(during).toMatchObject({ kind: 'cancelled', sent: true });
    expect(exchangeError(during, { action: 'A' }).details.network).toBe('abandoned');
    expect(exchangeError(during, { action: 'A', idempotent: true }).details.network).toBe('aborted');
  });

  it('maps a refused connection to connect, and a TLS failure to tls, which is not retried', async () => {
    connections = new Connections(false);
    const refused = await failureOf(
      exchange(connections, {
        method: 'GET',
        url: new URL('http://127.0.0.1:1/'),
        headers: {},
        timeoutMs: 2000,
        maxAnswerBytes: 10,
      }),
    );
    const connect = exchangeError(refused, { action: 'A', requestId: 'r' });
    expect(connect.details).toMatchObject({ network: 'connect', requestId: 'r' });
    expect(isTransientFailure(connect)).toBe(true);
    const tls = exchangeError(new ExchangeFailure('network', 'x', false, 'ERR_TLS_CERT_ALTNAME_INVALID'), {
      action: 'A',
    });
    expect(tls.details.network).toBe('tls');
    expect(isTransientFailure(tls)).toBe(false);
  });
});

describe('answerDetails', () => {
  it('takes the service fields first, then the x-request-id header, then the id sent; Retry-After in either form', () => {
    const answer = { status: 429, headers: { 'x-request-id': 'hdr', 'retry-after': '7' }, body: '' };
    expect(answerDetails('A', answer, { code: 'C' }, 'sent')).toMatchObject({
      status: 429,
      code: 'C',
      requestId: 'hdr',
      retryAfterMs: 7000,
    });
    expect(answerDetails('A', { ...answer, headers: {} }, {}, 'sent')).toMatchObject({
      requestId: 'sent',
      serviceMessage: 'empty body',
    });
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
  });
});

describe('withRetries', () => {
  /** A clock that only moves when slept on, so that waits are read, never spent. */
  let slept: number[] = [];
  let previous: Clock;
  let time = 0;
  let duringSleep: (() => void) | undefined;
  beforeAll(() => {
    previous = setClock({
      now: () => time,
      sleep: (ms) => {
        slept.push(ms);
        time += ms;
        duringSleep?.();
        return Promise.resolve();
      },
    });
  });
  afterAll(() => setClock(previous));
  afterEach(() => {
    slept = [];
    time = 0;
    duringSleep = undefined;
  });

  const failing = (errors: ApiError[]) => {
    let n = 0;
    return () => {
      const error = errors[n++];
      return error ? Promise.reject(error) : Promise.resolve('done');
    };
  };

  it('waits what Retry-After asks, else backs off, and stops at the attempt limit', async () => {
    const busy = new ApiError({ action: 'A', status: 503, retryAfterMs: 4000 });
    const reset = new ApiError({ action: 'A', network: 'reset' });
    const lines: string[] = [];
    const result = await withRetries(
      { attempts: 3, baseDelayMs: 100, debug: (m) => lines.push(m) },
      failing([busy, reset]),
    );
    expect(result).toBe('done');
    expect(slept[0]).toBe(4000);
    expect(slept[1]).toBeGreaterThanOrEqual(100);
    expect(slept[1]).toBeLessThanOrEqual(200);
    expect(lines[0]).toMatch(/HTTP 503.*; retry 1 in 4000 ms$/);
    await expect(withRetries({ attempts: 2, baseDelayMs: 1 }, failing([reset, reset]))).rejects.toBe(reset);
  });

  it('uses the policy injected, and never waits past the deadline', async () => {
    const refused = new ApiError({ action: 'A', status: 400 });
    await expect(withRetries({ attempts: 5, baseDelayMs: 1 }, failing([refused]))).rejects.toBe(refused);
    expect(
      await withRetries({ attempts: 5, baseDelayMs: 1, retryable: () => true }, failing([refused])),
    ).toBe('done');
    slept = [];
    const late = new ApiError({ action: 'A', status: 429, retryAfterMs: 60_000 });
    await expect(
      withRetries({ attempts: 5, baseDelayMs: 1, deadline: 30_000 }, failing([late])),
    ).rejects.toBe(late);
    expect(slept).toEqual([]);
  });

  it('gives up as cancelled when the run is cancelled during the wait', async () => {
    const controller = new AbortController();
    const busy = new ApiError({ action: 'A', status: 503 });
    const error = await withRetries({ attempts: 5, baseDelayMs: 1, signal: controller.signal }, () => {
      controller.abort();
      return Promise.reject(busy);
    }).catch((e: unknown) => e as ApiError);
    expect(error).toBe(busy); // aborted before the wait: the failure itself
    const waiting = new AbortController();
    duringSleep = () => waiting.abort();
    const cancelled = await withRetries({ attempts: 5, baseDelayMs: 1, signal: waiting.signal }, () =>
      Promise.reject(busy),
    ).catch((e: unknown) => e as ApiError);
    expect(cancelled.details).toMatchObject({ action: 'A', network: 'aborted' });
    expect(slept).toHaveLength(1);
  });
});
