// The emulator's app model answers the smoke check's commands as a device does: these tests hold it to
// the rules a client could otherwise slip past (launching before the install ended, -t counting entries).
import { describe, expect, it } from 'vitest';
import { FleetModel } from '../emulator/fleet.js';

const PKG = 'com.example.demo';
const LAUNCH = `monkey -p ${PKG} -c android.intent.category.LAUNCHER 1`;

function fleet() {
  const model = new FleetModel();
  model.describeObject('b', 'app.apk', { packageName: PKG, versionCode: 2 });
  model.recordInstall('p-1', model.objectInfo('b', 'app.apk'), 1_000);
  return model;
}

describe('emulator app model', () => {
  it('launches an app only once its install has ended; pidof answers from the processes', () => {
    const model = fleet();
    expect(model.appCommand('p-1', LAUNCH, 500)).toMatch(
      /\*\* No activities found to run, monkey aborted\.$/,
    );
    expect(model.appCommand('p-1', `pidof ${PKG}`, 600)).toBe('');
    expect(model.appCommand('p-1', LAUNCH, 1_500)).toMatch(
      /^ {2}bash arg: -p\n[\s\S]*\nEvents injected: 1\n/,
    );
    expect(model.appCommand('p-1', `pidof ${PKG}`, 1_400)).toBe('');
    expect(model.appCommand('p-1', `pidof ${PKG}`, 9_000)).toMatch(/^\d+$/);
    // A second launch of a running app starts no second process.
    model.appCommand('p-1', LAUNCH, 9_500);
    expect(model.appCommand('p-1', `pidof ${PKG}`, 10_000)).toMatch(/^\d+$/);
    expect(model.appCommand('p-1', 'ls /data', 10_000)).toBeUndefined();
  });

  it('a crashing app is gone after its crash, which logcat -t 1 prints whole in threadtime format', () => {
    const model = fleet();
    model.apps.addCrash('p-1', 'com.other.game', 100);
    model.apps.setBehaviour(PKG, {
      crash: { afterMs: 300, exception: 'java.lang.IllegalStateException: x' },
    });
    model.appCommand('p-1', LAUNCH, 2_000);
    expect(model.appCommand('p-1', `pidof ${PKG}`, 2_100)).toMatch(/^\d+$/);
    expect(model.appCommand('p-1', `pidof ${PKG}`, 2_300)).toBe('');
    const newest = model.appCommand('p-1', 'logcat -d -b crash -t 1', 3_000)!.split('\n');
    expect(newest[0]).toBe('--------- beginning of crash');
    expect(newest[1]).toMatch(
      /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ E AndroidRuntime: FATAL EXCEPTION: main$/,
    );
    expect(newest[2]).toMatch(/E AndroidRuntime: Process: com\.example\.demo, PID: \d+$/);
    expect(newest.length).toBeGreaterThan(10);
    expect(newest.join('\n')).not.toContain('com.other.game');
    // -t 2: the two newest entries, oldest first.
    const both = model.appCommand('p-1', 'logcat -d -b crash -t 2', 3_000)!;
    expect(both.indexOf('com.other.game')).toBeLessThan(both.indexOf(`Process: ${PKG}`));
    // Nothing crashed yet at that time: an empty answer.
    expect(model.appCommand('p-1', 'logcat -d -b crash -t 1', 50)).toBe('');
  });

  it('faults: no launcher activity on one target, an image without pidof', () => {
    const model = fleet();
    model.recordInstall('p-2', { packageName: PKG, versionCode: 2 }, 0);
    model.apps.setBehaviour(PKG, { launcher: false }, ['p-2']);
    model.apps.removePidof('p-1');
    expect(model.appCommand('p-2', LAUNCH, 2_000)).toContain(
      '** No activities found to run, monkey aborted.',
    );
    expect(model.appCommand('p-1', LAUNCH, 2_000)).toContain('Events injected: 1');
    expect(model.appCommand('p-1', `pidof ${PKG}`, 3_000)).toBe(
      '/system/bin/sh: pidof: inaccessible or not found',
    );
    model.reset();
    expect(model.appCommand('p-1', `pidof ${PKG}`, 3_000)).toBe('');
  });
});
