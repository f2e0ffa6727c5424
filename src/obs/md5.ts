/**
 * The MD5 of what is uploaded, in the forms OBS takes it: Content-MD5 (base64) on every request that
 * carries bytes, so that OBS checks each one, and the hex MD5 of the whole object as metadata,
 * because a multipart ETag is not the MD5 of the object.
 */
import { FileReadError } from './file.js';

/**
 * The user-defined metadata that holds the hex MD5 of the whole object (sent and returned as
 * `x-obs-meta-md5`; OBS API reference, "Uploading Objects - PUT": x-obs-meta-*).
 */
export const MD5_METADATA_HEADER = 'x-obs-meta-md5';

/** Content-MD5 takes the base64 of the digest; the action computes lowercase hex. */
export function contentMd5Header(md5: string): string {
  if (/^[0-9a-fA-F]{32}$/.test(md5)) return Buffer.from(md5, 'hex').toString('base64');
  if (/^[A-Za-z0-9+/]{22}==$/.test(md5)) return md5;
  throw new RangeError(`contentMd5 must be 32 hex digits or the base64 of 16 bytes, got "${md5}"`);
}

/** Lowercase hex of an MD5 given in either form. */
export function hexMd5(md5: string): string {
  return Buffer.from(contentMd5Header(md5), 'base64').toString('hex');
}

export function changedFile(file: string, expected: string, actual: string): Error {
  return new FileReadError(
    `The file to upload, ${file}, changed while it was read: its MD5 was ${expected}, the bytes read have ${actual}. Nothing was stored.`,
  );
}
