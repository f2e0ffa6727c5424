/**
 * A small OBS client: upload a local file (one PUT, or a parallel multipart upload for large
 * files) and create pre-signed download URLs. Written from Huawei's OBS API reference; the
 * official SDK (`esdk-obs-nodejs`) is only a test oracle, never bundled.
 *
 * HTTP goes through @actions/http-client, which applies the runner's proxy settings. File bodies
 * are streamed with fs.createReadStream({start, end}) and an explicit Content-Length, so a part is
 * never held in memory. A timed-out or cancelled request is settled at once; http-client owns the
 * socket, which its own inactivity timeout (the same request timeout) then closes, and every
 * socket is destroyed when the upload ends.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { HttpClient } from '@actions/http-client';
import { ApiError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { backoffDelay, sleep } from '../timing.js';
import { isErrorBody, ObsError, responseError } from './errors.js';
import { encodeKey, presignQuery, signHeaders, uriEncode, type ObsCredentials } from './signature.js';
import { xmlEscape, xmlText } from './xml.js';

const MiB = 1024 * 1024;
export const DEFAULT_MULTIPART_THRESHOLD_BYTES = 64 * MiB;
export const DEFAULT_PART_SIZE_BYTES = 16 * MiB;
/** OBS limits (API reference, "Uploading a Part"): 1..10,000 parts of 100 KB..5 GB, the last one smaller. */
export const MAX_PARTS = 10_000;
export const MIN_PART_SIZE_BYTES = 100 * 1024;
export const MAX_PART_SIZE_BYTES = 5 * 1024 * MiB;
/** A single PUT takes at most 5 GB; larger files always go multipart. */
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 * MiB;
/**
 * A request that carries a body may take the request timeout plus the time to send the body at
 * this rate: a 16 MiB part gets about 160 s more. It only bounds a server that reads trickle by
 * trickle; a stalled connection is caught sooner by the socket inactivity timeout.
 */
const MIN_UPLOAD_BYTES_PER_SECOND = 100 * 1024;
/** OBS answers we read are small XML documents. */
const MAX_ANSWER_BYTES = MiB;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

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
  userAgent?: string;
}

export interface UploadOptions {
  /** Files of at least this size use multipart upload (default 64 MiB). */
  multipartThresholdBytes?: number;
  /** Default 16 MiB; raised so that there are at most 10,000 parts. */
  partSizeBytes?: number;
  /** MD5 of the file, 32 hex digits or base64; sent as Content-MD5 on a single PUT so OBS checks it. */
  contentMd5?: string;
  /** Default application/octet-stream. */
  contentType?: string;
}

export interface UploadResult {
  multipart: boolean;
  parts: number;
  bytes: number;
}

/** The public OBS endpoint of a region, e.g. https://obs.cn-north-4.myhuaweicloud.com. */
export function obsEndpointForRegion(region: string): string {
  return `https://obs.${region}.myhuaweicloud.com`;
}

/** Why a bucket name is not valid for OBS, or undefined when it is. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return 'may contain only lowercase letters, digits, hyphens and periods, and must start and end with a letter or digit';
  }
  if (/\.\.|\.-|-\./.test(name)) return 'must not contain "..", ".-" or "-."';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not look like an IP address';
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why an object key cannot be used, or undefined when it can. */
export function objectKeyProblem(key: string): string | undefined {
  if (key === '') return 'must not be empty';
  if (LONE_SURROGATE.test(key)) return 'is not valid Unicode';
  if (Buffer.byteLength(key, 'utf8') > 1024) return 'must be at most 1024 bytes of UTF-8';
  // A URL parser resolves "." and ".." segments (even encoded ones), so the path sent would not be the one signed.
  if (key.split('/').some((s) => s === '.' || s === '..'))
    return 'must not contain "." or ".." path segments';
  return undefined;
}

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
  /** A string, or a file range streamed from disk. */
  body?: string | { file: string; start: number; length: number };
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
   * Uploads a local file. Files of at least multipartThresholdBytes use a multipart upload whose
   * parts go up to `concurrency` at a time, each streamed from its range of the file; the upload is
   * aborted if a part or the completion fails. Smaller files use one PUT. Requests are retried on
   * 5xx, 429 and connection failures (sending the same bytes again is idempotent).
   */
  async upload(
    bucket: string,
    key: string,
    filePath: string,
    options: UploadOptions = {},
  ): Promise<UploadResult> {
    checkNames(bucket, key);
    let size: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new Error('not a regular file');
      size = info.size;
    } catch (e) {
      throw new Error(`Cannot read the file to upload, ${filePath}: ${(e as Error).message}`, { cause: e });
    }
    const threshold = options.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES;
    const multipart = size > 0 && (size >= threshold || size > MAX_SINGLE_PUT_BYTES);
    const plan = multipart ? planParts(size, options.partSizeBytes) : undefined;
    const contentMd5 = options.contentMd5 ? contentMd5Header(options.contentMd5) : undefined;
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const http = new HttpClient(this.config.userAgent ?? 'cloud-phone-deploy', [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true,
      socketTimeout: this.config.requestTimeoutMs,
    });
    const started = Date.now();
    try {
      if (!plan) {
        await this.putObject(http, bucket, key, filePath, size, contentType, contentMd5);
      } else {
        await this.multipartUpload(http, bucket, key, filePath, size, plan, contentType);
      }
      this.debug(`uploaded ${size} bytes to obs://${bucket}/${key} in ${Date.now() - started} ms`);
      return { multipart: plan !== undefined, parts: plan?.count ?? 1, bytes: size };
    } finally {
      http.dispose();
    }
  }

  private async putObject(
    http: HttpClient,
    bucket: string,
    key: string,
    file: string,
    size: number,
    contentType: string,
    contentMd5: string | undefined,
  ): Promise<void> {
    const action = `OBS upload of obs://${bucket}/${key}`;
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (contentMd5) headers['Content-MD5'] = contentMd5;
    await this.retrying(action, this.config.signal, async () => {
      const answer = await this.call(http, {
        method: 'PUT',
        bucket,
        key,
        headers,
        body: size === 0 ? '' : { file, start: 0, length: size },
        action,
        signal: this.config.signal,
        note: `${size} bytes`,
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
  ): Promise<void> {
    const uploadId = await this.initiate(http, bucket, key, contentType);
    const concurrency = Math.max(1, Math.floor(this.config.concurrency));
    this.debug(
      `multipart upload of ${size} bytes to obs://${bucket}/${key}: ${plan.count} parts of ${plan.partSize} bytes, ${concurrency} at a time`,
    );
    // Stops the other parts as soon as one fails for good, or when the run is cancelled.
    const stop = new AbortController();
    const outer = this.config.signal;
    const onOuterAbort = () => stop.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      const etags = await this.uploadParts(http, bucket, key, file, size, plan, uploadId, concurrency, stop);
      await this.complete(http, bucket, key, uploadId, etags, size);
    } catch (error) {
      stop.abort();
      await this.abortUpload(http, bucket, key, uploadId);
      throw error;
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  private async initiate(
    http: HttpClient,
    bucket: string,
    key: string,
    contentType: string,
  ): Promise<string> {
    const action = `OBS multipart upload start for obs://${bucket}/${key}`;
    return this.retrying(action, this.config.signal, async () => {
      const answer = await this.call(http, {
        method: 'POST',
        bucket,
        key,
        query: [['uploads', '']],
        headers: { 'Content-Type': contentType },
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
    file: string,
    size: number,
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
        const start = index * plan.partSize;
        const length = Math.min(plan.partSize, size - start);
        try {
          etags[index] = await this.uploadPart(
            http,
            bucket,
            key,
            uploadId,
            index + 1,
            plan.count,
            file,
            start,
            length,
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
    return etags;
  }

  private async uploadPart(
    http: HttpClient,
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    count: number,
    file: string,
    start: number,
    length: number,
    signal: AbortSignal,
  ): Promise<string> {
    const action = `OBS upload of part ${partNumber}/${count} of obs://${bucket}/${key}`;
    return this.retrying(action, signal, async () => {
      const answer = await this.call(http, {
        method: 'PUT',
        bucket,
        key,
        query: [
          ['partNumber', String(partNumber)],
          ['uploadId', uploadId],
        ],
        body: { file, start, length },
        action,
        signal,
        note: `part ${partNumber}/${count}, ${length} bytes`,
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
      const answer = await this.call(http, {
        method: 'HEAD',
        bucket,
        key,
        action: `OBS check of obs://${bucket}/${key}`,
        signal: this.config.signal,
      });
      const length = headerValue(answer.headers, 'content-length');
      return answer.status === 200 && length !== undefined ? Number(length) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort, even after cancellation: parts of an unfinished upload are billed storage. */
  private async abortUpload(http: HttpClient, bucket: string, key: string, uploadId: string): Promise<void> {
    const action = `OBS multipart upload abort for obs://${bucket}/${key}`;
    try {
      await this.retrying(
        action,
        undefined,
        async () => {
          const answer = await this.call(http, {
            method: 'DELETE',
            bucket,
            key,
            query: [['uploadId', uploadId]],
            action,
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
    const started = Date.now();
    let body: string | Readable | null = null;
    if (typeof c.body === 'string') {
      body = c.body; // http-client sets Content-Length for strings, "" included
    } else if (c.body !== undefined) {
      headers['Content-Length'] = String(c.body.length);
      body = createReadStream(c.body.file, { start: c.body.start, end: c.body.start + c.body.length - 1 });
    }
    try {
      const answer = await exchange(http, c.method, url, headers, body, budgetMs, c.signal);
      this.debug(
        `${c.method} ${redactUrl(url)}${c.note ? ` (${c.note})` : ''} -> HTTP ${answer.status} in ${Date.now() - started} ms`,
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
