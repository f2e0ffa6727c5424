/**
 * A multipart upload: start, parts up to `concurrency` at a time, completion, and the MD5 of the whole
 * file stored as metadata. The parts are read in order, each into the buffer of the request that
 * sends it (one per part in flight, reused), and hashed on the way: its own MD5 for Content-MD5 and
 * into the MD5 of the whole file, so the file is read once. Any failure, or a cancelled run, aborts
 * the upload: the parts of an unfinished upload are billed storage.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { ApiError } from '../http/errors.js';
import { cancelledError, headerValue } from '../http/error-mapping.js';
import type { Answer } from '../http/exchange.js';
import { ObsError, isErrorBody } from './errors.js';
import { openFile, readAt } from './file.js';
import { headObject } from './head.js';
import { changedFile, MD5_METADATA_HEADER } from './md5.js';
import { isObsRetryable, type ObsRequests } from './requests.js';
import { xmlEscape, xmlText } from './xml.js';

const MiB = 1024 * 1024;
/**
 * 8 MiB parts, as the AWS CLI's default: 4 in flight hold 32 MiB. 16 MiB parts measured the same
 * (BENCHMARKS.md), for twice the memory.
 */
const DEFAULT_PART_SIZE_BYTES = 8 * MiB;
/** OBS limits (API reference, "Uploading a Part"): 1..10,000 parts of 100 KB..5 GB, the last one smaller. */
const MAX_PARTS = 10_000;
const MIN_PART_SIZE_BYTES = 100 * 1024;
const MAX_PART_SIZE_BYTES = 5 * 1024 * MiB;

export interface PartPlan {
  /** The file's size. */
  size: number;
  /** The size of every part but the last, which may be smaller. */
  partSize: number;
  count: number;
}

/** The parts of a file: the requested part size, raised (to whole MiB) to stay within 10,000 parts. */
export function planParts(sizeBytes: number, partSizeBytes: number = DEFAULT_PART_SIZE_BYTES): PartPlan {
  if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE_BYTES) {
    throw new RangeError(`part size must be an integer of at least ${MIN_PART_SIZE_BYTES} bytes`);
  }
  let partSize = partSizeBytes;
  if (Math.ceil(sizeBytes / partSize) > MAX_PARTS) partSize = Math.ceil(sizeBytes / MAX_PARTS / MiB) * MiB;
  if (partSize > MAX_PART_SIZE_BYTES)
    throw new RangeError(`a file of ${sizeBytes} bytes is too large for OBS`);
  return { size: sizeBytes, partSize, count: Math.max(1, Math.ceil(sizeBytes / partSize)) };
}

/** How the plan reads in a log line: "64 parts of 8 MiB". */
export function describePlan(plan: PartPlan): string {
  const { partSize } = plan;
  const size =
    partSize % MiB === 0
      ? `${partSize / MiB} MiB`
      : partSize % 1024 === 0
        ? `${partSize / 1024} KiB`
        : `${partSize} bytes`;
  return `${plan.count} parts of ${size}`;
}

/** Time the multipart abort may take once the run is cancelled (the runner kills the step 7.5 s after SIGINT). */
const ABORT_BUDGET_MS = 2_500;

interface Target {
  bucket: string;
  key: string;
  /** The run's signal. */
  signal: AbortSignal | undefined;
}

export interface MultipartFile {
  path: string;
  size: number;
  plan: PartPlan;
  contentType: string;
  /** Stored as metadata from the start when known; otherwise after completion. */
  expectedMd5: string | undefined;
}

export async function multipartUpload(
  requests: ObsRequests,
  target: Target,
  file: MultipartFile,
  concurrency: number,
): Promise<{ md5: string; md5Saved: boolean }> {
  const { bucket, key, signal } = target;
  const { plan, expectedMd5 } = file;
  const uploadId = await initiate(requests, target, file.contentType, expectedMd5);
  requests.debug(
    `multipart upload of ${file.size} bytes to obs://${bucket}/${key}: ${describePlan(plan)}, ${concurrency} at a time`,
  );
  // Stops the other parts as soon as one fails for good, or when the run is cancelled.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let md5: string;
  try {
    const whole = createHash('md5');
    const etags = await uploadParts(requests, target, file, whole, uploadId, concurrency, stop);
    md5 = whole.digest('hex');
    // The file changed since it was hashed: its parts are each intact, but not the file we meant.
    if (expectedMd5 !== undefined && md5 !== expectedMd5) throw changedFile(file.path, expectedMd5, md5);
    await complete(requests, target, uploadId, etags, file.size);
  } catch (error) {
    stop.abort();
    await abortUpload(requests, target, uploadId);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }
  const md5Saved = expectedMd5 !== undefined || (await saveMd5(requests, target, md5));
  return { md5, md5Saved };
}

async function initiate(
  requests: ObsRequests,
  target: Target,
  contentType: string,
  md5: string | undefined,
): Promise<string> {
  const action = `OBS multipart upload start for obs://${target.bucket}/${target.key}`;
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (md5 !== undefined) headers[MD5_METADATA_HEADER] = md5;
  return requests.retrying(target.signal, async () => {
    const query: Array<[string, string]> = [['uploads', '']];
    const answer = await requests.send({ ...target, method: 'POST', query, headers, body: '', action });
    if (answer.status !== 200 || isErrorBody(answer.body)) throw requests.failure(action, answer);
    return carried(action, answer, 'UploadId', xmlText(answer.body, 'UploadId'));
  });
}

/** What a successful answer must carry; without it the answer is one we cannot use. */
function carried(action: string, answer: Answer, name: string, value: string | undefined): string {
  if (value) return value;
  throw new ObsError({ action, status: answer.status, unparseable: true }, `the answer has no ${name}`);
}

async function uploadParts(
  requests: ObsRequests,
  target: Target,
  file: MultipartFile,
  whole: Hash,
  uploadId: string,
  concurrency: number,
  stop: AbortController,
): Promise<string[]> {
  const { plan } = file;
  const handle = await openFile(file.path);
  const etags = new Array<string>(plan.count);
  let next = 0;
  /** The read before the next one: parts are read and fed to `whole` in the order they are claimed. */
  let previous: Promise<unknown> = Promise.resolve();
  let firstError: unknown;
  const worker = async () => {
    // A buffer per worker, reused for its every part: a fresh 8 MiB buffer per part costs the kernel
    // a page fault per 4 KiB and the collector its sweeps.
    const buffer = Buffer.allocUnsafeSlow(Math.min(plan.partSize, plan.size));
    while (firstError === undefined && !stop.signal.aborted && next < plan.count) {
      const index = next++;
      try {
        const read = previous.then(() => readPart(file, handle, index, buffer, stop.signal));
        // The file's MD5 takes the part once its request is under way, not before: one hash pass
        // less between a free connection and its next part. The next read waits for it.
        previous = read.then(feedAfterSend(whole)).catch(() => undefined);
        const part = await read;
        if (stop.signal.aborted) break;
        etags[index] = await uploadPart(requests, target, uploadId, index + 1, plan.count, part, stop.signal);
      } catch (error) {
        if (firstError === undefined) firstError = error;
        stop.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, plan.count) }, worker));
  } finally {
    await previous;
    await handle.close();
  }
  if (firstError !== undefined) throw firstError;
  if (stop.signal.aborted) throw cancelledError(`OBS upload of obs://${target.bucket}/${target.key}`);
  return etags;
}

/** Feeds a part to the file's MD5 after the turn of the event loop in which its request starts. */
function feedAfterSend(whole: Hash) {
  return async (part: { data: Buffer }) => {
    await new Promise((resolve) => setImmediate(resolve));
    whole.update(part.data);
  };
}

interface Part {
  data: Buffer;
  contentMd5: string;
}

/** Reads part `index` (from 0) into `buffer`, and hashes it for its Content-MD5. */
async function readPart(
  file: MultipartFile,
  handle: FileHandle,
  index: number,
  buffer: Buffer,
  signal: AbortSignal,
): Promise<Part> {
  if (signal.aborted) throw cancelledError(`reading ${file.path}`);
  const start = index * file.plan.partSize;
  const data = buffer.subarray(0, Math.min(file.plan.partSize, file.size - start));
  await readAt(file.path, handle, data, start);
  return { data, contentMd5: createHash('md5').update(data).digest('base64') };
}

async function uploadPart(
  requests: ObsRequests,
  target: Target,
  uploadId: string,
  partNumber: number,
  count: number,
  part: Part,
  signal: AbortSignal,
): Promise<string> {
  const action = `OBS upload of part ${partNumber}/${count} of obs://${target.bucket}/${target.key}`;
  // OBS refuses a part whose bytes do not match (BadDigest), so a part corrupted on the way is retried, never stored.
  const headers = { 'Content-MD5': part.contentMd5 };
  return requests.retrying(signal, async () => {
    const answer = await requests.send({
      ...target,
      method: 'PUT',
      query: [
        ['partNumber', String(partNumber)],
        ['uploadId', uploadId],
      ],
      headers,
      body: part.data,
      action,
      signal,
      note: `part ${partNumber}/${count}, ${part.data.length} bytes`,
    });
    if (answer.status !== 200) throw requests.failure(action, answer);
    return carried(action, answer, 'ETag', headerValue(answer.headers, 'etag'));
  });
}

async function complete(
  requests: ObsRequests,
  target: Target,
  uploadId: string,
  etags: string[],
  size: number,
): Promise<void> {
  const action = `OBS multipart upload completion for obs://${target.bucket}/${target.key}`;
  const xml =
    '<CompleteMultipartUpload>' +
    etags
      .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlEscape(etag)}</ETag></Part>`)
      .join('') +
    '</CompleteMultipartUpload>';
  // After an attempt whose fate is unknown, "NoSuchUpload" may mean that attempt completed it.
  let ambiguous = false;
  await requests.retrying(target.signal, async () => {
    let answer: Answer;
    try {
      const headers = { 'Content-Type': 'application/xml' };
      const query: Array<[string, string]> = [['uploadId', uploadId]];
      answer = await requests.send({ ...target, method: 'POST', query, headers, body: xml, action });
    } catch (error) {
      if (error instanceof ApiError && error.details.network !== 'connect') ambiguous = true;
      throw error;
    }
    if (answer.status === 200 && !isErrorBody(answer.body)) return;
    const error = requests.failure(action, answer);
    if (ambiguous && error.details.code === 'NoSuchUpload' && (await sizeOf(requests, target)) === size) {
      requests.debug(`${action}: an earlier attempt completed the upload`);
      return;
    }
    if (isObsRetryable(error)) ambiguous = true;
    throw error;
  });
}

/** The size of an object, or undefined when it cannot be read. */
async function sizeOf(requests: ObsRequests, target: Target): Promise<number | undefined> {
  try {
    return (await headObject(requests, target))?.size;
  } catch {
    return undefined;
  }
}

/**
 * Best effort, even after cancellation. After a cancel it gets ABORT_BUDGET_MS in all, so the run
 * still reports and exits before the runner kills it.
 */
async function abortUpload(requests: ObsRequests, target: Target, uploadId: string) {
  const action = `OBS multipart upload abort for obs://${target.bucket}/${target.key}`;
  const budget = target.signal?.aborted ? AbortSignal.timeout(ABORT_BUDGET_MS) : undefined;
  try {
    await requests.retrying(
      budget,
      async () => {
        const query: Array<[string, string]> = [['uploadId', uploadId]];
        const answer = await requests.send({ ...target, method: 'DELETE', query, action, signal: budget });
        if (answer.status !== 204 && answer.status !== 200) throw requests.failure(action, answer);
      },
      2,
    );
    requests.debug(`${action}: aborted`);
  } catch (error) {
    requests.debug(`${action}: ${(error as Error).message}`);
  }
}

/**
 * Stores the MD5 of an object uploaded before its MD5 was known (OBS API reference, "Modifying
 * Object Metadata": PUT /key?metadata with x-obs-metadata-directive REPLACE_NEW, which keeps the
 * metadata not named, such as Content-Type). Best effort: the object is complete either way, but
 * the next run cannot recognise it and uploads it again.
 */
async function saveMd5(requests: ObsRequests, target: Target, md5: string): Promise<boolean> {
  const action = `OBS metadata update of obs://${target.bucket}/${target.key}`;
  const headers = { 'x-obs-metadata-directive': 'REPLACE_NEW', [MD5_METADATA_HEADER]: md5 };
  try {
    await requests.retrying(target.signal, async () => {
      const query: Array<[string, string]> = [['metadata', '']];
      const answer = await requests.send({ ...target, method: 'PUT', query, headers, body: '', action });
      if (answer.status !== 200) throw requests.failure(action, answer);
    });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.details.network === 'aborted') throw error;
    requests.debug(`${action}: ${(error as Error).message}`);
    return false;
  }
}
