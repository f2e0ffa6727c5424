// The emulator's OBS: Huawei's official SDK as a client (it must be accepted as real OBS would
// accept it), the error answers, and the install jobs that download their package through it.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ObsSdk from 'esdk-obs-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObsPath } from '../emulator/index.js';
import { signHeaders } from '../src/obs/index.js';
import { useEmulator } from './support/fixture.js';

const DURATION = 100;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emu-obs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Install tasks here report the API pages' states (1/2/-1); the other files use the SDK's (0/1/2/3).
const emulator = useEmulator({
  jobDurationMs: DURATION,
  missingBuckets: ['gone-bucket'],
  kooInstallStates: 'pages',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

async function sdkClient(options: Record<string, unknown> = {}): Promise<ObsSdk> {
  const e = emulator();
  const client = new ObsSdk({
    access_key_id: e.options.accessKey,
    secret_access_key: e.options.secretKey,
    server: e.url,
    max_retry_count: 0,
    timeout: 10,
    ...options,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return client;
}

/** A request signed in the OBS header form by src/obs (itself checked against the SDK in obs.test.ts). */
async function signed(
  method: string,
  path: string,
  options: {
    query?: Array<[string, string]>;
    headers?: Record<string, string>;
    body?: Buffer | string;
    now?: Date;
    secretKey?: string;
  } = {},
) {
  const e = emulator();
  const [, bucket = '', key = ''] = /^\/([^/]+)\/(.*)$/.exec(path) ?? [];
  const headers = signHeaders(
    {
      method,
      bucket,
      key: decodeURIComponent(key),
      query: options.query ?? [],
      headers: options.headers ?? {},
    },
    { accessKey: e.options.accessKey, secretKey: options.secretKey ?? e.options.secretKey },
    options.now,
  );
  const query = (options.query ?? [])
    .map(([n, v]) => (v === '' ? n : `${n}=${encodeURIComponent(v)}`))
    .join('&');
  const res = await fetch(`${e.url}${path}${query ? `?${query}` : ''}`, {
    method,
    headers,
    // A Buffer: fetch would add "Content-Type: text/plain" to a string body, which is not signed.
    ...(options.body !== undefined ? { body: Buffer.from(options.body) } : {}),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Response.json() is typed unknown; these tests read fields the emulator documents. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

const code = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];

describe('the official SDK against the emulated OBS', () => {
  it('puts, uploads in parts, completes and reads objects back (V2 signature, path style)', async () => {
    const sdk = await sdkClient();
    const put = await sdk.putObject({
      Bucket: 'sdk-bucket',
      Key: 'a b/c+d (1).apk',
      Body: Buffer.from('small object'),
    });
    expect(put.CommonMsg.Status).toBe(200);
    expect(emulator().getObject('sdk-bucket', 'a b/c+d (1).apk')?.toString()).toBe('small object');

    const init = await sdk.initiateMultipartUpload({ Bucket: 'sdk-bucket', Key: 'big.apk' });
    expect(init.CommonMsg.Status).toBe(200);
    const uploadId = init.InterfaceResult?.UploadId;
    const chunks = [randomBytes(200 * 1024), randomBytes(150 * 1024), randomBytes(1000)];
    // From a file, as the SDK uploads parts (it sends a Buffer Body through String()).
    const file = join(dir, 'parts.bin');
    writeFileSync(file, Buffer.concat(chunks));
    const parts = [];
    let offset = 0;
    for (const [i, chunk] of chunks.entries()) {
      const r = await sdk.uploadPart({
        Bucket: 'sdk-bucket',
        Key: 'big.apk',
        PartNumber: i + 1,
        UploadId: uploadId,
        SourceFile: file,
        Offset: offset,
        PartSize: chunk.length,
      });
      offset += chunk.length;
      expect(r.CommonMsg.Status).toBe(200);
      parts.push({ PartNumber: i + 1, ETag: r.InterfaceResult?.ETag });
    }
    const done = await sdk.completeMultipartUpload({
      Bucket: 'sdk-bucket',
      Key: 'big.apk',
      UploadId: uploadId,
      Parts: parts,
    });
    expect(done.CommonMsg.Status).toBe(200);
    expect(done.InterfaceResult?.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(md5(emulator().getObject('sdk-bucket', 'big.apk')!)).toBe(md5(Buffer.concat(chunks)));

    const got = await sdk.getObject({ Bucket: 'sdk-bucket', Key: 'a b/c+d (1).apk' });
    expect(got.InterfaceResult?.Content).toBe('small object');
    const head = await sdk.getObjectMetadata({ Bucket: 'sdk-bucket', Key: 'big.apk' });
    expect(head.InterfaceResult?.ContentLength).toBe(String(200 * 1024 + 150 * 1024 + 1000));
    expect(emulator().obsStats()).toMatchObject({
      partsReceived: 3,
      uploadsInitiated: 1,
      uploadsCompleted: 1,
    });
    expect(
      emulator().requests.every((r) => r.family === 'obs' && /^AWS /.test(r.headers.authorization ?? '')),
    ).toBe(true);
  });

  it('rejects the SDK with a wrong secret key or an unknown access key', async () => {
    const wrongSk = await sdkClient({ secret_access_key: 'wrong' });
    const r = await wrongSk.getObject({ Bucket: 'sdk-bucket', Key: 'x' });
    expect(r.CommonMsg).toMatchObject({ Status: 403, Code: 'SignatureDoesNotMatch' });
    expect(r.CommonMsg.RequestId).toMatch(/^[0-9A-F]{32}$/);
    const wrongAk = await sdkClient({ access_key_id: 'UNKNOWNAK' });
    const u = await wrongAk.putObject({ Bucket: 'sdk-bucket', Key: 'x', Body: 'x' });
    expect(u.CommonMsg).toMatchObject({ Status: 403, Code: 'InvalidAccessKeyId' });
    expect(emulator().getObject('sdk-bucket', 'x')).toBeUndefined();
  });

  it('accepts the SDK’s pre-signed OBS URLs (GET and PUT, with and without a security token)', async () => {
    const e = emulator();
    const data = randomBytes(5000);
    e.putObject('url-bucket', 'apps/ü 1.apk', data);
    for (const token of [undefined, 'temporary/token+value=']) {
      // Signed for the real virtual-hosted endpoint; the signature covers /bucket/key, so it is
      // valid in path style too.
      const sdk = await sdkClient({
        server: 'https://obs.cn-north-4.myhuaweicloud.com',
        signature: 'obs',
        ...(token ? { security_token: token } : {}),
      });
      const toEmulator = (url: string) =>
        url.replace(/^https:\/\/([^.]+)\.obs\.cn-north-4\.myhuaweicloud\.com:443/, `${e.url}/$1`);
      const get = toEmulator(
        sdk.createSignedUrlSync({ Method: 'GET', Bucket: 'url-bucket', Key: 'apps/ü 1.apk', Expires: 300 })
          .SignedUrl,
      );
      expect(get).toContain(`${e.url}/url-bucket/apps/%C3%BC%201.apk?AccessKeyId=`);
      const res = await fetch(get);
      expect(res.status).toBe(200);
      expect(md5(Buffer.from(await res.arrayBuffer()))).toBe(md5(data));

      const put = toEmulator(
        sdk.createSignedUrlSync({ Method: 'PUT', Bucket: 'url-bucket', Key: 'up.apk', Expires: 300 })
          .SignedUrl,
      );
      expect((await fetch(put, { method: 'PUT', body: Buffer.from('uploaded') })).status).toBe(200);
      expect(e.getObject('url-bucket', 'up.apk')?.toString()).toBe('uploaded');
      // A URL signed for another key does not open this one.
      const other = get.replace('/apps/%C3%BC%201.apk', '/apps/other.apk');
      expect(code(await (await fetch(other)).text())).toBe('SignatureDoesNotMatch');
    }
  });
});

/** Sends like a client on a real endpoint: to the emulator's socket, with the bucket in the Host. */
function virtualHosted(
  method: string,
  host: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
) {
  const e = emulator();
  const { port } = new URL(e.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, Host: host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('OBS virtual-hosted addressing', () => {
  it('routes {bucket}.obs.{region}... requests like the real service, signed as src/obs signs them', async () => {
    const body = Buffer.from('apk bytes');
    const key = 'cloud-phone-deploy/com.example.app/1.2.3_45/app.apk';
    const put = signHeaders(
      {
        method: 'PUT',
        bucket: 'vh-bucket',
        key,
        query: [],
        headers: { 'Content-Type': 'application/octet-stream' },
      },
      { accessKey: emulator().options.accessKey, secretKey: emulator().options.secretKey },
    );
    const host = 'vh-bucket.obs.cn-north-4.myhuaweicloud.com';
    const r = await virtualHosted('PUT', host, `/${key}`, put, body);
    expect(r.status).toBe(200);
    expect(emulator().getObject('vh-bucket', key)?.equals(body)).toBe(true);
    expect(emulator().requests[0]).toMatchObject({ family: 'obs', path: `/vh-bucket/${key}` });

    // The signature names the bucket: the same request sent to another bucket's host is refused.
    const other = await virtualHosted(
      'PUT',
      `other-bucket.obs.cn-north-4.myhuaweicloud.com`,
      `/${key}`,
      put,
      body,
    );
    expect(other.status).toBe(403);
    expect(code(other.text)).toBe('SignatureDoesNotMatch');
  });

  it('keeps path style for hosts without .obs. (127.0.0.1, API endpoints)', async () => {
    const r = await virtualHosted('GET', 'cph.cn-north-4.myhuaweicloud.com', '/vh-bucket/key', {});
    expect(emulator().requests[0]?.path).toBe('/vh-bucket/key');
    expect(r.status).toBe(403); // an unsigned object request: refused by OBS, not routed elsewhere
  });
});

describe('OBS answers', () => {
  it('routes /{bucket}/{key} to OBS and leaves the API paths alone', async () => {
    expect(isObsPath('/bucket/key')).toBe(true);
    expect(isObsPath('/bucket/a/b/c.apk')).toBe(true);
    expect(isObsPath('/v1/instances')).toBe(false);
    expect(isObsPath('/nope')).toBe(false);
    expect(isObsPath('/Bad_Bucket/key')).toBe(false);
    expect(isObsPath('/bucket/')).toBe(false);
    const r = await fetch(`${emulator().url}/Bad_Bucket/key`);
    expect(r.status).toBe(404);
    expect((await json(r)).error_code).toBe('APIGW.0101');
    expect(emulator().requests[0]?.family).toBe('other');
  });

  it('refuses anonymous, unknown-key, skewed, tampered and expired requests with XML errors', async () => {
    const e = emulator();
    e.putObject('err-bucket', 'k.apk', Buffer.from('x'));
    const anonymous = await fetch(`${e.url}/err-bucket/k.apk`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get('content-type')).toBe('application/xml');
    const xml = await anonymous.text();
    expect(xml).toMatch(
      /^<\?xml[^>]*>\n<Error><Code>AccessDenied<\/Code><Message>[^<]+<\/Message><RequestId>[0-9A-F]{32}<\/RequestId><HostId>/,
    );
    expect(anonymous.headers.get('x-obs-request-id')).toMatch(/^[0-9A-F]{32}$/);

    const skewed = await signed('GET', '/err-bucket/k.apk', { now: new Date(Date.now() - 20 * 60_000) });
    expect([skewed.status, code(skewed.text)]).toEqual([403, 'RequestTimeTooSkewed']);
    const wrongSk = await signed('GET', '/err-bucket/k.apk', { secretKey: 'wrong' });
    expect([wrongSk.status, code(wrongSk.text)]).toEqual([403, 'SignatureDoesNotMatch']);
    const ok = await signed('GET', '/err-bucket/k.apk');
    expect([ok.status, ok.text]).toEqual([200, 'x']);

    const url = e.presignedUrl('err-bucket', 'k.apk', 60);
    expect((await fetch(url)).status).toBe(200);
    const expired = await fetch(e.presignedUrl('err-bucket', 'k.apk', -1));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>');
    const tampered = await fetch(url.replace(/Signature=[^&]+/, 'Signature=AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D'));
    expect(code(await tampered.text())).toBe('SignatureDoesNotMatch');
    const unknownAk = await fetch(url.replace(/AccessKeyId=[^&]+/, 'AccessKeyId=OTHER'));
    expect(code(await unknownAk.text())).toBe('InvalidAccessKeyId');
    const noExpires = await fetch(url.replace(/Expires=\d+/, 'Expires=soon'));
    expect(code(await noExpires.text())).toBe('AccessDenied');
    const badHeader = await fetch(`${e.url}/err-bucket/k.apk`, { headers: { Authorization: 'Bearer x' } });
    expect([badHeader.status, code(await badHeader.text())]).toEqual([400, 'InvalidArgument']);
  });

  it('answers missing keys and buckets, HEAD without a body, deletes, and unsupported methods', async () => {
    const e = emulator();
    const missing = await signed('GET', '/err-bucket/none.apk');
    expect([missing.status, code(missing.text)]).toEqual([404, 'NoSuchKey']);
    const head = await signed('HEAD', '/err-bucket/none.apk');
    expect([head.status, head.text, head.headers.get('x-obs-error-code')]).toEqual([404, '', 'NoSuchKey']);
    const gone = await signed('PUT', '/gone-bucket/k.apk', { body: 'x' });
    expect([gone.status, code(gone.text)]).toEqual([404, 'NoSuchBucket']);
    expect(e.getObject('gone-bucket', 'k.apk')).toBeUndefined();

    expect(
      (await signed('PUT', '/err-bucket/k.apk', { body: 'data', headers: { 'Content-Type': 'text/plain' } }))
        .status,
    ).toBe(200);
    const found = await signed('HEAD', '/err-bucket/k.apk');
    expect([
      found.status,
      found.headers.get('content-length'),
      found.headers.get('content-type'),
      found.headers.get('etag'),
    ]).toEqual([200, '4', 'text/plain', `"${md5(Buffer.from('data'))}"`]);
    expect((await signed('DELETE', '/err-bucket/k.apk')).status).toBe(204);
    expect(e.getObject('err-bucket', 'k.apk')).toBeUndefined();
    const patch = await signed('PATCH', '/err-bucket/k.apk');
    expect([patch.status, code(patch.text)]).toEqual([405, 'MethodNotAllowed']);
    const copy = await signed('PUT', '/err-bucket/c.apk', {
      headers: { 'x-obs-copy-source': '/err-bucket/k.apk' },
    });
    expect(copy.status).toBe(501);
  });

  it('checks Content-MD5', async () => {
    const body = Buffer.from('hello');
    const good = await signed('PUT', '/md5-bucket/a', {
      body,
      headers: { 'Content-MD5': createHash('md5').update(body).digest('base64') },
    });
    expect(good.status).toBe(200);
    const bad = await signed('PUT', '/md5-bucket/a', {
      body,
      headers: { 'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==' },
    });
    expect([bad.status, code(bad.text)]).toEqual([400, 'BadDigest']);
    const invalid = await signed('PUT', '/md5-bucket/a', { body, headers: { 'Content-MD5': 'not-md5' } });
    expect([invalid.status, code(invalid.text)]).toEqual([400, 'InvalidDigest']);
  });

  it('enforces the multipart rules: part numbers, ETags, order, minimum size, abort', async () => {
    const init = await signed('POST', '/mp-bucket/f.apk', { query: [['uploads', '']] });
    expect(init.status).toBe(200);
    expect(init.text).toMatch(
      /<InitiateMultipartUploadResult[^>]*><Bucket>mp-bucket<\/Bucket><Key>f\.apk<\/Key><UploadId>[0-9A-F]{32}<\/UploadId>/,
    );
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    const part = (n: string, body: Buffer) =>
      signed('PUT', '/mp-bucket/f.apk', {
        query: [
          ['partNumber', n],
          ['uploadId', uploadId],
        ],
        body,
      });
    const big = randomBytes(100 * 1024);
    const tiny = Buffer.from('tiny');
    const p1 = await part('1', tiny);
    const p2 = await part('2', big);
    expect(p1.headers.get('etag')).toBe(`"${md5(tiny)}"`);
    expect(code((await part('0', tiny)).text)).toBe('InvalidArgument');
    expect(code((await part('10001', tiny)).text)).toBe('InvalidArgument');
    const unknownUpload = await signed('PUT', '/mp-bucket/f.apk', {
      query: [
        ['partNumber', '1'],
        ['uploadId', 'NOPE'],
      ],
      body: tiny,
    });
    expect([unknownUpload.status, code(unknownUpload.text)]).toEqual([404, 'NoSuchUpload']);

    const complete = (xml: string) =>
      signed('POST', '/mp-bucket/f.apk', { query: [['uploadId', uploadId]], body: xml });
    const list = (...ps: Array<[number, string | null]>) =>
      `<CompleteMultipartUpload>${ps.map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    expect(code((await complete('<nope/>')).text)).toBe('MalformedXML');
    expect(code((await complete('<CompleteMultipartUpload></CompleteMultipartUpload>')).text)).toBe(
      'MalformedXML',
    );
    expect(code((await complete(list([1, '"0000"']))).text)).toBe('InvalidPart');
    expect(code((await complete(list([2, p2.headers.get('etag')], [1, p1.headers.get('etag')]))).text)).toBe(
      'InvalidPartOrder',
    );
    // Part 1 is 4 bytes and not the last: too small.
    expect(code((await complete(list([1, p1.headers.get('etag')], [2, p2.headers.get('etag')]))).text)).toBe(
      'EntityTooSmall',
    );
    expect(emulator().obsStats().openUploads).toBe(1);

    expect((await signed('DELETE', '/mp-bucket/f.apk', { query: [['uploadId', uploadId]] })).status).toBe(
      204,
    );
    expect(code((await signed('DELETE', '/mp-bucket/f.apk', { query: [['uploadId', uploadId]] })).text)).toBe(
      'NoSuchUpload',
    );
    expect(emulator().obsStats()).toMatchObject({
      uploadsInitiated: 1,
      uploadsAborted: 1,
      openUploads: 0,
      partsReceived: 2,
    });
  });

  it('records object requests without their bodies, and reset() forgets objects and counters', async () => {
    const e = emulator();
    await signed('PUT', '/rec-bucket/k.apk', { body: randomBytes(1234) });
    expect(e.requests[0]).toMatchObject({
      family: 'obs',
      method: 'PUT',
      path: '/rec-bucket/k.apk',
      status: 200,
      rawBody: '<1234 bytes>',
    });
    expect(e.obsStats().objectBytesReceived).toBe(1234);
    await signed('POST', '/rec-bucket/k.apk', { query: [['uploads', '']] });
    e.reset();
    expect(e.getObject('rec-bucket', 'k.apk')).toBeUndefined();
    expect(e.obsStats()).toEqual({
      partsReceived: 0,
      maxConcurrentPartUploads: 0,
      uploadsInitiated: 0,
      uploadsCompleted: 0,
      uploadsAborted: 0,
      openUploads: 0,
      objectBytesReceived: 0,
      multipartObjectsHashed: 0,
    });
  });

  it('refuses a part whose bytes do not match its Content-MD5, and keeps nothing of it', async () => {
    const init = await signed('POST', '/digest-bucket/p.apk', { query: [['uploads', '']] });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    const body = randomBytes(200 * 1024);
    const part = (data: Buffer, md5: string) =>
      signed('PUT', '/digest-bucket/p.apk', {
        query: [
          ['partNumber', '1'],
          ['uploadId', uploadId],
        ],
        headers: { 'Content-MD5': md5 },
        body: data,
      });
    const corrupted = Buffer.from(body);
    corrupted[100] = (corrupted[100] ?? 0) ^ 1;
    const goodMd5 = createHash('md5').update(body).digest('base64');
    const refused = await part(corrupted, goodMd5);
    expect([refused.status, code(refused.text)]).toEqual([400, 'BadDigest']);
    const invalid = await part(body, 'bm90LWFuLW1kNQ'); // not the base64 of 16 bytes
    expect([invalid.status, code(invalid.text)]).toEqual([400, 'InvalidDigest']);
    expect(emulator().obsStats().partsReceived).toBe(0);
    const complete = await signed('POST', '/digest-bucket/p.apk', {
      query: [['uploadId', uploadId]],
      headers: { 'Content-Type': 'application/xml' },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"${createHash('md5').update(corrupted).digest('hex')}"</ETag></Part></CompleteMultipartUpload>`,
    });
    expect([complete.status, code(complete.text)]).toEqual([400, 'InvalidPart']);
    const accepted = await part(body, goodMd5);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('etag')).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
  });

  it('keeps x-obs-meta-* from a PUT and from an initiated multipart upload, and HEAD returns them', async () => {
    const put = await signed('PUT', '/meta-bucket/a.apk', {
      body: 'abc',
      headers: { 'x-obs-meta-md5': '900150983cd24fb0d6963f7d28e17f72', 'x-obs-meta-Build': '42' },
    });
    expect(put.status).toBe(200);
    const head = await signed('HEAD', '/meta-bucket/a.apk');
    expect(head.headers.get('x-obs-meta-md5')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(head.headers.get('x-obs-meta-build')).toBe('42');
    // A new PUT replaces the object and its metadata.
    await signed('PUT', '/meta-bucket/a.apk', { body: 'abc' });
    expect((await signed('HEAD', '/meta-bucket/a.apk')).headers.get('x-obs-meta-md5')).toBeNull();

    const init = await signed('POST', '/meta-bucket/m.apk', {
      query: [['uploads', '']],
      headers: { 'x-obs-meta-md5': 'aaaabbbbccccddddeeeeffff00001111' },
    });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    const body = randomBytes(1000);
    const part = await signed('PUT', '/meta-bucket/m.apk', {
      query: [
        ['partNumber', '1'],
        ['uploadId', uploadId],
      ],
      body,
    });
    await signed('POST', '/meta-bucket/m.apk', {
      query: [['uploadId', uploadId]],
      headers: { 'Content-Type': 'application/xml' },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`,
    });
    const mhead = await signed('HEAD', '/meta-bucket/m.apk');
    expect(mhead.headers.get('x-obs-meta-md5')).toBe('aaaabbbbccccddddeeeeffff00001111');
    expect(mhead.headers.get('etag')).toMatch(/-1"$/);
  });

  it('modifies metadata with PUT ?metadata (REPLACE_NEW keeps Content-Type), and needs the directive', async () => {
    await signed('PUT', '/meta-bucket/b.apk', {
      body: 'abc',
      headers: { 'Content-Type': 'application/vnd.android.package-archive', 'x-obs-meta-old': '1' },
    });
    const update = (headers: Record<string, string>, key = 'b.apk') =>
      signed('PUT', `/meta-bucket/${key}`, { query: [['metadata', '']], headers });
    const missing = await update({ 'x-obs-meta-md5': '900150983cd24fb0d6963f7d28e17f72' });
    expect([missing.status, code(missing.text)]).toEqual([400, 'InvalidArgument']);
    const ok = await update({
      'x-obs-metadata-directive': 'REPLACE_NEW',
      'x-obs-meta-md5': '900150983cd24fb0d6963f7d28e17f72',
    });
    expect(ok.status).toBe(200);
    const head = await signed('HEAD', '/meta-bucket/b.apk');
    expect(head.headers.get('x-obs-meta-md5')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(head.headers.get('x-obs-meta-old')).toBeNull();
    expect(head.headers.get('content-type')).toBe('application/vnd.android.package-archive');
    expect(emulator().getObject('meta-bucket', 'b.apk')?.toString()).toBe('abc');
    const noKey = await update({ 'x-obs-metadata-directive': 'REPLACE_NEW' }, 'none.apk');
    expect([noKey.status, code(noKey.text)]).toEqual([404, 'NoSuchKey']);
  });
});

describe('install jobs download their package', () => {
  const APK = randomBytes(3 * 1024 * 1024 + 10); // 4 MB rounded up
  const token = () => ({ 'X-Auth-Token': emulator().options.token, 'x-request-id': randomUUID() });

  /** Submits an install of the package to inst-a and inst-b, and answers its task id. */
  async function submitInstall(overrides: Record<string, string> = {}, stored = true): Promise<string> {
    const e = emulator();
    if (stored) e.putObject('pkg-bucket', 'apps/demo.apk', APK);
    const body = {
      object_name: 'com.example.demo',
      file_name: 'demo.apk',
      object_version: '1.0.0',
      object_size: '4',
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: md5(APK),
      install_package_url: e.presignedUrl('pkg-bucket', 'apps/demo.apk', 600),
      instance_id_list: ['inst-a', 'inst-b'],
      ...overrides,
    };
    const submit = await fetch(`${e.url}/v1/instances/app/install`, {
      method: 'POST',
      headers: { ...token(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const submitted = await json(submit);
    expect(submitted.error_code).toBe('0'); // the submit answer never changes: failures show in the jobs
    return submitted.data.data.task_id as string;
  }

  async function install(overrides: Record<string, string> = {}, stored = true) {
    const taskId = await submitInstall(overrides, stored);
    await sleep(DURATION + 50);
    const task = await fetch(`${emulator().url}/v1/instances/tasks/${taskId}`, { headers: token() });
    const jobs = (await json(task)).data.jobs as Array<{
      status: number;
      error_code: string;
      error_msg: string;
    }>;
    expect(jobs).toHaveLength(2);
    return jobs[0]!;
  }

  it('succeeds when the pre-signed URL downloads and the size and MD5 match', async () => {
    expect(await install()).toMatchObject({ status: 2, error_code: '' });
    expect((await install({ content_md5: md5(APK).toUpperCase() })).status).toBe(2);
    expect((await install({ content_md5: createHash('md5').update(APK).digest('base64') })).status).toBe(2);
    expect((await install({ content_md5: '' })).status).toBe(2);
  });

  /** A multipart upload of apps/demo.apk, its parts sent in the order given. */
  async function upload(parts: Array<[number, Buffer]>) {
    const init = await signed('POST', '/pkg-bucket/apps/demo.apk', { query: [['uploads', '']] });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    const etags = new Map<number, string>();
    for (const [n, body] of parts) {
      const answer = await signed('PUT', '/pkg-bucket/apps/demo.apk', {
        query: [
          ['partNumber', String(n)],
          ['uploadId', uploadId],
        ],
        body,
      });
      expect(answer.status).toBe(200);
      etags.set(n, answer.headers.get('etag')!);
    }
    const list = [...etags.keys()]
      .sort((x, y) => x - y)
      .map((n) => `<Part><PartNumber>${n}</PartNumber><ETag>${etags.get(n)}</ETag></Part>`);
    const done = await signed('POST', '/pkg-bucket/apps/demo.apk', {
      query: [['uploadId', uploadId]],
      body: `<CompleteMultipartUpload>${list.join('')}</CompleteMultipartUpload>`,
    });
    expect(done.status).toBe(200);
  }

  // The MD5 a job compares is that of the bytes completed, whatever the order in which the parts
  // arrived and after a part is sent again.
  it('checks a multipart object by the MD5 of its completed bytes (parts out of order, a part sent again)', async () => {
    const [a, b, c] = [APK.subarray(0, 1 << 20), APK.subarray(1 << 20, 2 << 20), APK.subarray(2 << 20)];
    await upload([
      [2, b],
      [3, c],
      [1, a],
    ]);
    expect(await install({}, false)).toMatchObject({ status: 2, error_code: '' });
    // Part 1 first goes with other bytes, then again with the right ones.
    await upload([
      [1, randomBytes(1 << 20)],
      [2, b],
      [1, a],
      [3, c],
    ]);
    expect(await install({}, false)).toMatchObject({ status: 2, error_code: '' });
    await upload([
      [1, a],
      [2, b],
      [3, randomBytes(c.length)],
    ]);
    expect((await install({}, false)).status).not.toBe(2);
  });

  // A real OBS never hashes a multipart object whole, and an instance hashes its package after
  // the submit was answered: neither the upload nor the submit may pay for it.
  it('hashes a multipart object whole only once an install job is looked at, and only once', async () => {
    const stats = () => emulator().obsStats().multipartObjectsHashed;
    const [a, b] = [APK.subarray(0, 2 << 20), APK.subarray(2 << 20)];
    await upload([
      [1, a],
      [2, b],
    ]);
    const taskId = await submitInstall({}, false);
    expect(stats()).toBe(0);
    await sleep(DURATION + 50);
    const task = await fetch(`${emulator().url}/v1/instances/tasks/${taskId}`, { headers: token() });
    expect((await json(task)).data.jobs[0]).toMatchObject({ status: 2, error_code: '' });
    expect(stats()).toBe(1);
    expect(await install({ content_md5: md5(Buffer.concat([a, b])) }, false)).toMatchObject({ status: 2 });
    expect(await install({ content_md5: md5(a) }, false)).toMatchObject({ status: -1 });
    expect(stats()).toBe(1);
  });

  it('counts an install nobody looked at in what `pm list packages` answers', async () => {
    const e = emulator();
    e.fleet.describeObject('pkg-bucket', 'apps/demo.apk', {
      packageName: 'com.example.demo',
      versionCode: 7,
    });
    const list = async () => {
      const submit = await fetch(`${e.url}/v1/instances/async-command`, {
        method: 'POST',
        headers: { ...token(), 'Content-Type': 'application/json' },
        body: JSON.stringify({
          command: 'pm list packages --show-versioncode com.example',
          instance_ids: ['inst-a'],
        }),
      });
      const taskId = (await json(submit)).data.task_id as string;
      await sleep(DURATION + 50);
      const task = await fetch(`${e.url}/v1/instances/tasks/${taskId}`, { headers: token() });
      return (await json(task)).data.jobs[0].execute_msg as string;
    };
    expect(await list()).toBe('');
    await submitInstall();
    await sleep(DURATION + 50);
    expect(await list()).toBe('package:com.example.demo versionCode:7');
    await submitInstall({ content_md5: md5(Buffer.from('other')) });
    await sleep(DURATION + 50);
    e.fleet.describeObject('pkg-bucket', 'apps/demo.apk', {
      packageName: 'com.example.demo',
      versionCode: 8,
    });
    expect(await list()).toBe('package:com.example.demo versionCode:7');
  });

  it('never fetches another host: the job fails with "not reachable"', async () => {
    let hits = 0;
    const other = createServer((_req, res) => {
      hits++;
      res.end('apk');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as { port: number }).port;
      for (const url of [
        `http://127.0.0.1:${port}/pkg-bucket/apps/demo.apk`,
        'https://pkg-bucket.obs.cn-north-4.myhuaweicloud.com/apps/demo.apk?AccessKeyId=A&Expires=1&Signature=S',
      ]) {
        const job = await install({ install_package_url: url });
        expect(job).toMatchObject({ status: -1, error_code: 'KOOPHONE.INSTALL.DOWNLOAD_FAILED' });
        expect(job.error_msg).toMatch(
          /^could not download the package: host \S+ is not reachable from the emulator/,
        );
      }
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it.each([
    [
      'an expired URL',
      () => emulator().presignedUrl('pkg-bucket', 'apps/demo.apk', -5),
      /HTTP 403 AccessDenied: Request has expired/,
    ],
    [
      'a wrong signature',
      () =>
        emulator()
          .presignedUrl('pkg-bucket', 'apps/demo.apk', 600)
          .replace(/Signature=[^&]+/, 'Signature=Zm9v'),
      /HTTP 403 SignatureDoesNotMatch/,
    ],
    [
      'a missing object',
      () => emulator().presignedUrl('pkg-bucket', 'apps/other.apk', 600),
      /HTTP 404 NoSuchKey/,
    ],
    [
      'a missing bucket',
      () => emulator().presignedUrl('gone-bucket', 'apps/demo.apk', 600),
      /HTTP 404 NoSuchBucket/,
    ],
  ])('fails the job on %s', async (_name, url, message) => {
    emulator().setOutcome('inst-a', { status: 'succeeded' }); // a download failure wins over outcomes
    const job = await install({ install_package_url: url() });
    expect(job).toMatchObject({ status: -1, error_code: 'KOOPHONE.INSTALL.DOWNLOAD_FAILED' });
    expect(job.error_msg).toMatch(message);
  });

  it('fails the job when object_size or content_md5 do not match the package', async () => {
    const size = await install({ object_size: '3' });
    expect(size).toMatchObject({ status: -1, error_code: 'KOOPHONE.INSTALL.SIZE_MISMATCH' });
    expect(size.error_msg).toBe(
      `object_size is 3 MB but the package is ${APK.length} bytes (4 MB rounded up)`,
    );
    const wrong = await install({ content_md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(wrong).toMatchObject({ status: -1, error_code: 'KOOPHONE.INSTALL.MD5_MISMATCH' });
    expect(wrong.error_msg).toBe(
      `content_md5 d41d8cd98f00b204e9800998ecf8427e does not match the MD5 of the downloaded package, ${md5(APK)}`,
    );
  });

  it('fails a CPH install whose obs:// package does not exist', async () => {
    const e = emulator();
    e.putObject('pkg-bucket', 'apps/demo.apk', APK);
    const cph = async (content: string) => {
      const r = await fetch(`${e.url}/v1/${e.options.projectId}/cloud-phone/phones/commands`, {
        method: 'POST',
        headers: { 'X-Auth-Token': e.options.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ command: 'install', content, phone_ids: ['phone-1'] }),
      });
      const jobId = (await json(r)).jobs[0].job_id as string;
      await sleep(DURATION + 50);
      const job = await fetch(`${e.url}/v1/${e.options.projectId}/cloud-phone/jobs/${jobId}`, {
        headers: { 'X-Auth-Token': e.options.token },
      });
      return json(job);
    };
    expect(await cph('-r obs://pkg-bucket/apps/demo.apk')).toMatchObject({ status: 2, error_code: null });
    expect(await cph('-r -d obs://pkg-bucket/apps/demo.apk')).toMatchObject({ status: 2 });
    expect(await cph('-r obs://pkg-bucket/apps/missing.apk')).toMatchObject({
      status: -1,
      error_code: 'CPH.INSTALL.OBJECT_NOT_FOUND',
      error_msg: 'the package obs://pkg-bucket/apps/missing.apk does not exist in OBS',
    });
    expect(await cph('-r obs://gone-bucket/apps/demo.apk')).toMatchObject({
      status: -1,
      error_code: 'CPH.INSTALL.OBJECT_NOT_FOUND',
    });
    expect(await cph('-r /sdcard/demo.apk')).toMatchObject({
      status: -1,
      error_code: 'CPH.INSTALL.NO_PACKAGE',
    });
  });
});

describe('cli --seed-object', () => {
  function runCli(
    args: string[],
  ): Promise<{ code: number | null; out: string; url?: string; kill: () => void }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve({ code: null, out, url: m[1]!, kill: () => child.kill('SIGTERM') });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => resolve({ code, out, kill: () => undefined }));
    });
  }

  it('stores the files and prints a pre-signed URL for each, before announcing itself', async () => {
    const data = randomBytes(70_000);
    const file = join(dir, 'app.apk');
    writeFileSync(file, data);
    const run = await runCli([
      '--seed-object',
      `seed-bucket/apps/app 1.apk=${file}`,
      '--seed-object',
      `seed-bucket/b.apk=${file}`,
      '--url-expiry',
      '2h',
    ]);
    try {
      const lines = [
        ...run.out.matchAll(/^seeded (obs:\/\/.+?) \((\d+) bytes, md5 ([0-9a-f]{32})\): (http:\/\/\S+)$/gm),
      ];
      expect(lines.map((m) => m[1])).toEqual(['obs://seed-bucket/apps/app 1.apk', 'obs://seed-bucket/b.apk']);
      expect(lines[0]![2]).toBe(String(data.length));
      expect(lines[0]![3]).toBe(md5(data));
      const url = lines[0]![4]!;
      expect(url.startsWith(`${run.url}/seed-bucket/apps/app%201.apk?AccessKeyId=`)).toBe(true);
      const expires = Number(new URL(url).searchParams.get('Expires'));
      expect(expires - Date.now() / 1000).toBeGreaterThan(7000);
      const res = await fetch(url);
      expect(md5(Buffer.from(await res.arrayBuffer()))).toBe(md5(data));
    } finally {
      run.kill();
    }
  });

  it('refuses a malformed --seed-object or a file it cannot read', async () => {
    // Two processes side by side: each spends most of its time starting tsx.
    const [bad, missing] = await Promise.all([
      runCli(['--seed-object', 'no-key-here']),
      runCli(['--seed-object', `seed-bucket/a.apk=${join(dir, 'missing.apk')}`]),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--seed-object must look like bucket/key=localfile');
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/ENOENT/);
  });
});
