/**
 * Huawei STS AssumeAgencyWithOIDC: the workflow's ID token in, temporary keys out. No Huawei
 * credential signs this call: the token is the proof (API page AssumeAgencyWithOIDC, IAM v5).
 * Shapes from the SDK models (services/sts/v1/model/AssumeAgencyWithOIDCReqBody, CredentialsDto).
 */
import { randomUUID } from 'node:crypto';
import { ApiError, withPermissionsPage } from '../http/errors.js';
import { answerDetails, errorFields, exchangeError } from '../http/error-mapping.js';
import { Connections, exchange, type Answer } from '../http/exchange.js';
import { withRetries } from '../http/retry.js';
import { now } from '../http/timing.js';
import type { AkSk, KeylessSettings } from '../inputs/credentials.js';
import { attemptTimeout, describeToken } from './oidc.js';

export const STS_PATH = '/v5/agencies/assume-with-oidc';
const ACTION = 'Huawei STS AssumeAgencyWithOIDC';
const ATTEMPTS = 3;
/** An STS answer is a few hundred bytes of JSON. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface Issued extends AkSk {
  securityToken: string;
  expiration: Date;
}

export interface ExchangeOptions {
  requestTimeoutMs: number;
  /**
   * Epoch ms on the run's clock: no attempt runs and no retry waits past it, a Retry-After
   * included (the retry is given up instead).
   */
  deadline?: number;
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
  const url = new URL(`${keyless.stsEndpoint}${STS_PATH}`);
  const body = JSON.stringify(exchangeBody(keyless, idToken));
  const connections = new Connections(false);
  try {
    const policy = { ...options, attempts: ATTEMPTS, baseDelayMs: options.retryBaseMs ?? 500 };
    return await withRetries(policy, () => once(connections, url, body, idToken, options));
  } finally {
    connections.dispose();
  }
}

async function once(
  connections: Connections,
  url: URL,
  body: string,
  idToken: string,
  options: ExchangeOptions,
): Promise<Issued> {
  const requestId = randomUUID().replace(/-/g, '');
  const started = now();
  let answer: Answer;
  try {
    answer = await exchange(connections, {
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId },
      body,
      timeoutMs: attemptTimeout(options),
      signal: options.signal,
      maxAnswerBytes: MAX_ANSWER_BYTES,
    });
  } catch (error) {
    throw exchangeError(error, { action: ACTION, requestId });
  }
  const { status } = answer;
  options.debug?.(`POST ${url.href} -> HTTP ${status} in ${now() - started} ms (x-request-id ${requestId})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    parsed = undefined;
  }
  const fields = errorFields(parsed);
  const details = answerDetails(ACTION, answer, fields, requestId);
  if (status < 200 || status >= 300) {
    throw new ApiError(details, undefined, (code, st) => {
      const hint = refusalHint(code, st, fields.message ?? '', idToken);
      // A refusal is about the agency, its trust policy or the identity provider: the permissions page
      // describes all three, like every other permission-related error of the action.
      return hint && withPermissionsPage(hint);
    });
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
      { action: ACTION, status, requestId: details.requestId, unparseable: true },
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
