import { afterEach, describe, expect, it, vi } from 'vitest';
import { Transport } from '../src/api/transport.js';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { runInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';

// Whole runs in process, so that coverage sees main and the layers under it.
const emulator = useEmulator({ timeScale: TIME_SCALE });

afterEach(() => {
  process.exitCode = undefined;
});

describe('run() in process', () => {
  it('runs a command on instances with AK/SK and reports success', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator(), 'aksk'),
      command: 'ls',
      instances: 'a,b',
    });
    expect(result.outputs.status).toBe('succeeded');
    expect(result.exitCode).toBeUndefined();
    expect(result.summary).toContain('**2** succeeded');
  });

  it('deploys an app version and groups the stages by server', async () => {
    emulator().setOutcome('srv-2', { status: 'failed', errorCode: 'CPS.0003', errorMessage: 'system error' });
    const result = await runInProcess({
      operation: 'deploy-app-version',
      ...connection(emulator()),
      servers: 'srv-1,srv-2',
      'app-version-ids': 'v1',
    });
    expect(result.outputs.status).toBe('partial');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['failed-targets']).toBe('srv-2');
    expect(result.summary).toContain('| Server | Stage |');
    expect(result.log).toContain('::error');
  });

  it('runs a shell command on CPH phones through the ADB command API', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator()),
      command: 'getprop ro.serialno',
      phones: 'ph-1 ph-2',
    });
    expect(result.outputs.status).toBe('succeeded');
    const [submit] = emulator().requests.filter((r) => r.method === 'POST');
    expect(submit?.path).toMatch(/\/cloud-phone\/phones\/commands$/);
    expect(submit?.body).toEqual({
      command: 'shell',
      content: 'getprop ro.serialno',
      phone_ids: ['ph-1', 'ph-2'],
    });
    expect(JSON.parse(result.outputs.results ?? '[]')[0]).toMatchObject({
      target: 'ph-1',
      target_type: 'phone',
    });
  });

  it('dry-run sends nothing', async () => {
    const result = await runInProcess({
      operation: 'push-shared-files',
      ...connection(emulator()),
      servers: 's1',
      'obs-bucket': 'bkt',
      'obs-object': 'a.tar',
      'dry-run': 'true',
    });
    expect(result.outputs.status).toBe('dry-run');
    expect(emulator().requests).toHaveLength(0);
    expect(result.summary).toContain('/cloud-phone/phones/share-files');
  });

  it('turns an unexpected crash into outputs, a summary and one ::error:: line', async () => {
    const send = vi
      .spyOn(Transport.prototype, 'send')
      .mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'x')\n::error::forged"));
    try {
      const result = await runInProcess(
        {
          operation: 'run-command',
          ...connection(emulator()),
          command: 'ls',
          instances: 'a,b',
        },
        {},
        { bugExpected: true },
      );
      expect(result.exitCode).toBe(1);
      expect(result.log.match(/^::error/gm)).toHaveLength(1);
      expect(result.log).toMatch(/^::error::Cloud Phone Deploy stopped on an unexpected error \(TypeError/m);
      expect(result.log).not.toMatch(/^::error::forged/m);
      expect(result.log).not.toMatch(/^\s+at /m);
      expect(result.outputs.status).toBe('failed');
      // The submit may have gone out when the crash came: never claimed as not sent.
      expect(JSON.parse(result.outputs.results ?? '[]').map((r: { status: string }) => r.status)).toEqual([
        'unknown',
        'unknown',
      ]);
      expect(result.outputs['failed-targets']).toBe('a,b');
      expect(result.summary).toContain('unexpected error');
    } finally {
      send.mockRestore();
    }
  });

  it('fails on invalid input with one error, every output written and no request', async () => {
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(emulator()),
      command: 'ls|wc',
      instances: 'a',
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain("::error::Input 'command'");
    expect(result.log.match(/^::error/gm)).toHaveLength(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.outputs.results).toBe('[]');
    expect(result.summary).toContain("Nothing was sent: Input 'command'");
    expect(emulator().requests).toHaveLength(0);
  });

  it('returns after submitting when wait is false', async () => {
    const result = await runInProcess({
      operation: 'push-shared-app',
      ...connection(emulator()),
      servers: 's1',
      'package-name': 'com.a.b',
      'obs-bucket': 'bkt',
      'obs-object': 'a.tar',
      wait: 'false',
      'poll-interval': '',
    });
    expect(result.outputs.status).toBe('submitted');
    expect(JSON.parse(result.outputs['request-ids'] ?? '[]')).toHaveLength(1);
  });

  it('uploads a local APK and installs it on instances from the pre-signed URL', async () => {
    const e = emulator();
    const result = await runInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      instances: 'a1',
      'apk-path': DEMO_APK,
      'obs-bucket': 'rel-bucket',
      'obs-endpoint': e.url,
    });
    expect(result.outputs.status).toBe('succeeded');
    expect(result.outputs['obs-object']).toBe('cloud-phone-deploy/com.example.demo/1.4.2/demo.apk');
    expect(result.outputs['apk-url']).toContain('Signature=');
    expect(result.log).toContain('Uploaded demo.apk');
  });

  it('names the uploaded object after apk-file-name when it is given, on phones as on instances', async () => {
    const e = emulator();
    const targetsOf: Record<string, string>[] = [{ instances: 'a1' }, { phones: 'p1' }];
    for (const targets of targetsOf) {
      const result = await runInProcess({
        operation: 'install-app',
        ...connection(e, 'aksk'),
        ...targets,
        region: 'cn-north-4',
        'apk-path': DEMO_APK,
        'apk-file-name': 'shop-release.apk',
        'obs-bucket': 'rel-bucket',
        'obs-endpoint': e.url,
        'dry-run': 'true',
      });
      expect(result.outputs['obs-object']).toBe('cloud-phone-deploy/com.example.demo/1.4.2/shop-release.apk');
    }
  });

  it('installs an APK from OBS on CPH servers with extra pm flags', async () => {
    const e = emulator();
    e.putObject('rel-bucket', 'apps/demo.apk', Buffer.from('apk'));
    const result = await runInProcess({
      operation: 'install-app',
      ...connection(e),
      servers: 's1',
      'obs-bucket': 'rel-bucket',
      'obs-object': 'apps/demo.apk',
      'install-flags': '-g',
    });
    expect(result.outputs.status).toBe('succeeded');
    expect(e.requests[0]?.body).toEqual({
      command: 'install',
      content: '-r -g obs://rel-bucket/apps/demo.apk',
      server_ids: ['s1'],
    });
  });

  it('reports a failed upload without touching the fleet', async () => {
    const e = emulator();
    e.addFault({
      method: 'PUT',
      status: 403,
      body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>obs-req-1</RequestId></Error>',
    });
    const result = await runInProcess({
      operation: 'install-app',
      ...connection(e, 'aksk'),
      instances: 'a1',
      'apk-path': DEMO_APK,
      'obs-bucket': 'rel-bucket',
      'obs-endpoint': e.url,
    });
    expect(result.outputs.status).toBe('failed');
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain('Nothing was sent to the fleet');
    expect(result.summary).toContain('AccessDenied');
    expect(e.requests.filter((r) => r.family !== 'other' && r.method === 'POST')).toHaveLength(0);
  });

  it('keeps the other batches when one submit is refused and marks ambiguous ones unknown', async () => {
    const e = emulator();
    e.addFault({
      method: 'POST',
      nth: 1,
      status: 400,
      body: JSON.stringify({ error_code: 'KOOPHONE.API.1000', error_msg: 'bad' }),
    });
    e.addFault({ method: 'POST', nth: 2, status: 502, body: '<html>bad gateway</html>' });
    const instances = Array.from({ length: 70 }, (_, i) => `m${i}`).join(',');
    const result = await runInProcess({
      operation: 'run-command',
      ...connection(e),
      command: 'ls',
      instances,
      'max-concurrency': '1',
    });
    const records: Array<{ status: string }> = JSON.parse(result.outputs.results ?? '[]');
    expect(records.filter((r) => r.status === 'failed')).toHaveLength(32);
    expect(records.filter((r) => r.status === 'unknown')).toHaveLength(32);
    expect(records.filter((r) => r.status === 'succeeded')).toHaveLength(6);
    expect(result.summary).toContain('may have started');
  });
});
