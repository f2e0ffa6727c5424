/**
 * vitest's global setup: the whole run writes its temporary files (runner files, APKs, the bundle's
 * RUNNER_TEMP) under one directory of its own, removed when the run ends, whatever the tests left.
 * Workers and the processes they spawn start after this and inherit TMPDIR, which os.tmpdir() reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-tests-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  };
}
