/**
 * A multipart upload: start, parts up to `concurrency` at a time (read in order, each with its
 * Content-MD5), completion, and the MD5 of the whole file stored as metadata. Any failure, or a
 * cancelled run, aborts the upload: the parts of an unfinished upload are billed storage.
 */
import { ApiError } from '../http/errors.js';
import { cancelledError, headerValue } from '../http/error-mapping.js';
import type { Answer } from '../http/exchange.js';
import { ObsError, isErrorBody } from './errors.js';
import { headObject } from './head.js';
import { changedFile, MD5_METADATA_HEADER } from './md5.js';
import { describePlan, type PartPlan } from './part-plan.js';
import type { PartReader } from './part-reader.js';
import { isObsRetryable, type ObsRequests } from './requests.js';
import { xmlEscape, xmlText } from './xml.js';

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
  /** Opened by the caller, who closes it; holds `concurrency` parts. */
  reader: PartReader;
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
    const etags = await uploadParts(requests, target, file.reader, plan, uploadId, concurrency, stop);
    md5 = await file.reader.digest();
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
  reader: PartReader,
  plan: PartPlan,
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
        const part = await reader.read(index);
        if (stop.signal.aborted) break;
        try {
          etags[index] = await uploadPart(
            requests,
            target,
            uploadId,
            index + 1,
            plan.count,
            part,
            stop.signal,
          );
        } finally {
          reader.release(part);
        }
      } catch (error) {
        if (firstError === undefined) firstError = error;
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plan.count) }, worker));
  if (firstError !== undefined) throw firstError;
  if (stop.signal.aborted) throw cancelledError(`OBS upload of obs://${target.bucket}/${target.key}`);
  return etags;
}

async function uploadPart(
  requests: ObsRequests,
  target: Target,
  uploadId: string,
  partNumber: number,
  count: number,
  part: { data: Buffer; contentMd5: string },
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
