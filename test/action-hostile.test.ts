import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results, type ActionRun } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { MARKDOWN_VECTORS, RUNNER_VECTORS } from './support/vectors.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

/** Runner commands the action itself may issue; any other command line in the log is forged. */
const OUR_COMMANDS = new Set(['add-mask', 'debug', 'notice', 'warning', 'error', 'group', 'endgroup']);

/** Every line the runner would read as a command, by name. */
function commandsIn(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => /^\s*(::|##\[)/.test(line))
    .map((line) => /^\s*(?:::([\w-]+)|##\[([\w-]+)\])/.exec(line)?.slice(1).find(Boolean) ?? line);
}

function expectNoForgedCommand(run: ActionRun): void {
  expect(commandsIn(run.stdout).filter((c) => !OUR_COMMANDS.has(c))).toEqual([]);
  expect(run.stdout).not.toMatch(/^\s*::[\w-]+::forged/m);
}

function command(extra: Record<string, string> = {}) {
  return {
    operation: 'run-command',
    ...connection(emulator()),
    command: 'getprop ro.product.model',
    instances: 'h-1,h-2',
    'request-timeout': '2s',
    ...extra,
  };
}

const workspace = mkdtempSync(join(tmpdir(), 'cpd-ws-'));
const outside = mkdtempSync(join(tmpdir(), 'cpd-outside-'));
writeFileSync(join(outside, 'ids.txt'), 'SECRET-FILE-CONTENT-1\n');
symlinkSync(join(outside, 'ids.txt'), join(workspace, 'link.txt'));
mkdirSync(join(workspace, 'lists'));
writeFileSync(join(workspace, 'lists', 'bad.txt'), 'ok-1\nSECRET-LINE<script>\n');
writeFileSync(join(workspace, 'lists', 'nbsp.txt'), 'ok-1\u00a0ok-2\n');

const SIGNED =
  'https://admin:Pa55word-xyz@b.obs.example/a.apk?AccessKeyId=AKIDEXAMPLE1&Signature=SIG-abcdef123';

/** [what, inputs changed, input named in the error, values that must not be echoed]. */
const hostile: Array<[string, Record<string, string>, string, string[]]> = [
  ['newline + ::error:: in an id', { instances: 'h-1\n::error::forged' }, 'instances', []],
  ['CR + ::stop-commands:: in an id', { instances: 'h-1\r::stop-commands::tok' }, 'instances', []],
  ['%0A escape in an id', { instances: 'h-1%0A::error::forged' }, 'instances', []],
  ['U+2028 in the id list', { instances: 'h-1\u2028h-2' }, 'instances', []],
  ['U+2029 in the id list', { instances: 'h-1\u2029h-2' }, 'instances', []],
  ['U+0085 in the id list', { instances: 'h-1\u0085h-2' }, 'instances', []],
  ['no-break space as separator', { instances: 'h-1\u00a0h-2' }, 'instances', []],
  ['ideographic space as separator', { instances: 'h-1\u3000h-2' }, 'instances', []],
  ['##[error] in a JSON list', { instances: '["h-1","##[error]forged"]' }, 'instances', []],
  ['ESC sequence in an id', { instances: 'h-1\u001b[2J' }, 'instances', []],
  ['bidi override in an id', { instances: 'h-\u202e1' }, 'instances', []],
  [
    '@path outside the workspace',
    { instances: `@${join(outside, 'ids.txt')}` },
    'instances',
    ['SECRET-FILE'],
  ],
  ['@path with ../', { instances: '@../../etc/passwd' }, 'instances', ['root:']],
  ['@path symlink out of the workspace', { instances: '@link.txt' }, 'instances', ['SECRET-FILE']],
  ['@path file with a bad id', { instances: '@lists/bad.txt' }, 'instances', ['SECRET-LINE']],
  ['@path file with a no-break space', { instances: '@lists/nbsp.txt' }, 'instances', []],
  ['wait-timeout Infinity', { 'wait-timeout': 'Infinity' }, 'wait-timeout', []],
  ['wait-timeout of 400 digits', { 'wait-timeout': '9'.repeat(400) }, 'wait-timeout', []],
  ['wait-timeout past a Node timer', { 'wait-timeout': '600h' }, 'wait-timeout', []],
  ['wait-timeout past 120h', { 'wait-timeout': '121h' }, 'wait-timeout', []],
  ['poll-interval past 1h', { 'poll-interval': '61m' }, 'poll-interval', []],
  ['request-timeout past 10m', { 'request-timeout': '11m' }, 'request-timeout', []],
  ['request-timeout 1e999', { 'request-timeout': '1e999' }, 'request-timeout', []],
  [
    'endpoint with user-info and token',
    { endpoint: 'https://admin:S3cret-pw@cph.example.com/?token=TOKVAL-123' },
    'endpoint',
    ['S3cret-pw', 'TOKVAL-123'],
  ],
  ['command with a newline command', { command: 'ls\n::error::forged' }, 'command', []],
];

const installHostile: Array<[string, Record<string, string>, string, string[]]> = [
  [
    'signed apk-url with a space',
    { 'apk-url': SIGNED.replace('a.apk', 'a b.apk') },
    'apk-url',
    ['Pa55word', 'SIG-abcdef', 'AKIDEXAMPLE1'],
  ],
  [
    'signed apk-url over ftp',
    { 'apk-url': SIGNED.replace('https', 'ftp') },
    'apk-url',
    ['Pa55word', 'SIG-abcdef', 'AKIDEXAMPLE1'],
  ],
  ['package-name with ::error::', { 'package-name': 'com.example\n::error::forged' }, 'package-name', []],
  ['version-name with a newline', { 'version-name': '1.0\n::warning::forged' }, 'version-name', []],
  ['version-name with U+2028', { 'version-name': '1.0\u2028::warning::forged' }, 'version-name', []],
];

const pushHostile: Array<[string, Record<string, string>, string, string[]]> = [
  ['bucket with ..', { 'obs-bucket': 'a..b' }, 'obs-bucket', []],
  ['bucket like an IP address', { 'obs-bucket': '192.168.1.1' }, 'obs-bucket', []],
  ['bucket with .-', { 'obs-bucket': 'a.-b' }, 'obs-bucket', []],
  ['bucket with upper case', { 'obs-bucket': 'My-Bucket' }, 'obs-bucket', []],
  ['object with a .. segment', { 'obs-object': 'apps/../app.tar' }, 'obs-object', []],
  ['object with a . segment', { 'obs-object': './app.tar' }, 'obs-object', []],
];

/** Refused with one error naming the input, zero requests, nothing forged, nothing echoed. */
async function expectRefused(inputs: Record<string, string>, input: string, hidden: string[]) {
  const run = await runActionInProcess(inputs, { env: { GITHUB_WORKSPACE: workspace } });
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toContain(`Input '${input}'`);
  expect(emulator().requests).toHaveLength(0);
  expectNoForgedCommand(run);
  const visible = [run.stdout, run.summary, JSON.stringify(run.outputs)].join('\n');
  for (const value of hidden) expect(visible).not.toContain(value);
  expect(run.outputs.status).toBe('failed');
}

describe('hostile inputs: refused before any request, with nothing forged or echoed', () => {
  it('counts', () => {
    expect(hostile.length + installHostile.length + pushHostile.length).toBeGreaterThanOrEqual(35);
  });

  it.each(hostile)('%s', async (_, change, input, hidden) => {
    await expectRefused(command(change), input, hidden);
  });

  it.each(installHostile)('install-app: %s', async (_, change, input, hidden) => {
    await expectRefused(
      {
        ...command(),
        // run-command's own input: install-app would refuse it as unused before the hostile one.
        command: '',
        operation: 'install-app',
        'apk-url': 'https://b.obs.example/a.apk',
        'package-name': 'com.example.app',
        'version-name': '1.0',
        'apk-size-mb': '3',
        ...change,
      },
      input,
      hidden,
    );
  });

  it.each(pushHostile)('push-shared-app: %s', async (_, change, input, hidden) => {
    await expectRefused(
      {
        ...command(),
        command: '',
        operation: 'push-shared-app',
        instances: '',
        servers: 's-1',
        'package-name': 'com.example.app',
        'obs-bucket': 'bucket-1',
        'obs-object': 'apps/app.tar',
        ...change,
      },
      input,
      hidden,
    );
  });
});

/** A compiled AndroidManifest.xml with the given package (and optional versionName, split). */
function manifest(pkg: string, extra: Array<[string, string]> = []): Buffer {
  const ANDROID = 'http://schemas.android.com/apk/res/android';
  const strings = ['manifest', 'package', pkg, ...extra.flat(), ANDROID];
  const nsIndex = strings.length - 1;
  const encoded = strings.map((s) => {
    const units = Buffer.from(s, 'utf16le');
    return Buffer.concat([u16(s.length), units, u16(0)]);
  });
  let offset = 0;
  const offsets = encoded.map((e) => ((offset += e.length), offset - e.length));
  let body = Buffer.concat(encoded);
  if (body.length % 4) body = Buffer.concat([body, Buffer.alloc(4 - (body.length % 4))]);
  const start = 28 + 4 * strings.length;
  const pool = Buffer.concat([
    u16(1),
    u16(28),
    u32(start + body.length),
    u32(strings.length),
    u32(0),
    u32(0),
    u32(start),
    u32(0),
    ...offsets.map(u32),
    body,
  ]);
  // versionName is an android: attribute; package and split have no namespace.
  const attrs = [
    [1, 2, 0xffffffff],
    ...extra.map(([n], i) => [3 + 2 * i, 4 + 2 * i, n === 'versionName' ? nsIndex : 0xffffffff]),
  ].map(([name, value, ns]) =>
    Buffer.concat([
      u32(ns as number),
      u32(name as number),
      u32(value as number),
      u16(8),
      Buffer.from([0, 3]),
      u32(value as number),
    ]),
  );
  const ext = Buffer.concat([
    u32(0xffffffff),
    u32(0),
    u16(20),
    u16(20),
    u16(attrs.length),
    u16(0),
    u16(0),
    u16(0),
  ]);
  const el = Buffer.concat([u32(1), u32(0xffffffff), ext, ...attrs]);
  const element = Buffer.concat([u16(0x102), u16(16), u32(8 + el.length), el]);
  const doc = Buffer.concat([pool, element]);
  return Buffer.concat([u16(3), u16(8), u32(8 + doc.length), doc]);
}
function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * Zips each manifest into an APK of the given name with a real zip tool (Python's zipfile), all in one
 * python3 run: starting python3 costs about a second on a loaded machine.
 */
function apksWith(manifests: Array<{ xml: Buffer; name: string }>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-hostile-apk-'));
  const files = manifests.map(({ xml, name }, i) => {
    mkdirSync(join(dir, String(i)));
    writeFileSync(join(dir, String(i), 'm.bin'), xml);
    return join(dir, String(i), name);
  });
  // The v1 signature file names make each a signed APK as far as the action checks (presence, not validity), so
  // the manifest is what these tests refuse.
  const script = `import os, sys, zipfile\nfor apk in sys.argv[1:]:\n    with zipfile.ZipFile(apk, 'w') as z:\n        z.write(os.path.join(os.path.dirname(apk), 'm.bin'), 'AndroidManifest.xml')\n        for name in ('META-INF/CERT.SF', 'META-INF/CERT.RSA'): z.writestr(name, 'x')`;
  execFileSync('python3', ['-c', script, ...files]);
  return files;
}

describe('hostile APK metadata: refused like the input it replaces', () => {
  const apkCases: Array<[string, Buffer]> = [
    ['package with newline + ::error::', manifest('com.evil\n::error::forged')],
    ['package with CR + ::stop-commands::', manifest('com.evil\r::stop-commands::tok')],
    ['package with U+2028', manifest('com.evil\u2028::error::forged')],
    ['package with markdown', manifest('com.evil.# <img src=x>')],
    ['versionName with newline', manifest('com.example.ok', [['versionName', '1.0\n::error::forged']])],
    ['split APK (config split)', manifest('com.example.ok', [['split', 'config.xxhdpi']])],
    ['split APK (feature split)', manifest('com.example.ok', [['split', 'feature_camera']])],
  ];
  let apks: string[] = [];
  /** The folder of every APK made here is the run's workspace: the action uploads only files of one. */
  const apkWorkspace = () => ({ env: { GITHUB_WORKSPACE: dirname(dirname(apks[0]!)) } });
  beforeAll(() => {
    apks = apksWith([
      ...apkCases.map(([, xml]) => ({ xml, name: 'app.apk' })),
      { xml: manifest('com.example.ok', [['versionName', '1.0']]), name: 'a\u2028::error::forged.apk' },
    ]);
  });

  it.each(apkCases.map(([name], i) => [name, i] as const))('%s', async (_, i) => {
    const e = emulator();
    const run = await runActionInProcess(
      {
        operation: 'install-app',
        ...connection(e, 'aksk'),
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        instances: 'h-1',
        'apk-path': apks[i]!,
      },
      apkWorkspace(),
    );
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Input 'apk-path'");
    expect(e.requests).toHaveLength(0);
    expectNoForgedCommand(run);
    expect(results(run).map((r) => r.error_message)).toEqual([expect.stringMatching(/^not submitted/)]);
    expect(run.outputs['failed-targets']).toBe('h-1');
  });

  it('refuses a file name with a newline taken from apk-path', async () => {
    const e = emulator();
    const run = await runActionInProcess(
      {
        operation: 'install-app',
        ...connection(e, 'aksk'),
        'obs-endpoint': e.url,
        'obs-bucket': 'release-bucket',
        instances: 'h-1',
        'apk-path': apks[apkCases.length]!,
      },
      apkWorkspace(),
    );
    expect(run.code).toBe(1);
    expect(e.requests).toHaveLength(0);
    expectNoForgedCommand(run);
  });
});

describe('hostile service text reaches log, summary and outputs escaped and redacted', () => {
  const vectors = [...RUNNER_VECTORS, ...MARKDOWN_VECTORS];
  it(`${vectors.length} vectors in job output and error messages`, async () => {
    const token = emulator().options.token;
    const ids = vectors.map((_, i) => `v-${i}`);
    ids.forEach((id, i) => {
      const vector = vectors[i] as string;
      emulator().setOutcome(
        id,
        i % 2
          ? { status: 'failed', errorCode: 'X.1', errorMessage: `${vector} token ${token}` }
          : { status: 'succeeded', output: `${vector} ${SIGNED}` },
      );
    });
    const run = await runActionInProcess(command({ instances: ids.join(','), 'max-concurrency': '4' }), {
      secrets: ['Pa55word-xyz', 'SIG-abcdef123', 'AKIDEXAMPLE1'],
    });
    expectNoForgedCommand(run);
    expect(run.outputs.status).toBe('partial');
    const rows = results(run);
    expect(rows.map((r) => r.target).sort()).toEqual([...ids].sort());
    // Exactly our annotations: one per failed target (at most 10) plus the "and N more" line and the failure.
    expect(run.errors).toHaveLength(12);
    expect(run.summary.match(/^\| /gm)).toHaveLength(vectors.length + 2); // + two header rows
    expect(run.summary).not.toMatch(/^#{1,6} (?!.*Cloud Phone Deploy|Not succeeded)/m);
    expect(statSync(run.outputs['results-file'] ?? '').mode & 0o777).toBe(0o600);
  });
});
