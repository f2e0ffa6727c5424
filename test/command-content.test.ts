import { describe, expect, it } from 'vitest';
import { defaultObjectKey } from '../src/operations/install-app/local-apk.js';
import { objectKeyProblem } from '../src/inputs/obs-names.js';
import { InputError } from '../src/inputs/errors.js';
import { commandContentProblem, cphApkObject } from '../src/inputs/rules.js';
import { readSettings } from '../src/operations/settings.js';

// CPH InstallApk / RunShellCommand pages: content is letters, digits, _ . / : - (and spaces, as the
// pages' examples show), at most 1,024 bytes; the OBS key of an install travels inside it.
const cphInstall = {
  operation: 'install-app',
  'auth-token': 't',
  'project-id': 'p1',
  region: 'cn-north-4',
  'obs-bucket': 'apps-bucket',
  'obs-object': 'builds/app-1.2.3.apk',
  phones: 'ph-1',
};

function settings(inputs: Record<string, string>) {
  return readSettings((name) => inputs[name] ?? '', {});
}

function calls(inputs: Record<string, string>) {
  const s = settings(inputs);
  return s.operation.buildCalls(s);
}

describe('phones/commands content rule', () => {
  it.each(['ls /data', '-r obs://b/k.apk', 'a'.repeat(1024)])('accepts %j', (text) => {
    expect(commandContentProblem(text)).toBeUndefined();
  });

  it.each([
    ['a semicolon', 'ls; reboot', "';'"],
    ['a plus', 'a+b', "'+'"],
    ['1025 bytes', 'a'.repeat(1025), 'at most 1024 bytes'],
    ['multi-byte characters over the limit', 'é'.repeat(513), 'at most 1024 bytes (it is 1026)'],
  ])('refuses %s', (_name, text, message) => {
    expect(commandContentProblem(text)).toContain(message);
  });

  it.each(['phones', 'servers'])('refuses an obs-object outside the set for %s, sending nothing', (fleet) => {
    const inputs = { ...cphInstall, phones: '', [fleet]: 'x-1', 'obs-object': 'builds/app+1.apk' };
    expect(() => settings(inputs)).toThrow(InputError);
    expect(() => settings(inputs)).toThrow(
      /Input 'obs-object' may contain only letters, digits and _ \. \/ -/,
    );
  });

  it('keeps the wider OBS key rule for KooPhone instances (the key is not sent in a command)', () => {
    const inputs = {
      operation: 'install-app',
      'access-key': 'ak',
      'secret-key': 'sk',
      'project-id': 'p1',
      region: 'cn-north-4',
      'apk-path': 'app.apk',
      'obs-bucket': 'apps-bucket',
      'obs-object': 'builds/app+1.apk',
      instances: 'i-1',
    };
    expect(() => settings(inputs)).not.toThrow();
  });

  it('checks the byte length of the whole install content before sending', () => {
    // Each part is valid on its own; together they pass 1,024 bytes.
    const key = `${'k/'.repeat(505)}app.apk`;
    expect(key.length).toBeLessThanOrEqual(1024);
    expect(() => calls({ ...cphInstall, 'obs-object': key, 'install-flags': '-d -g' })).toThrow(
      /Input 'obs-object' leads to a CPH install command whose content must be at most 1024 bytes/,
    );
  });

  it('sends an install content that obeys the rule', () => {
    const [call] = calls({ ...cphInstall, 'install-flags': '-d' });
    expect(call?.body).toEqual({
      command: 'install',
      content: '-r -d obs://apps-bucket/builds/app-1.2.3.apk',
      phone_ids: ['ph-1'],
    });
  });
});

describe('default OBS key of an uploaded APK', () => {
  it('replaces every character outside the content rule, so a semver build tag works', () => {
    const key = defaultObjectKey('com.example.app', '1.2.3+45', 'app release#2.apk');
    expect(key).toBe('cloud-phone-deploy/com.example.app/1.2.3_45/app_release_2.apk');
    expect(commandContentProblem(`-r obs://bucket/${key}`)).toBeUndefined();
  });

  it('never makes a key that the shared OBS key rule refuses (a version of dots alone)', () => {
    const key = defaultObjectKey('com.example.app', '..', 'a:b.apk');
    expect(key).toBe('cloud-phone-deploy/com.example.app/__/a_b.apk');
    expect(objectKeyProblem(key)).toBeUndefined();
    expect(cphApkObject.safeParse(key).success).toBe(true);
  });
});
