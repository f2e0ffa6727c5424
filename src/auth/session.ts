/**
 * A keyless session: ID token -> STS exchange -> temporary keys, renewed before they expire
 * (a new ID token and a new exchange) whenever a request asks for keys late in their life, so a
 * long wait keeps polling without a gap. Every secret is masked before anything is logged.
 */
import { ApiError } from '../http/errors.js';
import type { AkSk, CredentialSession, KeylessSettings } from '../inputs/credentials.js';
import { getIdToken, KeylessError } from './oidc.js';
import { assumeAgencyWithOidc, type Issued } from './sts.js';

export { KeylessError } from './oidc.js';

export interface SessionDeps {
  env: Record<string, string | undefined>;
  requestTimeoutMs: number;
  /** Epoch ms on the run's clock the first exchange must end by (wait-timeout from the step's start). */
  deadline?: number;
  signal?: AbortSignal;
  mask: (secret: string) => void;
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** Test hook for retries; production waits from 500 ms. */
  retryBaseMs?: number;
}

/** Renew when this much of the lifetime is left: a fifth, at most 5 minutes. */
export function renewalMargin(lifetimeMs: number): number {
  return Math.min(5 * 60_000, lifetimeMs / 5);
}

export class KeylessSession implements CredentialSession {
  private issued!: Issued;
  private renewAt = 0;
  private renewing: Promise<void> | undefined;
  private lifetime = 0;
  renewals = 0;

  private constructor(
    readonly settings: KeylessSettings,
    private readonly deps: SessionDeps,
  ) {}

  static async open(settings: KeylessSettings, deps: SessionDeps): Promise<KeylessSession> {
    const session = new KeylessSession(settings, deps);
    await session.exchange('first');
    return session;
  }

  get expiration(): Date {
    return this.issued.expiration;
  }

  async current(): Promise<AkSk> {
    if (Date.now() >= this.renewAt) {
      this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
      await this.renewing;
    }
    return this.issued;
  }

  private async renew(): Promise<void> {
    try {
      await this.exchange('renewal');
    } catch (error) {
      const left = this.issued.expiration.getTime() - Date.now();
      // Keys that still work are better than none: try again later, before they expire.
      if (left > Math.min(10_000, this.lifetime / 50)) {
        this.deps.warning(
          `Could not renew the temporary credentials yet (${(error as Error).message}); retrying before they expire.`,
        );
        this.renewAt = Date.now() + Math.min(30_000, left / 2);
        return;
      }
      // An ApiError with no status or network kind: the request that wanted keys was never sent,
      // so a submit is not reported as possibly started.
      if (error instanceof ApiError) throw error;
      throw new ApiError({ action: 'Renewing the keyless credentials' }, (error as Error).message);
    }
  }

  private async exchange(why: 'first' | 'renewal'): Promise<void> {
    const { settings, deps } = this;
    // The token service may echo the runtime token that authenticates the request in its errors.
    const requestToken = deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (requestToken) deps.mask(requestToken);
    // A renewal is bounded by request-timeout and the attempts: the run's own deadline is the poll's.
    const limits = {
      requestTimeoutMs: deps.requestTimeoutMs,
      deadline: why === 'first' ? deps.deadline : undefined,
      signal: deps.signal,
      debug: deps.debug,
      retryBaseMs: deps.retryBaseMs,
    };
    const idToken = await getIdToken(settings.audience, deps.env, limits);
    deps.mask(idToken);
    const issued = await assumeAgencyWithOidc(settings, idToken, limits);
    deps.mask(issued.accessKey);
    deps.mask(issued.secretKey);
    deps.mask(issued.securityToken);
    deps.mask(encodeURIComponent(issued.securityToken));
    const now = Date.now();
    const lifetime = issued.expiration.getTime() - now;
    if (lifetime <= 0) {
      throw new KeylessError(
        `${why === 'first' ? 'STS' : 'STS (renewal)'} returned credentials that expired at ${issued.expiration.toISOString()}, before now (${new Date(now).toISOString()}): check the runner's clock.`,
      );
    }
    this.issued = issued;
    this.lifetime = lifetime;
    this.renewAt = now + lifetime - renewalMargin(lifetime);
    if (why === 'renewal') this.renewals++;
    deps.info(
      why === 'first'
        ? `Keyless: assumed agency ${settings.agencyUrn} as session ${settings.sessionName}; temporary credentials valid until ${issued.expiration.toISOString()}.`
        : `Keyless: renewed the temporary credentials; now valid until ${issued.expiration.toISOString()}.`,
    );
  }
}

export function isKeylessFailure(error: unknown): error is KeylessError | ApiError {
  return error instanceof KeylessError || error instanceof ApiError;
}
