/**
 * The workflow's identity: GitHub's OIDC ID token, through @actions/core (loaded only by keyless
 * runs), retried on transient failures, with messages that say how to fix a missing permission.
 */
import { readFileSync } from 'node:fs';
import { ApiError } from '../http/errors.js';
import { withRetries } from '../http/retry.js';
import { decodeJwt } from './jwt-claims.js';

/** A keyless failure whose message already says what to change. */
export class KeylessError extends Error {
  override name = 'KeylessError';
}

type Env = Record<string, string | undefined>;

const ATTEMPTS = 3;

export async function getIdToken(
  audience: string | undefined,
  env: Env,
  options: { signal?: AbortSignal; debug?: (m: string) => void; retryBaseMs?: number } = {},
): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    throw new KeylessError(missingTokenMessage(env));
  // Eager mode: bundled into dist/index.js, evaluated only by keyless runs.
  const core = await import(/* webpackMode: "eager" */ '@actions/core');
  let attempts = 0;
  try {
    const policy = { ...options, attempts: ATTEMPTS, baseDelayMs: options.retryBaseMs ?? 1000 };
    return await withRetries(policy, async () => {
      attempts++;
      return core.getIDToken(audience).catch((error: unknown) => {
        throw tokenRequestError(error);
      });
    });
  } catch (error) {
    const text = (error as ApiError).details?.serviceMessage ?? (error as Error).message;
    throw new KeylessError(
      `Could not get the workflow's OIDC token from GitHub (${attempts} attempt${attempts > 1 ? 's' : ''}): ${text}`,
    );
  }
}

/**
 * core reports the token service's failures as text only, with the status in it ("Error Code : 500");
 * text without one is a network failure. As an ApiError, they take the retry rules every call takes.
 */
function tokenRequestError(error: unknown): ApiError {
  const text = (error as Error).message.replace(/\s+/g, ' ').trim();
  const status = Number(/Error Code : (\d+)/.exec(text)?.[1] ?? NaN);
  return new ApiError(
    {
      action: 'GitHub OIDC token request',
      serviceMessage: text,
      ...(Number.isNaN(status) ? { network: 'reset' as const } : { status }),
    },
    undefined,
    () => undefined,
  );
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
