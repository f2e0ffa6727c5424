// IAM authentication as API Gateway performs it: an X-Auth-Token, or an SDK-HMAC-SHA256 signature
// that is recomputed here from the request as received (docs/api.md, "Requests every call carries").
// Implemented from the reference rather than with the SDK's signer so that the SDK stays an
// independent oracle in the tests.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ALGORITHM = 'SDK-HMAC-SHA256';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const PREFIX = 'Incorrect IAM authentication information: ';

type Headers = Record<string, string | string[] | undefined>;

export interface SignedRequest {
  method: string;
  /** The path exactly as received (may be percent-encoded). */
  path: string;
  /** The query string without "?", exactly as received. */
  rawQuery: string;
  /** Lowercase header names, as Node delivers them. */
  headers: Headers;
  body: Buffer | string;
}

export type AuthResult = { ok: true; scheme: 'token' | 'aksk' } | { ok: false; message: string };

export interface Credentials {
  token: string;
  accessKey: string;
  secretKey: string;
}

/** Keeps the unreserved characters A-Z a-z 0-9 - _ . ~ and percent-encodes the UTF-8 of the rest. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Each segment decoded then re-encoded, so a client that sent "%41" and one that sent "A" agree. */
function canonicalUri(path: string): string {
  const uri = path
    .split('/')
    .map((seg) => uriEncode(safeDecode(seg)))
    .join('/');
  return uri.endsWith('/') ? uri : uri + '/';
}

function canonicalQuery(rawQuery: string): string {
  const pairs = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const name = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      // '+' is a space in form-style query strings; the gateway (Go url.ParseQuery) decodes it so.
      const dec = (s: string) => safeDecode(s.replace(/\+/g, ' '));
      return [uriEncode(dec(name)), uriEncode(dec(value))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

function headerValue(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * The canonical request. The signed-header list is replayed in the order the client declared it,
 * as the gateway does: it never re-sorts what the client claims to have signed.
 */
export function canonicalRequest(req: SignedRequest, signedHeaders: string[]): string {
  const canonicalHeaders = signedHeaders
    .map((h) => `${h}:${(headerValue(req.headers, h) ?? '').trim()}\n`)
    .join('');
  const payloadHash = createHash('sha256').update(req.body).digest('hex');
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.rawQuery),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function computeSignature(secretKey: string, sdkDate: string, canonical: string): string {
  const stringToSign = [ALGORITHM, sdkDate, createHash('sha256').update(canonical).digest('hex')].join('\n');
  return createHmac('sha256', secretKey).update(stringToSign).digest('hex');
}

/** Parses the basic ISO format YYYYMMDDTHHMMSSZ used by X-Sdk-Date. */
function parseSdkDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  return Number.isNaN(t) ? undefined : t;
}

export function formatSdkDate(t: number): string {
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const AUTH_RE =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;

function fail(detail: string): AuthResult {
  return { ok: false, message: PREFIX + detail };
}

export function authenticate(req: SignedRequest, creds: Credentials, now: number = Date.now()): AuthResult {
  const token = headerValue(req.headers, 'x-auth-token');
  // APIG decides on the token when one is present, even if a signature is sent as well.
  if (token !== undefined) {
    return token === creds.token
      ? { ok: true, scheme: 'token' }
      : fail('invalid token (X-Auth-Token rejected)');
  }
  const authorization = headerValue(req.headers, 'authorization');
  if (authorization === undefined)
    return fail('missing credentials (no X-Auth-Token or Authorization header)');

  const m = AUTH_RE.exec(authorization.trim());
  if (!m)
    return fail(
      `malformed Authorization header (expected "${ALGORITHM} Access=..., SignedHeaders=..., Signature=...")`,
    );
  const [, ak, signedList, sig] = m as unknown as [string, string, string, string];
  if (ak !== creds.accessKey) return fail(`unknown AK "${ak}"`);

  const signed = signedList.split(';').map((h) => h.toLowerCase());
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) {
    return fail('bad signature: host and x-sdk-date must be among SignedHeaders');
  }
  if (req.headers['x-security-token'] !== undefined && !signed.includes('x-security-token')) {
    return fail('bad signature: X-Security-Token is sent but not signed');
  }
  // The SDK's AKSKSigner signs every header it sends, X-Project-Id included (it names the project
  // the request acts in): an unsigned one could be swapped in transit. Inferred gateway behaviour.
  if (req.headers['x-project-id'] !== undefined && !signed.includes('x-project-id')) {
    return fail('bad signature: X-Project-Id is sent but not signed');
  }
  const missing = signed.filter((h) => h === '' || req.headers[h] === undefined);
  if (missing.length > 0)
    return fail(`bad signature: signed header(s) not in the request: ${missing.join(', ')}`);

  const sdkDate = headerValue(req.headers, 'x-sdk-date') ?? '';
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) return fail(`bad signature: X-Sdk-Date "${sdkDate}" is not YYYYMMDDTHHMMSSZ`);
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    return fail(
      `expired date: X-Sdk-Date ${sdkDate} is more than 15 minutes from server time ${formatSdkDate(now)}`,
    );
  }

  const expected = computeSignature(creds.secretKey, sdkDate, canonicalRequest(req, signed));
  const given = Buffer.from(sig.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return fail('bad signature (verify aksk signature fail: recomputed signature differs)');
  }
  return { ok: true, scheme: 'aksk' };
}
