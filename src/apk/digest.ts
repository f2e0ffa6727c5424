import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** One MB as the Cloud Phone APIs count it: 1024 * 1024 bytes (a mebibyte), not 1,000,000. */
export const BYTES_PER_MB = 1024 * 1024;

/** Whole MB (of 1024 * 1024 bytes), rounded up: 1 byte is 1, exactly 1 MB is 1, 1 MB + 1 byte is 2, 0 bytes is 0. */
export function wholeMegabytes(sizeBytes: number): number {
  return Math.ceil(sizeBytes / BYTES_PER_MB);
}

export interface FileDigest {
  /** Lowercase hex. */
  md5: string;
  /** The bytes hashed, so size and MD5 always describe the same content. */
  sizeBytes: number;
}

/**
 * MD5 of a file, streamed in 1 MB chunks: memory stays flat whatever the size (a 1 GB APK is never held in memory).
 * Read errors (missing file, EISDIR...) reject.
 */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('md5');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: BYTES_PER_MB })) {
    hash.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).length;
  }
  return { md5: hash.digest('hex'), sizeBytes };
}
