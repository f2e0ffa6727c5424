import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import { now, realClock, setClock, type Clock } from '../../src/http/timing.js';

/**
 * A clock that runs `scale` times faster than real time from the moment it is made: a 1 s poll
 * interval passes in 1000/scale ms of real time, and a deadline arrives just as much sooner. Only
 * waits, deadlines and elapsed times read it (src/http/timing.ts); signing dates stay on real time.
 */
function scaledClock(scale: number): Clock {
  const t0 = Date.now();
  return {
    now: () => t0 + (Date.now() - t0) * scale,
    sleep: (ms, signal) => realClock.sleep(ms / scale, signal),
  };
}

/**
 * How much faster than real time in-process runs go. A 1 s poll interval takes 25 ms; the scale
 * stays low enough that a request answered in 100 ms of real time (a loaded machine) is still only
 * 2.5 s of the run's time, far inside any deadline a test sets.
 */
export const TIME_SCALE = 40;

export interface FixtureOptions extends EmulatorOptions {
  /**
   * Runs this file on a scaled clock (see scaledClock): the action in this process and the emulator's
   * jobs share it, so their notions of time agree. Only for files that run the action in-process: a
   * spawned bundle keeps real time.
   */
  timeScale?: number;
}

/** Starts one emulator for a test file and forgets its state between tests. */
export function useEmulator({ timeScale, ...options }: FixtureOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  let previous: Clock | undefined;
  beforeAll(async () => {
    if (timeScale !== undefined) previous = setClock(scaledClock(timeScale));
    emulator = await startEmulator({
      jobDurationMs: 300,
      ...(timeScale !== undefined ? { jobClock: now } : {}),
      ...options,
    });
  });
  afterEach(() => emulator?.reset());
  afterAll(async () => {
    if (previous) setClock(previous);
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('emulator not started');
    return emulator;
  };
}

/** Credentials and endpoint for the emulator, token auth unless AK/SK is asked for. */
export function connection(emulator: Emulator, auth: 'token' | 'aksk' = 'token'): Record<string, string> {
  const base = { endpoint: emulator.url, 'project-id': emulator.options.projectId, 'poll-interval': '1s' };
  return auth === 'token'
    ? { ...base, 'auth-token': emulator.options.token }
    : { ...base, 'access-key': emulator.options.accessKey, 'secret-key': emulator.options.secretKey };
}

export const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

export function apiRequests(emulator: Emulator, method?: string, pathPart?: string) {
  return emulator.requests.filter(
    (r) => (!method || r.method === method) && (!pathPart || r.path.includes(pathPart)),
  );
}
