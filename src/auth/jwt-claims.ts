/**
 * The claims of a JSON Web Token, read without checking its signature (RFC 7519, section 7.2, steps
 * 1 to 6 without the signature): the action only quotes them to explain a refusal, and the service
 * that receives the token checks it.
 */
export function decodeJwt(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new TypeError('a JWT has three parts');
  const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    throw new TypeError('the JWT claims are not a JSON object');
  return claims as Record<string, unknown>;
}
