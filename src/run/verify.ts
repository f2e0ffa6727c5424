import type { FamilyClient } from '../api/family.js';
import type { Job } from '../api/jobs.js';
import type { Route, SubmitCall } from '../api/calls.js';
import { cphCommandCalls } from '../operations/cph-commands.js';
import { waitForJobs } from './poll.js';
import { submitAll } from './submit.js';
import { chunk } from '../inputs/target-list.js';

/** What a target said about one package. */
export type Installed =
  /** Android's long versionCode (versionCodeMajor in its high 32 bits): exact, as a BigInt. */
  | { kind: 'installed'; versionCode: bigint }
  | { kind: 'missing' }
  /**
   * The query did not tell: it failed or timed out, or its answer may have been cut, was not the
   * output of `pm list packages`, or came from a `pm` that does not show versionCode.
   */
  | { kind: 'unknown'; reason: string };

/** async-command takes 32 instances a call (stricter of two pages, as run-command uses). */
const INSTANCES_PER_CALL = 32;

/**
 * Both command APIs keep at most this much of a command's output (KooPhone async-command and CPH
 * BatchRunCommands pages): an answer this long may have lost its end.
 */
const OUTPUT_LIMIT_BYTES = 1024;

/** Android's versionCode is a Java long (PackageInfo.getLongVersionCode). */
const MAX_VERSION_CODE = 2n ** 63n - 1n;

/** The command, within the content rule of both command APIs (letters, digits, space, _ . / : -). */
function versionQuery(packageName: string): string {
  return `pm list packages --show-versioncode ${packageName}`;
}

/**
 * Reads `pm list packages --show-versioncode` output. The filter matches substrings, so only the line
 * naming exactly this package counts. Nothing is believed that the answer does not show whole: the
 * last line of an answer that may have been cut is unknown (`versionCode:1234` cut reads 12), and
 * a package absent from such an answer may be in the part that was cut. `missing` needs a whole
 * answer made only of `pm`'s own lines.
 */
export function parseVersion(output: string, packageName: string): Installed {
  const cut = Buffer.byteLength(output, 'utf8') >= OUTPUT_LIMIT_BYTES;
  const lines = output.split(/\r?\n/);
  // A line not ended by a line break may be shortened by the cut.
  if (cut) lines.pop();
  let foreign: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^package:(\S+?)(?: versionCode:(\S+))?$/.exec(line);
    if (!m) {
      foreign ??= line;
      continue;
    }
    if (m[1] !== packageName) continue;
    const code = m[2];
    if (code === undefined) {
      return {
        kind: 'unknown',
        reason: `the target's pm lists ${packageName} without a versionCode (pm list packages --show-versioncode needs Android 8 or later)`,
      };
    }
    if (!/^\d{1,20}$/.test(code) || BigInt(code) > MAX_VERSION_CODE) {
      return {
        kind: 'unknown',
        reason: `the target reported versionCode "${code.slice(0, 40)}", which no Android package can have`,
      };
    }
    return { kind: 'installed', versionCode: BigInt(code) };
  }
  if (foreign !== undefined) {
    return {
      kind: 'unknown',
      reason: `the answer is not a package list (its pm may not know --show-versioncode, which needs Android 8 or later): "${foreign.slice(0, 120)}"`,
    };
  }
  if (cut) {
    return {
      kind: 'unknown',
      reason: `the answer was cut at ${OUTPUT_LIMIT_BYTES} bytes before any whole line for ${packageName}: too many installed packages match its name`,
    };
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
