/**
 * A worker thread hashes each part twice, its own MD5 for Content-MD5 and into the MD5 of the whole
 * file, while the main thread keeps the parts in flight fed: hashing 16 MiB blocks for tens of
 * milliseconds, during which every other connection would starve. Parts live in shared memory,
 * so the worker answers a part's MD5 as soon as it has it and feeds the whole-file MD5 while the
 * part is already being sent; the caller reuses a part's memory only once both are done. The
 * worker's code is inline so that the bundle stays one file.
 */
import { Worker } from 'node:worker_threads';

const HASH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const whole = createHash('md5');
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ md5: whole.digest('hex') });
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  parentPort.postMessage({ part: createHash('md5').update(bytes).digest('base64') });
  whole.update(bytes);
  parentPort.postMessage({ fed: true });
});`;

/** A part as read: its bytes and the base64 MD5 for its Content-MD5. */
export interface HashedPart {
  data: Buffer;
  contentMd5: string;
}

interface HashAnswer {
  part?: string;
  fed?: true;
  md5?: string;
}

type Waiter = { resolve: (m: HashAnswer) => void; reject: (e: Error) => void };

export class PartHasher {
  private readonly worker = new Worker(HASH_WORKER, { eval: true });
  /** Answers come back in the order they are expected: a part's MD5, then its feeding, per part. */
  private readonly waiting: Waiter[] = [];
  private failed: Error | undefined;

  constructor() {
    this.worker.on('message', (m: HashAnswer) => this.waiting.shift()?.resolve(m));
    this.worker.on('error', (e: Error) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the hashing thread stopped')));
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  private expect(): Promise<HashAnswer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /**
   * Parts must be added in file order: the whole file's MD5 is computed in that order. `contentMd5`
   * settles first; `fed` once the whole-file MD5 has read the bytes. The caller must not write to
   * `buffer` before `fed`.
   */
  add(buffer: SharedArrayBuffer, length: number): { contentMd5: Promise<string>; fed: Promise<void> } {
    const contentMd5 = this.expect().then((m) => m.part as string);
    // Never rejects: once the thread has failed it reads nothing more, so the memory is free again.
    const fed = this.expect().then(
      () => undefined,
      () => undefined,
    );
    if (!this.failed) this.worker.postMessage({ buffer, length });
    return { contentMd5, fed };
  }

  /** Hex MD5 of everything added; call once, after the last part. */
  async digest(): Promise<string> {
    const answer = this.expect();
    if (!this.failed) this.worker.postMessage({ done: true });
    return (await answer).md5 as string;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
