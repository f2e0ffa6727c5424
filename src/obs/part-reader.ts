/**
 * The parts of a multipart upload, read from the file strictly in order whatever order the callers
 * ask in, each hashed on the way (its own MD5 for Content-MD5, and into the MD5 of the whole file).
 * read(i) waits for the reads of the parts before it, not for their hashing.
 */
import type { FileHandle } from 'node:fs/promises';
import { openFile, readAt } from './file.js';
import { PartHasher, type HashedPart } from './part-hasher.js';
import { partRange, type PartPlan } from './part-plan.js';

export type Hasher = Pick<PartHasher, 'add' | 'digest' | 'close'>;

export class PartReader {
  private queue: Promise<unknown> = Promise.resolve();
  private nextIndex = 0;
  /** Reads asked for so far: the next one asked for is of part `queued`. */
  private queued = 0;
  /** Reads asked for before the upload claimed them (prefetch): handed out once, to read(i). */
  private readonly started = new Map<number, Promise<HashedPart>>();
  /**
   * Part buffers are reused, one per part in flight: a fresh 16 MiB buffer for every part cost
   * the kernel a page fault per 4 KiB and the collector its sweeps, 1.3 s of CPU of 4.2 s for a
   * 512 MiB upload, taken from the upload on a 2-core runner. They are shared with the hashing
   * thread, which reads a part while it is sent.
   */
  private readonly free: SharedArrayBuffer[] = [];
  private allocated = 0;
  private readonly waitingForBuffer: Array<(buffer: SharedArrayBuffer) => void> = [];
  /** When the whole-file MD5 has read each buffer's current part. */
  private readonly fed = new WeakMap<SharedArrayBuffer, Promise<void>>();

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly plan: PartPlan,
    private readonly slots: number,
    private readonly hasher: Hasher,
  ) {}

  /**
   * `slots`: how many parts may be held at once (read, hashing or being sent). `hasher` is the
   * hashing thread unless a test gives its own.
   */
  static async open(
    file: string,
    plan: PartPlan,
    slots: number,
    hasher: Hasher = new PartHasher(),
  ): Promise<PartReader> {
    try {
      return new PartReader(file, await openFile(file), plan, Math.max(1, slots), hasher);
    } catch (error) {
      await hasher.close();
      throw error;
    }
  }

  /**
   * Starts reading and hashing the first parts, as many as may be held at once, before the upload
   * asks for them, so that they are ready when the upload has been started; read(i) then answers
   * them.
   */
  prefetch(): void {
    for (let index = this.queued; index < Math.min(this.slots, this.plan.count); index++) {
      const early = this.readNext(index);
      early.catch(() => undefined); // read(i) reports it, if the upload goes ahead
      this.started.set(index, early);
    }
  }

  read(index: number): Promise<HashedPart> {
    const early = this.started.get(index);
    if (early) {
      this.started.delete(index);
      return early;
    }
    return this.readNext(index);
  }

  private readNext(index: number): Promise<HashedPart> {
    this.queued++;
    const read = this.queue.then(async () => {
      if (index !== this.nextIndex) throw new Error(`part ${index + 1} read out of order`);
      const { start, length } = partRange(this.plan, index);
      const buffer = await this.buffer();
      const data = Buffer.from(buffer, 0, length);
      await readAt(this.file, this.handle, data, start);
      this.nextIndex++;
      const { contentMd5, fed } = this.hasher.add(buffer, data.length);
      this.fed.set(buffer, fed);
      return { data, contentMd5 };
    });
    this.queue = read.catch(() => undefined);
    return read.then(async ({ data, contentMd5 }) => ({ data, contentMd5: await contentMd5 }));
  }

  /** Gives a part's memory back once its bytes are sent, or will never be. */
  release(part: HashedPart): void {
    const buffer = part.data.buffer;
    if (
      !(buffer instanceof SharedArrayBuffer) ||
      part.data.byteOffset !== 0 ||
      buffer.byteLength !== this.plan.partSize
    )
      return;
    void (this.fed.get(buffer) ?? Promise.resolve()).then(() => {
      const waiter = this.waitingForBuffer.shift();
      if (waiter) waiter(buffer);
      else this.free.push(buffer);
    });
  }

  private buffer(): Promise<SharedArrayBuffer> {
    const reused = this.free.pop();
    if (reused) return Promise.resolve(reused);
    if (this.allocated < this.slots) {
      this.allocated++;
      return Promise.resolve(new SharedArrayBuffer(this.plan.partSize));
    }
    return new Promise((resolve) => this.waitingForBuffer.push(resolve));
  }

  /** Hex MD5 of the whole file; once, after the last part. */
  digest(): Promise<string> {
    return this.hasher.digest();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.handle.close(), this.hasher.close()]);
  }
}
