// Public types of the emulator. Kept apart from the implementation so that tests, benchmarks and
// the CLI can import them without pulling in the server.
import type { FleetModel } from './fleet.js';

import type { OidcIssuer, OidcOptions } from './oidc.js';
import type { StsOptions, StsService } from './sts.js';

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  errorCode?: string;
  errorMessage?: string;
  output?: string;
  durationMs?: number;
}

export type TargetKind = 'instance' | 'server' | 'phone';

export interface EmulatorOptions {
  /** Default 0: a random free port. The server always listens on 127.0.0.1. */
  port?: number;
  /** Accepted X-Auth-Token. */
  token?: string;
  accessKey?: string;
  secretKey?: string;
  /** The only CPH project id accepted in paths (and in X-Project-Id for signed KooPhone calls). */
  projectId?: string;
  /** How long a job stays running (status 1) before reaching its final state. */
  jobDurationMs?: number;
  /** Phones per server for deploy-app-version job_type 32. */
  phonesPerServer?: number;
  /**
   * How KooPhone GetTask reports install-app jobs. 'sdk' (default): the newest Java SDK's
   * JobDetail.status, 0 not run yet (the first half of the job's time), 1 running, 2 succeeded,
   * 3 failed. 'pages': the API pages' 1/2/-1. Async commands report 1/2/-1 either way.
   */
  kooInstallStates?: 'sdk' | 'pages';
  outcome?: (target: string, kind: TargetKind) => JobOutcome | undefined;
  /** CPH server/phone ids rejected per target; KooPhone instance ids that fail a whole submit. */
  unknownTargets?: string[];
  /** OBS buckets that do not exist (404 NoSuchBucket); any other valid bucket name exists. */
  missingBuckets?: string[];
  /** One line per request on stderr. */
  log?: boolean;
  /** Keep each API answer's JSON body in `requests[].response` (contract tests); off to save memory. */
  recordResponses?: boolean;
  /** GitHub's OIDC token service (the job's identity) for keyless runs. */
  oidc?: Partial<OidcOptions>;
  /** Huawei STS: the OIDC provider and agency it trusts, and test-only time scaling. */
  sts?: Partial<StsOptions>;
  /**
   * TEST-ONLY (no such thing in a real service): the clock jobs run on, epoch ms. Tests that run the
   * action on a scaled clock give the emulator the same one, so a 1 s job passes in a few ms. Request
   * signing, OBS URLs and STS stay on real time. Default Date.now.
   */
  jobClock?: () => number;
}

export type ResolvedOptions = Required<EmulatorOptions>;

export type Family = 'koophone' | 'cph' | 'obs' | 'other';

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The connecting peer: tells a request that came through a proxy from one that came direct. */
  remoteAddress: string;
  /** The peer's port: requests with the same one came on the same connection. */
  remotePort: number;
  rawBody: string;
  body: unknown;
  /** 0 while unanswered, and for requests that were reset or hung. */
  status: number;
  time: number;
  family: Family;
  /** The JSON body answered, for API families, when the emulator runs with recordResponses. */
  response?: unknown;
}

export interface Fault {
  method?: string;
  /** A path prefix, or a regex tested on the path without query. */
  path?: string | RegExp;
  /** Only the nth matching request (1-based). */
  nth?: number;
  /** Apply at most this many times. */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  reset?: boolean;
  hang?: boolean;
  /** Apply after the real handler ran: "the service acted but the answer was lost". */
  afterEffect?: boolean;
  /** Flip one byte of the request body before the handler sees it: bytes damaged in transit. */
  corruptBody?: boolean;
}

/** Load figures since start or the last reset(). */
export interface EmulatorStats {
  /** Requests received, answered or not. */
  requests: number;
  /** Requests received and not yet answered (or dropped) right now. */
  inFlight: number;
  /** The most requests in flight at the same moment. */
  peakInFlight: number;
}

/** OBS figures since start or the last reset(). */
export interface ObsStats {
  /** Multipart parts stored (answered 200). */
  partsReceived: number;
  /** The most part uploads being received at the same moment. */
  maxConcurrentPartUploads: number;
  uploadsInitiated: number;
  uploadsCompleted: number;
  uploadsAborted: number;
  /** Multipart uploads initiated and neither completed nor aborted. */
  openUploads: number;
  /** Object bytes received in PUT object and upload-part bodies, refused ones included. */
  objectBytesReceived: number;
  /**
   * Multipart objects hashed whole: each at most once, when an install job first downloads it,
   * never while it is uploaded or completed (a real OBS never hashes a multipart object whole).
   */
  multipartObjectsHashed: number;
}

export interface Emulator {
  url: string;
  requests: RecordedRequest[];
  options: ResolvedOptions;
  setOutcome(target: string, outcome: JobOutcome): void;
  addFault(f: Fault): void;
  clearFaults(): void;
  jobsPerTarget(): Map<string, number>;
  duplicateTargets(): string[];
  lastJobFinishedAt(): number | undefined;
  stats(): EmulatorStats;
  /** Stores an object in the emulated OBS (bucket names must be valid; missingBuckets still hide it). */
  putObject(bucket: string, key: string, data: Buffer): void;
  getObject(bucket: string, key: string): Buffer | undefined;
  /** A path-style pre-signed GET URL of this emulator, signed with its AK/SK; a negative expiry gives an expired URL. */
  presignedUrl(bucket: string, key: string, expiresInSeconds: number): string;
  obsStats(): ObsStats;
  /** GitHub's token service: sign tokens, read its issuer and request URL. */
  oidc: OidcIssuer;
  sts: StsService;
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN as the runner sets them with `id-token: write`. */
  idTokenEnv(): Record<string, string>;
  /** Servers, phones, instances, their states and installed packages (emulator/fleet.ts). */
  fleet: FleetModel;
  reset(): void;
  close(): Promise<void>;
}
