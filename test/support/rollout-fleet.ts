// A fleet for rollout tests: 5 prod servers of 3 phones (one stopped) and 2 staging servers, demo.apk in OBS.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { phoneIdsOf } from '../../emulator/index.js';
import { connection, useEmulator } from './fixture.js';

type EmulatorOf = ReturnType<typeof useEmulator>;

const DEMO_APK = resolve(import.meta.dirname, '../fixtures/apk/demo.apk');
/** demo.apk's android:versionCode, as aapt built it (test/apk.test.ts checks our reader against it). */
export const DEMO_VERSION_CODE = 42;
export const PKG = 'com.example.demo';

/** 5 prod servers of 3 phones (one phone stopped) and 2 staging servers; demo.apk in OBS. */
export function prodFleet(emulator: EmulatorOf) {
  const e = emulator();
  e.fleet.addServers([
    ...[1, 2, 3, 4, 5].map((i) => ({ id: `srv-prod-${i}`, tags: { env: 'prod', team: 'a' }, phones: 3 })),
    ...[1, 2].map((i) => ({ id: `srv-stg-${i}`, tags: { env: 'staging', team: 'a' }, phones: 3 })),
  ]);
  const prodPhones = [1, 2, 3, 4, 5].flatMap((i) => phoneIdsOf(`srv-prod-${i}`, 3));
  const stopped = prodPhones[4]!;
  e.fleet.setStatus(stopped, 8);
  for (const phone of prodPhones) e.fleet.setInstalled(phone, PKG, 41);
  // A longer name that contains ours: `pm list packages` lists it too, and it must not count.
  for (const phone of prodPhones) e.fleet.setInstalled(phone, `${PKG}.plugin`, 99);
  e.putObject('apps', 'demo/demo.apk', readFileSync(DEMO_APK));
  e.fleet.describeObject('apps', 'demo/demo.apk', { packageName: PKG, versionCode: DEMO_VERSION_CODE });
  const running = prodPhones.filter((p) => p !== stopped);
  return { prodPhones, running, stopped };
}

export function release(emulator: EmulatorOf, extra: Record<string, string> = {}) {
  return {
    operation: 'install-app',
    ...connection(emulator()),
    'server-tags': 'env=prod',
    'obs-bucket': 'apps',
    'obs-object': 'demo/demo.apk',
    'package-name': PKG,
    'version-code': String(DEMO_VERSION_CODE),
    waves: '1, 10%, 100%',
    verify: 'true',
    ...extra,
  };
}
