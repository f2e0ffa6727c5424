import { createHash } from 'node:crypto';
import { describe, it, expect, vi, afterEach } from 'vitest';
import fc from 'fast-check';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { ICredential } from '@huaweicloud/huaweicloud-sdk-core/auth/ICredential.js';
import { canonicalRequest, formatSdkDate, signRequest, type Credentials } from '../src/api/signer.js';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

const VECTOR = {
  creds: { accessKey: 'QTWAOYTTINDUT2QVKYUC', secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' },
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  date: new Date(Date.UTC(2019, 10, 15, 3, 36, 55)),
  canonicalSha256: 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  authorization:
    'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
};

const CREDS: Credentials = { accessKey: 'AK0123456789', secretKey: 'SK-secret-0123456789' };
const FIXED = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

// ---- the official SDK as an oracle -------------------------------------------------------

interface SdkRequest {
  method: string;
  endpoint: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}

function sdkSign(req: SdkRequest, creds: Credentials): Record<string, string> {
  const credential = { getAk: () => creds.accessKey, getSk: () => creds.secretKey };
  return AKSKSigner.sign(req, credential as unknown as ICredential) as Record<string, string>;
}

const sdkCanonicalUri = (path: string): string =>
  (AKSKSigner as unknown as { CanonicalURI(p: string): string }).CanonicalURI(path);

function groupQuery(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of pairs) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return Object.fromEntries(
    [...grouped].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]),
  );
}

// Strict RFC 3986 encoding, so the URL carries no literal '+' (the transport's convention).
const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

// ---- generators ----------------------------------------------------------------------------

const char = (chars: string): fc.Arbitrary<string> => fc.constantFrom(...chars);
const nonAsciiChar = (exclude: ReadonlySet<number>): fc.Arbitrary<string> =>
  fc
    .integer({ min: 0x80, max: 0x10ffff })
    .filter((c) => (c < 0xd800 || c > 0xdfff) && !exclude.has(c))
    .map((c) => String.fromCodePoint(c));

// Characters Node's legacy url.parse (which the SDK runs on its endpoint) leaves untouched.
const sdkSafePathChar = fc.oneof(
  { weight: 4, arbitrary: char('abcxyzABCXYZ0189-_.~') },
  { weight: 3, arbitrary: char('%+:@;=&$!*(),') },
  { weight: 2, arbitrary: nonAsciiChar(new Set([0xa0, 0xfeff])) },
);
// Everything, including characters url.parse would escape before the SDK sees them.
const anyPathChar = fc.oneof(sdkSafePathChar, char(' "\'<>\\^`{|}#?/\t[]'), nonAsciiChar(new Set()));

// No '.' or '..' segments: WHATWG URL would resolve them away before signing.
const decodedPath = (c: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .record({
      segments: fc.array(fc.string({ unit: c, maxLength: 8 }), { maxLength: 4 }),
      trailingSlash: fc.boolean(),
    })
    .map(({ segments, trailingSlash }) =>
      segments.length === 0 ? '/' : `/${segments.join('/')}${trailingSlash ? '/' : ''}`,
    )
    .filter((path) => !path.split('/').some((s) => s === '.' || s === '..'));

const toWirePath = (path: string): string => path.split('/').map(rfc3986).join('/');

const queryText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: char('abcXYZ019-_.~') },
    { weight: 2, arbitrary: char(" +&=#%?/:@!*'();,[]") },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 8,
});
// A small name pool makes repeated names common; the SDK takes repeats as arrays.
const queryPairs = fc.array(fc.tuple(fc.oneof(queryText, char('abc')), queryText), { maxLength: 6 });

const RESERVED_HEADERS = new Set([
  'host',
  'x-sdk-date',
  'authorization',
  'x-security-token',
  'x-sdk-content-sha256',
]);
const headerName = fc.oneof(
  fc.constantFrom('Content-Type', 'X-Project-Id', 'x-request-id'),
  fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/).filter((n) => !RESERVED_HEADERS.has(n.toLowerCase())),
);
const headerValue = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 })
  .map((v) => v.trim());
const headers = fc
  .uniqueArray(fc.tuple(headerName, headerValue), { selector: ([n]) => n.toLowerCase(), maxLength: 6 })
  .map((entries) => Object.fromEntries(entries));

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE');
const jsonBody = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
const alnum = (min: number, max: number): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const credentials: fc.Arbitrary<Credentials> = fc.record(
  {
    accessKey: alnum(20, 20),
    secretKey: alnum(40, 40),
    securityToken: fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,80}$/),
  },
  { requiredKeys: ['accessKey', 'secretKey'] },
);
const date = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const host = fc.constantFrom(
  'cph.cn-east-3.myhuaweicloud.com',
  'koophone.example.com:8443',
  '127.0.0.1:9000',
);

// ---- tests ---------------------------------------------------------------------------------

describe('official test vector', () => {
  it('matches sha256(CanonicalRequest)', () => {
    const { canonical, signedHeaders } = canonicalRequest(
      'GET',
      new URL(VECTOR.url),
      { 'Content-Type': 'application/json', 'X-Sdk-Date': '20191115T033655Z' },
      '',
    );
    expect(signedHeaders).toBe('content-type;host;x-sdk-date');
    expect(sha256(canonical)).toBe(VECTOR.canonicalSha256);
  });

  it('matches the Authorization header', () => {
    const out = signRequest(
      { method: 'GET', url: new URL(VECTOR.url), headers: { 'Content-Type': 'application/json' }, body: '' },
      VECTOR.creds,
      VECTOR.date,
    );
    expect(out['X-Sdk-Date']).toBe('20191115T033655Z');
    expect(out['Authorization']).toBe(VECTOR.authorization);
  });
});

describe('agrees with the official SDK signer', () => {
  it('on random requests', () => {
    fc.assert(
      fc.property(
        fc.record({
          method,
          host,
          path: decodedPath(sdkSafePathChar),
          query: queryPairs,
          plusForSpace: fc.boolean(),
          headers,
          body: jsonBody,
          creds: credentials,
          now: date,
        }),
        ({ method, host, path, query, plusForSpace, headers, body, creds, now }) => {
          const data = method === 'GET' ? undefined : body;
          // Both spellings of a space must decode to the same query.
          const search = plusForSpace
            ? new URLSearchParams(query).toString()
            : query.map(([n, v]) => `${rfc3986(n)}=${rfc3986(v)}`).join('&');
          const url = new URL(`https://${host}${toWirePath(path)}${search ? `?${search}` : ''}`);

          const ours = signRequest(
            { method, url, headers, body: data === undefined ? '' : JSON.stringify(data) },
            creds,
            now,
          );

          const sdkHeaders: Record<string, string> = { ...headers, 'X-Sdk-Date': formatSdkDate(now) };
          if (creds.securityToken) sdkHeaders['X-Security-Token'] = creds.securityToken;
          const sdk = sdkSign(
            {
              method,
              endpoint: `https://${host}${path}`,
              headers: sdkHeaders,
              queryParams: groupQuery(query),
              data,
            },
            creds,
          );

          expect(ours['Authorization']).toBe(sdk['Authorization']);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on canonical URIs with any characters in the path', () => {
    // url.parse escapes some characters (space, quotes, ...) before the SDK encodes the path,
    // double-encoding them; compare with the SDK's path encoder on the decoded path instead.
    fc.assert(
      fc.property(decodedPath(anyPathChar), (path) => {
        const url = new URL(`https://h.example.com${toWirePath(path)}`);
        const { canonical } = canonicalRequest('GET', url, { 'X-Sdk-Date': '20240102T030405Z' }, '');
        expect(canonical.split('\n')[1]).toBe(sdkCanonicalUri(path));
      }),
      { numRuns: 500 },
    );
  });

  it('on repeated query names (the SDK takes them as arrays)', () => {
    const url = new URL('https://h.example.com/v1/x?b=2&a=z&a=y&a=&a=y');
    const ours = signRequest({ method: 'GET', url, headers: {}, body: '' }, CREDS, FIXED);
    const sdk = sdkSign(
      {
        method: 'GET',
        endpoint: 'https://h.example.com/v1/x',
        headers: { 'X-Sdk-Date': formatSdkDate(FIXED) },
        queryParams: { b: '2', a: ['z', 'y', '', 'y'] },
      },
      CREDS,
    );
    expect(ours['Authorization']).toBe(sdk['Authorization']);
    expect(canonicalRequest('GET', url, {}, '').canonical.split('\n')[2]).toBe('a=&a=y&a=y&a=z&b=2');
  });
});

describe('canonical request', () => {
  const line = (url: string, index: number): string | undefined =>
    canonicalRequest('GET', new URL(url), {}, '').canonical.split('\n')[index];

  it('reads "+" in the query as a space and "%2B" as a plus', () => {
    expect(line('https://h/x?q=a+b', 2)).toBe('q=a%20b');
    expect(line('https://h/x?q=a%20b', 2)).toBe('q=a%20b');
    expect(line('https://h/x?q=a%2Bb', 2)).toBe('q=a%2Bb');
  });

  it('keeps empty values as "name="', () => {
    expect(line('https://h/x?flag&z=1&e=', 2)).toBe('e=&flag=&z=1');
  });

  it('normalizes the path encoding and always ends it with "/"', () => {
    expect(line('https://h/v1/a%20b/c', 1)).toBe('/v1/a%20b/c/');
    expect(line('https://h/v1/a b/%7e%c3%a9', 1)).toBe('/v1/a%20b/~%C3%A9/');
    expect(line('https://h/v1/100%/x%zz', 1)).toBe('/v1/100%25/x%25zz/');
    expect(line('https://h/v1/', 1)).toBe('/v1/');
    expect(line('https://h', 1)).toBe('/');
  });

  it('signs host with its non-default port, or the Host header when given', () => {
    expect(line('https://h.example.com:8443/x', 3)).toBe('host:h.example.com:8443');
    expect(line('https://h.example.com:443/x', 3)).toBe('host:h.example.com');
    const { canonical } = canonicalRequest('GET', new URL('https://h/x'), { Host: 'other:1' }, '');
    expect(canonical.split('\n')[3]).toBe('host:other:1');
  });

  it('rejects two spellings of the same header', () => {
    expect(() => canonicalRequest('GET', new URL('https://h/x'), { 'X-A': '1', 'x-a': '2' }, '')).toThrow(
      /x-a/,
    );
  });
});

describe('signRequest', () => {
  const base = {
    method: 'POST',
    url: new URL('https://cph.example.com/v1/p/cloud-phone/phones/commands'),
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p' },
    body: '{"command":"shell","content":"ls"}',
  };

  it('adds and signs the security token', () => {
    const out = signRequest(base, { ...CREDS, securityToken: 'tok+en/==' }, FIXED);
    expect(out['X-Security-Token']).toBe('tok+en/==');
    expect(out['Authorization']).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,',
    );
    const other = signRequest(base, { ...CREDS, securityToken: 'tok+en/=!' }, FIXED);
    expect(other['Authorization']).not.toBe(out['Authorization']);
    expect(signRequest(base, CREDS, FIXED)['X-Security-Token']).toBeUndefined();
  });

  it('trims header values', () => {
    const padded = { ...base, headers: { 'Content-Type': '  application/json\t', 'X-Project-Id': ' p ' } };
    const out = signRequest(padded, CREDS, FIXED);
    expect(out['Authorization']).toBe(signRequest(base, CREDS, FIXED)['Authorization']);
    expect(out['X-Project-Id']).toBe('p');
    const { canonical } = canonicalRequest('GET', base.url, { 'X-A': '  a  b ' }, '');
    expect(canonical).toContain('\nx-a:a  b\n');
  });

  it('is deterministic for a fixed date, and the date is signed', () => {
    const a = signRequest(base, CREDS, FIXED);
    expect(signRequest(base, CREDS, new Date(FIXED))).toEqual(a);
    expect(signRequest(base, CREDS, new Date(FIXED.getTime() + 1000))['Authorization']).not.toBe(
      a['Authorization'],
    );
  });

  it('changes the signature when one byte of the body changes', () => {
    const a = signRequest(base, CREDS, FIXED)['Authorization'];
    const b = signRequest({ ...base, body: base.body.replace('ls', 'lt') }, CREDS, FIXED)['Authorization'];
    expect(b).not.toBe(a);
  });

  it('returns a new object with the signing headers and leaves the input alone', () => {
    const input = { ...base, headers: { ...base.headers, authorization: 'stale', 'x-sdk-date': 'stale' } };
    const snapshot = structuredClone(input.headers);
    const out = signRequest(input, CREDS, FIXED);
    expect(input.headers).toEqual(snapshot);
    expect(Object.keys(out).sort()).toEqual(['Authorization', 'Content-Type', 'X-Project-Id', 'X-Sdk-Date']);
    expect(out['X-Sdk-Date']).toBe('20240102T030405Z');
    expect(out['Authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=AK0123456789, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('refuses empty credentials', () => {
    expect(() => signRequest(base, { accessKey: '', secretKey: 'x' })).toThrow();
    expect(() => signRequest(base, { accessKey: 'x', secretKey: '' })).toThrow();
  });

  describe('logging', () => {
    afterEach(() => vi.restoreAllMocks());

    it('never writes to the console', () => {
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation(() => {}),
      );
      signRequest(base, { ...CREDS, securityToken: 't' }, FIXED);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    });
  });
});

describe('formatSdkDate', () => {
  it('formats UTC basic ISO 8601 without milliseconds', () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999)))).toBe('20191115T033655Z');
    expect(formatSdkDate(new Date('2024-12-31T23:59:59+08:00'))).toBe('20241231T155959Z');
  });

  it('throws on an invalid date', () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow();
  });
});
