// src/obs: OBS signing checked against Huawei's official SDK (esdk-obs-nodejs) as the oracle, then
// uploads against the emulator's OBS: single PUT, parallel multipart, retries, errors, cancel.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, Agent, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ObsSdk from 'esdk-obs-nodejs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/http/errors.js';
import { now } from '../src/http/timing.js';
import {
  bucketNameProblem,
  contentMd5Header,
  ObsClient,
  ObsError,
  objectKeyProblem,
  obsEndpointForRegion,
  parseEndpoint,
  signHeaders,
  type ObsConfig,
} from '../src/obs/index.js';
import { isErrorBody, responseError } from '../src/obs/errors.js';
import { hashFile } from '../src/obs/file.js';
import { describePlan, planParts } from '../src/obs/multipart.js';
import { xmlText, xmlUnescape } from '../src/obs/xml.js';
import { TIME_SCALE, useEmulator } from './support/fixture.js';

const REAL_ENDPOINT = 'https://obs.cn-north-4.myhuaweicloud.com';
const AK = 'HPUAOBSTESTKEY0000001';
const SK = 'obs-test-secret-key/with+odd=chars0000000';
const TOKEN = 'gQ5jbi1ub3J0aC00+/tokenvalue=with/slashes+and+plus==';
const MiB = 1024 * 1024;

/** The SDK's initialisation finishes in a microtask after the constructor returns. */
async function sdkClient(options: Record<string, unknown>): Promise<ObsSdk> {
  const client = new ObsSdk({ max_retry_count: 0, timeout: 10, ...options });
  await new Promise((resolve) => setImmediate(resolve));
  return client;
}

// ---- generators --------------------------------------------------------------------------------

const bucketArb = fc
  .stringMatching(/^[a-z0-9][a-z0-9.-]{1,30}[a-z0-9]$/)
  .filter((b) => bucketNameProblem(b) === undefined);

const KEY_CHARS = [...'aZ09-_.~!*\'() +=&?#%@:;,$[]{}|^`"<>\\', 'é', 'ß', '中', '文', '😀', '\u00a0', '\t'];
const segmentArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...KEY_CHARS), maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.stringMatching(/^[a-z0-9._-]{1,12}$/),
);
const keyArb = fc
  .array(segmentArb, { minLength: 1, maxLength: 4 })
  .map((segments) => segments.join('/'))
  .filter((k) => objectKeyProblem(k) === undefined);

// ---- signature oracle --------------------------------------------------------------------------

describe('pre-signed URLs match the official SDK', () => {
  let plain: ObsSdk;
  let temporary: ObsSdk;
  beforeAll(async () => {
    plain = await sdkClient({
      access_key_id: AK,
      secret_access_key: SK,
      server: REAL_ENDPOINT,
      signature: 'obs',
    });
    temporary = await sdkClient({
      access_key_id: AK,
      secret_access_key: SK,
      security_token: TOKEN,
      server: REAL_ENDPOINT,
      signature: 'obs',
    });
  });
  afterEach(() => vi.useRealTimers());

  it('for random buckets, keys, times, expiries, with and without a security token', () => {
    fc.assert(
      fc.property(
        bucketArb,
        keyArb,
        fc.integer({ min: 1, max: 30 * 86_400 }),
        fc.integer({ min: 1_500_000_000_000, max: 2_100_000_000_000 }),
        fc.boolean(),
        (bucket, key, expiry, nowMs, withToken) => {
          vi.useFakeTimers({ toFake: ['Date'] });
          vi.setSystemTime(nowMs);
          const sdk = (withToken ? temporary : plain).createSignedUrlSync({
            Method: 'GET',
            Bucket: bucket,
            Key: key,
            Expires: expiry,
          }).SignedUrl;
          const ours = new ObsClient({
            endpoint: REAL_ENDPOINT,
            accessKey: AK,
            secretKey: SK,
            ...(withToken ? { securityToken: TOKEN } : {}),
            requestTimeoutMs: 1000,
            concurrency: 1,
          }).presignGetUrl(bucket, key, expiry, new Date(nowMs));
          vi.useRealTimers();

          // The SDK always writes the port; it leaves "/" bare in query values, we encode it.
          const [sdkBase, sdkQuery] = sdk.replace(':443/', '/').split('?') as [string, string];
          const [ourBase, ourQuery] = ours.split('?') as [string, string];
          expect(ourBase).toBe(sdkBase);
          expect(ourQuery).toBe(sdkQuery.replace(/\//g, '%2F'));
          expect(ourBase).toBe(
            `https://${bucket}.obs.cn-north-4.myhuaweicloud.com${new URL(sdkBase).pathname}`,
          );
          // Each value appears exactly as encodeURIComponent(value), a form redact.ts masks.
          for (const value of new URL(ours).searchParams.values()) {
            expect(ours).toContain(`=${encodeURIComponent(value)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('checks its arguments', () => {
    const client = new ObsClient({
      endpoint: REAL_ENDPOINT,
      accessKey: AK,
      secretKey: SK,
      requestTimeoutMs: 1,
      concurrency: 1,
    });
    expect(() => client.presignGetUrl('bucket', 'k', 0)).toThrow(/positive integer/);
    expect(() => client.presignGetUrl('bucket', 'k', 1.5)).toThrow(/positive integer/);
    expect(() => client.presignGetUrl('Bad_Bucket', 'k', 60)).toThrow(/bucket name "Bad_Bucket"/);
    expect(() => client.presignGetUrl('bucket', 'a/../b', 60)).toThrow(/"\." or "\.\." path segments/);
    const url = client.presignGetUrl('bucket', 'k', 60, new Date(1_700_000_000_500));
    expect(new URL(url).searchParams.get('Expires')).toBe('1700000060');
  });
});

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

describe('header signatures match the official SDK', () => {
  let server: Server;
  let captured: Captured | undefined;
  let plain: ObsSdk;
  let temporary: ObsSdk;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        captured = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
        res.writeHead(200, { ETag: '"0123"', 'Content-Type': 'application/xml' });
        res.end('<InitiateMultipartUploadResult><UploadId>X</UploadId></InitiateMultipartUploadResult>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // The SDK signs for the real, virtual-hosted endpoint; this agent delivers its requests here instead.
    const agent = new Agent();
    agent.createConnection = () => connect(port, '127.0.0.1');
    const base = {
      access_key_id: AK,
      secret_access_key: SK,
      server: 'http://obs.cn-north-4.myhuaweicloud.com',
      signature: 'obs',
      is_signature_negotiation: false,
      http_agent: agent,
    };
    plain = await sdkClient(base);
    temporary = await sdkClient({ ...base, security_token: TOKEN });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const uploadIdArb = fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,40}$/);
  const operationArb = fc.oneof(
    fc.record({
      kind: fc.constant('putObject' as const),
      md5: fc.option(fc.constant('XUFAKrxLKna5cZ2REBfFkg==')),
      type: fc.option(fc.constantFrom('application/octet-stream', 'application/vnd.android.package-archive')),
      acl: fc.option(fc.constantFrom('private', 'public-read')),
      meta: fc.option(fc.stringMatching(/^[a-z]{1,8}$/)),
    }),
    fc.record({
      kind: fc.constant('uploadPart' as const),
      part: fc.integer({ min: 1, max: 10_000 }),
      id: uploadIdArb,
    }),
    fc.record({
      kind: fc.constant('initiate' as const),
      type: fc.option(fc.constant('application/octet-stream')),
    }),
    fc.record({ kind: fc.constant('complete' as const), id: uploadIdArb }),
    fc.record({ kind: fc.constant('abort' as const), id: uploadIdArb }),
    fc.record({ kind: fc.constant('head' as const) }),
  );

  it('for random operations, buckets and keys, with and without a security token', async () => {
    await fc.assert(
      fc.asyncProperty(bucketArb, keyArb, operationArb, fc.boolean(), async (bucket, key, op, withToken) => {
        const sdk = withToken ? temporary : plain;
        const common = { Bucket: bucket, Key: key };
        captured = undefined;
        switch (op.kind) {
          case 'putObject':
            await sdk.putObject({
              ...common,
              Body: 'hello',
              ...(op.md5 ? { ContentMD5: op.md5 } : {}),
              ...(op.type ? { ContentType: op.type } : {}),
              ...(op.acl ? { ACL: op.acl } : {}),
              ...(op.meta ? { Metadata: { [op.meta]: 'v' } } : {}),
            });
            break;
          case 'uploadPart':
            await sdk.uploadPart({ ...common, PartNumber: op.part, UploadId: op.id, Body: 'part' });
            break;
          case 'initiate':
            await sdk.initiateMultipartUpload({ ...common, ...(op.type ? { ContentType: op.type } : {}) });
            break;
          case 'complete':
            await sdk.completeMultipartUpload({
              ...common,
              UploadId: op.id,
              Parts: [{ PartNumber: 1, ETag: '"0123"' }],
            });
            break;
          case 'abort':
            await sdk.abortMultipartUpload({ ...common, UploadId: op.id });
            break;
          case 'head':
            await sdk.getObjectMetadata(common);
            break;
        }
        const req = captured as Captured | undefined;
        expect(req).toBeDefined();
        if (!req) return;
        const url = new URL(`http://${req.headers.host}${req.url}`);
        // Our addressing gives the same host and path.
        const client = new ObsClient({
          endpoint: 'http://obs.cn-north-4.myhuaweicloud.com',
          accessKey: AK,
          secretKey: SK,
          requestTimeoutMs: 1000,
          concurrency: 1,
        });
        expect(client.objectUrl(bucket, key)).toBe(`http://${req.headers.host}${url.pathname}`);

        const toSign: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (
            name === 'content-md5' ||
            name === 'content-type' ||
            (name.startsWith('x-obs-') && name !== 'x-obs-security-token')
          ) {
            toSign[name] = String(value);
          }
        }
        const ours = signHeaders(
          { method: req.method, bucket, key, query: [...url.searchParams], headers: toSign },
          withToken
            ? { accessKey: AK, secretKey: SK, securityToken: TOKEN }
            : { accessKey: AK, secretKey: SK },
          new Date(String(req.headers.date)),
        );
        expect(ours.Date).toBe(req.headers.date);
        expect(ours['x-obs-security-token']).toBe(withToken ? TOKEN : undefined);
        expect(ours.Authorization).toBe(req.headers.authorization);
      }),
      { numRuns: 250 },
    );
  });

  it('refuses empty credentials', () => {
    expect(() =>
      signHeaders({ method: 'GET', bucket: 'b12', key: 'k' }, { accessKey: '', secretKey: 'x' }),
    ).toThrow(/empty/);
  });
});

// ---- pure helpers ------------------------------------------------------------------------------

describe('helpers', () => {
  it('plans parts within the 10,000-part limit', () => {
    expect(planParts(40_000_000, 640 * 1024)).toEqual({ size: 40_000_000, partSize: 640 * 1024, count: 62 });
    expect(planParts(8 * MiB)).toEqual({ size: 8 * MiB, partSize: 8 * MiB, count: 1 });
    expect(planParts(8 * MiB + 1)).toEqual({ size: 8 * MiB + 1, partSize: 8 * MiB, count: 2 });
    const huge = 200 * 1024 * MiB; // 200 GiB: 25,600 parts of 8 MiB would be too many
    const plan = planParts(huge);
    expect(plan.count).toBeLessThanOrEqual(10_000);
    expect(plan.partSize % MiB).toBe(0);
    expect(plan.partSize * plan.count).toBeGreaterThanOrEqual(huge);
    expect(() => planParts(1000, 1000)).toThrow(/at least 102400/);
    expect(() => planParts(60 * 1024 * 1024 * MiB)).toThrow(/too large/);
  });

  it('cuts any file into parts of one size within the limits, the last one smaller', () => {
    const apk = 536_871_634; // the 512 MiB APK of the benchmark
    const plan = planParts(apk);
    expect(plan).toEqual({ size: apk, partSize: 8 * MiB, count: 65 });
    expect(describePlan(plan)).toBe('65 parts of 8 MiB');
    expect(describePlan(planParts(40_000_000, 640 * 1024))).toBe('62 parts of 640 KiB');
    expect(describePlan(planParts(40_000_000, 102_401))).toBe('391 parts of 102401 bytes');
    for (const size of [1, 8 * MiB + 1, 15 * MiB, 47 * MiB + 5, apk, 9_999 * 8 * MiB, 200 * 1024 * MiB]) {
      const p = planParts(size);
      expect(p.partSize).toBeGreaterThanOrEqual(100 * 1024);
      expect(p.count).toBeLessThanOrEqual(10_000);
      expect((p.count - 1) * p.partSize).toBeLessThan(size);
      expect(p.count * p.partSize).toBeGreaterThanOrEqual(size);
    }
  });

  it('validates bucket names and object keys', () => {
    for (const ok of ['abc', 'my-release-bucket', 'a.b-c.d', '0bucket9'])
      expect(bucketNameProblem(ok)).toBeUndefined();
    for (const bad of ['ab', 'a'.repeat(64), 'Abc', '-abc', 'abc-', 'a..b', 'a.-b', '192.168.1.10', 'a_b']) {
      expect(bucketNameProblem(bad), bad).toBeDefined();
    }
    expect(objectKeyProblem('apps/1.4.2/demo.apk')).toBeUndefined();
    expect(objectKeyProblem('')).toMatch(/empty/);
    expect(objectKeyProblem('a'.repeat(1025))).toMatch(/1024 bytes/);
    expect(objectKeyProblem('\ud800x')).toMatch(/Unicode/);
    expect(objectKeyProblem('a/./b')).toMatch(/segments/);
  });

  it('addresses real endpoints virtual-hosted and IP or localhost endpoints path style', () => {
    expect(parseEndpoint(REAL_ENDPOINT)).toEqual({
      protocol: 'https:',
      host: 'obs.cn-north-4.myhuaweicloud.com',
      pathStyle: false,
    });
    expect(parseEndpoint('obs.ap-southeast-1.myhuaweicloud.com').protocol).toBe('https:');
    expect(parseEndpoint('http://127.0.0.1:9000').pathStyle).toBe(true);
    expect(parseEndpoint('http://localhost:9000').pathStyle).toBe(true);
    expect(parseEndpoint('http://[::1]:9000').pathStyle).toBe(true);
    expect(() => parseEndpoint('ftp://x.example.com')).toThrow(/http/);
    expect(() => parseEndpoint('https://x.example.com/path')).toThrow(/scheme:\/\/host/);
    expect(() => parseEndpoint('https://')).toThrow(/not a URL/);
    expect(obsEndpointForRegion('cn-north-4')).toBe(REAL_ENDPOINT);
    const c = (endpoint: string) =>
      new ObsClient({ endpoint, accessKey: AK, secretKey: SK, requestTimeoutMs: 1, concurrency: 1 });
    expect(c(REAL_ENDPOINT).objectUrl('bkt', 'a b/ü.apk')).toBe(
      'https://bkt.obs.cn-north-4.myhuaweicloud.com/a%20b/%C3%BC.apk',
    );
    expect(c('http://127.0.0.1:9000').objectUrl('bkt', "x/(1)!*'.apk")).toBe(
      'http://127.0.0.1:9000/bkt/x/%281%29%21%2A%27.apk',
    );
  });

  it('takes Content-MD5 as hex or base64', () => {
    expect(contentMd5Header('5d41402abc4b2a76b9719d911017c592')).toBe('XUFAKrxLKna5cZ2REBfFkg==');
    expect(contentMd5Header('XUFAKrxLKna5cZ2REBfFkg==')).toBe('XUFAKrxLKna5cZ2REBfFkg==');
    expect(() => contentMd5Header('nope')).toThrow(/32 hex digits/);
  });

  it('reads the small XML documents OBS sends', () => {
    expect(xmlText('<a><Code> NoSuchKey </Code></a>', 'Code')).toBe('NoSuchKey');
    expect(xmlText('<Message>a &amp; b &lt;c&gt; &#65;&#x42; &quot;&apos;</Message>', 'Message')).toBe(
      'a & b <c> AB "\'',
    );
    expect(xmlText('<Code></Code>', 'Code')).toBeUndefined();
    expect(xmlText('<Other/>', 'Code')).toBeUndefined();
    expect(xmlUnescape('&#x110000; &bogus;')).toBe('&#x110000; &bogus;');
  });

  it('explains OBS errors with OBS hints, not the API gateway ones', () => {
    const denied = new ObsError({
      action: 'OBS upload',
      status: 403,
      code: 'AccessDenied',
      serviceMessage: 'Access Denied',
      requestId: 'R1',
    });
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied.message).toBe(
      `OBS upload failed: AccessDenied, Access Denied, HTTP 403, request id R1. Hint: ${denied.hint}`,
    );
    expect(denied.hint).toMatch(/OBS write permission/);
    expect(denied.message).not.toMatch(/gateway/);
    expect(denied.isAuthFailure).toBe(true);
    expect(new ObsError({ action: 'x', status: 403 }).hint).toMatch(/OBS refused access/);
    expect(new ObsError({ action: 'x', status: 503 }).hint).toMatch(/throttling/);
    expect(new ObsError({ action: 'x', status: 400, code: 'Odd' }).hint).toBeUndefined();
  });

  it('reads error codes from the XML body, or from headers when there is no body', () => {
    const xml = responseError('OBS x', 404, { 'x-obs-request-id': 'HDR' }, errorXml('NoSuchKey', 'gone'));
    expect(xml.details).toMatchObject({
      code: 'NoSuchKey',
      serviceMessage: 'gone',
      requestId: 'REQ-NoSuchKey',
    });
    const head = responseError(
      'OBS x',
      404,
      { 'x-obs-error-code': 'NoSuchKey', 'x-obs-request-id': 'HDR' },
      '',
    );
    expect(head.details).toMatchObject({ code: 'NoSuchKey', requestId: 'HDR' });
    expect(head.message).toBe(`OBS x failed: NoSuchKey, HTTP 404, request id HDR. Hint: ${head.hint}`);
    const proxy = responseError(
      'OBS x',
      502,
      { 'x-amz-request-id': 'AMZ' },
      `<html>\n<body>Bad ${'gateway '.repeat(30)}</body></html>`,
    );
    expect(proxy.details.code).toBeUndefined();
    expect(proxy.details.serviceMessage).toMatch(/^"<html> <body>Bad gateway .*\.\.\."$/);
    expect(proxy.details.requestId).toBe('AMZ');
    expect(responseError('OBS x', 500, {}, '').details.serviceMessage).toBe('empty body');
    expect(isErrorBody(errorXml('InternalError', 'x'))).toBe(true);
    expect(isErrorBody('<CompleteMultipartUploadResult/>')).toBe(false);
  });
});

// ---- uploads against the emulator --------------------------------------------------------------

const emulator = useEmulator({ timeScale: TIME_SCALE, missingBuckets: ['no-such-bucket'] });
let dir: string;
let big: { path: string; md5: string; size: number };
let medium: { path: string; md5: string; size: number };
let small: { path: string; md5: string; size: number };

function tempFile(name: string, size: number, data = randomBytes(size)) {
  const path = join(dir, name);
  writeFileSync(path, data);
  return { path, md5: createHash('md5').update(data).digest('hex'), size };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'obs-test-'));
  // The sizes of a 40 MB and a 12 MiB APK in 5 MiB parts, scaled down 8 times with the parts: the same
  // part counts and a short last part, for an eighth of the bytes to hash and send.
  big = tempFile('big.apk', 5_000_000);
  medium = tempFile('medium.apk', 1.5 * MiB);
  small = tempFile('small.apk', 3000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function clientConfig(): ObsConfig {
  const e = emulator();
  return {
    endpoint: e.url,
    accessKey: e.options.accessKey,
    secretKey: e.options.secretKey,
    requestTimeoutMs: 5000,
    concurrency: 4,
    retryBaseDelayMs: 10,
  };
}

function client(overrides: Partial<ObsConfig> = {}, lines: string[] = []): ObsClient {
  return new ObsClient({ ...clientConfig(), debug: (m) => lines.push(m), ...overrides });
}

/** The error a promise rejects with, which must be an ApiError. */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the promise to reject');
}

/** Part size for these tests (OBS accepts parts from 100 KB). */
const PART = 640 * 1024;
const MULTIPART = { multipartThresholdBytes: MiB, partSizeBytes: PART };
const md5Of = (b: Buffer | undefined) => (b ? createHash('md5').update(b).digest('hex') : undefined);
const obsRequests = (method?: string) =>
  emulator().requests.filter((r) => r.family === 'obs' && (!method || r.method === method));
const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>REQ-${code}</RequestId></Error>`;

describe('ObsClient.upload against the emulator', () => {
  it('puts a small file in one signed PUT with its Content-MD5', async () => {
    const lines: string[] = [];
    const result = await client({}, lines).upload('release-bucket', 'apps/demo 1.apk', small.path, {
      contentMd5: small.md5,
    });
    expect(result).toEqual({ multipart: false, parts: 1, bytes: small.size, md5: small.md5, md5Saved: true });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/demo 1.apk'))).toBe(small.md5);
    const [put] = obsRequests();
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe('/release-bucket/apps/demo%201.apk');
    expect(put?.headers.authorization).toMatch(/^OBS EMULATORAK0000000000:[A-Za-z0-9+/]{27}=$/);
    expect(put?.headers['content-md5']).toBe(contentMd5Header(small.md5));
    expect(put?.headers['content-length']).toBe(String(small.size));
    expect(put?.headers['content-type']).toBe('application/octet-stream');
    expect(put?.rawBody).toBe(`<${small.size} bytes>`);
    expect(lines.join('\n')).not.toContain(emulator().options.secretKey);
  });

  it('uploads a 5 MB file in parallel parts read once, in order, and OBS holds the same bytes', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const result = await client({ concurrency: 4 }, lines).upload(
      'release-bucket',
      'apps/big.apk',
      big.path,
      MULTIPART,
    );
    const elapsed = Date.now() - started;
    expect(result).toEqual({ multipart: true, parts: 8, bytes: big.size, md5: big.md5, md5Saved: true });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/big.apk'))).toBe(big.md5);
    const stats = emulator().obsStats();
    expect(stats).toMatchObject({
      partsReceived: 8,
      uploadsInitiated: 1,
      uploadsCompleted: 1,
      uploadsAborted: 0,
      openUploads: 0,
    });
    expect(stats.maxConcurrentPartUploads).toBeGreaterThanOrEqual(2);
    expect(stats.maxConcurrentPartUploads).toBeLessThanOrEqual(4);
    const parts = obsRequests('PUT').filter((r) => r.query.partNumber !== undefined);
    expect(parts.map((r) => Number(r.query.partNumber)).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(parts.map((r) => r.headers['content-length'])).toContain(String(big.size - 7 * PART));
    expect(obsRequests('POST').map((r) => Object.keys(r.query))).toEqual([['uploads'], ['uploadId']]);
    // Debug lines show URLs with the query masked, and never a key.
    const log = lines.join('\n');
    expect(log).toContain('8 parts of 640 KiB, 4 at a time');
    expect(log).toMatch(
      /PUT http:\/\/127\.0\.0\.1:\d+\/release-bucket\/apps\/big\.apk\?partNumber=\*\*\*&uploadId=\*\*\*/,
    );
    expect(log).not.toContain(emulator().options.secretKey);
    expect(log).not.toContain(emulator().options.accessKey);
    console.log(`5 MB multipart upload to the emulator: ${elapsed} ms`);
  });

  it('sends parts of the part size in order, the last one shorter, and OBS assembles the same bytes', async () => {
    const file = tempFile('parts.apk', 20 * MiB + 1);
    const lines: string[] = [];
    const options = { multipartThresholdBytes: MiB, partSizeBytes: 4 * MiB };
    const result = await client({}, lines).upload('release-bucket', 'apps/parts.apk', file.path, options);
    expect(result).toMatchObject({ multipart: true, parts: 6, md5: file.md5 });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/parts.apk'))).toBe(file.md5);
    const sizes = obsRequests('PUT')
      .filter((r) => r.query.partNumber !== undefined)
      .sort((a, b) => Number(a.query.partNumber) - Number(b.query.partNumber))
      .map((r) => Number(r.headers['content-length']));
    expect(sizes).toEqual([4 * MiB, 4 * MiB, 4 * MiB, 4 * MiB, 4 * MiB, 1]);
    expect(lines.join('\n')).toContain('6 parts of 4 MiB, 4 at a time');
  });

  // The build may rewrite the APK while it is uploaded: the size read first no longer holds.
  it('fails, naming the file and where it ended, when the file shrinks during the upload, and aborts it', async () => {
    const file = tempFile('shrinks.apk', 3 * PART + 100);
    const shrink = (line: string) => {
      if (line.startsWith('multipart upload of')) truncateSync(file.path, PART + 10);
    };
    const upload = new ObsClient({ ...clientConfig(), debug: shrink }).upload(
      'release-bucket',
      'apps/shrinks.apk',
      file.path,
      MULTIPART,
    );
    await expect(upload).rejects.toThrow(
      /^Cannot read the file to upload, .*shrinks\.apk: the file ended at 655370 bytes \(it shrank while read\)$/,
    );
    expect(emulator().obsStats()).toMatchObject({
      uploadsInitiated: 1,
      uploadsCompleted: 0,
      uploadsAborted: 1,
    });
    expect(emulator().getObject('release-bucket', 'apps/shrinks.apk')).toBeUndefined();
    await expect(hashFile(file.path, 3 * PART, undefined)).rejects.toThrow(/ended at 655370 bytes/);
  });

  it('retries a part that got a 5xx, and a part whose connection hung', async () => {
    emulator().addFault({
      method: 'PUT',
      path: '/release-bucket/apps/retry.apk',
      nth: 2,
      status: 500,
      body: errorXml('InternalError', 'We encountered an internal error. Please try again.'),
      headers: { 'Content-Type': 'application/xml' },
    });
    emulator().addFault({ method: 'PUT', path: '/release-bucket/apps/retry.apk', nth: 3, hang: true });
    const lines: string[] = [];
    const result = await client({ requestTimeoutMs: 1000 }, lines).upload(
      'release-bucket',
      'apps/retry.apk',
      medium.path,
      MULTIPART,
    );
    expect(result).toEqual({
      multipart: true,
      parts: 3,
      bytes: medium.size,
      md5: medium.md5,
      md5Saved: true,
    });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/retry.apk'))).toBe(medium.md5);
    // 3 parts, 2 of them twice, then the MD5 stored in the metadata.
    expect(obsRequests('PUT').filter((r) => r.query.partNumber !== undefined)).toHaveLength(5);
    expect(emulator().obsStats().partsReceived).toBe(3);
    expect(lines.some((l) => /InternalError.*retry 1/.test(l))).toBe(true);
    expect(lines.some((l) => /timeout|timed out|no complete answer/i.test(l))).toBe(true);
  });

  it('retries a single PUT on 503 SlowDown, honouring Retry-After', async () => {
    emulator().addFault({
      method: 'PUT',
      nth: 1,
      status: 503,
      body: errorXml('SlowDown', 'Please reduce your request rate.'),
      headers: { 'Content-Type': 'application/xml', 'Retry-After': '0' },
    });
    await client().upload('release-bucket', 'k.apk', small.path);
    expect(obsRequests('PUT').map((r) => r.status)).toEqual([503, 200]);
  });

  it('waits for no Retry-After that ends past the deadline (wait-timeout): the 503 is the answer', async () => {
    emulator().addFault({
      method: 'PUT',
      nth: 1,
      status: 503,
      body: errorXml('SlowDown', 'Please reduce your request rate.'),
      headers: { 'Content-Type': 'application/xml', 'Retry-After': '100' },
    });
    const error = await rejection(
      client({ deadline: now() + 10_000 }).upload('release-bucket', 'k.apk', small.path),
    );
    expect(error.details).toMatchObject({ status: 503, code: 'SlowDown' });
    expect(obsRequests('PUT').map((r) => r.status)).toEqual([503]);
  });

  it('fails at once with a clear ApiError on AccessDenied', async () => {
    emulator().addFault({
      method: 'PUT',
      status: 403,
      body: errorXml('AccessDenied', 'Access Denied'),
      headers: { 'Content-Type': 'application/xml' },
    });
    const error = await client()
      .upload('release-bucket', 'apps/demo.apk', small.path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.details).toMatchObject({ status: 403, code: 'AccessDenied', requestId: 'REQ-AccessDenied' });
    expect(e.message).toMatch(
      /^OBS upload of obs:\/\/release-bucket\/apps\/demo\.apk failed: AccessDenied, Access Denied, HTTP 403, request id REQ-AccessDenied\. Hint: OBS refused access/,
    );
    expect(obsRequests()).toHaveLength(1);
  });

  it('reports a wrong secret key and a missing bucket from the emulator, and refuses a file that is not the one expected', async () => {
    const wrongKey = await rejection(
      client({ secretKey: 'wrong-secret' }).upload('release-bucket', 'a.apk', small.path),
    );
    expect(wrongKey.details).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(wrongKey.details.requestId).toMatch(/^[0-9A-F]{32}$/);
    expect(wrongKey.message).toMatch(/Hint: OBS rejected the signature: check secret-key/);

    const noBucket = await rejection(client().upload('no-such-bucket', 'a.apk', small.path));
    expect(noBucket.details).toMatchObject({ status: 404, code: 'NoSuchBucket' });
    expect(noBucket.message).toMatch(/check obs-bucket/);

    // The file's bytes are not those whose MD5 the caller knows: nothing is sent, nothing stored.
    await expect(
      client().upload('release-bucket', 'a.apk', small.path, {
        contentMd5: 'd41d8cd98f00b204e9800998ecf8427e',
      }),
    ).rejects.toThrow(
      /changed while it was read: its MD5 was d41d8cd98f00b204e9800998ecf8427e, the bytes read have/,
    );
    expect(obsRequests()).toHaveLength(2);
    expect(emulator().getObject('release-bucket', 'a.apk')).toBeUndefined();
  });

  it('aborts the multipart upload when a part fails for good, and completes nothing', async () => {
    emulator().addFault({
      method: 'PUT',
      path: '/release-bucket/apps/fail.apk',
      nth: 2,
      status: 403,
      body: errorXml('AccessDenied', 'Access Denied'),
    });
    const error = await rejection(client().upload('release-bucket', 'apps/fail.apk', big.path, MULTIPART));
    expect(error.details.code).toBe('AccessDenied');
    expect(error.message).toMatch(
      /^OBS upload of part \d\/8 of obs:\/\/release-bucket\/apps\/fail\.apk failed/,
    );
    expect(emulator().obsStats()).toMatchObject({ uploadsAborted: 1, uploadsCompleted: 0, openUploads: 0 });
    expect(obsRequests('DELETE')).toHaveLength(1);
    expect(obsRequests('POST').map((r) => Object.keys(r.query))).toEqual([['uploads']]);
    expect(emulator().getObject('release-bucket', 'apps/fail.apk')).toBeUndefined();
  });

  it('stops at once when cancelled, and still aborts the upload', async () => {
    emulator().addFault({ method: 'PUT', path: '/release-bucket/apps/slow.apk', delayMs: 5000 });
    const controller = new AbortController();
    // Cancelled once the first part is on its way, however long hashing and initiating took.
    const cancel = setInterval(() => {
      if (obsRequests('PUT').length > 0) controller.abort();
    }, 5);
    const error = await rejection(
      client({ signal: controller.signal }).upload('release-bucket', 'apps/slow.apk', medium.path, MULTIPART),
    ).finally(() => clearInterval(cancel));
    // Every part PUT is still held by the 5 s delay: the upload gave up without waiting for one.
    const parts = obsRequests('PUT');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((r) => r.status === 0)).toBe(true);
    expect(error.details.network).toBe('aborted');
    expect(emulator().obsStats()).toMatchObject({ uploadsAborted: 1, openUploads: 0 });
  });

  it('gives the multipart abort a bounded time after a cancel, even when OBS does not answer it', async () => {
    emulator().addFault({ method: 'PUT', path: '/release-bucket/apps/stuck.apk', delayMs: 5000 });
    emulator().addFault({ method: 'DELETE', path: '/release-bucket/apps/stuck.apk', hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    // requestTimeoutMs of 10 minutes: without the abort budget this would hang far past the test timeout.
    const error = await rejection(
      client({ signal: controller.signal, requestTimeoutMs: 600_000 }).upload(
        'release-bucket',
        'apps/stuck.apk',
        medium.path,
        MULTIPART,
      ),
    );
    expect(error.details.network).toBe('aborted');
    expect(obsRequests('DELETE').length).toBeGreaterThanOrEqual(1);
    expect(obsRequests('POST').filter((r) => 'uploadId' in r.query)).toHaveLength(0);
  }, 15_000);

  it('retries a completion answered with HTTP 200 and an error body', async () => {
    emulator().addFault({
      method: 'POST',
      path: '/release-bucket/apps/late.apk',
      nth: 2,
      status: 200,
      body: errorXml('InternalError', 'We encountered an internal error. Please try again.'),
      headers: { 'Content-Type': 'application/xml' },
    });
    const result = await client().upload('release-bucket', 'apps/late.apk', medium.path, MULTIPART);
    expect(result.parts).toBe(3);
    expect(obsRequests('POST').map((r) => [Object.keys(r.query)[0], r.status])).toEqual([
      ['uploads', 200],
      ['uploadId', 200],
      ['uploadId', 200],
    ]);
    expect(md5Of(emulator().getObject('release-bucket', 'apps/late.apk'))).toBe(medium.md5);
  });

  it('treats a lost completion answer as done when the object is there', async () => {
    // The second POST is the completion: the emulator completes, then drops the connection.
    emulator().addFault({
      method: 'POST',
      path: '/release-bucket/apps/lost.apk',
      nth: 2,
      afterEffect: true,
      reset: true,
    });
    const lines: string[] = [];
    const result = await client({}, lines).upload('release-bucket', 'apps/lost.apk', medium.path, MULTIPART);
    expect(result.parts).toBe(3);
    expect(md5Of(emulator().getObject('release-bucket', 'apps/lost.apk'))).toBe(medium.md5);
    expect(obsRequests('HEAD')).toHaveLength(1);
    expect(lines.some((l) => /an earlier attempt completed the upload/.test(l))).toBe(true);
  });

  it('uploads an empty file and refuses what is not a file', async () => {
    const empty = join(dir, 'empty.apk');
    writeFileSync(empty, '');
    expect(
      await client().upload('release-bucket', 'empty.apk', empty, { multipartThresholdBytes: 0 }),
    ).toEqual({
      multipart: false,
      parts: 1,
      bytes: 0,
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      md5Saved: true,
    });
    expect(emulator().getObject('release-bucket', 'empty.apk')).toEqual(Buffer.alloc(0));
    await expect(client().upload('release-bucket', 'x.apk', join(dir, 'missing.apk'))).rejects.toThrow(
      /Cannot read the file to upload/,
    );
    await expect(client().upload('release-bucket', 'x.apk', dir)).rejects.toThrow(/not a regular file/);
  });

  it('signs with temporary credentials, and its pre-signed URLs download from the emulator', async () => {
    const sts = client({ securityToken: 'sts-token/with+chars=' });
    await sts.upload('release-bucket', 'apps/sts.apk', small.path);
    expect(obsRequests('PUT')[0]?.headers['x-obs-security-token']).toBe('sts-token/with+chars=');
    for (const c of [client(), sts]) {
      const url = c.presignGetUrl('release-bucket', 'apps/sts.apk', 600);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(md5Of(Buffer.from(await res.arrayBuffer()))).toBe(small.md5);
    }
    const expired = client().presignGetUrl(
      'release-bucket',
      'apps/sts.apk',
      60,
      new Date(Date.now() - 3_600_000),
    );
    const res = await fetch(expired);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Message>Request has expired</Message>');
  });
});

describe('every byte proven: Content-MD5 on each part, the MD5 kept in metadata', () => {
  it('sends each part with its own Content-MD5 and stores the file MD5 once the MD5 is known', async () => {
    const result = await client().upload('release-bucket', 'apps/proof.apk', big.path, MULTIPART);
    expect(result).toMatchObject({ multipart: true, parts: 8, md5: big.md5, md5Saved: true });
    const bytes = readFileSync(big.path);
    for (const part of obsRequests('PUT').filter((r) => r.query.partNumber !== undefined)) {
      const n = Number(part.query.partNumber);
      const slice = bytes.subarray((n - 1) * PART, Math.min(n * PART, bytes.length));
      expect(part.headers['content-md5']).toBe(createHash('md5').update(slice).digest('base64'));
    }
    // The MD5 was not known at InitiateMultipartUpload: it is stored afterwards, keeping Content-Type.
    const [init] = obsRequests('POST');
    expect(init?.headers['x-obs-meta-md5']).toBeUndefined();
    const [update] = obsRequests('PUT').filter((r) => 'metadata' in r.query);
    expect(update?.headers).toMatchObject({
      'x-obs-metadata-directive': 'REPLACE_NEW',
      'x-obs-meta-md5': big.md5,
    });
    expect(await client().headObject('release-bucket', 'apps/proof.apk')).toMatchObject({
      size: big.size,
      md5: big.md5,
    });
  });

  it('sends a part damaged on the way again: OBS refused it (BadDigest) and stored nothing of it', async () => {
    emulator().addFault({
      method: 'PUT',
      path: '/release-bucket/apps/damaged.apk',
      nth: 2,
      corruptBody: true,
    });
    const lines: string[] = [];
    const result = await client({}, lines).upload('release-bucket', 'apps/damaged.apk', big.path, MULTIPART);
    expect(result.md5).toBe(big.md5);
    expect(md5Of(emulator().getObject('release-bucket', 'apps/damaged.apk'))).toBe(big.md5);
    const refused = obsRequests('PUT').filter((r) => r.status === 400);
    expect(refused).toHaveLength(1);
    expect(emulator().obsStats()).toMatchObject({ partsReceived: 8, uploadsCompleted: 1 });
    expect(lines.join('\n')).toMatch(/BadDigest.*retry 1/);
  });

  it('refuses for good a single PUT that is damaged every time, and stores nothing', async () => {
    emulator().addFault({ method: 'PUT', path: '/release-bucket/apps/bad.apk', corruptBody: true });
    const error = await rejection(
      client({ maxAttempts: 2 }).upload('release-bucket', 'apps/bad.apk', small.path),
    );
    expect(error.details).toMatchObject({ status: 400, code: 'BadDigest' });
    expect(error.message).toMatch(/Hint: The bytes OBS received do not match their MD5/);
    expect(emulator().getObject('release-bucket', 'apps/bad.apk')).toBeUndefined();
  });
});

describe('ObsClient.ensureUploaded: upload once', () => {
  const objectPuts = () =>
    obsRequests('PUT').filter((r) => !('metadata' in r.query) && r.rawBody !== '<0 bytes>');

  it('uploads the first time, and the second time only looks (HEAD) and hashes', async () => {
    const first = await client().ensureUploaded('release-bucket', 'apps/once.apk', big.path, MULTIPART);
    expect(first).toMatchObject({ uploaded: true, md5: big.md5, bytes: big.size, md5Saved: true });
    expect(obsRequests('HEAD')).toHaveLength(1);
    // The upload starts on the HEAD's connection: no second handshake before its first request.
    const [head, start] = obsRequests();
    expect(start?.query).toHaveProperty('uploads');
    expect(start?.remotePort).toBe(head?.remotePort);
    emulator().requests.length = 0;
    const bytesBefore = emulator().obsStats().objectBytesReceived;
    const lines: string[] = [];
    const second = await client({}, lines).ensureUploaded(
      'release-bucket',
      'apps/once.apk',
      big.path,
      MULTIPART,
    );
    expect(second).toEqual({ uploaded: false, md5: big.md5, bytes: big.size });
    expect(obsRequests().map((r) => r.method)).toEqual(['HEAD']);
    expect(emulator().obsStats().objectBytesReceived).toBe(bytesBefore);
    expect(lines.join('\n')).toMatch(new RegExp(`already holds these ${big.size} bytes`));
  });

  it('stores the MD5 at the first request of a single PUT, and skips it the next time', async () => {
    await client().ensureUploaded('release-bucket', 'apps/small-once.apk', small.path);
    const [put] = obsRequests('PUT');
    expect(put?.remotePort).toBe(obsRequests('HEAD')[0]?.remotePort);
    expect(put?.headers['x-obs-meta-md5']).toBe(small.md5);
    expect(put?.headers['content-md5']).toBe(contentMd5Header(small.md5));
    expect(await client().ensureUploaded('release-bucket', 'apps/small-once.apk', small.path)).toMatchObject({
      uploaded: false,
    });
    expect(obsRequests('PUT')).toHaveLength(1);
  });

  it('uploads over an object of the same size with another MD5, with the MD5 known from the start', async () => {
    // Stored by an earlier run of the action: same size, its own MD5 in metadata.
    const other = tempFile('other.apk', big.size);
    await client().upload('release-bucket', 'apps/changed.apk', other.path, MULTIPART);
    expect((await client().headObject('release-bucket', 'apps/changed.apk'))?.md5).toBe(other.md5);
    emulator().requests.length = 0;
    const result = await client().ensureUploaded('release-bucket', 'apps/changed.apk', big.path, MULTIPART);
    expect(result).toMatchObject({ uploaded: true, md5: big.md5, md5Saved: true });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/changed.apk'))).toBe(big.md5);
    const [init] = obsRequests('POST');
    expect(init?.headers['x-obs-meta-md5']).toBe(big.md5);
    expect(obsRequests('PUT').filter((r) => 'metadata' in r.query)).toHaveLength(0);
  });

  it('uploads over an object without our MD5, or of another size, and when HEAD is refused', async () => {
    emulator().putObject('release-bucket', 'apps/foreign.apk', readFileSync(small.path));
    expect(await client().ensureUploaded('release-bucket', 'apps/foreign.apk', small.path)).toMatchObject({
      uploaded: true,
    });
    emulator().putObject('release-bucket', 'apps/short.apk', Buffer.from('short'));
    expect(await client().ensureUploaded('release-bucket', 'apps/short.apk', small.path)).toMatchObject({
      uploaded: true,
    });
    emulator().addFault({
      method: 'HEAD',
      path: '/release-bucket/apps/denied.apk',
      status: 403,
      headers: { 'x-obs-error-code': 'AccessDenied', 'x-obs-request-id': 'REQ-HEAD' },
    });
    const lines: string[] = [];
    expect(
      await client({}, lines).ensureUploaded('release-bucket', 'apps/denied.apk', small.path),
    ).toMatchObject({
      uploaded: true,
    });
    expect(lines.join('\n')).toMatch(
      /cannot check obs:\/\/release-bucket\/apps\/denied\.apk before uploading/,
    );
    expect(objectPuts()).toHaveLength(3);
  });

  it('reports a missing bucket from the HEAD, before reading the file', async () => {
    const error = await rejection(client().ensureUploaded('no-such-bucket', 'a.apk', big.path, MULTIPART));
    expect(error.details).toMatchObject({ status: 404, code: 'NoSuchBucket' });
    expect(obsRequests().map((r) => r.method)).toEqual(['HEAD']);
  });

  it('still succeeds when the MD5 cannot be stored afterwards, and says so', async () => {
    // The 9th PUT is the metadata update after 8 parts; a key that may write objects but not metadata.
    emulator().addFault({
      method: 'PUT',
      path: '/release-bucket/apps/nometa.apk',
      nth: 9,
      status: 403,
      headers: { 'Content-Type': 'application/xml' },
      body: errorXml('AccessDenied', 'Access Denied'),
    });
    const lines: string[] = [];
    const result = await client({}, lines).ensureUploaded(
      'release-bucket',
      'apps/nometa.apk',
      big.path,
      MULTIPART,
    );
    expect(result).toMatchObject({ uploaded: true, md5: big.md5, md5Saved: false });
    expect(md5Of(emulator().getObject('release-bucket', 'apps/nometa.apk'))).toBe(big.md5);
    expect(lines.join('\n')).toMatch(
      /OBS metadata update of obs:\/\/release-bucket\/apps\/nometa\.apk failed: AccessDenied/,
    );
    // Without the MD5 in metadata the next run cannot recognise the object, and uploads it again.
    expect(
      await client().ensureUploaded('release-bucket', 'apps/nometa.apk', big.path, MULTIPART),
    ).toMatchObject({
      uploaded: true,
    });
  });
});
