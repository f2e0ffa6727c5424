/**
 * Every failed exchange becomes an ApiError here, whichever service it was: a network failure says
 * whether the service may have acted; an HTTP error carries the service's code, message and request
 * id (each service reads its own error body into ServiceFields) and the Retry-After it asked for.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, type ApiErrorDetails } from './errors.js';
import { ExchangeFailure, type Answer } from './exchange.js';
import { cap, redactSecrets } from '../log/untrusted.js';

/** What a service's error answer says about itself, read from its body or headers. */
export interface ServiceFields {
  code?: string;
  message?: string;
  requestId?: string;
}

/** TLS failures: the certificate or the handshake, never the request. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;
const CONNECT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

const networkText = {
  connect: 'could not connect to the service (the request was not sent)',
  timeout: 'the request timed out',
  reset: 'the connection was lost',
  aborted: 'the request was cancelled',
  abandoned: 'the run was cancelled while the request was in flight: the service may have acted on it',
  tls: 'the TLS connection to the service failed (the request was not sent); check the endpoint and any proxy',
};

export interface FailureContext {
  action: string;
  /** The x-request-id we sent, when the service takes one. */
  requestId?: string;
  /**
   * Repeating the request does no harm (an OBS part, a metadata update): a cancel in flight is then
   * a plain cancel, not the "may have acted" of a submit.
   */
  idempotent?: boolean;
}

/** A failure of the exchange itself (no HTTP answer, or one too large to read) as an ApiError. */
export function exchangeError(error: unknown, context: FailureContext): ApiError {
  if (error instanceof ApiError) return error;
  const { action, requestId } = context;
  if (!(error instanceof ExchangeFailure)) {
    return new ApiError({ action, requestId, network: 'reset' }, (error as Error)?.message ?? String(error));
  }
  if (error.kind === 'too-large')
    return new ApiError({ action, requestId, unparseable: true }, error.message);
  const code = error.code ?? '';
  const network: NonNullable<ApiErrorDetails['network']> =
    error.kind === 'cancelled'
      ? error.sent && !context.idempotent
        ? 'abandoned'
        : 'aborted'
      : TLS_CODE.test(code)
        ? 'tls'
        : // A request that was never fully written cannot have been acted on, however it failed.
          !error.sent || CONNECT_CODES.includes(code)
          ? 'connect'
          : error.kind === 'timeout'
            ? 'timeout'
            : 'reset';
  const why = error.kind === 'timeout' ? ` (${error.message})` : code ? ` (${code})` : '';
  return new ApiError({ action, network, requestId }, `${networkText[network]}${why}`);
}

/** The run was cancelled between attempts, or before a step that would send anything. */
export function cancelledError(action: string): ApiError {
  return new ApiError({ action, network: 'aborted' }, networkText.aborted);
}

/**
 * The details of an answer that failed (an HTTP error, or an error body sent with 200). The caller
 * builds the error, so that each service's hint table explains its own codes.
 */
export function answerDetails(
  action: string,
  answer: Answer,
  fields: ServiceFields,
  requestId?: string,
): ApiErrorDetails {
  return {
    action,
    status: answer.status,
    code: fields.code,
    serviceMessage: fields.message ?? (fields.code ? undefined : describeBody(answer.body)),
    requestId: fields.requestId ?? headerValue(answer.headers, 'x-request-id') ?? requestId,
    retryAfterMs: parseRetryAfter(headerValue(answer.headers, 'retry-after')),
  };
}

/**
 * The error of a Huawei API body (the API families, IAM, STS) in either form they use:
 * `{error_code, error_msg}`, or the nested `{error: {code, message}}` some gateways answer (both read
 * by the SDK's ExceptionUtil). Untrusted text, cut to a length a log line can hold: secrets first
 * removed, so that a cut never leaves a piece of one behind.
 */
export function errorFields(body: unknown): ServiceFields {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? cap(redactSecrets(v), 500) : undefined);
  // The SDK models type the codes as strings; a gateway that sends 10001 still named its error.
  const code = (v: unknown) => (Number.isSafeInteger(v) ? String(v) : str(v));
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as Record<string, unknown>) : {};
  return {
    code: code(b.error_code) ?? code(nested.code),
    message: str(b.error_msg) ?? str(nested.message),
    requestId: str(b.request_id),
  };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === '' ? undefined : first;
}

/**
 * Retry-After in seconds or as an HTTP date (RFC 9110 allows both); capped so that a hostile value
 * cannot stall the run.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 120_000);
}

/**
 * An unexpected body, as its first words: a proxy's or gateway's HTML error page says what failed
 * ("502 Bad Gateway") more often than not. One line, short, and still untrusted text, cut only once
 * the secrets it may echo are removed.
 */
export function describeBody(text: string): string {
  if (text === '') return 'empty body';
  return `"${cap(redactSecrets(text).replace(/\s+/g, ' ').trim(), 120)}"`;
}
