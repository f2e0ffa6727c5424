/**
 * The one clock every wait, deadline and elapsed time reads. Real time in a run; tests install a
 * scaled clock (`setClock`) so that a 5 s poll interval passes in milliseconds without a fake timer
 * touching the sockets. Signing dates stay on real time: a service compares them with its own clock.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms` of this clock's time, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: realSleep };

let current: Clock = realClock;

/** Installs another clock (tests only); returns the one it replaced. */
export function setClock(clock: Clock): Clock {
  const previous = current;
  current = clock;
  return previous;
}

/** Epoch ms on the current clock. */
export const now = (): number => current.now();

/** Resolves after `ms`, or early when the signal aborts (callers check the signal afterwards). */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> => current.sleep(ms, signal);

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff with full jitter around the step, so many runners do not retry in lockstep. */
export function backoffDelay(attempt: number, baseMs: number, capMs = 30_000, random = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
