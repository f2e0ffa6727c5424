/**
 * The one retry loop. What is worth another attempt differs by call (a poll, a submit, an OBS part,
 * a token exchange) and comes in with the policy; how long to wait does not: the service's
 * Retry-After when it sent one, otherwise jittered exponential backoff, never past the deadline,
 * and on the swappable clock so that tests run retry timing scaled.
 */
import { ApiError } from './errors.js';
import { cancelledError } from './error-mapping.js';
import { backoffDelay, now, sleep } from './timing.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /**
   * Whether another attempt may succeed, and is safe; transient failures by default, for calls that
   * may be repeated. Only ApiErrors are ever retried.
   */
  retryable?: (error: ApiError) => boolean;
  /** The first backoff step, doubled each attempt. */
  baseDelayMs: number;
  /** Stops waiting, and attempting, once aborted. */
  signal?: AbortSignal;
  /** No retry whose wait would end after this epoch-ms time. */
  deadline?: number;
  debug?: (message: string) => void;
}

export async function withRetries<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const { signal, deadline } = policy;
      if (
        !(error instanceof ApiError) ||
        !(policy.retryable ?? isTransientFailure)(error) ||
        n >= policy.attempts ||
        signal?.aborted
      )
        throw error;
      const delay = error.details.retryAfterMs ?? backoffDelay(n, policy.baseDelayMs);
      if (deadline !== undefined && now() + delay > deadline) throw error;
      policy.debug?.(`${error.message}; retry ${n} in ${delay} ms`);
      await sleep(delay, signal);
      if (signal?.aborted) throw cancelledError(error.details.action);
    }
  }
}

/**
 * Worth another attempt for any call that may be repeated: the path to the service failed (but not
 * its TLS, which would fail again), or the service said it is busy or broken for now.
 */
export function isTransientFailure(error: ApiError): boolean {
  const { status, network } = error.details;
  if (network) return network === 'connect' || network === 'timeout' || network === 'reset';
  return status === 429 || (status !== undefined && status >= 500);
}
