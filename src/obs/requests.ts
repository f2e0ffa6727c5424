/**
 * Signed OBS requests over the shared HTTP layer: each request is signed (with the current keys when
 * they renew), sent as one exchange, and retried under OBS's policy. One ObsRequests serves one
 * operation (an upload, a HEAD) and its kept-alive connections end with it.
 */
import { ApiError } from '../http/errors.js';
import { exchangeError } from '../http/error-mapping.js';
import { Connections, exchange, type Answer } from '../http/exchange.js';
import { isTransientFailure, withRetries } from '../http/retry.js';
import { now } from '../http/timing.js';
import { redactUrl } from '../log/redact.js';
import { objectUrl, type Endpoint } from './endpoint.js';
import { responseError, type ObsError } from './errors.js';
import { signHeaders, uriEncode, type ObsCredentials } from './signature.js';

/**
 * A request that carries a body may take the request timeout plus the time to send the body at
 * this rate: an 8 MiB part gets about 80 s more. It only bounds a server that reads trickle by
 * trickle; a stalled connection is caught sooner by the socket inactivity timeout.
 */
const MIN_UPLOAD_BYTES_PER_SECOND = 100 * 1024;
/** OBS answers we read are small XML documents. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface ObsRequestConfig {
  requestTimeoutMs: number;
  signal?: AbortSignal;
  debug?: (message: string) => void;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** First retry delay, doubled each time, with jitter (default 500 ms). */
  retryBaseDelayMs?: number;
  /** Epoch ms (the run's wait-timeout): no retry waits past it, a Retry-After of OBS's included. */
  deadline?: number;
}

export interface ObsCall {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  bucket: string;
  key: string;
  /** Decoded sub-resources, e.g. [['partNumber', '3'], ['uploadId', id]]; an empty value is sent bare. */
  query?: Array<[string, string]>;
  headers?: Record<string, string>;
  /** A string, or bytes already read from the file (resent as they are on a retry). */
  body?: string | Buffer;
  action: string;
  signal?: AbortSignal;
  /** Extra text for the debug line. */
  note?: string;
}

/** Codes OBS documents as worth repeating the request for, on top of every service's transient failures. */
const RETRIED_CODES = new Set([
  // The bytes were damaged on the way: they are sent again from the buffer that was hashed.
  'BadDigest',
  'RequestTimeout',
  'InternalError',
  'ServiceUnavailable',
  'SlowDown',
]);

/**
 * Every OBS request here may be repeated: writing the same bytes again is idempotent, and an answer
 * OBS could not produce whole (an unreadable body) says nothing about the next one.
 */
export function isObsRetryable(error: ApiError): boolean {
  const { code, unparseable } = error.details;
  return isTransientFailure(error) || unparseable === true || (code !== undefined && RETRIED_CODES.has(code));
}

export class ObsRequests {
  private readonly connections = new Connections(true);

  constructor(
    private readonly config: ObsRequestConfig,
    private readonly endpoint: Endpoint,
    private readonly credentials: () => ObsCredentials | Promise<ObsCredentials>,
  ) {}

  /** Retries `attempt` under OBS's policy; `signal` is the run's, or a narrower one. */
  retrying<T>(
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
    attempts = this.config.maxAttempts ?? 4,
  ): Promise<T> {
    const policy = {
      attempts,
      retryable: isObsRetryable,
      baseDelayMs: this.config.retryBaseDelayMs ?? 500,
      signal,
      deadline: this.config.deadline,
      debug: this.config.debug,
    };
    return withRetries(policy, attempt);
  }

  /** One signed request and its answer. Network failures become ApiErrors; HTTP statuses are the caller's. */
  async send(c: ObsCall): Promise<Answer> {
    const query = c.query ?? [];
    const rawQuery = query.map(([n, v]) => (v === '' ? n : `${n}=${uriEncode(v)}`)).join('&');
    const url = objectUrl(this.endpoint, c.bucket, c.key, rawQuery);
    const bytes = c.body === undefined ? 0 : Buffer.byteLength(c.body);
    const headers = signHeaders(
      { method: c.method, bucket: c.bucket, key: c.key, query, headers: c.headers },
      await this.credentials(),
    );
    const started = now();
    try {
      const answer = await exchange(this.connections, {
        method: c.method,
        url: new URL(url),
        headers,
        ...(c.body === undefined ? {} : { body: c.body }),
        timeoutMs: this.config.requestTimeoutMs + Math.ceil((bytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000),
        idleTimeoutMs: this.config.requestTimeoutMs,
        signal: c.signal,
        maxAnswerBytes: MAX_ANSWER_BYTES,
      });
      this.debug(
        `${c.method} ${redactUrl(url)}${c.note ? ` (${c.note})` : ''} -> HTTP ${answer.status} in ${now() - started} ms`,
      );
      return answer;
    } catch (error) {
      const apiError = exchangeError(error, { action: c.action, idempotent: true });
      this.debug(`${c.method} ${redactUrl(url)} -> ${apiError.message}`);
      throw apiError;
    }
  }

  failure(action: string, answer: Answer): ObsError {
    return responseError(action, answer.status, answer.headers, answer.body);
  }

  debug(message: string): void {
    this.config.debug?.(message);
  }

  dispose(): void {
    this.connections.dispose();
  }
}
