/** One MB as the Cloud Phone APIs count it: 1024 * 1024 bytes (a mebibyte), not 1,000,000. */
export const BYTES_PER_MB = 1024 * 1024;

/** Whole MB (of 1024 * 1024 bytes), rounded up: 1 byte is 1, exactly 1 MB is 1, 1 MB + 1 byte is 2, 0 bytes is 0. */
export function wholeMegabytes(sizeBytes: number): number {
  return Math.ceil(sizeBytes / BYTES_PER_MB);
}
