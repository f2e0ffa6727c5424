import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import * as https from 'node:https';
import { USER_AGENT } from '../inputs/names.js';
import { ApiError, isThrottled } from '../http/errors.js';
import { signingKeys } from '../auth/credentials.js';
import type { Credentials } from '../inputs/settings.js';
import { signRequest } from './signer.js';
import { backoffDelay, now, sleep } from '../http/timing.js';

export interface TransportConfig {
  baseUrl: string;
  credentials: Credentials;
  /**
   * Sent, and signed, as X-Project-Id on every AK/SK-signed call, as the SDK's BasicCredentials does
   * (the multi-project signing guide requires it for sub-projects; KooPhone needs it to find the tenant).
   */
  projectIdHeader?: string;
  requestTimeoutMs: number;
  /** Stops retries and waiting when the run is cancelled or out of time. */
  signal?: AbortSignal;
  /** No request is retried once this epoch-ms deadline has passed. */
  deadline?: number;
  debug?: (message: string) => void;
  /** Attempts per request, first one included. */
  maxAttempts?: { submit: number; poll: number };
  baseDelayMs?: number;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Human description for messages, e.g. "KooPhone install app". */
  action: string;
  /** A POST that only reads (a list query): retried like a GET. */
  readOnly?: boolean;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** The x-request-id we sent; the service's own id when it returned one. */
  requestId: string;
}

/**
 * Family-specific reading of a 2xx response: throws an ApiError when the body says the call failed
 * (KooPhone answers many errors with HTTP 200) or does not have the documented shape.
 */
export type Interpret<T> = (response: ApiResponse, action: string) => T;

/**
 * One HTTP layer for both API families: signs (or adds the token), adds a fresh x-request-id,
 * enforces a per-request timeout, parses JSON and retries what is safe to retry.
 *
 * GETs are idempotent: retried on throttling, 5xx, network failures and unparseable bodies.
 * POSTs start jobs: retried only on answers that prove the service did not act: throttling
 * (429/APIGW.0308/APIG.0308), 503, or a connection refused before anything was sent. Every attempt
 * keeps one x-request-id so that logs and support can trace the submit, but no Huawei source says a
 * repeated x-request-id de-duplicates a submit, and nothing here relies on it: an ambiguous failure
 * (timeout, reset, other 5xx) is never retried, and its targets are reported `unknown`.
 */
export class Transport {
  private readonly polls: Sender;
  private readonly submits: Sender;
  private readonly maxAttempts: { submit: number; poll: number };
  /**
   * Exchanges in flight, each with how to abandon it. One listener on the run's signal serves them all:
   * a listener per request would pass Node's limit of 10 per event (MaxListenersExceededWarning).
   */
  private readonly inFlight = new Set<() => void>();

  constructor(private readonly config: TransportConfig) {
    config.signal?.addEventListener('abort', () => [...this.inFlight].forEach((abandon) => abandon()), {
      once: true,
    });
    // Polls reuse connections. Submits get a fresh one each: a reset on a stale kept-alive socket
    // would otherwise look like an ambiguous failure of a job that was never sent.
    this.polls = createSender(config.baseUrl, USER_AGENT, config.requestTimeoutMs, true);
    this.submits = createSender(config.baseUrl, USER_AGENT, config.requestTimeoutMs, false);
    // Polls are retried briefly here and again by the next poll round, so a flaky gateway costs one
    // round, and a dead one ends the run after a few rounds instead of minutes of backoff.
    this.maxAttempts = config.maxAttempts ?? { submit: 4, poll: 3 };
  }

  dispose(): void {
    this.polls.dispose();
    this.submits.dispose();
  }

  async send<T>(request: ApiRequest, interpret: Interpret<T>): Promise<T> {
    const requestId = randomUUID().replace(/-/g, '');
    const isSubmit = request.method !== 'GET' && !request.readOnly;
    const attempts = isSubmit ? this.maxAttempts.submit : this.maxAttempts.poll;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.attempt(request, requestId);
        return interpret(response, request.action);
      } catch (error) {
        const apiError = asApiError(error, request.action, requestId);
        const retry = isSubmit ? isSafeToResubmit(apiError) : isTransient(apiError);
        if (!retry || attempt >= attempts || this.config.signal?.aborted) throw apiError;
        const delay = apiError.details.retryAfterMs ?? backoffDelay(attempt, this.config.baseDelayMs ?? 500);
        if (this.config.deadline !== undefined && now() + delay > this.config.deadline) throw apiError;
        this.config.debug?.(`${request.action}: ${apiError.message}; retry ${attempt} in ${delay} ms`);
        await sleep(delay, this.config.signal);
      }
    }
  }

  private async attempt(request: ApiRequest, requestId: string): Promise<ApiResponse> {
    // Once the run is cancelled, nothing new goes out: not a first attempt, not a retry.
    if (this.config.signal?.aborted) throw abortedError(request.action, requestId);
    const url = new URL(this.config.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const body = request.body === undefined ? '' : JSON.stringify(request.body);
    let headers: Record<string, string> = { 'x-request-id': requestId };
    if (body !== '') headers['Content-Type'] = 'application/json';
    const creds = this.config.credentials;
    if (creds.kind === 'token') {
      headers['X-Auth-Token'] = creds.token;
    } else {
      if (this.config.projectIdHeader) headers['X-Project-Id'] = this.config.projectIdHeader;
      headers = signRequest({ method: request.method, url, headers, body }, await signingKeys(creds));
    }

    const client = request.method === 'GET' ? this.polls : this.submits;
    const started = now();
    const { status, text, serviceRequestId, retryAfter } = await withTimeout(
      this.config.requestTimeoutMs,
      this.inFlight,
      async (onMessage) => {
        const message = await client.request(request.method, url, body, headers);
        onMessage(message);
        return {
          status: message.statusCode ?? 0,
          text: await readText(message),
          serviceRequestId: headerValue(message, 'x-request-id'),
          retryAfter: headerValue(message, 'retry-after'),
        };
      },
    );
    this.config.debug?.(
      `${request.method} ${url.pathname}${url.search} -> HTTP ${status} in ${now() - started} ms (x-request-id ${requestId})`,
    );

    let parsed: unknown;
    let unparseable = false;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      unparseable = true;
    }
    const fields = errorFields(parsed);
    const reportedId = fields.requestId ?? serviceRequestId ?? requestId;
    const details = {
      action: request.action,
      status,
      requestId: reportedId,
      retryAfterMs: parseRetryAfter(retryAfter),
    };
    if (status < 200 || status >= 300) {
      throw new ApiError(
        { ...details, code: fields.code, serviceMessage: fields.message ?? describeBody(text) },
        undefined,
      );
    }
    if (unparseable || parsed === undefined) {
      throw new ApiError(
        { ...details, unparseable: true },
        `the response was not JSON (${describeBody(text)})`,
      );
    }
    return { status, body: parsed, requestId: reportedId };
  }
}

/** Sends one HTTP exchange and hands back the response, its body still unread. */
interface Sender {
  request(method: string, url: URL, body: string, headers: Record<string, string>): Promise<IncomingMessage>;
  dispose(): void;
}

/**
 * Plain node:http(s) with no redirects and no retries of its own. When a proxy variable is set, the
 * requests go through @actions/http-client instead (proxy, no_proxy and tunnelling as every action
 * does), loaded only then: it brings undici and tunnel, a megabyte that costs ~40 ms to load.
 */
function createSender(
  baseUrl: string,
  userAgent: string,
  socketTimeoutMs: number,
  keepAlive: boolean,
): Sender {
  const https_ = baseUrl.startsWith('https:');
  const proxy = https_
    ? process.env.https_proxy || process.env.HTTPS_PROXY
    : process.env.http_proxy || process.env.HTTP_PROXY;
  return proxy
    ? proxySender(userAgent, socketTimeoutMs, keepAlive)
    : nodeSender(userAgent, socketTimeoutMs, keepAlive);
}

function nodeSender(userAgent: string, socketTimeoutMs: number, keepAlive: boolean): Sender {
  const agents = { http: new http.Agent({ keepAlive }), https: new https.Agent({ keepAlive }) };
  return {
    request(method, url, body, headers) {
      const secure = url.protocol === 'https:';
      const outgoing: OutgoingHttpHeaders = { ...headers, 'user-agent': userAgent };
      if (body !== '') outgoing['Content-Length'] = Buffer.byteLength(body);
      return new Promise((resolve, reject) => {
        const req = (secure ? https : http).request(
          url,
          { method, headers: outgoing, agent: secure ? agents.https : agents.http },
          resolve,
        );
        // A connection that goes quiet must fail eventually even if the caller's timer did not fire.
        req.setTimeout(socketTimeoutMs, () => req.destroy(new Error(`Request timeout: ${url.pathname}`)));
        let sent = false;
        req.on('finish', () => (sent = true));
        req.on('error', (error) => reject(sent ? error : Object.assign(error, { [NOT_SENT]: true })));
        req.end(body === '' ? undefined : body);
      });
    },
    dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function proxySender(userAgent: string, socketTimeoutMs: number, keepAlive: boolean): Sender {
  // Eager mode: bundled into dist/index.js (no chunk file, licenses.txt complete), run only when imported.
  const client = import(/* webpackMode: "eager" */ '@actions/http-client').then(
    ({ HttpClient }) =>
      new HttpClient(userAgent, [], {
        allowRedirects: false,
        allowRetries: false,
        socketTimeout: socketTimeoutMs,
        keepAlive,
      }),
  );
  return {
    async request(method, url, body, headers) {
      const response = await (
        await client
      ).request(method, url.toString(), body === '' ? null : body, headers);
      return response.message;
    },
    dispose() {
      void client.then((c) => c.dispose());
    },
  };
}

/** Transient for an idempotent poll: throttling, server errors, network trouble, garbage bodies. */
export function isTransient(error: ApiError): boolean {
  const { status, code, network, unparseable } = error.details;
  if (network && network !== 'aborted' && network !== 'tls' && network !== 'abandoned') return true;
  if (unparseable) return true;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return isThrottled(code) || code === 'KOOPHONE.API.9999' || code === 'CPS.0003';
}

/**
 * A failure of the path to the service rather than of the service: no connection, a lost or timed-out
 * connection, or a gateway that could not reach the backend. Polling rides these out until wait-timeout.
 */
export function isOutage(error: ApiError): boolean {
  const { status, network } = error.details;
  if (network) return network === 'connect' || network === 'reset' || network === 'timeout';
  return status === 502 || status === 503 || status === 504;
}

/** Safe to send a submit again: the service certainly did not start anything. */
export function isSafeToResubmit(error: ApiError): boolean {
  const { status, code, network } = error.details;
  return network === 'connect' || status === 429 || status === 503 || isThrottled(code);
}

function abortedError(action: string, requestId: string): ApiError {
  return new ApiError({ action, network: 'aborted', requestId }, networkText.aborted);
}

/** TLS failures: the certificate or the handshake, never the request. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;

function asApiError(error: unknown, action: string, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BodyTooLargeError) {
    return new ApiError(
      { action, requestId, unparseable: true },
      `the response was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`,
    );
  }
  if (error instanceof AbandonedError) {
    return new ApiError({ action, requestId, network: 'abandoned' }, networkText.abandoned);
  }
  const err = error as NodeJS.ErrnoException & { [NOT_SENT]?: boolean };
  const code = err?.code ?? '';
  const network: 'connect' | 'timeout' | 'reset' | 'aborted' | 'tls' = TLS_CODE.test(code)
    ? 'tls'
    : err instanceof TimeoutError || /Request timeout/.test(err?.message ?? '')
      ? // A request that was never fully written cannot have been acted on, however long it took.
        err?.[NOT_SENT]
        ? 'connect'
        : 'timeout'
      : ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)
        ? 'connect'
        : code === 'ABORT_ERR'
          ? 'aborted'
          : err?.[NOT_SENT]
            ? 'connect'
            : 'reset';
  return new ApiError({ action, network, requestId }, `${networkText[network]}${code ? ` (${code})` : ''}`);
}

/** Set on an error that happened before the request was completely handed to the network. */
const NOT_SENT = Symbol('not sent');

const networkText = {
  connect: 'could not connect to the service (the request was not sent)',
  timeout: 'the request timed out',
  reset: 'the connection was lost',
  aborted: 'the request was cancelled',
  abandoned: 'the run was cancelled while the request was in flight: the service may have acted on it',
  tls: 'the TLS connection to the service failed (the request was not sent); check the endpoint and any proxy',
};

class TimeoutError extends Error {}

class BodyTooLargeError extends Error {}

class AbandonedError extends Error {}

/**
 * Bounds the whole exchange (headers and body): a server that trickles bytes must not hold the run.
 * A cancelled run stops waiting at once; the request may have reached the service (AbandonedError).
 */
async function withTimeout<T>(
  ms: number,
  inFlight: Set<() => void>,
  work: (onMessage: (m: IncomingMessage) => void) => Promise<T>,
): Promise<T> {
  let message: IncomingMessage | undefined;
  let timer: NodeJS.Timeout | undefined;
  let abandon = () => {};
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      message?.destroy();
      reject(new TimeoutError(`no complete answer within ${ms} ms`));
    }, ms);
    abandon = () => {
      message?.destroy();
      reject(new AbandonedError('the run was cancelled while the request was in flight'));
    };
    inFlight.add(abandon);
  });
  try {
    return await Promise.race([work((m) => (message = m)), timeout]);
  } finally {
    clearTimeout(timer);
    inFlight.delete(abandon);
  }
}

/**
 * Largest response body we read. The biggest documented answer (a ListJobs page of 100 jobs with their
 * output) is far below; a larger body is a broken or hostile service and is not held in memory.
 */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

function readText(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        // Rejected first: destroying the message emits 'aborted' at once, which would read as a reset.
        reject(new BodyTooLargeError());
        message.destroy();
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
    message.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
  });
}

function headerValue(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After in seconds or as an HTTP date; capped so a hostile value cannot stall the run. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 120_000);
}

/**
 * The error of a body in either form the services use: `{error_code, error_msg}`, or the nested
 * `{error: {code, message}}` some gateways answer (both read by the SDK's ExceptionUtil).
 */
export function errorFields(body: unknown): { code?: string; message?: string; requestId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as Record<string, unknown>) : {};
  return {
    code: str(b.error_code) ?? str(nested.code),
    message: str(b.error_msg) ?? str(nested.message),
    requestId: str(b.request_id),
  };
}

function describeBody(text: string): string {
  if (text === '') return 'empty body';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.startsWith('<') ? 'an HTML page' : `"${flat.slice(0, 120)}${flat.length > 120 ? '...' : ''}"`;
}
