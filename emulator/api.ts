// The contract between the HTTP plumbing (server.ts) and the two API families: what a handler
// receives, what it returns, and the gateway-level answers both families share.
import type { IncomingHttpHeaders } from 'node:http';
import { hex32 } from './ids.js';
import { ParamError } from './validate.js';
import type { Job, JobStore } from './jobs.js';
import type { FleetModel } from './fleet.js';
import type { ObsStore } from './obs.js';
import type { ApiResponse } from './response.js';
import type { Family, ResolvedOptions } from './types.js';
import { typeName } from './validate.js';

export type { ApiResponse } from './response.js';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** How the gateway authenticated the caller. */
  scheme: 'token' | 'aksk';
  now: number;
}

export interface Route {
  family: Family;
  method: string;
  /** Anchored regex on the path; capture groups become params. */
  pattern: RegExp;
  handle(req: ApiRequest, params: string[]): ApiResponse;
}

/** A family's handler for one route, after its shared checks (auth, project, JSON body). */
export type Handler = (
  ctx: FamilyContext,
  req: ApiRequest,
  params: string[],
  body: Record<string, unknown>,
) => ApiResponse;

export interface FamilyContext {
  options: ResolvedOptions;
  jobs: JobStore;
  obs: ObsStore;
  fleet: FleetModel;
}

/**
 * `pm list packages` as a target answers it when `job` ends. Installs whose jobs nobody has looked
 * at yet count: their checks (JobSpec.check) are settled first.
 */
export function installedPackages(ctx: FamilyContext, job: Job, filter: string): string {
  ctx.jobs.settle();
  return ctx.fleet.pmList(job.target, filter, job.finishAt);
}

/**
 * An app command (smoke check) as the target answers it when `job` ends; undefined for other commands.
 * On a target set to fail commands that exit non-zero, such a job becomes a failed one without output.
 */
export function appAnswer(ctx: FamilyContext, job: Job, command: string): string | undefined {
  ctx.jobs.settle();
  const answer = ctx.fleet.appCommand(job.target, command, job.finishAt);
  if (answer !== undefined && ctx.fleet.apps.failsWithExitStatus(job.target, command, answer))
    job.outcome = { status: 'failed', output: '' };
  return answer;
}

function apigwError(status: number, code: string, message: string): ApiResponse {
  return { status, body: { error_code: code, error_msg: message, request_id: hex32() } };
}

export const notFound = (): ApiResponse =>
  apigwError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');

export const unauthorized = (message: string): ApiResponse => apigwError(401, 'APIGW.0301', message);

/**
 * A POST body must be JSON sent as JSON: a Java backend behind the gateway will not bind a body
 * declared as text/plain, and a client that forgets Content-Type has a real bug.
 */
function parseJsonBody(req: ApiRequest): { ok: true; value: unknown } | { ok: false; message: string } {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(contentType)) {
    return {
      ok: false,
      message: `Content-Type must be application/json, got "${req.headers['content-type'] ?? ''}"`,
    };
  }
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '') return { ok: false, message: 'request body is empty' };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: `request body must be a JSON object, got ${typeName(value)}` };
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, message: `request body is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * The tail both families share: parse a POST body, run the handler, and turn a parameter error into
 * the family's own bad-parameter answer (`code` is the error's own code, when it has one).
 */
export function handleWithBody(
  ctx: FamilyContext,
  req: ApiRequest,
  params: string[],
  handler: Handler,
  badParameter: (code: string | undefined, message: string, fromHandler: boolean) => ApiResponse,
): ApiResponse {
  let body: Record<string, unknown> = {};
  if (req.method === 'POST') {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return badParameter(undefined, parsed.message, false);
    body = parsed.value as Record<string, unknown>;
  }
  try {
    return handler(ctx, req, params, body);
  } catch (e) {
    if (e instanceof ParamError) return badParameter(e.code, e.message, true);
    throw e;
  }
}
