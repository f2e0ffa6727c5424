import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import * as https from 'node:https';
import { ApiError } from '../errors.js';
import type { Credentials } from '../settings.js';
import { signRequest } from '../signer.js';
import { backoffDelay, sleep } from '../timing.js';

export interface TransportConfig {
  baseUrl: string;
  credentials: Credentials;
  /** Sent as X-Project-Id on signed calls (KooPhone with AK/SK needs it to find the tenant). */
  projectIdHeader?: string;
  requestTimeoutMs: number;
  /** Stops retries and waiting when the run is cancelled or out of time. */
  signal?: AbortSignal;
  /** No request is retried once this epoch-ms deadline has passed. */
  deadline?: number;
  debug?: (message: string) => void;
  userAgent?: string;
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
 * POSTs start jobs: retried only when the service surely did not act (429/APIGW.0308, 503, connection
 * refused), always with the same x-request-id, so one submit never becomes two jobs.
 */
export class Transport {
  private readonly polls: Sender;
  private readonly submits: Sender;
  private readonly maxAttempts: { submit: number; poll: number };

  constructor(private readonly config: TransportConfig) {
    const ua = config.userAgent ?? 'cloud-phone-deploy';
    // Polls reuse connections. Submits get a fresh one each: a reset on a stale kept-alive socket
    // would otherwise look like an ambiguous failure of a job that was never sent.
    this.polls = createSender(config.baseUrl, ua, config.requestTimeoutMs, true);
    this.submits = createSender(config.baseUrl, ua, config.requestTimeoutMs, false);
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
        if (this.config.deadline !== undefined && Date.now() + delay > this.config.deadline) throw apiError;
        this.config.debug?.(`${request.action}: ${apiError.message}; retry ${attempt} in ${delay} ms`);
        await sleep(delay, this.config.signal);
      }
    }
  }

  private async attempt(request: ApiRequest, requestId: string): Promise<ApiResponse> {
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
      headers = signRequest({ method: request.method, url, headers, body }, creds);
    }

    const client = request.method === 'GET' ? this.polls : this.submits;
    const started = Date.now();
    const { status, text, serviceRequestId, retryAfter } = await withTimeout(
      this.config.requestTimeoutMs,
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
      `${request.method} ${url.pathname}${url.search} -> HTTP ${status} in ${Date.now() - started} ms (x-request-id ${requestId})`,
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
        req.on('error', reject);
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
  if (network && network !== 'aborted') return true;
  if (unparseable) return true;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return code === 'APIGW.0308' || code === 'KOOPHONE.API.9999' || code === 'CPS.0003';
}

/** Safe to send a submit again: the service certainly did not start anything. */
export function isSafeToResubmit(error: ApiError): boolean {
  const { status, code, network } = error.details;
  return network === 'connect' || status === 429 || status === 503 || code === 'APIGW.0308';
}

function asApiError(error: unknown, action: string, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const network: 'connect' | 'timeout' | 'reset' | 'aborted' =
    err instanceof TimeoutError || /Request timeout/.test(err?.message ?? '')
      ? 'timeout'
      : ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)
        ? 'connect'
        : code === 'ABORT_ERR'
          ? 'aborted'
          : 'reset';
  return new ApiError({ action, network, requestId }, `${networkText[network]}${code ? ` (${code})` : ''}`);
}

const networkText = {
  connect: 'could not connect to the service',
  timeout: 'the request timed out',
  reset: 'the connection was lost',
  aborted: 'the request was cancelled',
};

class TimeoutError extends Error {}

/** Bounds the whole exchange (headers and body): a server that trickles bytes must not hold the run. */
async function withTimeout<T>(
  ms: number,
  work: (onMessage: (m: IncomingMessage) => void) => Promise<T>,
): Promise<T> {
  let message: IncomingMessage | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      message?.destroy();
      reject(new TimeoutError(`no complete answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work((m) => (message = m)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function readText(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
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

function errorFields(body: unknown): { code?: string; message?: string; requestId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { code: str(b.error_code), message: str(b.error_msg), requestId: str(b.request_id) };
}

function describeBody(text: string): string {
  if (text === '') return 'empty body';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.startsWith('<') ? 'an HTML page' : `"${flat.slice(0, 120)}${flat.length > 120 ? '...' : ''}"`;
}
