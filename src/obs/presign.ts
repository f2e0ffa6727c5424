/**
 * Pre-signed GET URLs (query authentication: AccessKeyId, Expires, Signature, plus
 * x-obs-security-token for temporary credentials), which the phones download the APK from.
 */
import { objectUrl, type Endpoint } from './endpoint.js';
import { presignQuery, type ObsCredentials } from './signature.js';

/** Every query value is a credential: mask the URL before it can reach a log. */
export function presignedGetUrl(
  endpoint: Endpoint,
  object: { bucket: string; key: string },
  expiresInSeconds: number,
  now: Date,
  creds: ObsCredentials,
): string {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1) {
    throw new RangeError(`expiresInSeconds must be a positive integer, got ${expiresInSeconds}`);
  }
  const { bucket, key } = object;
  const expires = Math.floor(now.getTime() / 1000) + expiresInSeconds;
  return objectUrl(endpoint, bucket, key, presignQuery('GET', bucket, key, expires, creds));
}
