/**
 * Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), written from the API reference.
 *
 * Wire conventions this module assumes (the transport must follow them):
 * - `url.pathname` is the path as sent. It is percent-decoded to bytes before being re-encoded,
 *   so `/a%20b` and `/a b` sign the same. The Go and Python signers also sign the decoded path
 *   (the Node.js SDK does not, and double-encodes `%`). An encoded `%2F` counts as a separator.
 * - `url.search` is the query as sent, decoded with URLSearchParams semantics: `+` means a space.
 *   The safest wire form never contains a literal `+` or space: send `%20` and `%2B`.
 */
import { createHash, createHmac } from 'node:crypto';

export interface Credentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

export interface RequestToSign {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

const ALGORITHM = 'SDK-HMAC-SHA256';
const DATE_HEADER = 'X-Sdk-Date';
const TOKEN_HEADER = 'X-Security-Token';

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(d: Date): string {
  // toISOString throws on an invalid date, which is what we want.
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Adds `host` from `url.host` unless a Host header is given; `X-Sdk-Date` must be in `headers`. */
export function canonicalRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string,
): { canonical: string; signedHeaders: string } {
  const normalized = normalizeHeaders(headers);
  if (!normalized.has('host')) normalized.set('host', url.host);

  const names = [...normalized.keys()].sort(compareCodeUnits);
  const canonicalHeaders = names.map((name) => `${name}:${normalized.get(name)}\n`).join('');
  const signedHeaders = names.join(';');

  const canonical = [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(body),
  ].join('\n');
  return { canonical, signedHeaders };
}

/**
 * Returns a new header object: the input headers (values trimmed, any stale Authorization or
 * X-Sdk-Date dropped) plus `X-Sdk-Date`, `X-Security-Token` when the credentials carry one, and
 * `Authorization`. Host is signed from `url.host` but only returned if it was passed in.
 */
export function signRequest(
  req: RequestToSign,
  creds: Credentials,
  now: Date = new Date(),
): Record<string, string> {
  if (!creds.accessKey || !creds.secretKey) throw new Error('AK/SK credentials are empty');

  const date = formatSdkDate(now);
  const replaced = new Set(['authorization', DATE_HEADER.toLowerCase()]);
  if (creds.securityToken) replaced.add(TOKEN_HEADER.toLowerCase());

  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!replaced.has(name.toLowerCase())) out[name] = value.trim();
  }
  out[DATE_HEADER] = date;
  if (creds.securityToken) out[TOKEN_HEADER] = creds.securityToken;

  const { canonical, signedHeaders } = canonicalRequest(req.method, req.url, out, req.body);
  const stringToSign = [ALGORITHM, date, sha256Hex(canonical)].join('\n');
  const signature = createHmac('sha256', creds.secretKey).update(stringToSign, 'utf8').digest('hex');
  out['Authorization'] =
    `${ALGORITHM} Access=${creds.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return out;
}

function normalizeHeaders(headers: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    // Two spellings of one header would be sent as two headers and could never verify.
    if (map.has(lower)) throw new Error(`Header "${lower}" is given more than once`);
    map.set(lower, value.trim());
  }
  return map;
}

function canonicalUri(pathname: string): string {
  const encoded = encodeBytes(percentDecode(pathname), true);
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  // Sorted on the decoded strings (UTF-16 order), as the official Node.js SDK does.
  return [...params]
    .sort(([an, av], [bn, bv]) => compareCodeUnits(an, bn) || compareCodeUnits(av, bv))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

function percentEncode(s: string): string {
  return encodeBytes(Buffer.from(s, 'utf8'), false);
}

function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (const b of bytes) {
    if (isUnreserved(b) || (keepSlash && b === 0x2f)) out += String.fromCharCode(b);
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function isUnreserved(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || // A-Z
    (b >= 0x61 && b <= 0x7a) || // a-z
    (b >= 0x30 && b <= 0x39) || // 0-9
    b === 0x2d || // -
    b === 0x2e || // .
    b === 0x5f || // _
    b === 0x7e // ~
  );
}

/** Decodes %XX escapes to raw bytes; a `%` not followed by two hex digits stays literal. */
function percentDecode(s: string): Buffer {
  const input = Buffer.from(s, 'utf8');
  const out = Buffer.alloc(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const b = input[i]!;
    if (b === 0x25 && i + 2 < input.length && isHex(input[i + 1]!) && isHex(input[i + 2]!)) {
      out[n++] = parseInt(String.fromCharCode(input[i + 1]!, input[i + 2]!), 16);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}
