// The action reads a token's claims itself (jose only signs and checks tokens in the emulator and
// the tests): the claims must be those jose reads, and anything that is not a JWT must be refused.
import { decodeJwt as joseDecode, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../src/auth/jwt-claims.js';

describe('decodeJwt', () => {
  it('reads the claims jose reads, UTF-8 and base64url included', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ repo: 'octo-org/é?>~' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://token.actions.githubusercontent.com')
      .setAudience(['a', 'b'])
      .setSubject('repo:octo-org/app:ref:refs/heads/main')
      .sign(privateKey);
    expect(decodeJwt(jwt)).toEqual(joseDecode(jwt));
    expect(decodeJwt(jwt).aud).toEqual(['a', 'b']);
  });

  it('refuses what is not a JWT with an object of claims', () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(() => decodeJwt('not-a-token')).toThrow(TypeError);
    expect(() => decodeJwt(`${part({})}.${part([1])}.sig`)).toThrow(/not a JSON object/);
    expect(() => decodeJwt(`${part({})}.${part('x')}.sig`)).toThrow(/not a JSON object/);
    expect(() => decodeJwt(`${part({})}.%%%.sig`)).toThrow();
  });
});
