/**
 * A worker thread hashes each part twice, its own MD5 for Content-MD5 and into the MD5 of the whole
 * file, while the main thread keeps the parts in flight fed: hashing 16 MiB blocks for tens of
 * milliseconds, during which every other connection would starve. Parts live in shared memory,
 * so the worker answers a part's MD5 as soon as it has it and feeds the whole-file MD5 while the
 * part is already being sent; the caller reuses a part's memory only once both are done. The
 * worker's code is inline so that the bundle stays one file.
 *
 * A thread takes 50 to 120 ms to start on a busy 2-core machine, longer than the run takes from
 * deciding to upload to starting the upload. Until it says it is ready, the main thread computes
 * the Content-MD5 of the parts itself (the first ones are small: see part-plan.ts), so the upload
 * never waits for the thread; the thread still feeds the whole-file MD5 with every part, in order.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const HASH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const whole = createHash('md5');
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ md5: whole.digest('hex') });
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  if (!m.feedOnly) parentPort.postMessage({ part: createHash('md5').update(bytes).digest('base64') });
  whole.update(bytes);
  parentPort.postMessage({ fed: true });
});
parentPort.postMessage({ ready: true });`;

/** A part as read: its bytes and the base64 MD5 for its Content-MD5. */
export interface HashedPart {
  data: Buffer;
  contentMd5: string;
}

interface HashAnswer {
  ready?: true;
  part?: string;
  fed?: true;
  md5?: string;
}

type Waiter = { resolve: (m: HashAnswer) => void; reject: (e: Error) => void };

/** A hashing thread, and whether it has said it is ready. */
interface Thread {
  worker: Worker;
  ready: boolean;
}

function startThread(): Thread {
  const thread: Thread = { worker: new Worker(HASH_WORKER, { eval: true }), ready: false };
  thread.worker.once('message', (m: HashAnswer) => (thread.ready = m.ready === true));
  return thread;
}

/** A thread started ahead by startHashingThread, not yet taken by a PartHasher. */
let spare: Thread | undefined;

/**
 * Starts the next upload's hashing thread now, so that it is ready sooner. Until it is taken it
 * does not keep the process alive, so an upload that never comes (a small file sent in one PUT,
 * a failure before) costs nothing more.
 */
export function startHashingThread(): void {
  if (spare) return;
  const thread = startThread();
  thread.worker.unref();
  // A thread that fails before it is taken is not handed out; one that fails after is the taker's.
  thread.worker.on('error', () => undefined);
  thread.worker.once('exit', () => {
    if (spare === thread) spare = undefined;
  });
  spare = thread;
}

/** Whether a thread started ahead is waiting to be taken. */
export function hasSpareThread(): boolean {
  return spare !== undefined;
}

function takeThread(): Thread {
  const thread = spare ?? startThread();
  spare = undefined;
  thread.worker.ref();
  return thread;
}

export class PartHasher {
  private readonly thread = takeThread();
  /** Answers come back in the order they are expected: a part's MD5, then its feeding, per part. */
  private readonly waiting: Waiter[] = [];
  private failed: Error | undefined;

  constructor() {
    this.thread.worker.on('message', (m: HashAnswer) => {
      if (!m.ready) this.waiting.shift()?.resolve(m);
    });
    this.thread.worker.on('error', (e: Error) => this.fail(e));
    this.thread.worker.on('exit', () => this.fail(new Error('the hashing thread stopped')));
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
    const feedOnly = !this.thread.ready;
    const contentMd5 = feedOnly
      ? Promise.resolve(
          createHash('md5')
            .update(new Uint8Array(buffer, 0, length))
            .digest('base64'),
        )
      : this.expect().then((m) => m.part as string);
    // Never rejects: once the thread has failed it reads nothing more, so the memory is free again.
    const fed = this.expect().then(
      () => undefined,
      () => undefined,
    );
    if (!this.failed) this.thread.worker.postMessage({ buffer, length, feedOnly });
    return { contentMd5, fed };
  }

  /** Hex MD5 of everything added; call once, after the last part. */
  async digest(): Promise<string> {
    const answer = this.expect();
    if (!this.failed) this.thread.worker.postMessage({ done: true });
    return (await answer).md5 as string;
  }

  async close(): Promise<void> {
    this.thread.worker.removeAllListeners('exit');
    await this.thread.worker.terminate();
  }
}
