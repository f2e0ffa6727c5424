/**
 * Reading the file to upload. Every failure says which file could not be read; a file that ends
 * sooner than its size changed while it was read.
 */
import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { cancelledError } from '../http/error-mapping.js';

const MiB = 1024 * 1024;

/**
 * The file to upload could not be read, or changed while it was read (a build still writing it):
 * a fault of the file, which the caller reports about the input that named it.
 */
export class FileReadError extends Error {
  override name = 'FileReadError';
}

function unreadable(file: string, cause: unknown): Error {
  return new FileReadError(`Cannot read the file to upload, ${file}: ${(cause as Error).message}`, { cause });
}

export async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (e) {
    throw unreadable(file, e);
  }
}

export async function openFile(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** Fills `buffer` from `position` of the file. */
export async function readAt(
  file: string,
  handle: FileHandle,
  buffer: Buffer,
  position: number,
): Promise<void> {
  let done = 0;
  try {
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
      if (bytesRead === 0)
        throw new Error(`the file ended at ${position + done} bytes (it shrank while read)`);
      done += bytesRead;
    }
  } catch (e) {
    throw unreadable(file, e);
  }
}

export async function readWhole(file: string, size: number): Promise<Buffer> {
  const handle = await openFile(file);
  try {
    const data = Buffer.allocUnsafe(size);
    await readAt(file, handle, data, 0);
    return data;
  } finally {
    await handle.close();
  }
}

/** Hex MD5 of the first `size` bytes of a file. */
export async function hashFile(file: string, size: number, signal: AbortSignal | undefined): Promise<string> {
  // The disk reads the next 4 MiB while the current ones are hashed: the hash alone sets the pace.
  // Two buffers take turns: a fresh 4 MiB buffer per read cost a page fault per 4 KiB, about as
  // much CPU as the hash itself on a small VM.
  const chunk = 4 * MiB;
  const handle = await openFile(file);
  const hash = createHash('md5');
  const buffers = [
    Buffer.allocUnsafeSlow(Math.min(chunk, size)),
    Buffer.allocUnsafeSlow(Math.min(chunk, size)),
  ];
  const readChunk = async (start: number, turn: number): Promise<Buffer> => {
    const data = buffers[turn % 2]!.subarray(0, Math.min(chunk, size - start));
    await readAt(file, handle, data, start);
    return data;
  };
  let next = size > 0 ? readChunk(0, 0) : undefined;
  try {
    for (let start = 0, turn = 0; next; start += chunk, turn++) {
      if (signal?.aborted) throw cancelledError(`hashing ${file}`);
      const data = await next;
      next = start + chunk < size ? readChunk(start + chunk, turn + 1) : undefined;
      hash.update(data);
    }
    return hash.digest('hex');
  } finally {
    // A read still under way (after a cancel) must settle before its handle closes.
    await next?.catch(() => undefined);
    await handle.close();
  }
}
