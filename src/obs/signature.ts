/**
 * OBS request signing: the `OBS` header form (`Authorization: OBS AK:Signature`) and the query form
 * of pre-signed URLs (`AccessKeyId`, `Expires`, `Signature`). Written from Huawei's OBS API
 * reference ("User Signature Authentication"); test/obs.test.ts checks both forms against the
 * official SDK (`esdk-obs-nodejs`) for random buckets, keys, times and tokens.
 *
 *   StringToSign = VERB \n Content-MD5 \n Content-Type \n Date (or Expires) \n
 *                  CanonicalizedHeaders CanonicalizedResource
 *   Signature    = base64(HMAC-SHA1(SK, UTF-8 of StringToSign))
 *
 * - CanonicalizedHeaders: every `x-obs-*` header as `lowercase-name:value\n`, sorted by name.
 * - CanonicalizedResource: `/bucket/key` with the key percent-encoded per segment exactly as it is
 *   sent in the path, then the signed sub-resources (`?partNumber=1&uploadId=...`, `?uploads`),
 *   sorted by name, with their decoded values; an empty value is signed as the bare name.
 * - Query form: Date becomes the Expires value (epoch seconds); a security token travels as the
 *   `x-obs-security-token` query parameter and is signed as a sub-resource.
 */
import { createHmac } from 'node:crypto';

export interface ObsCredentials {
  accessKey: string;
  secretKey: string;
  /** Temporary (STS) credentials only. */
  securityToken?: string;
}

const HEADER_PREFIX = 'x-obs-';
const SECURITY_TOKEN = 'x-obs-security-token';

/**
 * Query parameters that are part of the resource being signed (lower-case). The OBS reference
 * lists many more (acl, cors, lifecycle...); these are the ones an object upload or download can
 * carry. Any other query parameter is sent but not signed, as OBS expects.
 */
const SUB_RESOURCES = new Set([
  'acl',
  'append',
  'metadata',
  'partnumber',
  'position',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'uploadid',
  'uploads',
  'versionid',
  SECURITY_TOKEN,
]);

/** encodeURIComponent, plus the five characters it leaves alone that OBS expects encoded: ! ' ( ) *. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The object key as it appears in the request path: each `/`-separated segment percent-encoded. */
export function encodeKey(key: string): string {
  return key.split('/').map(uriEncode).join('/');
}

function byName(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** `/bucket/encoded-key` plus the signed sub-resources of `query` (decoded name/value pairs). */
function canonicalResource(
  bucket: string,
  key: string,
  query: Iterable<readonly [string, string]> = [],
): string {
  const signed = [...query].filter(([name]) => SUB_RESOURCES.has(name.toLowerCase())).sort(byName);
  const sub = signed.map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&');
  return `/${bucket}/${encodeKey(key)}${sub === '' ? '' : `?${sub}`}`;
}

interface StringToSignParts {
  method: string;
  /** Request headers (any case). Content-MD5, Content-Type and the x-obs-* ones are used. */
  headers: Record<string, string>;
  /** The Date header (header form) or the Expires epoch seconds (query form). */
  dateOrExpires: string;
  resource: string;
}

function stringToSign({ method, headers, dateOrExpires, resource }: StringToSignParts): string {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) lower.set(name.toLowerCase(), value);
  const obsHeaders = [...lower.entries()].filter(([name]) => name.startsWith(HEADER_PREFIX)).sort(byName);
  return (
    [
      method.toUpperCase(),
      lower.get('content-md5') ?? '',
      lower.get('content-type') ?? '',
      dateOrExpires,
    ].join('\n') +
    '\n' +
    obsHeaders.map(([name, value]) => `${name}:${value}\n`).join('') +
    resource
  );
}

function sign(secretKey: string, text: string): string {
  return createHmac('sha1', secretKey).update(text, 'utf8').digest('base64');
}

export interface RequestToSign {
  method: string;
  bucket: string;
  key: string;
  /** Decoded query parameters as they will be sent. */
  query?: ReadonlyArray<readonly [string, string]>;
  /** Headers to send; Date, x-obs-security-token and Authorization are added. */
  headers?: Record<string, string>;
}

/** Returns the headers to send: the given ones plus Date, the security token if any, and Authorization. */
export function signHeaders(
  req: RequestToSign,
  creds: ObsCredentials,
  now: Date = new Date(),
): Record<string, string> {
  if (!creds.accessKey || !creds.secretKey) throw new Error('OBS credentials are empty');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower !== 'authorization' && lower !== 'date' && lower !== SECURITY_TOKEN) headers[name] = value;
  }
  headers.Date = now.toUTCString();
  if (creds.securityToken) headers[SECURITY_TOKEN] = creds.securityToken;
  const text = stringToSign({
    method: req.method,
    headers,
    dateOrExpires: headers.Date,
    resource: canonicalResource(req.bucket, req.key, req.query ?? []),
  });
  headers.Authorization = `OBS ${creds.accessKey}:${sign(creds.secretKey, text)}`;
  return headers;
}

/**
 * The query string (without `?`) of a pre-signed URL for `method` on `/bucket/key`, valid until
 * `expires` (epoch seconds). Parameters are in the SDK's order (sorted by name, Signature last).
 *
 * Every value is encoded with encodeURIComponent, `/` included. The SDK leaves `/` bare in
 * values; both decode to the same parameters. We encode it so that the text of each value in the
 * URL is exactly `encodeURIComponent(value)`, one of the two forms redact.ts registers with the
 * runner's masking: with a bare `/`, a Signature like `ab/c=` would appear as `ab/c%3D`, a form
 * the runner would not mask.
 */
export function presignQuery(
  method: string,
  bucket: string,
  key: string,
  expires: number,
  creds: ObsCredentials,
): string {
  if (!creds.accessKey || !creds.secretKey) throw new Error('OBS credentials are empty');
  const params: Array<[string, string]> = [
    ['AccessKeyId', creds.accessKey],
    ['Expires', String(expires)],
  ];
  if (creds.securityToken) params.push([SECURITY_TOKEN, creds.securityToken]);
  params.sort(byName);
  const text = stringToSign({
    method,
    headers: {},
    dateOrExpires: String(expires),
    resource: canonicalResource(bucket, key, params),
  });
  params.push(['Signature', sign(creds.secretKey, text)]);
  return params.map(([name, value]) => `${name}=${uriEncode(value)}`).join('&');
}
