/** Where we know what usually causes a service error, say it: the reader is a person fixing a pipeline at 2 a.m. */
const HINTS: Record<string, string> = {
  'APIGW.0301':
    'The gateway rejected the credentials: check access-key/secret-key (or auth-token), that the key is active, and that the runner clock is correct.',
  'APIGW.0308': 'The API gateway throttled the request; lower max-concurrency or retry later.',
  'APIG.0308': 'The API gateway throttled the request; lower max-concurrency or retry later.',
  'KOOPHONE.API.0001':
    'KooPhone rejected the credentials: check access-key/secret-key (or auth-token), project-id and the runner clock.',
  'APIGW.0101': 'No such API at this endpoint: check the endpoint and region inputs.',
  'CPS.0001':
    'The account lacks the IAM permission for this Cloud Phone action (CPH FullAccess or a custom policy).',
  'CPS.0003': 'Cloud Phone reported a transient system error; re-run the failed targets later.',
  'CPS.0005': 'The phone does not exist in this project/region.',
  'CPS.0006': 'The account is in arrears: top up the account in the Huawei Cloud console.',
  'CPS.0007': 'The account is frozen: contact Huawei Cloud support.',
  'CPS.0016': 'The server id is not valid in this project/region: check the servers input and project-id.',
  'CPS.0097': 'The server id is not valid in this project/region: check the servers input and project-id.',
  'KOOPHONE.API.0002': 'The x-request-id header was missing: this is a bug in the action, please report it.',
  'KOOPHONE.API.1000': 'A request parameter was rejected; the message names it.',
  'KOOPHONE.API.1001':
    'No permission on these instances: check that the instance ids are right and belong to this account (a wrong id gives this code), and that the identity may act on KooPhone instances. The other calls went on.',
  'KOOPHONE.API.1002':
    'The instances of one call are in different regions: KooPhone takes instances of one region per call, so run the action once per region.',
  'KOOPHONE.API.1012':
    'Some instances do not belong to this tenant: check the instances input and the account.',
  'KOOPHONE.API.1323': 'The task does not exist (it may have expired).',
  'KOOPHONE.API.3008': 'fast_install must be 0 or 1.',
  'KOOPHONE.API.9999': 'KooPhone reported an internal error; re-run the failed targets later.',
  'KOOPHONE.API.62005': 'This app package already exists for the tenant.',
  'KOOPHONE.API.62006': 'The app size is not a number or the package is too large.',
  'KOOPHONE.API.62016': 'The tenant has used up its quota for uploaded app packages.',
};

/** Codes that usually mean missing credentials or IAM permissions: their hints link to docs/permissions.md. */
const PERMISSION_CODES = new Set(['APIGW.0301', 'KOOPHONE.API.0001', 'KOOPHONE.API.1001', 'CPS.0001']);

/**
 * Where docs/permissions.md of the running action is. The runner names the action's repository and ref in
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF ("Variables" reference, GitHub Actions docs); they are empty for a
 * local action (`uses: ./`), and are checked before they reach a log line.
 */
export function permissionsPage(env: NodeJS.ProcessEnv = process.env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  if (
    /^https:\/\/[\w.-]+(:\d+)?$/.test(server) &&
    /^[\w.-]+\/[\w.-]+$/.test(repo) &&
    /^[\w./-]+$/.test(ref)
  ) {
    return `${server}/${repo}/blob/${ref}/docs/permissions.md`;
  }
  return "docs/permissions.md in the action's repository";
}

/** A permission hint with the page that lists, per operation, the IAM actions and the bucket grant. */
export function withPermissionsPage(hint: string): string {
  return `${hint} What each operation needs: ${permissionsPage()}`;
}

export function hintFor(code: string | undefined, status?: number): string | undefined {
  if (code && HINTS[code]) return PERMISSION_CODES.has(code) ? withPermissionsPage(HINTS[code]) : HINTS[code];
  if (status === 401 || status === 403) return withPermissionsPage(HINTS['APIGW.0301'] as string);
  if (status === 429) return HINTS['APIGW.0308'];
  return undefined;
}

export interface ApiErrorDetails {
  /** What we were doing, e.g. "KooPhone install app". */
  action: string;
  status?: number;
  code?: string;
  serviceMessage?: string;
  requestId?: string;
  /** Transport-level failure: the kind tells retry logic whether the service may have acted. */
  network?: 'connect' | 'timeout' | 'reset' | 'aborted' | 'tls' | 'abandoned';
  retryAfterMs?: number;
  /** The body was not the JSON the service documents (HTML error page, truncated JSON...). */
  unparseable?: boolean;
}

/** Any failure talking to a service: HTTP error, error body, network failure or an unexpected response shape. */
export class ApiError extends Error {
  readonly details: ApiErrorDetails;
  readonly hint?: string;
  /** `hints` lets a service with its own codes (OBS) explain them instead of the API table. */
  constructor(details: ApiErrorDetails, reason?: string, hints: typeof hintFor = hintFor) {
    const hint = hints(details.code, details.status);
    const parts = [
      details.code,
      details.serviceMessage ?? reason,
      details.status ? `HTTP ${details.status}` : undefined,
      details.requestId ? `request id ${details.requestId}` : undefined,
    ].filter(Boolean);
    super(`${details.action} failed: ${parts.join(', ')}${hint ? `. Hint: ${hint}` : ''}`);
    this.name = 'ApiError';
    this.details = details;
    this.hint = hint;
  }

  /**
   * A submit that failed this way may still have started jobs: the answer was lost or the service
   * broke midway. Such targets are reported as unknown and never resubmitted.
   */
  get mayHaveActed(): boolean {
    const { status, code, network, unparseable } = this.details;
    if (network) return network === 'timeout' || network === 'reset' || network === 'abandoned';
    if (unparseable) return true;
    if (status !== undefined && status >= 500 && status !== 503) return true;
    return code === 'KOOPHONE.API.9999';
  }

  /**
   * Failures of the credentials themselves, that every further submit would repeat: gateway
   * authentication errors (APIGW.0301 and its siblings, KOOPHONE.API.0001), a missing IAM permission
   * for the action (CPS.0001), or a bare 401/403. A service code about some targets, such as
   * KOOPHONE.API.1001 (HTTP 401, no permission on these instances), fails only its own call.
   */
  get isAuthFailure(): boolean {
    const { status, code } = this.details;
    if (code?.startsWith('KOOPHONE.API.')) return code === 'KOOPHONE.API.0001';
    if (code !== undefined && /^APIGW?\./.test(code)) return isGatewayAuthCode(code);
    return status === 401 || status === 403 || code === 'CPS.0001';
  }
}

/** API gateway authentication codes, APIGW.03xx or APIG.03xx, except 0308 (throttling). */
function isGatewayAuthCode(code: string): boolean {
  return /^APIGW?\.03\d\d$/.test(code) && !code.endsWith('.0308');
}

/** Throttling, as the gateway spells it in both its generations. */
export function isThrottled(code: string | undefined): boolean {
  return code === 'APIGW.0308' || code === 'APIG.0308';
}
