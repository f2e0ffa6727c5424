/**
 * Credentials as the HTTP clients see them. Permanent keys and tokens are fixed values; keyless
 * credentials are a session that is asked for keys on every request, so that a renewal made
 * during a long wait reaches every later request (and no request signs with keys about to expire).
 */

/** AK/SK, with the security token of temporary keys. */
export interface AkSk {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** Temporary keys that renew themselves: `current()` may exchange a new ID token first. */
export interface CredentialSession {
  current(): Promise<AkSk>;
  /** When the keys `current()` would return now stop working. */
  readonly expiration: Date;
}

/** The keyless inputs, validated; see keyless.ts. */
export interface KeylessSettings {
  agencyUrn: string;
  providerUrn: string;
  /** undefined: GitHub's default audience (https://github.com/<owner>). */
  audience?: string;
  durationSeconds: number;
  sessionName: string;
  stsEndpoint: string;
  exportCredentials: boolean;
  /** Key variables in the environment that keyless ignores (said in a notice). */
  ignoredEnv: string[];
}

/** What a keyless run needs besides the keyless inputs. */
export interface KeylessRun {
  keyless: KeylessSettings;
  region?: string;
  projectId?: string;
  dryRun: boolean;
  requestTimeoutMs: number;
  /** The whole run, the exchange included, from the step's start. */
  waitTimeoutMs: number;
}

export type Credentials =
  | ({ kind: 'aksk' } & AkSk)
  | { kind: 'token'; token: string }
  | { kind: 'keyless'; keyless: KeylessSettings; session?: CredentialSession };
