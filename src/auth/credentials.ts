import type { AkSk, Credentials } from '../inputs/credentials.js';

/** The keys to sign a request with now (renewed first when a keyless session needs it). */
export async function signingKeys(creds: Exclude<Credentials, { kind: 'token' }>): Promise<AkSk> {
  if (creds.kind === 'aksk') return creds;
  if (!creds.session) throw new Error('keyless credentials were used before the exchange');
  return creds.session.current();
}
