/**
 * A small OBS client: upload a local file (one PUT, or a parallel multipart upload for large
 * files), skip the upload when the same bytes are already there, and create pre-signed download
 * URLs. Written from Huawei's OBS API reference; the official SDK (`esdk-obs-nodejs`) is only a
 * test oracle, never bundled.
 *
 * The file is read once, in order: each part (or the whole file for a single PUT) is read into
 * memory, hashed for its own Content-MD5 and for the MD5 of the whole file, and sent from that
 * buffer, so OBS checks every byte it stores and the MD5 the action reports describes exactly the
 * bytes uploaded. Memory is bounded by `concurrency` parts (4 x 16 MiB by default), or one file
 * below the multipart threshold (64 MiB). The MD5 is stored as object metadata (`x-obs-meta-md5`)
 * because a multipart ETag is not the MD5 of the object.
 *
 * HTTP goes through @actions/http-client, which applies the runner's proxy settings. A timed-out
 * or cancelled request is settled at once; http-client owns the socket, which its own inactivity
 * timeout (the same request timeout) then closes, and every socket is destroyed when the upload
 * ends.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { Worker } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { HttpClient } from '@actions/http-client';
import { USER_AGENT } from '../inputs/names.js';
import { ApiError } from '../http/errors.js';
import { redactUrl } from '../report/redact.js';
import { backoffDelay, now, sleep } from '../http/timing.js';
import { isErrorBody, ObsError, responseError } from './errors.js';
import { bucketNameProblem, objectKeyProblem } from './names.js';
import { encodeKey, presignQuery, signHeaders, uriEncode, type ObsCredentials } from './signature.js';
import { xmlEscape, xmlText } from './xml.js';

const MiB = 1024 * 1024;
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 64 * MiB;
const DEFAULT_PART_SIZE_BYTES = 16 * MiB;
/** OBS limits (API reference, "Uploading a Part"): 1..10,000 parts of 100 KB..5 GB, the last one smaller. */
const MAX_PARTS = 10_000;
/** Time the multipart abort may take once the run is cancelled (the runner kills the step 7.5 s after SIGINT). */
const ABORT_BUDGET_MS = 2_500;
const MIN_PART_SIZE_BYTES = 100 * 1024;
const MAX_PART_SIZE_BYTES = 5 * 1024 * MiB;
/** A single PUT takes at most 5 GB; larger files always go multipart. */
const MAX_SINGLE_PUT_BYTES = 5 * 1024 * MiB;
/**
 * A request that carries a body may take the request timeout plus the time to send the body at
 * this rate: a 16 MiB part gets about 160 s more. It only bounds a server that reads trickle by
 * trickle; a stalled connection is caught sooner by the socket inactivity timeout.
 */
const MIN_UPLOAD_BYTES_PER_SECOND = 100 * 1024;
/** OBS answers we read are small XML documents. */
const MAX_ANSWER_BYTES = MiB;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/**
 * The user-defined metadata that holds the hex MD5 of the whole object (sent and returned as
 * `x-obs-meta-md5`; OBS API reference, "Uploading Objects - PUT": x-obs-meta-*).
 */
const MD5_METADATA_HEADER = 'x-obs-meta-md5';

export interface ObsConfig {
  /** e.g. https://obs.cn-north-4.myhuaweicloud.com, or http://127.0.0.1:PORT for the emulator. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  securityToken?: string;
  /** Temporary keys that renew: asked on every request, and wins over the fixed keys above. */
  credentials?: () => Promise<ObsCredentials>;
  requestTimeoutMs: number;
  /** Multipart parts in flight at once. */
  concurrency: number;
  signal?: AbortSignal;
  debug?: (message: string) => void;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** First retry delay, doubled each time, with jitter (default 500 ms). */
  retryBaseDelayMs?: number;
}

export interface UploadOptions {
  /** Files of at least this size use multipart upload (default 64 MiB). */
  multipartThresholdBytes?: number;
  /** Default 16 MiB; raised so that there are at most 10,000 parts. */
  partSizeBytes?: number;
  /**
   * The MD5 the file is expected to have, 32 hex digits or base64. When given, it is stored as
   * metadata from the first request on, and the upload is refused (and a multipart upload aborted)
   * if the bytes read have another MD5. Without it, the MD5 is computed while the file is sent.
   */
  contentMd5?: string;
  /** Default application/octet-stream. */
  contentType?: string;
}

export interface UploadResult {
  multipart: boolean;
  parts: number;
  bytes: number;
  /** Lowercase hex MD5 of the bytes uploaded. */
  md5: string;
  /**
   * Whether the MD5 is stored in the object's metadata. A multipart upload whose MD5 was not known
   * up front stores it afterwards (Modifying Object Metadata); if that request fails the object is
   * complete but the next run cannot recognise it and uploads it again.
   */
  md5Saved: boolean;
}

/** What ensureUploaded did: uploaded the file, or found the same bytes already in OBS. */
export type EnsureResult =
  ({ uploaded: true } & UploadResult) | { uploaded: false; bytes: number; md5: string };

/** What a HEAD says about an object. */
export interface ObjectInfo {
  size: number;
  /** The hex MD5 from `x-obs-meta-md5`, lowercased, when the object has one. */
  md5?: string;
  etag?: string;
}

/** The public OBS endpoint of a region, e.g. https://obs.cn-north-4.myhuaweicloud.com. */
export function obsEndpointForRegion(region: string): string {
  return `https://obs.${region}.myhuaweicloud.com`;
}

// The name rules live with the input rules' module so that validation and this client share them.
export { bucketNameProblem, objectKeyProblem } from './names.js';

/** Part size and count for a file: the requested size, raised (to whole MiB) to stay within 10,000 parts. */
export function planParts(
  sizeBytes: number,
  partSizeBytes: number = DEFAULT_PART_SIZE_BYTES,
): { partSize: number; count: number } {
  if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE_BYTES) {
    throw new RangeError(`part size must be an integer of at least ${MIN_PART_SIZE_BYTES} bytes`);
  }
  let partSize = partSizeBytes;
  if (Math.ceil(sizeBytes / partSize) > MAX_PARTS) partSize = Math.ceil(sizeBytes / MAX_PARTS / MiB) * MiB;
  if (partSize > MAX_PART_SIZE_BYTES)
    throw new RangeError(`a file of ${sizeBytes} bytes is too large for OBS`);
  return { partSize, count: Math.max(1, Math.ceil(sizeBytes / partSize)) };
}

/** Content-MD5 takes the base64 of the digest; the action computes lowercase hex. */
export function contentMd5Header(md5: string): string {
  if (/^[0-9a-fA-F]{32}$/.test(md5)) return Buffer.from(md5, 'hex').toString('base64');
  if (/^[A-Za-z0-9+/]{22}==$/.test(md5)) return md5;
  throw new RangeError(`contentMd5 must be 32 hex digits or the base64 of 16 bytes, got "${md5}"`);
}

interface Endpoint {
  protocol: string;
  host: string;
  pathStyle: boolean;
}

/** Virtual-hosted addressing for real endpoints; path style for an IP address or localhost. */
export function parseEndpoint(endpoint: string): Endpoint {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`OBS endpoint "${endpoint}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`OBS endpoint "${endpoint}" must be an http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new RangeError(`OBS endpoint "${endpoint}" must be scheme://host[:port] only`);
  }
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return { protocol: url.protocol, host: url.host, pathStyle: isIP(bare) !== 0 || bare === 'localhost' };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Call {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  bucket: string;
  key: string;
  /** Decoded sub-resources, e.g. [['partNumber', '3'], ['uploadId', id]]; an empty value is sent bare. */
  query?: Array<[string, string]>;
  headers?: Record<string, string>;
  /** A string, or bytes already read from the file (resent as they are on a retry). */
  body?: string | Buffer;
  action: string;
  signal?: AbortSignal;
  /** Extra text for the debug line. */
  note?: string;
}

class TimeoutError extends Error {}
class CancelledError extends Error {}
/** The local file could not be read: not a service problem and not worth retrying. */
class FileReadError extends Error {}

function retryable(error: ApiError): boolean {
  const { status, code, network, unparseable } = error.details;
  if (network) return network !== 'aborted';
  if (unparseable) return true;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return (
    // The bytes were damaged on the way: they are sent again from the buffer that was hashed.
    code === 'BadDigest' ||
    code === 'RequestTimeout' ||
    code === 'InternalError' ||
    code === 'ServiceUnavailable' ||
    code === 'SlowDown'
  );
}

function networkError(action: string, error: unknown): ObsError {
  const err = error as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const network: 'connect' | 'timeout' | 'reset' | 'aborted' =
    error instanceof TimeoutError || /Request timeout/.test(err?.message ?? '')
      ? 'timeout'
      : error instanceof CancelledError
        ? 'aborted'
        : ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)
          ? 'connect'
          : 'reset';
  const text = {
    connect: 'could not connect to OBS',
    timeout: `no complete answer in time (${err?.message ?? ''})`,
    reset: 'the connection was lost',
    aborted: 'the upload was cancelled',
  }[network];
  return new ObsError({ action, network }, `${text}${code ? ` (${code})` : ''}`);
}

function readCapped(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
    message.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
  });
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(Number(value) * 1000, 120_000);
}

export class ObsClient {
  private readonly endpoint: Endpoint;
  private readonly creds: ObsCredentials;

  constructor(private readonly config: ObsConfig) {
    this.endpoint = parseEndpoint(config.endpoint);
    this.creds = {
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      ...(config.securityToken ? { securityToken: config.securityToken } : {}),
    };
  }

  /** The URL of an object, with `rawQuery` (already encoded) appended. */
  objectUrl(bucket: string, key: string, rawQuery = ''): string {
    const { protocol, host, pathStyle } = this.endpoint;
    const origin = pathStyle ? `${protocol}//${host}/${bucket}` : `${protocol}//${bucket}.${host}`;
    return `${origin}/${encodeKey(key)}${rawQuery === '' ? '' : `?${rawQuery}`}`;
  }

  /**
   * A pre-signed GET URL valid for expiresInSeconds (query authentication: AccessKeyId, Expires,
   * Signature, plus x-obs-security-token for temporary credentials). Every query value is a
   * credential: mask it before the URL can reach a log.
   */
  presignGetUrl(
    bucket: string,
    key: string,
    expiresInSeconds: number,
    now: Date = new Date(),
    creds: ObsCredentials = this.creds,
  ): string {
    checkNames(bucket, key);
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1) {
      throw new RangeError(`expiresInSeconds must be a positive integer, got ${expiresInSeconds}`);
    }
    const expires = Math.floor(now.getTime() / 1000) + expiresInSeconds;
    return this.objectUrl(bucket, key, presignQuery('GET', bucket, key, expires, creds));
  }

  /**
   * The object's size and stored MD5, or undefined when there is no such object. Any other answer
   * (AccessDenied for a key that may only write, for instance) is an ObsError.
   */
  async headObject(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    checkNames(bucket, key);
    const http = this.httpClient();
    try {
      return await this.head(http, bucket, key);
    } finally {
      http.dispose();
    }
  }

  /**
   * Uploads a file unless the object already holds the same bytes: a HEAD first, and when the
   * object has the file's size and an MD5 in its metadata, the file is hashed and compared. Only a
   * match skips the upload; an object without our metadata, of another size or MD5, or one we may
   * not read, is overwritten. The file is read once whatever happens, except when an object of the
   * same size turns out to differ: then it is hashed, and read again to upload it.
   */
  async ensureUploaded(
    bucket: string,
    key: string,
    filePath: string,
    options: UploadOptions = {},
  ): Promise<EnsureResult> {
    checkNames(bucket, key);
    const size = await fileSize(filePath);
    let existing: ObjectInfo | undefined;
    try {
      existing = await this.headObject(bucket, key);
    } catch (error) {
      // A key may be allowed to write objects and not to read them: then upload without looking.
      if (!(error instanceof ApiError) || error.details.status !== 403) throw error;
      this.debug(`cannot check obs://${bucket}/${key} before uploading (${error.message}): uploading`);
    }
    if (existing && existing.size === size && existing.md5 !== undefined) {
      const md5 = options.contentMd5
        ? Buffer.from(contentMd5Header(options.contentMd5), 'base64').toString('hex')
        : await hashFile(filePath, size, this.config.signal);
      if (md5 === existing.md5) {
        this.debug(`obs://${bucket}/${key} already holds these ${size} bytes (md5 ${md5})`);
        return { uploaded: false, bytes: size, md5 };
      }
      this.debug(`obs://${bucket}/${key} has another MD5 (${existing.md5}): uploading`);
      return {
        uploaded: true,
        ...(await this.upload(bucket, key, filePath, { ...options, contentMd5: md5 })),
      };
    }
    if (existing) {
      this.debug(
        `obs://${bucket}/${key} exists with ${existing.size} bytes and ${existing.md5 ? `md5 ${existing.md5}` : 'no stored MD5'}: uploading`,
      );
    }
    return { uploaded: true, ...(await this.upload(bucket, key, filePath, options)) };
  }

  /**
   * Uploads a local file. Files of at least multipartThresholdBytes use a multipart upload whose
   * parts go up to `concurrency` at a time, read in order from the file; the upload is aborted if
   * a part or the completion fails. Smaller files use one PUT. Every request that carries bytes
   * carries their Content-MD5. Requests are retried on 5xx, 429 and connection failures (sending
   * the same bytes again is idempotent).
   */
  async upload(
    bucket: string,
    key: string,
    filePath: string,
    options: UploadOptions = {},
  ): Promise<UploadResult> {
    checkNames(bucket, key);
    const size = await fileSize(filePath);
    const threshold = options.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES;
    const multipart = size > 0 && (size >= threshold || size > MAX_SINGLE_PUT_BYTES);
    const plan = multipart ? planParts(size, options.partSizeBytes) : undefined;
    const expectedMd5 = options.contentMd5
      ? Buffer.from(contentMd5Header(options.contentMd5), 'base64').toString('hex')
      : undefined;
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const http = this.httpClient();
    const started = now();
    try {
      let result: UploadResult;
      if (!plan) {
        const data = await readWhole(filePath, size);
        const md5 = createHash('md5').update(data).digest('hex');
        if (expectedMd5 !== undefined && md5 !== expectedMd5) throw changedFile(filePath, expectedMd5, md5);
        await this.putObject(http, bucket, key, data, contentType, md5);
        result = { multipart: false, parts: 1, bytes: size, md5, md5Saved: true };
      } else {
        result = await this.multipartUpload(
          http,
          bucket,
          key,
          filePath,
          size,
          plan,
          contentType,
          expectedMd5,
        );
      }
      this.debug(`uploaded ${size} bytes to obs://${bucket}/${key} in ${now() - started} ms`);
      return result;
    } finally {
      http.dispose();
    }
  }

  private httpClient(): HttpClient {
    return new HttpClient(USER_AGENT, [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true,
      socketTimeout: this.config.requestTimeoutMs,
    });
  }

  private async putObject(
    http: HttpClient,
    bucket: string,
    key: string,
    data: Buffer,
    contentType: string,
    md5: string,
  ): Promise<void> {
    const action = `OBS upload of obs://${bucket}/${key}`;
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Content-MD5': contentMd5Header(md5),
      [MD5_METADATA_HEADER]: md5,
    };
    await this.retrying(action, this.config.signal, async () => {
      const answer = await this.call(http, {
        method: 'PUT',
        bucket,
        key,
        headers,
        body: data.length === 0 ? '' : data,
        action,
        signal: this.config.signal,
        note: `${data.length} bytes`,
      });
      if (answer.status !== 200) throw this.failure(action, answer);
    });
  }

  private async multipartUpload(
    http: HttpClient,
    bucket: string,
    key: string,
    file: string,
    size: number,
    plan: { partSize: number; count: number },
    contentType: string,
    expectedMd5: string | undefined,
  ): Promise<UploadResult> {
    const uploadId = await this.initiate(http, bucket, key, contentType, expectedMd5);
    const concurrency = Math.max(1, Math.floor(this.config.concurrency));
    this.debug(
      `multipart upload of ${size} bytes to obs://${bucket}/${key}: ${plan.count} parts of ${plan.partSize} bytes, ${concurrency} at a time`,
    );
    // Stops the other parts as soon as one fails for good, or when the run is cancelled.
    const stop = new AbortController();
    const outer = this.config.signal;
    const onOuterAbort = () => stop.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    let md5: string;
    try {
      const reader = await PartReader.open(file, size, plan.partSize, true);
      let etags: string[];
      try {
        etags = await this.uploadParts(http, bucket, key, reader, plan, uploadId, concurrency, stop);
        md5 = await reader.digest();
      } finally {
        await reader.close();
      }
      // The file changed since it was hashed: its parts are each intact, but not the file we meant.
      if (expectedMd5 !== undefined && md5 !== expectedMd5) throw changedFile(file, expectedMd5, md5);
      await this.complete(http, bucket, key, uploadId, etags, size);
    } catch (error) {
      stop.abort();
      await this.abortUpload(http, bucket, key, uploadId);
      throw error;
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
    }
    const md5Saved = expectedMd5 !== undefined || (await this.saveMd5(http, bucket, key, md5));
    return { multipart: true, parts: plan.count, bytes: size, md5, md5Saved };
  }

  /**
   * Stores the MD5 of an object uploaded before its MD5 was known (OBS API reference, "Modifying
   * Object Metadata": PUT /key?metadata with x-obs-metadata-directive REPLACE_NEW, which keeps the
   * metadata not named, such as Content-Type). Best effort: the object is complete either way.
   */
  private async saveMd5(http: HttpClient, bucket: string, key: string, md5: string): Promise<boolean> {
    const action = `OBS metadata update of obs://${bucket}/${key}`;
    try {
      await this.retrying(action, this.config.signal, async () => {
        const answer = await this.call(http, {
          method: 'PUT',
          bucket,
          key,
          query: [['metadata', '']],
          headers: { 'x-obs-metadata-directive': 'REPLACE_NEW', [MD5_METADATA_HEADER]: md5 },
          body: '',
          action,
          signal: this.config.signal,
        });
        if (answer.status !== 200) throw this.failure(action, answer);
      });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.details.network === 'aborted') throw error;
      this.debug(`${action}: ${(error as Error).message}`);
      return false;
    }
  }

  private async initiate(
    http: HttpClient,
    bucket: string,
    key: string,
    contentType: string,
    md5: string | undefined,
  ): Promise<string> {
    const action = `OBS multipart upload start for obs://${bucket}/${key}`;
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (md5 !== undefined) headers[MD5_METADATA_HEADER] = md5;
    return this.retrying(action, this.config.signal, async () => {
      const answer = await this.call(http, {
        method: 'POST',
        bucket,
        key,
        query: [['uploads', '']],
        headers,
        body: '',
        action,
        signal: this.config.signal,
      });
      if (answer.status !== 200 || isErrorBody(answer.body)) throw this.failure(action, answer);
      const uploadId = xmlText(answer.body, 'UploadId');
      if (!uploadId) {
        throw new ObsError(
          { action, status: answer.status, unparseable: true },
          'the answer has no UploadId',
        );
      }
      return uploadId;
    });
  }

  private async uploadParts(
    http: HttpClient,
    bucket: string,
    key: string,
    reader: PartReader,
    plan: { partSize: number; count: number },
    uploadId: string,
    concurrency: number,
    stop: AbortController,
  ): Promise<string[]> {
    const etags = new Array<string>(plan.count);
    let next = 0;
    let firstError: unknown;
    const worker = async () => {
      while (firstError === undefined && !stop.signal.aborted && next < plan.count) {
        const index = next++;
        try {
          // Reads are queued in the order parts are claimed, so the file is read once, in order.
          const { data, contentMd5 } = await reader.read(index);
          if (stop.signal.aborted) break;
          etags[index] = await this.uploadPart(
            http,
            bucket,
            key,
            uploadId,
            index + 1,
            plan.count,
            data,
            contentMd5 ?? createHash('md5').update(data).digest('base64'),
            stop.signal,
          );
        } catch (error) {
          if (firstError === undefined) firstError = error;
          stop.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, plan.count) }, worker));
    if (firstError !== undefined) throw firstError;
    if (stop.signal.aborted) throw networkError(`OBS upload of obs://${bucket}/${key}`, new CancelledError());
    return etags;
  }

  private async uploadPart(
    http: HttpClient,
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    count: number,
    data: Buffer,
    contentMd5: string,
    signal: AbortSignal,
  ): Promise<string> {
    const action = `OBS upload of part ${partNumber}/${count} of obs://${bucket}/${key}`;
    // OBS refuses a part whose bytes do not match (BadDigest), so a part corrupted on the way is retried, never stored.
    const headers = { 'Content-MD5': contentMd5 };
    return this.retrying(action, signal, async () => {
      const answer = await this.call(http, {
        method: 'PUT',
        bucket,
        key,
        query: [
          ['partNumber', String(partNumber)],
          ['uploadId', uploadId],
        ],
        headers,
        body: data,
        action,
        signal,
        note: `part ${partNumber}/${count}, ${data.length} bytes`,
      });
      if (answer.status !== 200) throw this.failure(action, answer);
      const etag = headerValue(answer.headers, 'etag');
      if (!etag)
        throw new ObsError({ action, status: answer.status, unparseable: true }, 'the answer has no ETag');
      return etag;
    });
  }

  private async complete(
    http: HttpClient,
    bucket: string,
    key: string,
    uploadId: string,
    etags: string[],
    size: number,
  ): Promise<void> {
    const action = `OBS multipart upload completion for obs://${bucket}/${key}`;
    const xml =
      '<CompleteMultipartUpload>' +
      etags
        .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlEscape(etag)}</ETag></Part>`)
        .join('') +
      '</CompleteMultipartUpload>';
    // After an attempt whose fate is unknown, "NoSuchUpload" may mean that attempt completed it.
    let ambiguous = false;
    await this.retrying(action, this.config.signal, async () => {
      let answer: Answer;
      try {
        answer = await this.call(http, {
          method: 'POST',
          bucket,
          key,
          query: [['uploadId', uploadId]],
          headers: { 'Content-Type': 'application/xml' },
          body: xml,
          action,
          signal: this.config.signal,
        });
      } catch (error) {
        if (error instanceof ApiError && error.details.network !== 'connect') ambiguous = true;
        throw error;
      }
      if (answer.status === 200 && !isErrorBody(answer.body)) return;
      const error = this.failure(action, answer);
      if (
        ambiguous &&
        error.details.code === 'NoSuchUpload' &&
        (await this.sizeOf(http, bucket, key)) === size
      ) {
        this.debug(`${action}: an earlier attempt completed the upload`);
        return;
      }
      if (retryable(error)) ambiguous = true;
      throw error;
    });
  }

  /** The size of an object, or undefined when it cannot be read. */
  private async sizeOf(http: HttpClient, bucket: string, key: string): Promise<number | undefined> {
    try {
      return (await this.head(http, bucket, key))?.size;
    } catch {
      return undefined;
    }
  }

  private async head(http: HttpClient, bucket: string, key: string): Promise<ObjectInfo | undefined> {
    const action = `OBS check of obs://${bucket}/${key}`;
    return this.retrying(action, this.config.signal, async () => {
      const answer = await this.call(http, {
        method: 'HEAD',
        bucket,
        key,
        action,
        signal: this.config.signal,
      });
      if (answer.status === 404) {
        const error = this.failure(action, answer);
        // A missing bucket is the user's mistake, not a missing object.
        if (error.details.code === 'NoSuchBucket') throw error;
        return undefined;
      }
      if (answer.status !== 200) throw this.failure(action, answer);
      const length = headerValue(answer.headers, 'content-length');
      const md5 = headerValue(answer.headers, MD5_METADATA_HEADER)?.trim().toLowerCase();
      const etag = headerValue(answer.headers, 'etag');
      return {
        size: Number(length ?? NaN),
        ...(md5 !== undefined && /^[0-9a-f]{32}$/.test(md5) ? { md5 } : {}),
        ...(etag !== undefined ? { etag } : {}),
      };
    });
  }

  /**
   * Best effort, even after cancellation: parts of an unfinished upload are billed storage. After a
   * cancel it gets ABORT_BUDGET_MS in all, so the run still reports and exits before the runner kills it.
   */
  private async abortUpload(http: HttpClient, bucket: string, key: string, uploadId: string): Promise<void> {
    const action = `OBS multipart upload abort for obs://${bucket}/${key}`;
    const budget = this.config.signal?.aborted ? AbortSignal.timeout(ABORT_BUDGET_MS) : undefined;
    try {
      await this.retrying(
        action,
        budget,
        async () => {
          const answer = await this.call(http, {
            method: 'DELETE',
            bucket,
            key,
            query: [['uploadId', uploadId]],
            action,
            signal: budget,
          });
          if (answer.status !== 204 && answer.status !== 200) throw this.failure(action, answer);
        },
        2,
      );
      this.debug(`${action}: aborted`);
    } catch (error) {
      this.debug(`${action}: ${(error as Error).message}`);
    }
  }

  private failure(action: string, answer: Answer): ObsError {
    return responseError(
      action,
      answer.status,
      answer.headers,
      answer.body,
      parseRetryAfter(headerValue(answer.headers, 'retry-after')),
    );
  }

  private async retrying<T>(
    action: string,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
    maxAttempts = this.config.maxAttempts ?? 4,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ApiError) || !retryable(error) || n >= maxAttempts || signal?.aborted)
          throw error;
        const delay = error.details.retryAfterMs ?? backoffDelay(n, this.config.retryBaseDelayMs ?? 500);
        this.debug(`${action}: ${error.message}; retry ${n} in ${delay} ms`);
        await sleep(delay, signal);
        if (signal?.aborted) throw networkError(action, new CancelledError('cancelled'));
      }
    }
  }

  /** One signed request and its answer. Network failures become ObsError; HTTP statuses are the caller's. */
  private async call(http: HttpClient, c: Call): Promise<Answer> {
    const query = c.query ?? [];
    const rawQuery = query.map(([n, v]) => (v === '' ? n : `${n}=${uriEncode(v)}`)).join('&');
    const url = this.objectUrl(c.bucket, c.key, rawQuery);
    const bytes =
      c.body === undefined ? 0 : typeof c.body === 'string' ? Buffer.byteLength(c.body) : c.body.length;
    const headers = signHeaders(
      { method: c.method, bucket: c.bucket, key: c.key, query, headers: c.headers },
      this.config.credentials ? await this.config.credentials() : this.creds,
    );
    const budgetMs = this.config.requestTimeoutMs + Math.ceil((bytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
    const started = now();
    let body: string | Readable | null = null;
    if (typeof c.body === 'string') {
      body = c.body; // http-client sets Content-Length for strings, "" included
    } else if (c.body !== undefined) {
      headers['Content-Length'] = String(c.body.length);
      body = Readable.from([c.body]);
    }
    try {
      const answer = await exchange(http, c.method, url, headers, body, budgetMs, c.signal);
      this.debug(
        `${c.method} ${redactUrl(url)}${c.note ? ` (${c.note})` : ''} -> HTTP ${answer.status} in ${now() - started} ms`,
      );
      return answer;
    } catch (error) {
      if (error instanceof FileReadError)
        throw new Error(`${c.action} failed: ${error.message}`, { cause: error });
      const apiError = networkError(c.action, error);
      this.debug(`${c.method} ${redactUrl(url)} -> ${apiError.message}`);
      throw apiError;
    }
  }

  private debug(message: string): void {
    this.config.debug?.(message);
  }
}

function checkNames(bucket: string, key: string): void {
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem) throw new RangeError(`OBS bucket name "${bucket}" ${bucketProblem}`);
  const keyProblem = objectKeyProblem(key);
  if (keyProblem) throw new RangeError(`OBS object key "${key}" ${keyProblem}`);
}

async function fileSize(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (e) {
    throw new Error(`Cannot read the file to upload, ${filePath}: ${(e as Error).message}`, { cause: e });
  }
}

function changedFile(file: string, expected: string, actual: string): Error {
  return new Error(
    `The file to upload, ${file}, changed while it was read: its MD5 was ${expected}, the bytes read have ${actual}. Nothing was stored.`,
  );
}

/** Fills `buffer` from `position`; a file that ends sooner changed under us. */
async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0)
      throw new FileReadError(`the file ended at ${position + done} bytes (it shrank while read)`);
    done += bytesRead;
  }
}

async function readWhole(file: string, size: number): Promise<Buffer> {
  const handle = await open(file, 'r').catch((e: Error) => {
    throw new Error(`Cannot read the file to upload, ${file}: ${e.message}`, { cause: e });
  });
  try {
    const data = Buffer.allocUnsafe(size);
    await readFully(handle, data, 0);
    return data;
  } catch (e) {
    throw new Error(`Cannot read the file to upload, ${file}: ${(e as Error).message}`, { cause: e });
  } finally {
    await handle.close();
  }
}

/** Hex MD5 of the first `size` bytes of a file, in 1 MiB reads. */
async function hashFile(file: string, size: number, signal: AbortSignal | undefined): Promise<string> {
  // The disk reads the next 4 MiB while the current ones are hashed: the hash alone sets the pace.
  const chunk = 4 * MiB;
  const handle = await open(file, 'r').catch((e: Error) => {
    throw new Error(`Cannot read the file to upload, ${file}: ${e.message}`, { cause: e });
  });
  const hash = createHash('md5');
  const readAt = async (start: number): Promise<Buffer> => {
    const data = Buffer.allocUnsafe(Math.min(chunk, size - start));
    await readFully(handle, data, start);
    return data;
  };
  let next = size > 0 ? readAt(0) : undefined;
  try {
    for (let start = 0; next; start += chunk) {
      if (signal?.aborted) throw networkError(`hashing ${file}`, new CancelledError());
      const data = await next;
      next = start + chunk < size ? readAt(start + chunk) : undefined;
      hash.update(data);
    }
    return hash.digest('hex');
  } finally {
    // A read still under way (after a cancel) must settle before its handle closes.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** A part as read: its bytes and, when the reader hashes parts, the base64 MD5 for Content-MD5. */
interface ReadPart {
  data: Buffer;
  contentMd5?: string;
}

/** Hashes what is read, in the order it is read: the whole file, and optionally each part. */
interface Hasher {
  add(data: Buffer): Promise<ReadPart>;
  /** Hex MD5 of everything added; call once, after the last part. */
  digest(): Promise<string>;
  close(): Promise<void>;
}

/** On the main thread, the whole file only: for a pass that only hashes. */
class InlineHasher implements Hasher {
  private readonly hash: Hash = createHash('md5');
  add(data: Buffer): Promise<ReadPart> {
    this.hash.update(data);
    return Promise.resolve({ data });
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * A worker thread hashes each part twice (its own MD5 for Content-MD5, and into the MD5 of the
 * whole file) while the main thread keeps the parts in flight fed: hashing 16 MiB blocks for tens
 * of milliseconds, during which every other connection would starve. The part's memory is
 * transferred to the worker and back, never copied. The worker's code is inline so that the
 * bundle stays one file.
 */
const HASH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const whole = createHash('md5');
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ md5: whole.digest('hex') });
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  whole.update(bytes);
  const part = createHash('md5').update(bytes).digest('base64');
  parentPort.postMessage({ part, buffer: m.buffer, length: m.length }, [m.buffer]);
});`;

class WorkerHasher implements Hasher {
  private readonly worker = new Worker(HASH_WORKER, { eval: true });
  /** Answers come back in the order messages were posted. */
  private readonly waiting: Array<{ resolve: (m: HashAnswer) => void; reject: (e: Error) => void }> = [];
  private failed: Error | undefined;

  constructor() {
    this.worker.on('message', (m: HashAnswer) => this.waiting.shift()?.resolve(m));
    this.worker.on('error', (e: Error) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the hashing thread stopped')));
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  private post(message: unknown, transfer: ArrayBuffer[] = []): Promise<HashAnswer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  async add(data: Buffer): Promise<ReadPart> {
    // Transferable only when the Buffer owns its whole ArrayBuffer (PartReader allocates it so).
    const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    const buffer = own ? (data.buffer as ArrayBuffer) : new Uint8Array(data).buffer;
    const answer = await this.post({ buffer, length: data.length }, [buffer]);
    return { data: Buffer.from(answer.buffer as ArrayBuffer, 0, answer.length), contentMd5: answer.part };
  }

  async digest(): Promise<string> {
    return (await this.post({ done: true })).md5 as string;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

interface HashAnswer {
  part?: string;
  buffer?: ArrayBuffer;
  length?: number;
  md5?: string;
}

/**
 * Reads a file part by part, strictly in order whatever order the callers ask in, and hands each
 * part to the hasher in that order: read(i) waits for the reads of the parts before it, not for
 * their hashing.
 */
class PartReader {
  private queue: Promise<unknown> = Promise.resolve();
  private nextIndex = 0;

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly partSize: number,
    private readonly hasher: Hasher,
  ) {}

  /** `hashParts`: also the MD5 of each part, computed on a worker thread. */
  static async open(file: string, size: number, partSize: number, hashParts: boolean): Promise<PartReader> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (e) {
      throw new Error(`Cannot read the file to upload, ${file}: ${(e as Error).message}`, { cause: e });
    }
    return new PartReader(file, handle, size, partSize, hashParts ? new WorkerHasher() : new InlineHasher());
  }

  read(index: number): Promise<ReadPart> {
    const read = this.queue.then(async () => {
      if (index !== this.nextIndex) throw new Error(`part ${index + 1} read out of order`);
      const start = index * this.partSize;
      const length = Math.min(this.partSize, this.size - start);
      const data = Buffer.from(new ArrayBuffer(length));
      try {
        await readFully(this.handle, data, start);
      } catch (e) {
        throw new Error(`Cannot read the file to upload, ${this.file}: ${(e as Error).message}`, {
          cause: e,
        });
      }
      this.nextIndex++;
      return { hashed: this.hasher.add(data) };
    });
    this.queue = read.catch(() => undefined);
    return read.then((r) => r.hashed);
  }

  digest(): Promise<string> {
    return this.hasher.digest();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.handle.close(), this.hasher.close()]);
  }
}

/**
 * Sends one request and reads the answer, within budgetMs and until the signal aborts. On either,
 * the promise settles at once, the file stream and any response are destroyed.
 */
function exchange(
  http: HttpClient,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | Readable | null,
  budgetMs: number,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    let message: IncomingMessage | undefined;
    const finish = (error: unknown, answer?: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (body instanceof Readable) body.destroy();
      if (error !== undefined) {
        message?.destroy();
        reject(error);
      } else {
        resolve(answer as Answer);
      }
    };
    const timer = setTimeout(() => finish(new TimeoutError(`${budgetMs} ms`)), budgetMs);
    const onAbort = () => finish(new CancelledError('cancelled'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (body instanceof Readable) {
      body.once('error', (e: Error) => finish(new FileReadError(`cannot read the file: ${e.message}`)));
    }
    http.request(method, url, body, headers).then(
      async (res) => {
        message = res.message;
        if (settled) {
          res.message.destroy();
          return;
        }
        try {
          const text = await readCapped(res.message);
          finish(undefined, {
            status: res.message.statusCode ?? 0,
            headers: res.message.headers,
            body: text,
          });
        } catch (e) {
          finish(e);
        }
      },
      (e: unknown) => finish(e),
    );
  });
}
