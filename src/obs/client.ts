/**
 * A small OBS client: upload a local file (one PUT, or a parallel multipart upload for large
 * files), skip the upload when the same bytes are already there, and create pre-signed download
 * URLs. Written from Huawei's OBS API reference; the official SDK (`esdk-obs-nodejs`) is only a
 * test oracle, never bundled.
 *
 * The file is read once, in order: each part (or the whole file for a single PUT) is read into
 * memory, hashed for its own Content-MD5 and for the MD5 of the whole file, and sent from that
 * buffer, so OBS checks every byte it stores and the MD5 the action reports describes exactly the
 * bytes uploaded. Memory is bounded by `concurrency` parts (4 x 8 MiB by default), or one file
 * below the multipart threshold (64 MiB). The MD5 is stored as object metadata (`x-obs-meta-md5`)
 * because a multipart ETag is not the MD5 of the object.
 */
import { ApiError } from '../http/errors.js';
import { now } from '../http/timing.js';
import { parseEndpoint, objectUrl, type Endpoint } from './endpoint.js';
import { fileSize, hashFile } from './file.js';
import { headObject, type ObjectInfo } from './head.js';
import { hexMd5 } from './md5.js';
import { multipartUpload, planParts, type PartPlan } from './multipart.js';
import { bucketNameProblem, objectKeyProblem } from '../inputs/obs-names.js';
import { presignedGetUrl } from './presign.js';
import { ObsRequests } from './requests.js';
import type { ObsCredentials } from './signature.js';
import { putFile } from './single-put.js';

const MiB = 1024 * 1024;
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 64 * MiB;
/** A single PUT takes at most 5 GB; larger files always go multipart. */
const MAX_SINGLE_PUT_BYTES = 5 * 1024 * MiB;
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
  /** Epoch ms (the run's wait-timeout): no retry waits past it, a Retry-After of OBS's included. */
  deadline?: number;
}

export interface UploadOptions {
  /** Files of at least this size use multipart upload (default 64 MiB). */
  multipartThresholdBytes?: number;
  /** Default 8 MiB; raised so that there are at most 10,000 parts. */
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

/** A file to upload. */
interface LocalFile {
  path: string;
  size: number;
}

/** What ensureUploaded did: uploaded the file, or found the same bytes already in OBS. */
export type EnsureResult =
  ({ uploaded: true } & UploadResult) | { uploaded: false; bytes: number; md5: string };

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
    return objectUrl(this.endpoint, bucket, key, rawQuery);
  }

  /** A pre-signed GET URL valid for expiresInSeconds. Every query value is a credential. */
  presignGetUrl(
    bucket: string,
    key: string,
    expiresInSeconds: number,
    now: Date = new Date(),
    creds: ObsCredentials = this.creds,
  ): string {
    checkNames(bucket, key);
    return presignedGetUrl(this.endpoint, { bucket, key }, expiresInSeconds, now, creds);
  }

  /** The object's size and stored MD5, or undefined when there is no such object. */
  async headObject(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    checkNames(bucket, key);
    return this.withRequests((requests) => headObject(requests, { bucket, key, signal: this.config.signal }));
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
    const file = { path: filePath, size: await fileSize(filePath) };
    // One set of connections for the HEAD and the upload: the upload starts on the HEAD's
    // connection, without a new TCP and TLS handshake before its first request.
    return this.withRequests((requests) => this.ensure(requests, bucket, key, file, options));
  }

  private async ensure(
    requests: ObsRequests,
    bucket: string,
    key: string,
    file: LocalFile,
    options: UploadOptions,
  ): Promise<EnsureResult> {
    const { size, path } = file;
    let existing: ObjectInfo | undefined;
    try {
      existing = await headObject(requests, { bucket, key, signal: this.config.signal });
    } catch (error) {
      // A key may be allowed to write objects and not to read them: then upload without looking.
      if (!(error instanceof ApiError) || error.details.status !== 403) throw error;
      this.debug(`cannot check obs://${bucket}/${key} before uploading (${error.message}): uploading`);
    }
    if (existing && existing.size === size && existing.md5 !== undefined) {
      const md5 = options.contentMd5
        ? hexMd5(options.contentMd5)
        : await hashFile(path, size, this.config.signal);
      if (md5 === existing.md5) {
        this.debug(`obs://${bucket}/${key} already holds these ${size} bytes (md5 ${md5})`);
        return { uploaded: false, bytes: size, md5 };
      }
      this.debug(`obs://${bucket}/${key} has another MD5 (${existing.md5}): uploading`);
      const known = { ...options, contentMd5: md5 };
      return { uploaded: true, ...(await this.send(requests, bucket, key, file, known)) };
    }
    if (existing) {
      this.debug(
        `obs://${bucket}/${key} exists with ${existing.size} bytes and ${existing.md5 ? `md5 ${existing.md5}` : 'no stored MD5'}: uploading`,
      );
    }
    return { uploaded: true, ...(await this.send(requests, bucket, key, file, options)) };
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
    const file = { path: filePath, size: await fileSize(filePath) };
    return this.withRequests((requests) => this.send(requests, bucket, key, file, options));
  }

  private get concurrency(): number {
    return Math.max(1, Math.floor(this.config.concurrency));
  }

  /** One PUT, or a multipart upload for a large file. */
  private async send(
    requests: ObsRequests,
    bucket: string,
    key: string,
    file: LocalFile,
    options: UploadOptions,
  ): Promise<UploadResult> {
    const { path, size } = file;
    const plan = multipartPlan(size, options);
    const expectedMd5 = options.contentMd5 ? hexMd5(options.contentMd5) : undefined;
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const target = { bucket, key, signal: this.config.signal };
    const started = now();
    let result: UploadResult;
    if (!plan) {
      const md5 = await putFile(requests, target, { path, size, contentType, expectedMd5 });
      result = { multipart: false, parts: 1, bytes: size, md5, md5Saved: true };
    } else {
      const multipartFile = { path, size, plan, contentType, expectedMd5 };
      const { md5, md5Saved } = await multipartUpload(requests, target, multipartFile, this.concurrency);
      result = { multipart: true, parts: plan.count, bytes: size, md5, md5Saved };
    }
    this.debug(`uploaded ${size} bytes to obs://${bucket}/${key} in ${now() - started} ms`);
    return result;
  }

  /** Connections live as long as one operation: kept alive between its requests, closed after. */
  private async withRequests<T>(work: (requests: ObsRequests) => Promise<T>): Promise<T> {
    const requests = new ObsRequests(this.config, this.endpoint, () =>
      this.config.credentials ? this.config.credentials() : this.creds,
    );
    try {
      return await work(requests);
    } finally {
      requests.dispose();
    }
  }

  private debug(message: string): void {
    this.config.debug?.(message);
  }
}

/** The parts of a file that goes multipart, or undefined for one PUT. */
function multipartPlan(size: number, options: UploadOptions): PartPlan | undefined {
  const threshold = options.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES;
  const multipart = size > 0 && (size >= threshold || size > MAX_SINGLE_PUT_BYTES);
  return multipart ? planParts(size, options.partSizeBytes) : undefined;
}

function checkNames(bucket: string, key: string): void {
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem) throw new RangeError(`OBS bucket name "${bucket}" ${bucketProblem}`);
  const keyProblem = objectKeyProblem(key);
  if (keyProblem) throw new RangeError(`OBS object key "${key}" ${keyProblem}`);
}
