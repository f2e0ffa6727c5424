import type { TargetType } from '../inputs/fleet.js';

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
