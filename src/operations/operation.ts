import type { InputReader } from '../inputs/reader.js';
import type { TargetType } from '../run/jobs.js';
import type { CommonSettings } from '../inputs/settings.js';

export type Family = 'koophone' | 'cph';

/** One API call that starts jobs on a slice of the targets. */
export interface SubmitCall {
  /** KooPhone: full path. CPH: path below /v1/{project_id}/cloud-phone. */
  path: string;
  body: unknown;
  targets: string[];
  /**
   * The answer has one row per phone of these servers (CPH `phones/commands` with `server_ids`,
   * SDK PhoneJob): those phones are the expected results, each named with its server.
   */
  answersPerPhone?: boolean;
}

/** Which API a run talks to and what its targets are, decided by the inputs. */
export interface Route {
  family: Family;
  targetType: TargetType;
  /** Shown in messages: "KooPhone install app". */
  title: string;
}

/** Work an operation does before submitting, e.g. inspecting and uploading an APK. */
export interface PrepareContext {
  settings: CommonSettings;
  dryRun: boolean;
  signal?: AbortSignal;
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** A notice annotation: something the user should know that is not a problem. */
  notice?: (message: string) => void;
  mask: (secret: string) => void;
  /** Extra outputs the operation reports (e.g. apk-url, obs-object). */
  outputs: Map<string, string>;
}

/**
 * An operation knows its inputs and the request it sends; transport, polling and reporting are
 * shared. Adding an operation means one file like run-command.ts plus one line in index.ts.
 */
export interface Operation<P = unknown> {
  name: string;
  /** Reads and validates the operation's own inputs; throws InputError. */
  readParams(reader: InputReader, common: CommonSettings): P;
  route(params: P): Route;
  /** Optional step between validation and submitting; nothing may be sent to the fleet here. */
  prepare?(params: P, context: PrepareContext): Promise<void>;
  /** Splits the targets over the API's per-call limit. */
  buildCalls(params: P, common: CommonSettings): SubmitCall[];
}

export function defineOperation<const N extends string, P>(
  op: Operation<P> & { name: N },
): Operation<P> & { name: N } {
  return op;
}
