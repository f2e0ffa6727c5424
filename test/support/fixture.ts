import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';

/** Starts one emulator for a test file and forgets its state between tests. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 300, ...options });
  });
  afterEach(() => emulator?.reset());
  afterAll(async () => emulator?.close());
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
