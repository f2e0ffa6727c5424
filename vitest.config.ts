import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that spawn dist/index.js go last: `npm test` builds the bundle while the others run
 * (scripts/test.mjs), and an end-to-end file started early would only hold a worker while it waits.
 */
class EndToEndLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const endToEnd = (file: TestSpecification) => basename(file.moduleId).startsWith('e2e-');
    return [...sorted.filter((file) => !endToEnd(file)), ...sorted.filter(endToEnd)];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Everything the tests write to the temp directory goes under one directory, removed at the end.
    globalSetup: ['test/support/temp-dir.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Two cores, and a third worker: the end-to-end files, which run last, mostly wait on real time.
    maxWorkers: 3,
    // Files share their worker's module cache instead of importing src/, the emulator and their
    // dependencies again: measured 78 s of CPU against 90 s for the whole suite. Each file restores what
    // it changes (useEmulator its clock, in-process runs the environment, spies are restored).
    isolate: false,
    sequence: { sequencer: EndToEndLast },
    // The smoke runs of test/e2e-smoke.test.ts (the only concurrent tests) all at once: they wait on
    // real time, and a second batch would wait again.
    maxConcurrency: 10,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/index.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
