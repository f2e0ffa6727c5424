import { describe, expect, it } from 'vitest';
import { TIME_SCALE, useEmulator } from './support/fixture.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

/** A valid starting point per operation; each case changes one thing. */
function base(operation: string): Record<string, string> {
  const e = emulator();
  const common = {
    operation,
    endpoint: e.url,
    'auth-token': e.options.token,
    'project-id': e.options.projectId,
  };
  switch (operation) {
    case 'install-app':
      return {
        ...common,
        instances: 'i-1',
        'apk-url': 'https://b.obs.cn-north-4.myhuaweicloud.com/a.apk',
        'package-name': 'com.example.app',
        'version-name': '1.0',
        'apk-size-mb': '3',
      };
    case 'run-command':
      return { ...common, instances: 'i-1', command: 'ls /sdcard' };
    case 'push-shared-app':
      return {
        ...common,
        servers: 's-1',
        'package-name': 'com.example.app',
        'obs-bucket': 'bucket-1',
        'obs-object': 'apps/app.tar',
      };
    case 'push-shared-files':
      return { ...common, servers: 's-1', 'obs-bucket': 'bucket-1', 'obs-object': 'files/data.tar' };
    default:
      return { ...common, servers: 's-1', 'app-version-ids': 'v-1' };
  }
}

const many = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');

// [operation, change, input named in the error, words of the rule]
const cases: Array<[string, Record<string, string | undefined>, string, string]> = [
  // operation and credentials
  ['install-app', { operation: '' }, 'operation', 'is required'],
  ['install-app', { operation: 'reboot-all' }, 'operation', 'must be one of'],
  ['install-app', { operation: 'Install-App' }, 'operation', 'must be one of'],
  ['install-app', { 'auth-token': '' }, 'access-key', 'is required'],
  ['install-app', { 'access-key': 'AK' }, 'auth-token', 'cannot be combined'],
  ['install-app', { 'secret-key': 'SK' }, 'auth-token', 'cannot be combined'],
  ['install-app', { 'auth-token': '', 'access-key': 'AKONLY' }, 'secret-key', 'is required when access-key'],
  ['install-app', { 'auth-token': '', 'secret-key': 'SKONLY' }, 'access-key', 'is required when secret-key'],
  ['install-app', { 'security-token': 'STS' }, 'security-token', 'goes with access-key'],
  ['install-app', { 'auth-token': 't'.repeat(5000) }, 'auth-token', 'at most 4096'],
  // endpoint, region, project
  ['install-app', { endpoint: 'http://cph.example.com' }, 'endpoint', 'https://'],
  ['install-app', { endpoint: 'http://10.0.0.5:8080' }, 'endpoint', 'https://'],
  ['install-app', { endpoint: 'ftp://127.0.0.1' }, 'endpoint', 'https://'],
  ['install-app', { endpoint: 'not a url' }, 'endpoint', 'must be a URL'],
  ['install-app', { endpoint: 'https://example.com/?x=1' }, 'endpoint', 'without query'],
  ['install-app', { endpoint: 'https://user:pw@example.com' }, 'endpoint', 'without query'],
  ['install-app', { region: 'north' }, 'region', 'region id'],
  ['install-app', { region: 'cn-north-4; rm' }, 'region', 'region id'],
  ['push-shared-files', { 'project-id': '' }, 'project-id', 'is required'],
  ['push-shared-files', { 'project-id': 'has space' }, 'project-id', 'project id'],
  ['push-shared-files', { endpoint: '' }, 'region', 'is required'],
  // targets
  ['install-app', { instances: '' }, 'instances', 'is required'],
  ['install-app', { instances: ' , \n ,' }, 'instances', 'at least one'],
  ['install-app', { instances: '[]' }, 'instances', 'at least one'],
  ['install-app', { instances: '["a",' }, 'instances', 'not valid JSON'],
  ['install-app', { instances: '[1,2]' }, 'instances', 'JSON array of strings'],
  ['install-app', { instances: 'x'.repeat(33) }, 'instances', 'at most 32 characters'],
  ['install-app', { instances: 'i-1,i$2' }, 'instances', 'letters, digits'],
  ['install-app', { instances: many(20_001) }, 'instances', 'at most 20000'],
  ['run-command', { instances: '' }, 'instances', 'is required'],
  ['push-shared-app', { servers: '' }, 'servers', 'is required'],
  ['push-shared-app', { servers: 's-1;s-2' }, 'servers', 'letters, digits'],
  ['push-shared-files', { servers: '{"a":1}' }, 'servers', 'letters, digits'],
  ['deploy-app-version', { servers: 'x'.repeat(65) }, 'servers', 'at most 64 characters'],
  ['deploy-app-version', { 'app-version-ids': '' }, 'app-version-ids', 'is required'],
  ['deploy-app-version', { 'app-version-ids': 'v 1,v/2' }, 'app-version-ids', 'letters, digits'],
  ['deploy-app-version', { 'app-version-ids': many(101, 'v') }, 'app-version-ids', 'at most 100'],
  // install-app fields
  ['install-app', { 'apk-url': '' }, 'apk-url', 'is required'],
  ['install-app', { 'apk-url': 'obs://bucket/a.apk' }, 'apk-url', 'http(s) download URL'],
  ['install-app', { 'apk-url': `https://b.example.com/${'a'.repeat(2000)}.apk` }, 'apk-url', 'at most 2000'],
  ['install-app', { 'apk-url': 'https://b.example.com/' }, 'apk-file-name', 'is required'],
  ['install-app', { 'apk-file-name': 'dir/app.apk' }, 'apk-file-name', 'without a directory'],
  ['install-app', { 'apk-file-name': `${'a'.repeat(101)}.apk` }, 'apk-file-name', 'at most 100'],
  ['install-app', { 'package-name': '' }, 'package-name', 'is required'],
  ['install-app', { 'package-name': 'app' }, 'package-name', 'Android package'],
  ['install-app', { 'package-name': 'com.1example.app' }, 'package-name', 'Android package'],
  ['install-app', { 'package-name': `com.${'a'.repeat(100)}` }, 'package-name', 'at most 100'],
  ['install-app', { 'version-name': '' }, 'version-name', 'is required'],
  ['install-app', { 'version-name': '1.0 beta' }, 'version-name', 'spaces'],
  ['install-app', { 'version-name': '1'.repeat(101) }, 'version-name', 'at most 100'],
  ['install-app', { 'apk-size-mb': '' }, 'apk-size-mb', 'is required'],
  ['install-app', { 'apk-size-mb': '0' }, 'apk-size-mb', 'whole megabytes'],
  ['install-app', { 'apk-size-mb': '-5' }, 'apk-size-mb', 'whole megabytes'],
  ['install-app', { 'apk-size-mb': '12MB' }, 'apk-size-mb', 'whole megabytes'],
  ['install-app', { 'apk-md5': 'a'.repeat(201) }, 'apk-md5', 'at most 200'],
  ['install-app', { 'fast-install': 'yes' }, 'fast-install', "'true' or 'false'"],
  ['install-app', { 'fast-install': '1' }, 'fast-install', "'true' or 'false'"],
  // run-command
  ['run-command', { command: '' }, 'command', 'is required'],
  ['run-command', { command: 'rm -rf /data/*' }, 'command', "'*'"],
  ['run-command', { command: 'echo hi # comment' }, 'command', "'#'"],
  ['run-command', { command: 'am start -n com.x/.Main\tx' }, 'command', 'a tab'],
  ['run-command', { command: 'é'.repeat(600) }, 'command', '1024 bytes'],
  // CPH push fields
  ['push-shared-app', { 'package-name': 'not a package' }, 'package-name', 'Android package'],
  ['push-shared-app', { 'obs-bucket': '' }, 'obs-bucket', 'is required'],
  ['push-shared-app', { 'obs-bucket': 'ab' }, 'obs-bucket', '3 to 63'],
  ['push-shared-app', { 'obs-bucket': 'My_Bucket' }, 'obs-bucket', 'only lowercase letters'],
  ['push-shared-app', { 'obs-bucket': 'b'.repeat(64) }, 'obs-bucket', '3 to 63'],
  ['push-shared-app', { 'obs-object': '' }, 'obs-object', 'is required'],
  ['push-shared-app', { 'obs-object': 'apps/app.zip' }, 'obs-object', '.tar'],
  ['push-shared-app', { 'obs-object': 'apps/my app.tar' }, 'obs-object', 'only letters'],
  ['push-shared-files', { 'obs-object': `${'a'.repeat(1021)}.tar` }, 'obs-object', 'at most 1024'],
  ['push-shared-app', { 'pre-install': 'maybe' }, 'pre-install', "'true' or 'false'"],
  // waiting and behaviour
  ['run-command', { wait: 'no' }, 'wait', "'true' or 'false'"],
  ['run-command', { 'wait-timeout': '10 minutes' }, 'wait-timeout', 'duration'],
  ['run-command', { 'wait-timeout': '0s' }, 'wait-timeout', 'positive duration'],
  ['run-command', { 'wait-timeout': '-5m' }, 'wait-timeout', 'duration'],
  ['run-command', { 'poll-interval': '100ms' }, 'poll-interval', 'at least 1s'],
  ['run-command', { 'poll-interval': 'fast' }, 'poll-interval', 'duration'],
  ['run-command', { 'fail-on': 'some' }, 'fail-on', 'one of'],
  ['run-command', { 'dry-run': 'on' }, 'dry-run', "'true' or 'false'"],
  ['run-command', { 'max-concurrency': '0' }, 'max-concurrency', 'from 1 to 64'],
  ['run-command', { 'max-concurrency': '65' }, 'max-concurrency', 'from 1 to 64'],
  ['run-command', { 'max-concurrency': 'lots' }, 'max-concurrency', 'from 1 to 64'],
  ['run-command', { 'request-timeout': 'never' }, 'request-timeout', 'duration'],
];

describe('invalid inputs: exit 1, one error naming the input and rule, nothing sent', () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases.map(([op, change, input, rule], i) => ({ i, op, change, input, rule })))(
    '#$i $op -> $input: $rule',
    async ({ op: operation, change, input, rule }) => {
      const inputs = { ...base(operation) };
      for (const [name, value] of Object.entries(change)) if (value !== undefined) inputs[name] = value;
      const run = await runActionInProcess(inputs);
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toContain(`Input '${input}'`);
      expect(run.errors[0]).toContain(rule);
      expect(emulator().requests).toHaveLength(0);
      expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(emulator().options.token);
    },
  );
});
