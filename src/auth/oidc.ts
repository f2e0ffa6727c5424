/**
 * The workflow's identity: GitHub's OIDC ID token, asked of the job's token service as
 * @actions/core's oidc-utils asks it (GET ACTIONS_ID_TOKEN_REQUEST_URL with `&audience=`, the runtime
 * token as a bearer, `{"value": "<JWT>"}` back), but through the exchange every other call uses: each
 * attempt bounded by request-timeout, all of them by the deadline, and abandoned at once on cancel.
 * Retried on transient failures, with messages that say how to fix a missing permission.
 */
import { readFileSync } from 'node:fs';
import { ApiError } from '../http/errors.js';
import { answerDetails, exchangeError } from '../http/error-mapping.js';
import { Connections, exchange } from '../http/exchange.js';
import { withRetries } from '../http/retry.js';
import { now } from '../http/timing.js';
import { cap, redactSecrets } from '../log/untrusted.js';
import { decodeJwt } from './jwt-claims.js';

/** A keyless failure whose message already says what to change. */
export class KeylessError extends Error {
  override name = 'KeylessError';
}

type Env = Record<string, string | undefined>;

const ATTEMPTS = 3;
const ACTION = "GitHub's OIDC token service";
/** The answer is one JWT of a few KB in a small JSON object. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface IdTokenOptions {
  /** Each attempt's time limit (request-timeout). */
  requestTimeoutMs: number;
  /** Epoch ms on the run's clock: no attempt or retry wait goes past it. */
  deadline?: number;
  signal?: AbortSignal;
  debug?: (m: string) => void;
  retryBaseMs?: number;
}

export async function getIdToken(
  audience: string | undefined,
  env: Env,
  options: IdTokenOptions,
): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer) throw new KeylessError(missingTokenMessage(env));
  let url: URL;
  try {
    // As oidc-utils: GitHub's URL already carries a query (api-version), the audience is appended.
    const join = base.includes('?') ? '&' : '?';
    url = new URL(audience ? `${base}${join}audience=${encodeURIComponent(audience)}` : base);
  } catch {
    throw new KeylessError(
      `ACTIONS_ID_TOKEN_REQUEST_URL is not a URL (got ${JSON.stringify(cap(redactSecrets(base), 80))}): the runner sets it, do not override it.`,
    );
  }
  const connections = new Connections(false);
  let attempts = 0;
  try {
    const policy = {
      ...options,
      attempts: ATTEMPTS,
      baseDelayMs: options.retryBaseMs ?? 1000,
    };
    return await withRetries(policy, async () => {
      attempts++;
      return requestToken(connections, url, bearer, options);
    });
  } catch (error) {
    if (error instanceof KeylessError) throw error;
    const text = (error as ApiError).message;
    throw new KeylessError(
      `Could not get the workflow's OIDC token from GitHub (${attempts} attempt${attempts > 1 ? 's' : ''}): ${text}`,
    );
  } finally {
    connections.dispose();
  }
}

async function requestToken(
  connections: Connections,
  url: URL,
  bearer: string,
  options: IdTokenOptions,
): Promise<string> {
  const started = now();
  let answer;
  try {
    answer = await exchange(connections, {
      method: 'GET',
      url,
      headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` },
      timeoutMs: attemptTimeout(options),
      signal: options.signal,
      maxAnswerBytes: MAX_ANSWER_BYTES,
    });
  } catch (error) {
    // Asking for a token twice only issues two tokens: a lost answer is a plain failure to retry.
    throw exchangeError(error, { action: ACTION, idempotent: true });
  }
  options.debug?.(`GET ${url.origin}${url.pathname} -> HTTP ${answer.status} in ${now() - started} ms`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    parsed = undefined;
  }
  if (answer.status < 200 || answer.status >= 300) {
    const message = (parsed as { message?: unknown } | undefined)?.message;
    const fields =
      typeof message === 'string' && message !== '' ? { message: cap(redactSecrets(message), 500) } : {};
    throw new ApiError(answerDetails(ACTION, answer, fields), undefined, () => undefined);
  }
  const value = (parsed as { value?: unknown } | undefined)?.value;
  if (typeof value !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) {
    throw new KeylessError(
      `${ACTION} (ACTIONS_ID_TOKEN_REQUEST_URL) answered HTTP ${answer.status} without a token: ${describeValue(parsed, value)}. Re-run the job; if it persists, check GitHub's status page.`,
    );
  }
  return value;
}

/** request-timeout, or what is left before the deadline when that is less. */
export function attemptTimeout(options: { requestTimeoutMs: number; deadline?: number }): number {
  if (options.deadline === undefined) return options.requestTimeoutMs;
  return Math.max(1, Math.min(options.requestTimeoutMs, options.deadline - now()));
}

/** What the answer held instead of a token; never the value itself, which may be a token after all. */
function describeValue(parsed: unknown, value: unknown): string {
  if (parsed === undefined) return 'the body is not JSON';
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'the body is not a JSON object';
  if (value === undefined || value === null) return 'it has no "value" field';
  if (typeof value !== 'string')
    return `its "value" is ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}, not a string`;
  return value === '' ? 'its "value" is empty' : 'its "value" is not a JWT (three base64url parts)';
}

/** Why there is no token, and the exact change that gives one (or why none can). */
export function missingTokenMessage(env: Env): string {
  const fork = forkOf(env);
  if (fork) {
    return `Keyless authentication cannot work in this run: it is for a pull request from the fork ${fork}, and GitHub never gives workflows triggered by a fork's pull request an OIDC token (nor secrets), whatever their permissions say. Deploy from a push, a workflow_dispatch or a pull request from a branch of this repository.`;
  }
  // One line: an annotation shows one, and the line to add must survive intact.
  return "Keyless authentication needs the workflow's OIDC token, but this job may not request one (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add the line `id-token: write` under `permissions:` of the job or the workflow, for example `permissions: { id-token: write, contents: read }` (once a workflow lists permissions the others are none: keep contents: read for actions/checkout).";
}

/** The fork's owner/name when this run is a pull_request event whose head is another repository. */
function forkOf(env: Env): string | undefined {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { head?: { repo?: { full_name?: unknown } | null } };
      repository?: { full_name?: unknown };
    };
    const head = event.pull_request?.head?.repo?.full_name;
    const base = event.repository?.full_name ?? env.GITHUB_REPOSITORY;
    if (typeof head === 'string' && head !== base) return safeText(head);
  } catch {
    // No readable event: nothing to say about forks.
  }
  return undefined;
}

/** The claims an STS refusal is explained with; never the token itself. */
export function describeToken(jwt: string): string {
  try {
    const claims = decodeJwt(jwt);
    const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : claims.aud;
    return `iss "${safeText(claims.iss)}", aud "${safeText(aud)}", sub "${safeText(claims.sub)}"`;
  } catch {
    return 'a token that could not be decoded';
  }
}

/** Untrusted text for one log line: printable, short. */
function safeText(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean;
}
