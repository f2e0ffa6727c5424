/**
 * The parts of a multipart upload, read from the file strictly in order whatever order the callers
 * ask in, each hashed on the way (its own MD5 for Content-MD5, and into the MD5 of the whole file).
 * read(i) waits for the reads of the parts before it, not for their hashing.
 */
import type { FileHandle } from 'node:fs/promises';
import { openFile, readAt } from './file.js';
import { PartHasher, type HashedPart } from './part-hasher.js';

export class PartReader {
  private queue: Promise<unknown> = Promise.resolve();
  private nextIndex = 0;
  private readonly hasher = new PartHasher();

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly partSize: number,
  ) {}

  static async open(file: string, size: number, partSize: number): Promise<PartReader> {
    return new PartReader(file, await openFile(file), size, partSize);
  }

  read(index: number): Promise<HashedPart> {
    const read = this.queue.then(async () => {
      if (index !== this.nextIndex) throw new Error(`part ${index + 1} read out of order`);
      const start = index * this.partSize;
      // A buffer that owns its whole ArrayBuffer: the hasher can then move it to its thread and back.
      const data = Buffer.from(new ArrayBuffer(Math.min(this.partSize, this.size - start)));
      await readAt(this.file, this.handle, data, start);
      this.nextIndex++;
      return { hashed: this.hasher.add(data) };
    });
    this.queue = read.catch(() => undefined);
    return read.then((r) => r.hashed);
  }

  /** Hex MD5 of the whole file; once, after the last part. */
  digest(): Promise<string> {
    return this.hasher.digest();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.handle.close(), this.hasher.close()]);
  }
}
