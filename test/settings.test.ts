import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/inputs/errors.js';
import { readSettings } from '../src/operations/settings.js';

const install = {
  operation: 'install-app',
  'auth-token': 'token-value',
  'apk-url':
    'https://b.obs.cn-north-4.myhuaweicloud.com/apps/demo.apk?AccessKeyId=AKEXAMPLE&Signature=c2lnbmF0dXJl',
  'package-name': 'com.example.demo',
  'version-name': '1.0.0',
  'apk-size-mb': '12',
  instances: 'a1,a2',
};

function read(inputs: Record<string, string>, env: Record<string, string> = {}, masked: string[] = []) {
  return readSettings(
    (name) => inputs[name] ?? '',
    env,
    (s) => masked.push(s),
  );
}

function errorOf(inputs: Record<string, string>, env: Record<string, string> = {}): InputError {
  try {
    read(inputs, env);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readSettings', () => {
  it('builds the install request body with API types (strings for flags and size)', () => {
    const settings = read({ ...install, 'fast-install': 'TRUE' });
    const [call, ...more] = settings.operation.buildCalls(settings);
    expect(more).toEqual([]);
    expect(call?.targets).toEqual(['a1', 'a2']);
    expect(call?.body).toMatchObject({
      fast_install: '1',
      object_size: '12',
      file_name: 'demo.apk',
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: '',
    });
    expect(settings.endpoint).toBe('https://koophone.myhuaweicloud.com');
    expect(settings).toMatchObject({
      wait: true,
      waitTimeoutMs: 1_800_000,
      pollIntervalMs: 5000,
      failOn: 'any',
    });
  });

  it('masks credentials and the query values of the APK URL', () => {
    const masked: string[] = [];
    read(install, {}, masked);
    expect(masked).toEqual(expect.arrayContaining(['token-value', 'AKEXAMPLE', 'c2lnbmF0dXJl']));
  });

  it('falls back to the auth-action environment, and explicit inputs win', () => {
    const env = {
      HUAWEI_CLOUD_ACCESS_KEY_ID: 'ENVAK',
      HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'ENVSK',
      HUAWEI_CLOUD_PROJECT_ID: 'envproject',
      HUAWEI_CLOUD_REGION: 'cn-north-4',
    };
    const fromEnv = read({ ...install, 'auth-token': '' }, env);
    expect(fromEnv.credentials).toEqual({ kind: 'aksk', accessKey: 'ENVAK', secretKey: 'ENVSK' });
    expect(fromEnv.projectId).toBe('envproject');
    const explicit = read({ ...install, 'auth-token': '', 'access-key': 'INAK', 'secret-key': 'INSK' }, env);
    expect(explicit.credentials).toEqual({ kind: 'aksk', accessKey: 'INAK', secretKey: 'INSK' });
    // An explicit token wins over keys that only come from the environment.
    expect(read(install, env).credentials.kind).toBe('token');
  });

  it('derives the CPH endpoint from the region and requires a project id', () => {
    const cph = {
      operation: 'push-shared-files',
      'auth-token': 't',
      servers: 's1',
      'obs-bucket': 'my-bucket',
      'obs-object': 'files/data.tar',
    };
    expect(read({ ...cph, 'project-id': 'p1', region: 'ap-southeast-1' }).endpoint).toBe(
      'https://cph.ap-southeast-1.myhuaweicloud.com',
    );
    expect(errorOf({ ...cph, region: 'cn-north-4' }).input).toBe('project-id');
    expect(errorOf({ ...cph, 'project-id': 'p1' }).input).toBe('region');
    expect(read({ ...cph, 'project-id': 'p1', endpoint: 'http://127.0.0.1:9/' }).endpoint).toBe(
      'http://127.0.0.1:9',
    );
  });

  it.each([
    [{ 'apk-size-mb': '12.5' }, 'apk-size-mb', 'whole megabytes'],
    [{ 'package-name': 'x'.repeat(101) }, 'package-name', 'at most 100'],
    [{ 'package-name': 'demo' }, 'package-name', 'Android package'],
    [{ instances: '' }, 'instances', 'required'],
    [{ instances: '["a", 1]' }, 'instances', 'JSON array of strings'],
    [{ instances: 'x'.repeat(33) }, 'instances', '32 characters'],
    [{ 'wait-timeout': 'soon' }, 'wait-timeout', 'duration'],
    [{ 'poll-interval': '500ms' }, 'poll-interval', 'at least 1s'],
    [{ 'fail-on': 'some' }, 'fail-on', 'one of'],
    [{ wait: 'yes' }, 'wait', "'true' or 'false'"],
    [{ endpoint: 'http://example.com' }, 'endpoint', 'https://'],
    [{ operation: 'reboot' }, 'operation', 'one of'],
    [{ 'access-key': 'AK', 'secret-key': 'SK' }, 'auth-token', 'cannot be combined'],
  ])('rejects %o naming %s', (change, input, rule) => {
    const error = errorOf({ ...install, ...change });
    expect(error.input).toBe(input);
    expect(error.message).toContain(rule);
    expect(error.message).toContain(`Input '${input}'`);
  });

  it('never shows a secret value in an error', () => {
    const error = errorOf({ ...install, 'auth-token': 'x'.repeat(5000) });
    expect(error.message).not.toContain('xxxxxxxx');
    expect(error.message).toContain('***');
  });

  it('rejects no credentials with a pointer to auth-action', () => {
    const error = errorOf({ ...install, 'auth-token': '' });
    expect(error.input).toBe('access-key');
    expect(error.message).toContain('huaweicloud/auth-action');
  });

  it('refuses a command with a character a shell would interpret, naming it', () => {
    const base = { operation: 'run-command', 'auth-token': 't', instances: 'i1' };
    const settings = read({ ...base, command: 'ls -l /system' });
    expect(settings.operation.buildCalls(settings)[0]?.body).toMatchObject({ command: 'ls -l /system' });
    const error = errorOf({ ...base, command: 'ls; rm -rf /' });
    expect(error.message).toContain("';' at position 3");
  });

  it('reads a target list from a workspace file with @path, for fleets larger than an input can hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpd-list-'));
    const servers = Array.from({ length: 5000 }, (_, i) => i.toString(16).padStart(32, '0'));
    writeFileSync(join(dir, 'servers.txt'), servers.join('\n'));
    const cph = {
      operation: 'push-shared-files',
      'auth-token': 't',
      'project-id': 'p1',
      region: 'cn-north-4',
      'obs-bucket': 'bkt',
      'obs-object': 'a.tar',
    };
    const settings = read({ ...cph, servers: '@servers.txt' }, { GITHUB_WORKSPACE: dir });
    expect(settings.operation.buildCalls(settings).flatMap((call) => call.targets)).toEqual(servers);
    const error = errorOf({ ...cph, servers: '@missing.txt' }, { GITHUB_WORKSPACE: dir });
    expect(error.message).toBe(
      `Input 'servers' names a list file that cannot be read (ENOENT) (got "@missing.txt")`,
    );
  });
});
