/**
 * What OBS already holds under a key: a HEAD, read for the size and for the MD5 this action stores
 * as metadata, so that a re-run of the same file can skip the upload.
 */
import { headerValue } from '../http/error-mapping.js';
import { MD5_METADATA_HEADER } from './md5.js';
import type { ObsRequests } from './requests.js';

/** What a HEAD says about an object. */
export interface ObjectInfo {
  size: number;
  /** The hex MD5 from `x-obs-meta-md5`, lowercased, when the object has one. */
  md5?: string;
  etag?: string;
}

/**
 * The object's size and stored MD5, or undefined when there is no such object. Any other answer
 * (AccessDenied for a key that may only write, for instance) is an ObsError.
 */
export function headObject(
  requests: ObsRequests,
  target: { bucket: string; key: string; signal: AbortSignal | undefined },
): Promise<ObjectInfo | undefined> {
  const action = `OBS check of obs://${target.bucket}/${target.key}`;
  return requests.retrying(target.signal, async () => {
    const answer = await requests.send({ ...target, method: 'HEAD', action });
    if (answer.status === 404) {
      const error = requests.failure(action, answer);
      // A missing bucket is the user's mistake, not a missing object.
      if (error.details.code === 'NoSuchBucket') throw error;
      return undefined;
    }
    if (answer.status !== 200) throw requests.failure(action, answer);
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
