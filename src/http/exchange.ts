/**
 * One HTTP exchange, for every service the action talks to (the API families, OBS, STS): a request
 * on node:http(s), no redirects and no retries of its own, bounded in time, abandoned at once when
 * the run is cancelled, with an answer read whole but only up to a size cap.
 *
 * node:http carries the bytes because it lets the exchange own the socket's fate (timeout, abort,
 * cap) and write an upload part straight from its buffer. Proxies are @actions/http-client's job: it
 * reads HTTP(S)_PROXY and NO_PROXY as every action does, never proxies loopback, and tunnels HTTPS
 * through CONNECT (its getAgent, a tunnel agent). Its client is made only when a proxy variable is
 * set.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { HttpClient } from '@actions/http-client';
import { USER_AGENT } from '../inputs/names.js';

export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Sent as it is; a retry sends the same bytes again. */
  body?: string | Buffer;
  /** The whole exchange, request and answer: a server that trickles bytes must not hold the run. */
  timeoutMs: number;
  /** How long the connection may stay silent; the whole-exchange timeout by default. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** The largest answer read; a larger one fails the exchange instead of being held in memory. */
  maxAnswerBytes: number;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Why an exchange failed. `sent` says whether the request had been handed whole to the network: one
 * that was not cannot have been acted on, whatever happened next.
 */
export class ExchangeFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'cancelled' | 'too-large',
    message: string,
    readonly sent: boolean,
    /** The socket's error code (ECONNREFUSED, ERR_TLS_...), for a network failure. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ExchangeFailure';
  }
}

/** The sockets of one kind of traffic: kept alive between requests, or a fresh one for each. */
export class Connections {
  private direct?: { http: http.Agent; https: https.Agent };
  private proxied?: Promise<HttpClient>;

  constructor(private readonly keepAlive: boolean) {}

  agentFor(url: URL): http.Agent | Promise<http.Agent> {
    const secure = url.protocol === 'https:';
    const proxy = secure
      ? process.env.https_proxy || process.env.HTTPS_PROXY
      : process.env.http_proxy || process.env.HTTP_PROXY;
    if (proxy) {
      // Eager mode: bundled into dist/index.js (no chunk file, licenses.txt complete), run only when imported.
      this.proxied ??= import(/* webpackMode: "eager" */ '@actions/http-client').then(
        ({ HttpClient }) => new HttpClient(USER_AGENT, [], { keepAlive: this.keepAlive }),
      );
      return this.proxied.then((client) => client.getAgent(url.href));
    }
    this.direct ??= {
      http: new http.Agent({ keepAlive: this.keepAlive }),
      https: new https.Agent({ keepAlive: this.keepAlive }),
    };
    return secure ? this.direct.https : this.direct.http;
  }

  dispose(): void {
    this.direct?.http.destroy();
    this.direct?.https.destroy();
    void this.proxied?.then((client) => client.dispose());
  }
}

/** Sends one request and reads its answer. Every failure is an ExchangeFailure. */
export function exchange(connections: Connections, request: ExchangeRequest): Promise<Answer> {
  const { method, url, body, timeoutMs, signal, maxAnswerBytes } = request;
  return new Promise<Answer>((resolve, reject) => {
    let sent = false;
    let settled = false;
    let outgoing: http.ClientRequest | undefined;
    let message: IncomingMessage | undefined;
    let unsubscribe = () => {};
    // Declared before anything can settle: a cancelled signal settles at once.
    let timer: NodeJS.Timeout | undefined = undefined;
    const settle = (failure: ExchangeFailure | undefined, answer?: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      if (failure) {
        // Rejected first: destroying the answer emits 'aborted' at once, which would read as a reset.
        reject(failure);
        message?.destroy();
        outgoing?.destroy();
      } else {
        resolve(answer as Answer);
      }
    };
    const fail = (kind: ExchangeFailure['kind'], text: string, code?: string) =>
      settle(new ExchangeFailure(kind, text, sent, code));

    // Once the run is cancelled, nothing new goes out: not a first attempt, not a retry.
    if (signal?.aborted) return fail('cancelled', 'cancelled before it was sent');
    unsubscribe = onAbort(signal, () => fail('cancelled', 'cancelled while in flight'));
    timer = setTimeout(() => fail('timeout', `no complete answer within ${timeoutMs} ms`), timeoutMs);

    const headers: OutgoingHttpHeaders = { ...request.headers, 'user-agent': USER_AGENT };
    if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
    const start = (agent: http.Agent) => {
      if (settled) return;
      const secure = url.protocol === 'https:';
      const req = (secure ? https : http).request(url, { method, headers, agent });
      outgoing = req;
      const idleMs = request.idleTimeoutMs ?? timeoutMs;
      // A connection that goes quiet fails even before the whole-exchange budget is spent.
      req.setTimeout(idleMs, () => fail('timeout', `the connection was silent for ${idleMs} ms`));
      req.on('finish', () => (sent = true));
      req.on('error', (e: NodeJS.ErrnoException) => fail('network', e.message, e.code));
      req.on('response', (answer: IncomingMessage) => {
        message = answer;
        readCapped(answer, maxAnswerBytes).then(
          (text) =>
            settle(undefined, { status: answer.statusCode ?? 0, headers: answer.headers, body: text }),
          (failure: ExchangeFailure) => settle(failure),
        );
      });
      req.end(body);
    };
    const agent = connections.agentFor(url);
    if (agent instanceof http.Agent) start(agent);
    else agent.then(start, (e: Error) => fail('network', e.message));
  });
}

function readCapped(message: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        const limit = maxBytes >= MiB ? `${maxBytes / MiB} MiB` : `${maxBytes} bytes`;
        reject(new ExchangeFailure('too-large', `the response was larger than ${limit}`, true));
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    const lost = () => reject(new ExchangeFailure('network', 'the answer was cut off', true, 'ECONNRESET'));
    message.on('error', lost);
    message.on('aborted', lost);
  });
}

const MiB = 1024 * 1024;

const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * One listener per signal however many exchanges wait on it: a listener each would pass Node's limit
 * of 10 per event (MaxListenersExceededWarning) with a fleet's requests in flight.
 */
function onAbort(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal) return () => {};
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    signal.addEventListener('abort', () => [...created].forEach((callback) => callback()), { once: true });
    waiting.set(signal, created);
    callbacks = created;
  }
  const own = callbacks;
  own.add(fn);
  return () => own.delete(fn);
}
