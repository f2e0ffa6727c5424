/**
 * A worker thread hashes each part twice (its own MD5 for Content-MD5, and into the MD5 of the
 * whole file) while the main thread keeps the parts in flight fed: hashing 16 MiB blocks for tens
 * of milliseconds, during which every other connection would starve. The part's memory is
 * transferred to the worker and back, never copied. The worker's code is inline so that the
 * bundle stays one file.
 */
import { Worker } from 'node:worker_threads';

const HASH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const whole = createHash('md5');
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ md5: whole.digest('hex') });
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  whole.update(bytes);
  const part = createHash('md5').update(bytes).digest('base64');
  parentPort.postMessage({ part, buffer: m.buffer, length: m.length }, [m.buffer]);
});`;

/** A part as read: its bytes and the base64 MD5 for its Content-MD5. */
export interface HashedPart {
  data: Buffer;
  contentMd5: string;
}

interface HashAnswer {
  part?: string;
  buffer?: ArrayBuffer;
  length?: number;
  md5?: string;
}

export class PartHasher {
  private readonly worker = new Worker(HASH_WORKER, { eval: true });
  /** Answers come back in the order messages were posted. */
  private readonly waiting: Array<{ resolve: (m: HashAnswer) => void; reject: (e: Error) => void }> = [];
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

  private post(message: unknown, transfer: ArrayBuffer[] = []): Promise<HashAnswer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  /** Parts must be added in file order: the whole file's MD5 is computed in that order. */
  // `buffer` moves to the hashing thread and back: the caller must own it (not a view of Node's
  // shared pool) and not touch it until the answer comes.
  async add(buffer: ArrayBuffer, length: number): Promise<HashedPart> {
    const answer = await this.post({ buffer, length }, [buffer]);
    return {
      data: Buffer.from(answer.buffer as ArrayBuffer, 0, answer.length),
      contentMd5: answer.part as string,
    };
  }

  /** Hex MD5 of everything added; call once, after the last part. */
  async digest(): Promise<string> {
    return (await this.post({ done: true })).md5 as string;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
