import { randomUUID } from 'node:crypto';
import { ApiError, isThrottled } from '../http/errors.js';
import { answerDetails, describeBody, errorFields, exchangeError } from '../http/error-mapping.js';
import { Connections, exchange, type Answer } from '../http/exchange.js';
import { isTransientFailure, withRetries } from '../http/retry.js';
import { now } from '../http/timing.js';
import { signingKeys } from '../auth/credentials.js';
import type { Credentials } from '../inputs/credentials.js';
import { signRequest } from './signer.js';

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
  /**
   * Also send the x-request-id as a query parameter: KooPhone ListInstances requires it there (Java
   * SDK KooPhoneMeta.genForListInstances, LocationType.Query). The header goes too.
   */
  requestIdInQuery?: boolean;
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
 * The API families' side of the HTTP layer (src/http): signs (or adds the token), adds a fresh
 * x-request-id, parses JSON, and gives the retry loop the rule of what is safe to retry.
 *
 * GETs are idempotent: retried on throttling, 5xx, network failures and unparseable bodies.
 * POSTs start jobs: retried only on answers that prove the service did not act: throttling
 * (429/APIGW.0308/APIG.0308), 503, or a connection refused before anything was sent. Every attempt
 * keeps one x-request-id so that logs and support can trace the submit, but no Huawei source says a
 * repeated x-request-id de-duplicates a submit, and nothing here relies on it: an ambiguous failure
 * (timeout, reset, other 5xx) is never retried, and its targets are reported `unknown`.
 */
export class Transport {
  // Polls reuse connections; a submit gets a fresh one, since a reset on a stale kept-alive socket
  // would look like an ambiguous failure of a job that was never sent.
  private readonly polls = new Connections(true);
  private readonly submits = new Connections(false);
  private readonly maxAttempts: { submit: number; poll: number };

  constructor(private readonly config: TransportConfig) {
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
    const { signal, deadline, debug } = this.config;
    return withRetries(
      {
        attempts: isSubmit ? this.maxAttempts.submit : this.maxAttempts.poll,
        retryable: isSubmit ? isSafeToResubmit : isTransient,
        baseDelayMs: this.config.baseDelayMs ?? 500,
        signal,
        deadline,
        debug,
      },
      async () => interpret(await this.attempt(request, requestId), request.action),
    );
  }

  private async attempt(request: ApiRequest, requestId: string): Promise<ApiResponse> {
    const url = new URL(this.config.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    if (request.requestIdInQuery) url.searchParams.set('x-request-id', requestId);
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

    const started = now();
    let answer: Answer;
    try {
      answer = await exchange(request.method === 'GET' ? this.polls : this.submits, {
        method: request.method,
        url,
        headers,
        ...(body === '' ? {} : { body }),
        timeoutMs: this.config.requestTimeoutMs,
        signal: this.config.signal,
        maxAnswerBytes: MAX_RESPONSE_BYTES,
      });
    } catch (error) {
      throw exchangeError(error, { action: request.action, requestId });
    }
    const { status, body: text } = answer;
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
    const details = answerDetails(request.action, answer, errorFields(parsed), requestId);
    if (status < 200 || status >= 300) throw new ApiError(details);
    const { action, requestId: reportedId, retryAfterMs } = details;
    if (unparseable || parsed === undefined) {
      throw new ApiError(
        { action, status, requestId: reportedId, retryAfterMs, unparseable: true },
        `the response was not JSON (${describeBody(text)})`,
      );
    }
    return { status, body: parsed, requestId: reportedId as string };
  }
}

/** Transient for an idempotent poll: throttling, server errors, network trouble, garbage bodies. */
export function isTransient(error: ApiError): boolean {
  const { code, unparseable } = error.details;
  if (isTransientFailure(error) || unparseable) return true;
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

/**
 * Largest response body we read. The biggest documented answer (a ListJobs page of 100 jobs with their
 * output) is far below; a larger body is a broken or hostile service and is not held in memory.
 */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
