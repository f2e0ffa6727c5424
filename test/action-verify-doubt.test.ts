// verify doubts what a target answers: `pm list packages` output is cut by the service at 1,024
// bytes, and a line the cut may have shortened, or a package the cut may have hidden, is unknown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phoneIdsOf } from '../emulator/index.js';
import { useEmulator, TIME_SCALE } from './support/fixture.js';
import { results } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';
import { DEMO_VERSION_CODE, PKG, release } from './support/rollout-fleet.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

/**
 * One phone whose install leaves what it had (1234), after other packages whose names contain ours,
 * so many that the answer's first `bytes` bytes come before our line.
 */
function phoneWithLongList(bytesBefore: number): string {
  const e = emulator();
  e.fleet.addServers([{ id: 'srv-x', tags: { env: 'prod' }, phones: 1 }]);
  e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
  e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: DEMO_VERSION_CODE });
  const [phone] = phoneIdsOf('srv-x', 1);
  e.fleet.staleInstalls(phone!);
  let written = 0;
  for (let i = 0; bytesBefore - written > 80; i++) {
    const name = `${PKG}.p${i}`;
    e.fleet.setInstalled(phone!, name, 1);
    written += `package:${name} versionCode:1\n`.length;
  }
  const room = bytesBefore - written - `package:${PKG}. versionCode:1\n`.length;
  e.fleet.setInstalled(phone!, `${PKG}.${'z'.repeat(room)}`, 1);
  e.fleet.setInstalled(phone!, PKG, 1234);
  return phone!;
}

describe('verify, when the answer was cut at 1,024 bytes', () => {
  it('does not read versionCode:1234 cut to 12 as a mismatch: unknown', async () => {
    const line = `package:${PKG} versionCode:1234`;
    const phone = phoneWithLongList(1024 - (line.length - 2));
    const run = await runActionInProcess(release(emulator, { waves: '' }));
    const row = results(run).find((r) => r.target === phone);
    expect(row).toMatchObject({ status: 'failed', error_code: 'VERIFY_UNKNOWN' });
    expect(row?.installed_version_code).toBeUndefined();
  });

  it('does not call a package the cut hid not installed: unknown', async () => {
    const phone = phoneWithLongList(1100);
    const run = await runActionInProcess(release(emulator, { waves: '' }));
    expect(results(run).find((r) => r.target === phone)).toMatchObject({
      status: 'failed',
      error_code: 'VERIFY_UNKNOWN',
      error_message: expect.stringContaining('cut at 1024 bytes'),
    });
  });

  it('still reads an answer that was not cut', async () => {
    const phone = phoneWithLongList(600);
    const run = await runActionInProcess(release(emulator, { waves: '' }));
    expect(results(run).find((r) => r.target === phone)).toMatchObject({
      status: 'succeeded',
      installed_version_code: '1234',
    });
  });
});
