// OBS (object storage) as the action and the install jobs use it: PUT object, multipart upload
// (initiate, parts, complete, abort), GET/HEAD with a pre-signed URL or a signed header, DELETE.
// Path-style addressing only (http://127.0.0.1:PORT/{bucket}/{key}); objects live in memory.
//
// Authentication follows the OBS API reference ("User Signature Authentication"), written here
// from that page and not from any client code, so that the official SDK stays an independent
// oracle in the tests:
//   StringToSign = VERB\nContent-MD5\nContent-Type\nDate|Expires\nCanonicalizedHeaders CanonicalizedResource
//   Signature    = base64(HMAC-SHA1(SK, StringToSign))
// in the header form `Authorization: OBS AK:Signature` or the query form (AccessKeyId, Expires,
// Signature). The S3-compatible V2 form (`AWS AK:Signature`, x-amz-* headers, AWSAccessKeyId),
// which OBS also accepts and which the SDK uses for IP-address endpoints, is verified the same way.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from './response.js';
import { uriEncode } from './auth.js';
import type { StsService } from './sts.js';
import type { ObsStats, ResolvedOptions } from './types.js';

const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const MIN_PART_BYTES = 100 * 1024; // every part but the last
const MAX_PART_NUMBER = 10_000;
const XML_TYPE = 'application/xml';
const XMLNS = 'http://obs.myhwclouds.com/doc/2015-06-30/';

/** Query parameters that are signed as part of the resource (lower-case names). */
const SUB_RESOURCES = new Set([
  'acl',
  'append',
  'cors',
  'delete',
  'lifecycle',
  'location',
  'metadata',
  'partnumber',
  'policy',
  'position',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'restore',
  'tagging',
  'uploadid',
  'uploads',
  'versionid',
  'versioning',
]);

/** An object request: `/{bucket}/{key...}`, the bucket a valid name and not the API's `v1`. */
export function isObsPath(path: string): boolean {
  const m = /^\/([^/]+)\/(.+)$/.exec(path);
  return m !== null && m[1] !== 'v1' && BUCKET_RE.test(m[1] ?? '');
}

export interface ObsRequest {
  method: string;
  /** The path as received (percent-encoded). */
  path: string;
  /** The query without "?", as received. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When the request arrived (before its body was read). */
  receivedAt: number;
  /**
   * MD5 of `body`, computed while it arrived as a real server would; absent when the body was
   * changed after (a corrupting fault), so that the check sees the damaged bytes.
   */
  bodyMd5?: Buffer;
  /** Internal (install jobs): answer a GET with its headers only. */
  bodyless?: boolean;
  now?: number;
}

/**
 * User-defined metadata: the `x-obs-meta-*` headers of a PUT or an InitiateMultipartUpload, kept
 * with the object and returned by HEAD and GET (OBS API reference, "Uploading Objects - PUT" and
 * "Initiating a Multipart Upload": x-obs-meta-*; "Querying Object Metadata"). Names are kept
 * lower-case, as HTTP headers arrive. The V2 form (x-amz-meta-*) is stored under the same names.
 */
type Metadata = Record<string, string>;

/** The total size of user-defined metadata (OBS API reference, "Modifying Object Metadata": 8 KB). */
const MAX_METADATA_BYTES = 8 * 1024;

function metadataOf(headers: IncomingHttpHeaders): Metadata {
  const meta: Metadata = {};
  for (const [name, value] of Object.entries(headers)) {
    const m = /^x-(?:obs|amz)-meta-(.+)$/.exec(name.toLowerCase());
    if (m && value !== undefined) meta[m[1] as string] = Array.isArray(value) ? value.join(',') : value;
  }
  const bytes = Object.entries(meta).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
  if (bytes > MAX_METADATA_BYTES) {
    throw new ObsFailure(
      400,
      'MetadataTooLarge',
      'Your metadata headers exceed the maximum allowed metadata size.',
    );
  }
  return meta;
}

interface StoredObject {
  /**
   * The bytes, as the parts that made them: joining a 512 MB multipart object took the emulator
   * 1.7 s (fresh pages for a third copy), which a real OBS never charges at completion. Joined
   * once, when a GET first needs them (bytesOf).
   */
  chunks: Buffer[];
  size: number;
  metadata: Metadata;
  /**
   * Hex MD5 of the bytes. Known at once for an object sent in one PUT (its ETag is that MD5). A
   * multipart object's is computed the first time an install job downloads it (md5Of): a real OBS
   * never hashes a whole multipart object, and the instance that downloads a package hashes it
   * itself, after the submit was answered.
   */
  md5?: string;
  etag: string;
  contentType: string;
  lastModified: number;
}

interface Upload {
  bucket: string;
  key: string;
  contentType: string;
  metadata: Metadata;
  parts: Map<number, { data: Buffer; etag: string }>;
}

type Flavor = { authPrefix: 'OBS' | 'AWS'; headerPrefix: 'x-obs-' | 'x-amz-'; akParam: string };
const OBS: Flavor = { authPrefix: 'OBS', headerPrefix: 'x-obs-', akParam: 'AccessKeyId' };
const V2: Flavor = { authPrefix: 'AWS', headerPrefix: 'x-amz-', akParam: 'AWSAccessKeyId' };

class ObsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest();

/** Hex MD5 of an object's bytes, hashed once, when first needed. */
function md5Of(object: StoredObject, counted?: () => void): string {
  if (object.md5 === undefined) {
    const hash = createHash('md5');
    for (const chunk of object.chunks) hash.update(chunk);
    object.md5 = hash.digest('hex');
    counted?.();
  }
  return object.md5;
}

function bytesOf(object: StoredObject): Buffer {
  if (object.chunks.length !== 1) object.chunks = [Buffer.concat(object.chunks)];
  return object.chunks[0]!;
}
const requestId = () => randomBytes(16).toString('hex').toUpperCase();

/** Signature over `/bucket/key`: the key re-encoded per segment, whatever escaping the client chose. */
function obsResource(bucket: string, rawKey: string, subResources: Array<[string, string]>): string {
  const key = rawKey
    .split('/')
    .map((seg) => uriEncode(safeDecode(seg)))
    .join('/');
  const sub = [...subResources]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([n, v]) => (v === '' ? n : `${n}=${v}`))
    .join('&');
  return `/${bucket}/${key}${sub ? `?${sub}` : ''}`;
}

function obsStringToSign(
  method: string,
  headers: IncomingHttpHeaders,
  dateOrExpires: string,
  resource: string,
  headerPrefix = 'x-obs-',
): string {
  const canonical = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .filter((n) => n.startsWith(headerPrefix))
    .sort()
    .map((n) => `${n}:${header(headers, n) ?? ''}\n`)
    .join('');
  return `${method}\n${header(headers, 'content-md5') ?? ''}\n${header(headers, 'content-type') ?? ''}\n${dateOrExpires}\n${canonical}${resource}`;
}

const obsSign = (secretKey: string, text: string) =>
  createHmac('sha1', secretKey).update(text, 'utf8').digest('base64');

export class ObsStore {
  private readonly objects = new Map<string, Map<string, StoredObject>>();
  private readonly uploads = new Map<string, Upload>();
  private partWindows: Array<[number, number]> = [];
  private counters = {
    partsReceived: 0,
    uploadsInitiated: 0,
    uploadsCompleted: 0,
    uploadsAborted: 0,
    objectBytesReceived: 0,
    multipartObjectsHashed: 0,
  };

  /** STS-issued keys, accepted only with their x-obs-security-token and until they expire. */
  temporaryKeys: StsService | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  // ---- control surface ------------------------------------------------------------------------

  putObject(
    bucket: string,
    key: string,
    data: Buffer | Buffer[],
    contentType = 'application/octet-stream',
    metadata: Metadata = {},
    digest?: string,
  ): void {
    const chunks = Array.isArray(data) ? data : [data];
    const object: StoredObject = {
      chunks,
      size: 0,
      metadata,
      md5: digest,
      etag: '',
      contentType,
      lastModified: 0,
    };
    this.store(bucket, key, object, `"${md5Of(object)}"`);
  }

  /** Stores an object as one PUT or a completed multipart upload leaves it; md5 may stay unknown. */
  private store(bucket: string, key: string, object: StoredObject, etag: string): void {
    if (!BUCKET_RE.test(bucket)) throw new Error(`invalid bucket name "${bucket}"`);
    if (key === '') throw new Error('the object key must not be empty');
    let bucketObjects = this.objects.get(bucket);
    if (!bucketObjects) this.objects.set(bucket, (bucketObjects = new Map()));
    object.size = object.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    object.etag = etag;
    object.lastModified = Date.now();
    bucketObjects.set(key, object);
  }

  getObject(bucket: string, key: string): Buffer | undefined {
    if (this.options.missingBuckets.includes(bucket)) return undefined;
    const object = this.objects.get(bucket)?.get(key);
    return object && bytesOf(object);
  }

  /** A path-style pre-signed GET URL made with the emulator's keys; a negative expiry gives an expired one. */
  presignedUrl(bucket: string, key: string, expiresInSeconds: number, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + Math.trunc(expiresInSeconds);
    const encodedKey = key.split('/').map(uriEncode).join('/');
    const text = obsStringToSign('GET', {}, String(expires), obsResource(bucket, encodedKey, []));
    const signature = obsSign(this.options.secretKey, text);
    const query = `AccessKeyId=${uriEncode(this.options.accessKey)}&Expires=${expires}&Signature=${uriEncode(signature)}`;
    return `http://127.0.0.1:${this.options.port}/${bucket}/${encodedKey}?${query}`;
  }

  stats(): ObsStats {
    return {
      ...this.counters,
      maxConcurrentPartUploads: maxOverlap(this.partWindows),
      openUploads: this.uploads.size,
    };
  }

  reset(): void {
    this.objects.clear();
    this.uploads.clear();
    this.partWindows = [];
    this.counters = {
      partsReceived: 0,
      uploadsInitiated: 0,
      uploadsCompleted: 0,
      uploadsAborted: 0,
      objectBytesReceived: 0,
      multipartObjectsHashed: 0,
    };
  }

  /**
   * What an install job gets when it downloads `url`: only URLs of this emulator are fetched, and
   * through the same OBS logic (signature, expiry, object) as an HTTP GET. Any other host is never
   * contacted: this emulator may talk to nothing but loopback.
   */
  download(
    url: string,
    now = Date.now(),
  ): { ok: true; size: number; md5: string } | { ok: false; reason: string } {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { ok: false, reason: 'the URL is not valid' };
    }
    const self =
      u.protocol === 'http:' &&
      (u.hostname === '127.0.0.1' || u.hostname === 'localhost') &&
      u.port === String(this.options.port);
    if (!self) {
      return {
        ok: false,
        reason: `host ${u.host} is not reachable from the emulator (it serves only its own OBS at 127.0.0.1:${this.options.port})`,
      };
    }
    if (!isObsPath(u.pathname)) return { ok: false, reason: `HTTP 404: ${u.pathname} is not an object path` };
    const answer = this.handle({
      method: 'GET',
      path: u.pathname,
      rawQuery: u.search.replace(/^\?/, ''),
      headers: { host: u.host },
      body: Buffer.alloc(0),
      receivedAt: now,
      now,
      // The job needs the object's size and MD5, kept with it: the bytes stay where they are.
      bodyless: true,
    });
    if (answer.status === 200) {
      const key = u.pathname.split('/').slice(2).map(safeDecode).join('/');
      const bucket = u.pathname.split('/')[1] ?? '';
      const object = this.objects.get(bucket)?.get(key);
      if (object) {
        const md5 = md5Of(object, () => this.counters.multipartObjectsHashed++);
        return { ok: true, size: object.size, md5 };
      }
    }
    const xml = String(answer.raw ?? '');
    const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? '';
    const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? '';
    return { ok: false, reason: `HTTP ${answer.status} ${code}: ${message}` };
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  handle(req: ObsRequest): ApiResponse {
    const id = requestId();
    try {
      return this.route(req, id);
    } catch (e) {
      if (e instanceof ObsFailure) return errorResponse(e.status, e.code, e.message, id);
      return errorResponse(
        500,
        'InternalError',
        `We encountered an internal error: ${(e as Error).message}`,
        id,
      );
    }
  }

  private route(req: ObsRequest, id: string): ApiResponse {
    const now = req.now ?? Date.now();
    const m = /^\/([^/]+)\/(.+)$/.exec(req.path);
    const bucket = m?.[1] ?? '';
    const rawKey = m?.[2] ?? '';
    const key = rawKey.split('/').map(safeDecode).join('/');
    const query = [...new URLSearchParams(req.rawQuery)];
    this.authenticate(req, bucket, rawKey, query, now);
    if (this.options.missingBuckets.includes(bucket)) {
      throw new ObsFailure(404, 'NoSuchBucket', 'The specified bucket does not exist');
    }
    const has = (name: string) => query.some(([n]) => n === name);
    const param = (name: string) => query.find(([n]) => n === name)?.[1] ?? '';
    switch (req.method) {
      case 'PUT':
        if (has('partNumber') || has('uploadId')) return this.uploadPart(req, bucket, key, param, id);
        if (has('metadata')) return this.modifyMetadata(req, bucket, key, id);
        if (
          req.headers['x-obs-copy-source'] !== undefined ||
          req.headers['x-amz-copy-source'] !== undefined
        ) {
          throw new ObsFailure(501, 'NotImplemented', 'Copying objects is not implemented by the emulator');
        }
        return this.put(req, bucket, key, id);
      case 'POST':
        if (has('uploads')) return this.initiate(req, bucket, key, id);
        if (has('uploadId')) return this.complete(req, bucket, key, param('uploadId'), id);
        break;
      case 'DELETE':
        if (has('uploadId')) return this.abort(bucket, key, param('uploadId'), id);
        this.objects.get(bucket)?.delete(key);
        return { status: 204, body: undefined, raw: '', headers: obsHeaders(id) };
      case 'GET':
      case 'HEAD':
        return this.get(req.method === 'HEAD' || req.bodyless === true, bucket, key, id);
    }
    throw new ObsFailure(
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
  }

  private authenticate(
    req: ObsRequest,
    bucket: string,
    rawKey: string,
    query: Array<[string, string]>,
    now: number,
  ): void {
    const authorization = header(req.headers, 'authorization');
    const signedSub = query.filter(([n]) => SUB_RESOURCES.has(n.toLowerCase()));
    let flavor: Flavor;
    let accessKey: string;
    let given: string;
    let dateOrExpires: string;
    let resource: string;
    if (authorization !== undefined) {
      const m = /^(OBS|AWS) ([^:\s]+):(\S+)$/.exec(authorization.trim());
      if (!m)
        throw new ObsFailure(
          400,
          'InvalidArgument',
          'Authorization header is invalid: expected "OBS AK:Signature"',
        );
      flavor = m[1] === 'OBS' ? OBS : V2;
      accessKey = m[2] ?? '';
      given = m[3] ?? '';
      const prefixedDate = header(req.headers, `${flavor.headerPrefix}date`);
      // As in S3 V2: with x-obs-date, the Date line is empty and the header is signed with the others.
      dateOrExpires = prefixedDate !== undefined ? '' : (header(req.headers, 'date') ?? '');
      const signedAt = Date.parse(prefixedDate ?? dateOrExpires);
      if (Number.isNaN(signedAt)) {
        throw new ObsFailure(403, 'AccessDenied', 'The request has no valid Date or x-obs-date header');
      }
      if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
        throw new ObsFailure(
          403,
          'RequestTimeTooSkewed',
          "The difference between the request time and the server's time is too large.",
        );
      }
      resource = obsResource(bucket, rawKey, signedSub);
    } else if (query.some(([n]) => n === 'Signature')) {
      flavor = query.some(([n]) => n === V2.akParam) ? V2 : OBS;
      const param = (name: string) => query.find(([n]) => n === name)?.[1];
      accessKey = param(flavor.akParam) ?? '';
      given = param('Signature') ?? '';
      dateOrExpires = param('Expires') ?? '';
      if (!/^\d+$/.test(dateOrExpires)) {
        throw new ObsFailure(
          403,
          'AccessDenied',
          'Query authentication needs AccessKeyId, Expires and Signature',
        );
      }
      if (Math.floor(now / 1000) > Number(dateOrExpires)) {
        throw new ObsFailure(403, 'AccessDenied', 'Request has expired');
      }
      const tokenParams = query.filter(([n]) => n.toLowerCase().startsWith(flavor.headerPrefix));
      resource = obsResource(bucket, rawKey, [...signedSub, ...tokenParams]);
    } else {
      throw new ObsFailure(403, 'AccessDenied', 'Access Denied (anonymous requests are not allowed)');
    }
    const tokenName = `${flavor.headerPrefix}security-token`;
    const token = header(req.headers, tokenName) ?? query.find(([n]) => n === tokenName)?.[1];
    const temporary = this.temporaryKeys?.check(accessKey, token, now);
    if (temporary && !temporary.ok) {
      // inferred: codes from OBS's error table (TokenRefreshRequired for an expired token).
      throw temporary.reason === 'expired'
        ? new ObsFailure(400, 'TokenRefreshRequired', 'The provided token must be refreshed.')
        : new ObsFailure(
            403,
            'InvalidAccessKeyId',
            `The temporary Access Key Id needs its security token: ${temporary.message}`,
          );
    }
    if (!temporary && accessKey !== this.options.accessKey) {
      throw new ObsFailure(
        403,
        'InvalidAccessKeyId',
        'The Access Key Id you provided does not exist in our records.',
      );
    }
    const text = obsStringToSign(req.method, req.headers, dateOrExpires, resource, flavor.headerPrefix);
    const expected = Buffer.from(obsSign(temporary?.ok ? temporary.secretKey : this.options.secretKey, text));
    const provided = Buffer.from(given);
    if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
      throw new ObsFailure(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      );
    }
  }

  /**
   * Content-MD5 on PUT object and on each part (OBS API reference, "Uploading Objects - PUT" and
   * "Uploading Parts": Content-MD5 is the base64 of the 128-bit MD5 of the body). The codes are
   * those of "OBS Server-Side Error Codes" (e.g. support.huaweicloud.com/intl/en-us/
   * sdk-python-devg-obs/obs_22_1502.html): 400 InvalidDigest for a value that is not a base64 MD5,
   * 400 BadDigest when it does not match the bytes received. Nothing is stored either way.
   */
  private checkDigest(req: ObsRequest, digest: Buffer): void {
    const given = header(req.headers, 'content-md5');
    if (given === undefined) return;
    const decoded = Buffer.from(given, 'base64');
    if (decoded.length !== 16 || decoded.toString('base64') !== given) {
      throw new ObsFailure(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
    }
    if (!decoded.equals(digest)) {
      throw new ObsFailure(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
  }

  private put(req: ObsRequest, bucket: string, key: string, id: string): ApiResponse {
    this.counters.objectBytesReceived += req.body.length;
    const digest = req.bodyMd5 ?? md5(req.body);
    this.checkDigest(req, digest);
    const metadata = metadataOf(req.headers);
    this.putObject(
      bucket,
      key,
      req.body,
      header(req.headers, 'content-type') ?? 'binary/octet-stream',
      metadata,
      digest.toString('hex'),
    );
    return {
      status: 200,
      body: undefined,
      raw: '',
      headers: { ...obsHeaders(id), ETag: `"${digest.toString('hex')}"` },
    };
  }

  private upload(uploadId: string, bucket: string, key: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) {
      throw new ObsFailure(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      );
    }
    return upload;
  }

  private initiate(req: ObsRequest, bucket: string, key: string, id: string): ApiResponse {
    const uploadId = randomBytes(16).toString('hex').toUpperCase();
    this.uploads.set(uploadId, {
      bucket,
      key,
      contentType: header(req.headers, 'content-type') ?? 'binary/octet-stream',
      metadata: metadataOf(req.headers),
      parts: new Map(),
    });
    this.counters.uploadsInitiated++;
    return xmlResponse(
      id,
      `<InitiateMultipartUploadResult xmlns="${XMLNS}"><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
    );
  }

  private uploadPart(
    req: ObsRequest,
    bucket: string,
    key: string,
    param: (name: string) => string,
    id: string,
  ): ApiResponse {
    const upload = this.upload(param('uploadId'), bucket, key);
    const raw = param('partNumber');
    const partNumber = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
      throw new ObsFailure(
        400,
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000, inclusive',
      );
    }
    this.counters.objectBytesReceived += req.body.length;
    const digest = req.bodyMd5 ?? md5(req.body);
    this.checkDigest(req, digest);
    const etag = `"${digest.toString('hex')}"`;
    upload.parts.set(partNumber, { data: req.body, etag });
    this.counters.partsReceived++;
    this.partWindows.push([req.receivedAt, req.now ?? Date.now()]);
    return { status: 200, body: undefined, raw: '', headers: { ...obsHeaders(id), ETag: etag } };
  }

  private complete(req: ObsRequest, bucket: string, key: string, uploadId: string, id: string): ApiResponse {
    const upload = this.upload(uploadId, bucket, key);
    const xml = req.body.toString('utf8');
    const malformed = () =>
      new ObsFailure(
        400,
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema.',
      );
    if (!/<CompleteMultipartUpload(\s[^>]*)?>[\s\S]*<\/CompleteMultipartUpload>/.test(xml)) throw malformed();
    const listed: Array<{ partNumber: number; etag: string }> = [];
    for (const [, part] of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
      const n = /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(part ?? '')?.[1];
      const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(part ?? '')?.[1];
      if (n === undefined || etag === undefined) throw malformed();
      listed.push({ partNumber: Number(n), etag: etag.replace(/&quot;/g, '"').trim() });
    }
    if (listed.length === 0) throw malformed();
    const invalidPart = new ObsFailure(
      400,
      'InvalidPart',
      "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
    );
    const chunks: Buffer[] = [];
    const digests: Buffer[] = [];
    listed.forEach(({ partNumber, etag }, i) => {
      if (i > 0 && partNumber <= (listed[i - 1]?.partNumber ?? 0)) {
        throw new ObsFailure(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.');
      }
      const part = upload.parts.get(partNumber);
      const unquote = (s: string) => s.replace(/^"|"$/g, '');
      if (!part || unquote(part.etag) !== unquote(etag)) throw invalidPart;
      if (i < listed.length - 1 && part.data.length < MIN_PART_BYTES) {
        throw new ObsFailure(
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed object size.',
        );
      }
      chunks.push(part.data);
      digests.push(Buffer.from(unquote(part.etag), 'hex'));
    });
    this.uploads.delete(uploadId);
    const etag = `"${md5(Buffer.concat(digests)).toString('hex')}-${listed.length}"`;
    const { contentType, metadata } = upload;
    this.store(bucket, key, { chunks, size: 0, metadata, etag, contentType, lastModified: 0 }, etag);
    this.counters.uploadsCompleted++;
    return xmlResponse(
      id,
      `<CompleteMultipartUploadResult xmlns="${XMLNS}"><Location>/${bucket}/${xmlEscape(key)}</Location><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${etag}</ETag></CompleteMultipartUploadResult>`,
    );
  }

  /**
   * Modifying Object Metadata (OBS API reference, obs_04_0091): PUT /key?metadata with
   * x-obs-metadata-directive, required. REPLACE_NEW replaces the user-defined metadata with the
   * x-obs-meta-* headers sent and keeps the system metadata not named (Content-Type); REPLACE
   * replaces both. The object's bytes, ETag and date do not change (inferred: the page describes
   * only metadata). Only Content-Type of the six system headers the page lists is emulated.
   */
  private modifyMetadata(req: ObsRequest, bucket: string, key: string, id: string): ApiResponse {
    const directive =
      header(req.headers, 'x-obs-metadata-directive') ?? header(req.headers, 'x-amz-metadata-directive');
    if (directive !== 'REPLACE_NEW' && directive !== 'REPLACE') {
      throw new ObsFailure(400, 'InvalidArgument', 'x-obs-metadata-directive must be REPLACE_NEW or REPLACE');
    }
    const object = this.objects.get(bucket)?.get(key);
    if (!object) throw new ObsFailure(404, 'NoSuchKey', 'The specified key does not exist.');
    object.metadata = metadataOf(req.headers);
    const contentType = header(req.headers, 'content-type');
    if (contentType !== undefined) object.contentType = contentType;
    else if (directive === 'REPLACE') object.contentType = 'binary/octet-stream';
    return {
      status: 200,
      body: undefined,
      raw: '',
      headers: { ...obsHeaders(id), 'x-obs-metadata-directive': directive },
    };
  }

  private abort(bucket: string, key: string, uploadId: string, id: string): ApiResponse {
    this.upload(uploadId, bucket, key);
    this.uploads.delete(uploadId);
    this.counters.uploadsAborted++;
    return { status: 204, body: undefined, raw: '', headers: obsHeaders(id) };
  }

  private get(headersOnly: boolean, bucket: string, key: string, id: string): ApiResponse {
    const object = this.objects.get(bucket)?.get(key);
    if (!object) throw new ObsFailure(404, 'NoSuchKey', 'The specified key does not exist.');
    return {
      status: 200,
      body: undefined,
      raw: headersOnly ? '' : bytesOf(object),
      headers: {
        ...obsHeaders(id),
        'Content-Type': object.contentType,
        'Content-Length': String(object.size),
        ETag: object.etag,
        'Last-Modified': new Date(object.lastModified).toUTCString(),
        ...Object.fromEntries(Object.entries(object.metadata).map(([k, v]) => [`x-obs-meta-${k}`, v])),
      },
    };
  }
}

function obsHeaders(id: string): Record<string, string> {
  return { 'x-obs-request-id': id, 'x-obs-id-2': randomBytes(24).toString('base64'), Server: 'OBS' };
}

function xmlResponse(id: string, xml: string): ApiResponse {
  return {
    status: 200,
    body: undefined,
    raw: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`,
    headers: { ...obsHeaders(id), 'Content-Type': XML_TYPE },
  };
}

/** OBS error answers: an XML body, and the code in headers too, for HEAD answers that have no body. */
function errorResponse(status: number, code: string, message: string, id: string): ApiResponse {
  return {
    status,
    body: undefined,
    raw:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Error><Code>${code}</Code>` +
      `<Message>${xmlEscape(message)}</Message><RequestId>${id}</RequestId>` +
      `<HostId>${randomBytes(24).toString('base64')}</HostId></Error>`,
    headers: {
      ...obsHeaders(id),
      'Content-Type': XML_TYPE,
      'x-obs-error-code': code,
      'x-obs-error-message': message,
    },
  };
}

/** The largest number of [start, end] windows open at one instant. */
function maxOverlap(windows: Array<[number, number]>): number {
  const events = windows.flatMap(([s, e]) => [
    [s, 1],
    [e, -1],
  ]) as Array<[number, number]>;
  // Ends before starts at the same instant: one request right after another is not concurrency.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (open += d));
  return max;
}
