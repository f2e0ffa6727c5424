import * as z from '../zod.js';
import { ApiError } from '../http/errors.js';
import { parseBody } from './response.js';
import { errorFields } from '../http/error-mapping.js';
import type { ApiResponse, Transport } from './transport.js';

const nullableText = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? undefined),
);

const cmdJobs = z.array(z.object({ instance_id: z.string(), job_id: z.string() }));
const taskData = z.object({ task_id: z.string().check(z.minLength(1)), cmd_jobs: cmdJobs });

// The install page nests the task under data.data; the async-command page does not. Accept both,
// unwrapping first so that a validation error still names the field that is wrong.
const submitBody = z.object({
  data: z.pipe(
    z.transform((d: unknown) =>
      d !== null && typeof d === 'object' && 'data' in d ? (d as { data: unknown }).data : d,
    ),
    taskData,
  ),
});

const taskBody = z.object({
  data: z.object({
    jobs: z.array(
      z.object({
        job_id: z.string(),
        status: z.nullish(z.union([z.number(), z.string()])),
        error_code: nullableText,
        error_msg: nullableText,
        execute_msg: nullableText,
      }),
    ),
  }),
});

export type KooPhoneSubmitResult = z.infer<typeof taskData>;
export type KooPhoneTaskJob = z.infer<typeof taskBody>['data']['jobs'][number];

/** KooPhone signals most failures with HTTP 200 and error_code other than "0". */
function checkErrorCode(response: ApiResponse, action: string): void {
  const body = response.body as { error_code?: unknown } | undefined;
  if (body?.error_code === '0' || body?.error_code === 0) return;
  const { code, message } = errorFields(response.body);
  throw new ApiError({
    action,
    status: response.status,
    code,
    serviceMessage: message ?? 'error_code missing from the response',
    requestId: response.requestId,
    unparseable: code === undefined ? true : undefined,
  });
}

/**
 * ListInstances (batch-query) puts its code inside `data` (Java SDK ListInstancesResponse, whose only
 * field is `data`, an InstanceBatchQueryRspData with error_code and error_msg); the other KooPhone
 * calls put it at the top. A code may come at either level: a code other than "0" at either is a
 * failure, and at least one of them must be there.
 */
export function checkNestedErrorCode(response: ApiResponse, action: string): void {
  const body = response.body as { error_code?: unknown; data?: unknown } | undefined;
  const data =
    body?.data !== null && typeof body?.data === 'object'
      ? (body.data as { error_code?: unknown })
      : undefined;
  const levels = [body, data].filter((b) => b !== undefined && b.error_code != null);
  const ok = (code: unknown) => code === '0' || code === 0;
  if (levels.length > 0 && levels.every((b) => ok(b!.error_code))) return;
  const failing = levels.find((b) => !ok(b!.error_code));
  checkErrorCode({ ...response, body: failing ?? response.body }, action);
}

export class KooPhoneClient {
  constructor(private readonly transport: Transport) {}

  submit(path: string, body: unknown, action: string): Promise<KooPhoneSubmitResult> {
    return this.transport.send({ method: 'POST', path, body, action }, (response, a) => {
      checkErrorCode(response, a);
      return parseBody(submitBody, response, a).data;
    });
  }

  getTask(taskId: string): Promise<KooPhoneTaskJob[]> {
    const action = `KooPhone GetTask ${taskId}`;
    return this.transport.send(
      { method: 'GET', path: `/v1/instances/tasks/${encodeURIComponent(taskId)}`, action },
      (response, a) => {
        checkErrorCode(response, a);
        return parseBody(taskBody, response, a).data.jobs;
      },
    );
  }
}
