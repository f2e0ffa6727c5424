import type { InputReader } from '../inputs.js';
import type { TargetType } from '../jobs.js';
import type { CommonSettings } from '../settings.js';

export type Family = 'koophone' | 'cph';

/** One API call that starts jobs on a slice of the targets. */
export interface SubmitCall {
  /** KooPhone: full path. CPH: path below /v1/{project_id}/cloud-phone. */
  path: string;
  body: unknown;
  targets: string[];
}

/**
 * An operation knows its inputs and the request it sends; transport, polling and reporting are
 * shared. Adding an operation means one file like install-app.ts plus one line in index.ts.
 */
export interface Operation<P = unknown> {
  name: string;
  /** Shown in messages: "KooPhone install app". */
  title: string;
  family: Family;
  targetType: TargetType;
  /** Reads and validates the operation's own inputs; throws InputError. */
  readParams(reader: InputReader, common: CommonSettings): P;
  /** Splits the targets over the API's per-call limit. */
  buildCalls(params: P, common: CommonSettings): SubmitCall[];
}

export function defineOperation<const N extends string, P>(
  op: Operation<P> & { name: N },
): Operation<P> & { name: N } {
  return op;
}
