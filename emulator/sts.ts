// Huawei STS `AssumeAgencyWithOIDC` and the temporary credentials it issues, which the gateway
// (KooPhone, CPH) and OBS then accept only with their security token and only until `expiration`.
// Sources, named per rule below:
//   [page]  API page "AssumeAgencyWithOIDC" (IAM v5 API reference, STS > temporary credentials)
//   [sdk]   huaweicloud-sdk-nodejs-v3 services/sts/v1 (StsClient, AssumeAgencyWithOIDCReqBody,
//           AssumeAgencyWithOIDCResponse, CredentialsDto, AssumedAgencyWithFederationDto)
//   [guide] IAM v5 user guide "Obtaining temporary security credentials"
//   inferred: not found in those sources; chosen to be at least as strict as the service is likely to be.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ApiResponse } from './response.js';
import { hex32 } from './ids.js';
import type { OidcIssuer } from './oidc.js';

/** [sdk] StsClient.assumeAgencyWithOIDC: POST /v5/agencies/assume-with-oidc. */
export const STS_PATH = '/v5/agencies/assume-with-oidc';

export interface StsOptions {
  /** The OIDC provider registered in IAM: its URN, its `url` (the token's iss) and client ids (accepted aud). */
  providerUrn: string;
  /** Default: the emulator's own OIDC issuer. */
  providerIssuer?: string;
  clientIds: string[];
  agencyUrn: string;
  /**
   * The agency's trust condition on oidc:sub ([page]: condition keys oidc:sub, oidc:aud, oidc:iss,
   * oidc:amr), as StringMatch patterns where `*` matches any run of characters (inferred semantics).
   */
  trustedSubjects: string[];
  /** [page] duration_seconds is capped by the agency's maximum session duration (1 h to 12 h). Default 1 h (inferred). */
  maxSessionSeconds: number;
  /**
   * TEST-ONLY, no such thing in the real service: credentials live `duration_seconds / timeScale`
   * seconds (and `expiration` says so), so renewal can be tested in seconds instead of 15 minutes.
   */
  timeScale: number;
  /** [guide] the security token has no fixed size, "typically under 4096 bytes". */
  securityTokenLength: number;
}

const STS_ACCOUNT = '0123456789abcdef0123456789abcdef';
export const STS_DEFAULTS: StsOptions = {
  providerUrn: `iam::${STS_ACCOUNT}:identity-provider:github-actions`,
  clientIds: ['https://github.com/octo-org'],
  agencyUrn: `iam::${STS_ACCOUNT}:agency:cloud-phone-deploy`,
  trustedSubjects: ['repo:octo-org/octo-repo:ref:refs/heads/main'],
  maxSessionSeconds: 3600,
  timeScale: 1,
  securityTokenLength: 1200,
};

interface Temporary {
  secretKey: string;
  securityToken: string;
  expiresAt: number;
}

/** Credentials the gateway or OBS should check a signature with, or why the caller is refused. */
export type KeyCheck =
  | { ok: true; secretKey: string; temporary: boolean }
  | { ok: false; reason: 'unknown' | 'token-missing' | 'token-invalid' | 'expired'; message: string };

const stsError = (status: number, code: string, message: string): ApiResponse => ({
  // Error body shape of the IAM v5 APIs (error_code, error_msg, request_id): inferred for STS.
  status,
  body: { error_code: code, error_msg: message, request_id: hex32() },
});

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomText = (n: number, alphabet: string) =>
  Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');

export class StsService {
  private readonly temporary = new Map<string, Temporary>();
  private jwks: { url: string; get: JWTVerifyGetKey } | undefined;
  /** Exchanges answered with credentials, for tests. */
  issuedCount = 0;

  constructor(
    readonly options: StsOptions,
    private readonly oidc: OidcIssuer,
  ) {}

  get providerIssuer(): string {
    return this.options.providerIssuer ?? this.oidc.issuer;
  }

  reset(): void {
    this.temporary.clear();
    this.issuedCount = 0;
  }

  /**
   * Which secret key verifies a signature made with `accessKey`. Temporary keys need their own
   * security token (API signing and OBS pages: X-Security-Token or x-obs-security-token) and stop working at
   * `expiration` (inferred: the service refuses expired keys at once, with no grace period).
   */
  check(accessKey: string, securityToken: string | undefined, now: number): KeyCheck | undefined {
    const t = this.temporary.get(accessKey);
    if (!t) return undefined;
    if (securityToken === undefined)
      return { ok: false, reason: 'token-missing', message: 'temporary AK sent without its security token' };
    if (securityToken !== t.securityToken)
      return { ok: false, reason: 'token-invalid', message: 'the security token does not belong to this AK' };
    if (now >= t.expiresAt)
      return { ok: false, reason: 'expired', message: 'the temporary credentials have expired' };
    return { ok: true, secretKey: t.secretKey, temporary: true };
  }

  /** Handles POST /v5/agencies/assume-with-oidc; undefined for other paths. */
  async handle(
    method: string,
    path: string,
    headers: Record<string, string | string[] | undefined>,
    raw: Buffer,
  ) {
    if (path !== STS_PATH) return undefined;
    if (method !== 'POST') return stsError(405, 'STS.0005', 'Method not allowed'); // inferred
    // [page] no Huawei credential is needed: the token itself authenticates the caller.
    const type = String(headers['content-type'] ?? '');
    if (!/^application\/json/i.test(type))
      return stsError(400, 'STS.0101', 'Content-Type must be application/json'); // inferred
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return stsError(400, 'STS.0101', 'The request body is not a JSON object'); // inferred
    }
    const invalid = (field: string, rule: string) =>
      stsError(400, 'STS.0101', `Invalid parameter ${field}: ${rule}`); // code and text inferred

    // [sdk] required: provider_urn, agency_urn, agency_session_name, id_token; optional
    // duration_seconds, policy, policy_ids. Unknown fields are refused (inferred: strict is safer).
    const known = [
      'id_token',
      'provider_urn',
      'agency_urn',
      'agency_session_name',
      'duration_seconds',
      'policy',
      'policy_ids',
    ];
    const extra = Object.keys(body).filter((k) => !known.includes(k));
    if (extra.length > 0) return invalid(extra[0]!, 'unknown field');
    for (const field of ['id_token', 'provider_urn', 'agency_urn', 'agency_session_name']) {
      if (typeof body[field] !== 'string' || body[field] === '')
        return invalid(field, 'is required (string)');
    }
    const idToken = body.id_token as string;
    const sessionName = body.agency_session_name as string;
    // AssumeAgencyWithOIDC page: 2..128 characters; the character set is inferred (letters, digits, _+=,.@-).
    if (sessionName.length < 2 || sessionName.length > 128)
      return invalid('agency_session_name', '2 to 128 characters');
    if (!/^[\w+=,.@-]+$/.test(sessionName))
      return invalid('agency_session_name', 'only letters, digits and _+=,.@-');
    // [page] 900 s to the agency's maximum session duration; default 3600.
    const duration = body.duration_seconds ?? 3600;
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 900 || duration > 43_200)
      return invalid('duration_seconds', 'an integer from 900 to 43200');
    if (duration > this.options.maxSessionSeconds) {
      return invalid(
        'duration_seconds',
        `${duration} exceeds the maximum session duration of the agency (${this.options.maxSessionSeconds})`,
      );
    }
    if (body.provider_urn !== this.options.providerUrn)
      return stsError(404, 'STS.0404', `Identity provider ${String(body.provider_urn)} not found`); // inferred
    if (body.agency_urn !== this.options.agencyUrn)
      return stsError(404, 'STS.0404', `Agency ${String(body.agency_urn)} not found`); // inferred

    // [page] "The identity of the caller is verified using the public key in your JWKS endpoint":
    // signature against the issuer's published keys, then iss (the provider's url), aud (one of its
    // client ids) and exp/nbf (jose checks both; no clock tolerance: inferred).
    const issuer = this.providerIssuer;
    if (this.jwks?.url !== issuer)
      this.jwks = { url: issuer, get: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks`)) };
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(idToken, this.jwks.get, {
        issuer,
        audience: this.options.clientIds,
        algorithms: ['RS256'],
      });
      claims = verified.payload as Record<string, unknown>;
    } catch (e) {
      return stsError(400, 'STS.0302', `Invalid id_token: ${describeJoseError(e)}`); // code inferred
    }
    const sub = typeof claims.sub === 'string' ? claims.sub : '';
    if (!this.options.trustedSubjects.some((p) => matches(p, sub))) {
      // inferred: the real service answers 403 without echoing the subject.
      return stsError(
        403,
        'STS.0403',
        `Not authorized to assume agency ${this.options.agencyUrn} with this identity`,
      );
    }

    const now = Date.now();
    const accessKey = randomText(20, ALNUM);
    const secretKey = randomText(40, ALNUM + 'abcdefghijklmnopqrstuvwxyz');
    // Base64 with + / =, as real tokens are, so that header and URL encoding are exercised.
    const securityToken = randomBytes(Math.ceil((this.options.securityTokenLength * 3) / 4))
      .toString('base64')
      .slice(0, this.options.securityTokenLength);
    const expiresAt = now + Math.round((duration * 1000) / this.options.timeScale);
    this.temporary.set(accessKey, { secretKey, securityToken, expiresAt });
    this.issuedCount++;
    // [sdk] AssumeAgencyWithOIDCResponse; status 200 (inferred: the SDK does not say).
    return {
      status: 200,
      body: {
        credentials: {
          access_key_id: accessKey,
          secret_access_key: secretKey,
          security_token: securityToken,
          expiration: new Date(expiresAt).toISOString(),
        },
        assumed_agency: { urn: `${this.options.agencyUrn}/${sessionName}`, id: `${hex32()}:${sessionName}` },
        source_identity: '',
        audience: Array.isArray(claims.aud) ? claims.aud[0] : claims.aud,
        provider: this.options.providerUrn,
        subject_from_id_token: sub,
      },
      headers: { 'X-Request-Id': randomUUID().replace(/-/g, '') },
    } satisfies ApiResponse;
  }
}

function matches(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(value);
}

function describeJoseError(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (e instanceof joseErrors.JWTClaimValidationFailed)
    return `claim ${e.claim} is not accepted (${e.reason})`;
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (e instanceof joseErrors.JWKSNoMatchingKey) return 'no key of the issuer matches the token';
  return e instanceof Error ? e.message : String(e);
}
