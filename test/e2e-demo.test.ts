// `npm start` runs the bundle against the emulator: it must end well and leave nothing behind in the
// temp directory (the run's output and summary files).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBuilt } from './support/run-action.js';

describe('npm start', () => {
  it('installs the demo APK and removes what it wrote to the temp directory', async () => {
    await bundleBuilt();
    const temp = mkdtempSync(join(tmpdir(), 'demo-'));
    try {
      const demo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
        cwd: resolve(import.meta.dirname, '..'),
        env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
        encoding: 'utf8',
        timeout: 60_000,
      });
      // The emulator logs each request on stderr (startEmulator's `log`); nothing else may be there.
      expect(demo.stderr.replace(/^\[emulator\] .*\n/gm, '')).toBe('');
      expect(demo.stdout).toContain('4 succeeded, 1 failed');
      expect(demo.status).toBe(0);
      // tsx keeps one compile cache there (tsx-<uid>), reused by every run; nothing else may stay.
      expect(readdirSync(temp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
