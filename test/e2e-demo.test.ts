// `npm start` runs the bundle against the emulator: it must end well and leave nothing behind in the
// temp directory (the run's output and summary files). What it prints is the first log of the action
// a new user reads.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBuilt } from './support/run-action.js';

describe('npm start', () => {
  let temp = '';
  let demo: SpawnSyncReturns<string>;

  beforeAll(async () => {
    await bundleBuilt();
    temp = mkdtempSync(join(tmpdir(), 'demo-'));
    demo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }, 90_000);

  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('installs the demo APK and removes what it wrote to the temp directory', () => {
    // The emulator logs each request on stderr (startEmulator's `log`); nothing else may be there.
    expect(demo.stderr.replace(/^\[emulator\] .*\n/gm, '')).toBe('');
    expect(demo.stdout).toContain('4 succeeded, 1 failed');
    expect(demo.status).toBe(0);
    // tsx keeps one compile cache there (tsx-<uid>), reused by every run; nothing else may stay.
    expect(readdirSync(temp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
  });

  it('uploads from apk-path, says it runs with fail-on: never, prints no empty fold, ends with what to try next', () => {
    const out = demo.stdout;
    expect(out).toContain('The demo sets fail-on: never');
    expect(out).toContain('apk-path: test/fixtures/apk/demo.apk');
    expect(out).toMatch(
      /\nUploaded demo\.apk to obs:\/\/demo-bucket\/cloud-phone-deploy\/com\.example\.demo\/1\.4\.2\/demo\.apk /,
    );
    const lines = out.split('\n');
    const empty = lines.filter((line, i) => line.startsWith('::group::') && lines[i + 1] === '::endgroup::');
    expect(empty).toEqual([]);
    expect(lines.filter((line) => line.startsWith('::group::')).length).toBeGreaterThanOrEqual(3);
    const next = out.trimEnd().split('\n--- what to try next ---\n')[1]?.split('\n') ?? [];
    expect(next.length).toBeGreaterThanOrEqual(3);
    expect(next.length).toBeLessThanOrEqual(5);
    expect(next.join('\n')).toMatch(/npm test[\s\S]*dry-run[\s\S]*emulator\/README\.md[\s\S]*docs/);
  });
});
