/**
 * OBS errors as ApiError. OBS answers failures with an XML body
 * (`<Error><Code>NoSuchBucket</Code><Message>...</Message><RequestId>...</RequestId></Error>`),
 * and HEAD answers, which have no body, with `x-obs-error-code` / `x-obs-request-id` headers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, withPermissionsPage, type ApiErrorDetails } from '../http/errors.js';
import { answerDetails, headerValue, type ServiceFields } from '../http/error-mapping.js';
import { xmlText } from './xml.js';

/** What usually causes each OBS error code, for the person reading the failed run. */
const OBS_HINTS: Record<string, string> = {
  AccessDenied:
    'OBS refused access: give the access key OBS write permission on the bucket (IAM policy or bucket policy), and check that the bucket belongs to this account.',
  AllAccessDisabled: 'All access to this bucket has been disabled: check the bucket in the OBS console.',
  BadDigest:
    'The bytes OBS received do not match their MD5: the file changed during the upload or was corrupted in transit.',
  EntityTooLarge: 'The object is larger than OBS accepts in a single request.',
  EntityTooSmall: 'A multipart part other than the last is smaller than the OBS minimum of 100 KB.',
  InvalidAccessKeyId: 'OBS does not know this access key: check access-key, and that the key is active.',
  InvalidBucketName: 'The bucket name is not valid for OBS.',
  InvalidPart: 'A multipart part is missing or its ETag does not match; the upload was aborted.',
  InvalidPartOrder: 'Multipart parts were not listed in ascending order; this is a bug in the action.',
  InvalidToken: 'The security token is invalid: check security-token.',
  NoSuchBucket:
    'The bucket does not exist at this OBS endpoint: check obs-bucket and that the OBS endpoint (or region) is the bucket’s region.',
  NoSuchKey: 'The object does not exist.',
  NoSuchUpload: 'The multipart upload no longer exists (it was aborted or expired).',
  PermanentRedirect: 'The bucket is in another region: use the OBS endpoint of the bucket’s region.',
  RequestTimeTooSkewed:
    'The runner clock differs from OBS time by more than 15 minutes: fix the runner clock.',
  ServiceUnavailable: 'OBS is temporarily unavailable; retry later.',
  SignatureDoesNotMatch:
    'OBS rejected the signature: check secret-key (and security-token for temporary credentials).',
  SlowDown: 'OBS is throttling requests: lower the upload concurrency or retry later.',
  TokenRefreshRequired: 'The temporary credentials have expired: get a new security token.',
};

function obsHint(code: string | undefined, status?: number): string | undefined {
  if (code === 'AccessDenied' || (status === 403 && !(code && OBS_HINTS[code]))) {
    return withPermissionsPage(OBS_HINTS.AccessDenied as string);
  }
  // A refused key, signature or token (InvalidAccessKeyId, SignatureDoesNotMatch: HTTP 403 in the OBS API
  // reference's error code table) is about the identity the action signs with, as a CPH 401/403 is: the page
  // says which one that is. A skewed clock is not.
  const refused = (status === 401 || status === 403) && code !== 'RequestTimeTooSkewed';
  if (code && OBS_HINTS[code]) return refused ? withPermissionsPage(OBS_HINTS[code]) : OBS_HINTS[code];
  if (status === 429 || status === 503) return OBS_HINTS.SlowDown;
  return undefined;
}

/**
 * An ApiError whose hint and message come from the OBS table above: the generic table in
 * src/http/errors.ts would explain a 403 as an API-gateway credential problem.
 */
export class ObsError extends ApiError {
  constructor(details: ApiErrorDetails, reason?: string) {
    super(details, reason, obsHint);
  }
}

/**
 * What an OBS error answer says about itself: the XML body, or for a HEAD (which has no body) the
 * x-obs-error-* headers.
 */
function obsFields(headers: IncomingHttpHeaders, body: string): ServiceFields {
  return {
    code: xmlText(body, 'Code') ?? headerValue(headers, 'x-obs-error-code'),
    message: xmlText(body, 'Message') ?? headerValue(headers, 'x-obs-error-message'),
    requestId:
      xmlText(body, 'RequestId') ??
      headerValue(headers, 'x-obs-request-id') ??
      headerValue(headers, 'x-amz-request-id'),
  };
}

/** An error body OBS may also send with HTTP 200 (a failed CompleteMultipartUpload). */
export function isErrorBody(body: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?<Error>/.test(body);
}

/** Turns an OBS answer that failed (status or error body) into an ObsError. */
export function responseError(
  action: string,
  status: number,
  headers: IncomingHttpHeaders,
  body: string,
): ObsError {
  return new ObsError(answerDetails(action, { status, headers, body }, obsFields(headers, body)));
}
