import type * as z from '../zod.js';
import { ApiError } from '../http/errors.js';
import type { ApiResponse } from './transport.js';

/**
 * Validates a response body against its documented shape. A mismatch names the field and the
 * request id and counts as unparseable: polls retry it, a submit reports its targets as unknown.
 * Extra fields are ignored (zod objects strip them), so additions on the service side do not break us.
 */
export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  response: ApiResponse,
  action: string,
): z.infer<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(body)';
  throw new ApiError(
    { action, status: response.status, requestId: response.requestId, unparseable: true },
    `unexpected response: field '${field}' ${issue?.message ?? 'is invalid'}`,
  );
}
