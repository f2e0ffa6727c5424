import type { FamilyClient } from '../api/family.js';
import type { Job } from '../api/jobs.js';
import type { Route, SubmitCall } from '../api/calls.js';
import { cphCommandCalls } from '../operations/cph-commands.js';
import { waitForJobs } from './poll.js';
import { submitAll } from './submit.js';
import { chunk } from '../inputs/target-list.js';

/** What a target said about one package. */
export type Installed =
  | { kind: 'installed'; versionCode: number }
  | { kind: 'missing' }
  /** The query itself did not work (job failed, timed out, unparseable answer). */
  | { kind: 'unknown'; reason: string };

/** async-command takes 32 instances a call (stricter of two pages, as run-command uses). */
const INSTANCES_PER_CALL = 32;

/** The command, within the content rule of both command APIs (letters, digits, space, _ . / : -). */
function versionQuery(packageName: string): string {
  return `pm list packages --show-versioncode ${packageName}`;
}

/**
 * Reads `pm list packages` output. The filter matches substrings, so only the line naming exactly
 * this package counts; output is cut at 1,024 bytes by the service, so a cut last line is ignored.
 */
export function parseVersion(output: string, packageName: string): Installed {
  for (const line of output.split(/\r?\n/)) {
    const m = /^package:(\S+) versionCode:(\d+)\s*$/.exec(line.trim());
    if (m && m[1] === packageName) return { kind: 'installed', versionCode: Number(m[2]) };
  }
  return { kind: 'missing' };
}

export interface QueryContext {
  family: FamilyClient;
  targetType: 'instance' | 'phone';
  concurrency: number;
  pollIntervalMs: number;
  deadline: number;
  signal?: AbortSignal;
  /** Counts requests by purpose, for the benchmark and the log. */
  onBatch?: (calls: number) => void;
}

/** Asks every target, in batches (one command call per 32 instances or 100 phones), which versionCode it has. */
export async function queryVersions(
  targets: string[],
  packageName: string,
  ctx: QueryContext,
): Promise<Map<string, Installed>> {
  const result = new Map<string, Installed>();
  if (targets.length === 0) return result;
  const command = versionQuery(packageName);
  const route: Route =
    ctx.targetType === 'instance'
      ? { family: 'koophone', targetType: 'instance', title: 'KooPhone version query' }
      : { family: 'cph', targetType: 'phone', title: 'CPH version query' };
  const calls: SubmitCall[] =
    ctx.targetType === 'instance'
      ? chunk(targets, INSTANCES_PER_CALL).map((ids) => ({
          path: '/v1/instances/async-command',
          body: { command, instance_ids: ids },
          targets: ids,
        }))
      : cphCommandCalls({ type: 'phone', ids: targets }, 'shell', command);
  ctx.onBatch?.(calls.length);
  const submitted = await submitAll(calls, route, ctx.family, {
    concurrency: ctx.concurrency,
    signal: ctx.signal,
    deadline: ctx.deadline,
  });
  const waited = await waitForJobs(submitted.jobs, ctx.family, {
    intervalMs: ctx.pollIntervalMs,
    deadline: ctx.deadline,
    signal: ctx.signal,
  });
  for (const job of submitted.jobs) result.set(job.target, interpret(job, packageName, waited.end));
  for (const target of targets) {
    if (!result.has(target))
      result.set(target, { kind: 'unknown', reason: 'the query started no job on this target' });
  }
  return result;
}

function interpret(job: Job, packageName: string, end: string): Installed {
  if (job.status === 'succeeded') return parseVersion(job.output ?? '', packageName);
  if (job.status === 'running')
    return { kind: 'unknown', reason: `the version query did not finish (${end})` };
  const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
  return { kind: 'unknown', reason: `the version query failed${why ? `: ${why}` : ''}` };
}
