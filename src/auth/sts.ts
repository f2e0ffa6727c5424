/**
 * Huawei STS AssumeAgencyWithOIDC: the workflow's ID token in, temporary keys out. No Huawei
 * credential signs this call: the token is the proof (API page AssumeAgencyWithOIDC, IAM v5).
 * Shapes from the SDK models (services/sts/v1/model/AssumeAgencyWithOIDCReqBody, CredentialsDto).
 */
import { randomUUID } from 'node:crypto';
import { HttpClient } from '@actions/http-client';
import { ApiError } from '../http/errors.js';
import { backoffDelay, now, sleep } from '../http/timing.js';
import type { AkSk, KeylessSettings } from './credentials.js';
import { describeToken } from './oidc.js';

export const STS_PATH = '/v5/agencies/assume-with-oidc';
const ACTION = 'Huawei STS AssumeAgencyWithOIDC';
const ATTEMPTS = 3;

export interface Issued extends AkSk {
  securityToken: string;
  expiration: Date;
}

export interface ExchangeOptions {
  requestTimeoutMs: number;
  signal?: AbortSignal;
  debug?: (message: string) => void;
  retryBaseMs?: number;
}

/** The body sent, with the token left out: what dry-run shows. */
export function exchangeBody(keyless: KeylessSettings, idToken: string): Record<string, unknown> {
  return {
    id_token: idToken,
    provider_urn: keyless.providerUrn,
    agency_urn: keyless.agencyUrn,
    agency_session_name: keyless.sessionName,
    duration_seconds: keyless.durationSeconds,
  };
}

/**
 * One exchange. Retried on network failures, 429 and 5xx: asking twice only issues two sets of
 * keys, of which the first is forgotten.
 */
export async function assumeAgencyWithOidc(
  keyless: KeylessSettings,
  idToken: string,
  options: ExchangeOptions,
): Promise<Issued> {
  const url = `${keyless.stsEndpoint}${STS_PATH}`;
  const body = JSON.stringify(exchangeBody(keyless, idToken));
  const http = new HttpClient('cloud-phone-deploy', [], {
    allowRedirects: false,
    allowRetries: false,
    socketTimeout: options.requestTimeoutMs,
  });
  try {
    for (let attempt = 1; ; attempt++) {
      const requestId = randomUUID().replace(/-/g, '');
      try {
        return await once(http, url, body, requestId, idToken, options);
      } catch (error) {
        const e = error instanceof ApiError ? error : networkError(error, requestId);
        const { status, network } = e.details;
        const transient = network !== undefined || status === 429 || (status !== undefined && status >= 500);
        if (!transient || attempt >= ATTEMPTS || options.signal?.aborted) throw e;
        const delay = e.details.retryAfterMs ?? backoffDelay(attempt, options.retryBaseMs ?? 500);
        options.debug?.(`${e.message}; retry ${attempt} in ${delay} ms`);
        await sleep(delay, options.signal);
      }
    }
  } finally {
    http.dispose();
  }
}

async function once(
  http: HttpClient,
  url: string,
  body: string,
  requestId: string,
  idToken: string,
  options: ExchangeOptions,
): Promise<Issued> {
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
      options.requestTimeoutMs,
    );
  });
  let status: number;
  let text: string;
  let serviceId: string | undefined;
  try {
    const response = await Promise.race([
      http.post(url, body, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId }),
      timeout,
    ]);
    status = response.message.statusCode ?? 0;
    const id = response.message.headers['x-request-id'];
    serviceId = Array.isArray(id) ? id[0] : id;
    text = await Promise.race([response.readBody(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  options.debug?.(`POST ${url} -> HTTP ${status} in ${now() - started} ms (x-request-id ${requestId})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const fields = errorFields(parsed);
  const details = { action: ACTION, status, requestId: fields.requestId ?? serviceId ?? requestId };
  if (status < 200 || status >= 300) {
    throw new ApiError(
      {
        ...details,
        code: fields.code,
        serviceMessage: fields.message ?? `HTTP ${status} with no error body`,
      },
      undefined,
      (code, st) => refusalHint(code, st, fields.message ?? '', idToken),
    );
  }
  const c = (parsed as { credentials?: Record<string, unknown> } | undefined)?.credentials;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const expiration = new Date(str(c?.expiration) ?? NaN);
  const keys = {
    accessKey: str(c?.access_key_id),
    secretKey: str(c?.secret_access_key),
    securityToken: str(c?.security_token),
  };
  if (!keys.accessKey || !keys.secretKey || !keys.securityToken || Number.isNaN(expiration.getTime())) {
    throw new ApiError(
      { ...details, unparseable: true },
      'the answer has no complete credentials (access_key_id, secret_access_key, security_token, expiration)',
    );
  }
  return {
    accessKey: keys.accessKey,
    secretKey: keys.secretKey,
    securityToken: keys.securityToken,
    expiration,
  };
}

/** What the user can change, with the token's identity so a trust-condition mismatch is visible. */
function refusalHint(
  _code: string | undefined,
  status: number | undefined,
  message: string,
  idToken: string,
) {
  if (status === undefined || status >= 500 || status === 429) return undefined;
  const who = `This run's token has ${describeToken(idToken)}.`;
  if (status === 404 || /not (be )?found|not exist/i.test(message))
    return `Check agency-urn and identity-provider-urn (copy them from the IAM console). ${who}`;
  if (/duration/i.test(message))
    return `Lower session-duration, or raise the agency's maximum session duration in IAM. ${who}`;
  if (/\baud|audience/i.test(message))
    return `The token's aud must be one of the identity provider's client ids: register it there, or set oidc-audience to a registered one. ${who}`;
  if (/\biss|issuer/i.test(message))
    return `The identity provider's URL must be https://token.actions.githubusercontent.com. ${who}`;
  if (/expired/i.test(message)) return `Check the runner's clock. ${who}`;
  return `The usual cause is the agency's trust condition on oidc:sub, which must match this sub (it names the branch, tag, pull request or environment of the run). ${who}`;
}

function errorFields(body: unknown): { code?: string; message?: string; requestId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v.slice(0, 500) : undefined);
  // IAM answers error_code/error_msg; some gateways {"error": {"code", "message"}} (REFERENCE corrections).
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as Record<string, unknown>) : {};
  return {
    code: str(b.error_code) ?? str(nested.code),
    message: str(b.error_msg) ?? str(nested.message),
    requestId: str(b.request_id),
  };
}

function networkError(error: unknown, requestId: string): ApiError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const network =
    code === 'ETIMEDOUT'
      ? 'timeout'
      : ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
        ? 'connect'
        : 'reset';
  return new ApiError(
    { action: ACTION, network, requestId },
    `${(error as Error)?.message ?? 'network failure'}${code ? ` (${code})` : ''}`,
  );
}
