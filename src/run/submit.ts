import { ApiError } from '../http/errors.js';
import type { FamilyClient } from '../api/family.js';
import type { Job } from '../api/jobs.js';
import type { Route, SubmitCall } from '../api/calls.js';
import { mapLimit, now as clockNow } from '../http/timing.js';

export interface SubmitOutcome {
  jobs: Job[];
  batchIds: string[];
  /** One line per failed submit call, for the summary. */
  errors: string[];
  /** Set when a credential or permission error stopped the remaining submits. */
  authError?: ApiError;
}

/**
 * Sends every call, a few at a time. A failed call only affects its own targets: the others are still
 * submitted and polled. A credential or permission error stops further submits, which would fail alike.
 */
export async function submitAll(
  calls: SubmitCall[],
  route: Route,
  family: FamilyClient,
  options: { concurrency: number; signal?: AbortSignal; deadline?: number; now?: () => number },
): Promise<SubmitOutcome> {
  const outcome: SubmitOutcome = { jobs: [], batchIds: [], errors: [] };
  const perCall = await mapLimit(calls, options.concurrency, async (call): Promise<Job[]> => {
    const skipped = outcome.authError
      ? `not submitted: an earlier call was refused (${outcome.authError.details.code ?? `HTTP ${outcome.authError.details.status}`})`
      : options.signal?.aborted
        ? 'not submitted: the run was cancelled'
        : options.deadline !== undefined && (options.now ?? clockNow)() >= options.deadline
          ? 'not submitted: wait-timeout passed before this call could be sent'
          : undefined;
    if (skipped) return failAll(call, route, 'failed', undefined, skipped);
    try {
      // On cancel the transport abandons an in-flight submit (unknown) and sends nothing new (failed).
      const batch = await family.submit(call, route);
      outcome.batchIds.push(batch.id);
      return batch.jobs;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcome.errors.push(`${call.targets.length} target(s): ${error.message}`);
      if (error.isAuthFailure) outcome.authError ??= error;
      return error.mayHaveActed
        ? failAll(
            call,
            route,
            'unknown',
            error.details.code,
            `the submit failed ambiguously and may have started this job: ${error.message}`,
          )
        : failAll(call, route, 'failed', error.details.code, error.message);
    }
  });
  outcome.jobs = perCall.flat();
  return outcome;
}

function failAll(
  call: SubmitCall,
  route: Route,
  status: 'failed' | 'unknown',
  errorCode: string | undefined,
  errorMessage: string,
): Job[] {
  return call.targets.map((target) => ({
    target,
    targetType: route.targetType,
    status,
    errorCode,
    errorMessage,
    ...(call.answersPerPhone ? { server: target, fanOut: 'server' as const } : {}),
  }));
}
