import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_APK } from './paths.js';

let big: string | undefined;

/**
 * The demo APK grown to 70 MiB with a stored random asset (Python's zipfile): above the action's
 * 64 MiB multipart threshold. Made once per test process, in a temporary folder.
 */
export function bigApk(): string {
  if (big) return big;
  const file = join(mkdtempSync(join(tmpdir(), 'cpd-big-')), 'big-release.apk');
  copyFileSync(DEMO_APK, file);
  const script = `import os, zipfile\nwith zipfile.ZipFile(${JSON.stringify(file)}, 'a', zipfile.ZIP_STORED) as z:\n    z.writestr('assets/big.bin', os.urandom(70 * 1024 * 1024))`;
  execFileSync('python3', ['-c', script]);
  return (big = file);
}
