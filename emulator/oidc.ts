// GitHub Actions' OIDC token service as a job sees it: ACTIONS_ID_TOKEN_REQUEST_URL answers
// `{"value": "<JWT>"}` to a GET with `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, and the
// issuer publishes its keys at `<iss>/.well-known/jwks` (discovery at
// `<iss>/.well-known/openid-configuration`). Source: GitHub docs "About security hardening with
// OpenID Connect" (claims, default audience) and @actions/core's oidc-utils (request shape).
// The issuer is this emulator's own URL (`<url>/_oidc`), so that Huawei STS below can fetch its
// JWKS over HTTP exactly as the real one fetches GitHub's.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { ApiResponse } from './response.js';

const OIDC_PREFIX = '/_oidc';

export interface OidcOptions {
  /** owner/name; the default audience is https://github.com/<owner> (GitHub docs). */
  repository: string;
  ref: string;
  eventName: string;
  /** GitHub's sub for an environment job is repo:o/r:environment:<name> instead of the ref form. */
  environment?: string;
  runId: string;
  /** The bearer token the service accepts (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  requestToken: string;
  /** Lifetime of an ID token. Inferred: GitHub's tokens are short-lived (minutes); 5 min here. */
  tokenLifetimeSeconds: number;
}

export const OIDC_DEFAULTS: OidcOptions = {
  repository: 'octo-org/octo-repo',
  ref: 'refs/heads/main',
  eventName: 'push',
  runId: '4242',
  requestToken: 'emulator-id-token-request-token',
  tokenLifetimeSeconds: 300,
};

export class OidcIssuer {
  private keys: Promise<{ privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: JWK }>;
  readonly issued: string[] = [];

  constructor(
    readonly options: OidcOptions,
    private readonly baseUrl: () => string,
  ) {
    this.keys = generateKeyPair('RS256').then(async ({ privateKey, publicKey }) => ({
      privateKey,
      jwk: { ...(await exportJWK(publicKey)), kid: 'emulator-1', alg: 'RS256', use: 'sig' },
    }));
  }

  get issuer(): string {
    return `${this.baseUrl()}${OIDC_PREFIX}`;
  }

  /** The value for ACTIONS_ID_TOKEN_REQUEST_URL; GitHub's own URL already carries a query. */
  get requestUrl(): string {
    return `${this.issuer}/token?api-version=2.0`;
  }

  get subject(): string {
    const { repository, ref, environment } = this.options;
    return environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:${ref}`;
  }

  /** Signs a token as GitHub would for this job; tests use it to craft expired or foreign tokens. */
  async sign(audience: string | undefined, overrides: Record<string, unknown> = {}): Promise<string> {
    const { privateKey } = await this.keys;
    const o = this.options;
    const owner = o.repository.split('/')[0] ?? '';
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      jti: randomUUID(),
      sub: this.subject,
      // GitHub's default audience is the URL of the repository owner (GitHub docs).
      aud: audience ?? `https://github.com/${owner}`,
      ref: o.ref,
      sha: 'a'.repeat(40),
      repository: o.repository,
      repository_owner: owner,
      repository_owner_id: '1001',
      repository_id: '2002',
      repository_visibility: 'private',
      run_id: o.runId,
      run_number: '7',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '3003',
      workflow: 'release',
      event_name: o.eventName,
      ref_type: 'branch',
      job_workflow_ref: `${o.repository}/.github/workflows/release.yml@${o.ref}`,
      runner_environment: 'github-hosted',
      ...(o.environment ? { environment: o.environment } : {}),
      iss: this.issuer,
      iat: now,
      nbf: now - 5,
      exp: now + o.tokenLifetimeSeconds,
      ...overrides,
    };
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'emulator-1' })
      .sign(privateKey);
    this.issued.push(jwt);
    return jwt;
  }

  /** Handles every GET under /_oidc; undefined for other paths. */
  async handle(method: string, path: string, rawQuery: string, authorization: string | undefined) {
    if (!path.startsWith(`${OIDC_PREFIX}/`)) return undefined;
    const json = (status: number, body: unknown): ApiResponse => ({ status, body });
    if (method !== 'GET') return json(405, { message: 'Method not allowed' });
    const sub = path.slice(OIDC_PREFIX.length);
    if (sub === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        jwks_uri: `${this.issuer}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'run_id'],
        scopes_supported: ['openid'],
      });
    }
    if (sub === '/.well-known/jwks') return json(200, { keys: [(await this.keys).jwk] });
    if (sub === '/token') {
      // The runtime token is required; without it the service answers 401 (inferred: exact text unknown).
      if (authorization !== `Bearer ${this.options.requestToken}`)
        return json(401, { message: 'Bad credentials' });
      const audience = new URLSearchParams(rawQuery).get('audience') ?? undefined;
      return json(200, { count: 1, value: await this.sign(audience === '' ? undefined : audience) });
    }
    return json(404, { message: 'Not found' });
  }
}
