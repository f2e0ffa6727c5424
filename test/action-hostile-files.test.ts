// apk-path doubted like any input: a file outside the workspace (through a link or ..) is refused
// before anything is read or sent, and an APK that shrinks while it is uploaded is a clear error
// about that file, never "a bug in the action".
import { copyFileSync, mkdirSync, mkdtempSync, statSync, symlinkSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connection, useEmulator, TIME_SCALE } from './support/fixture.js';
import { results } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';
import { DEMO_APK } from './support/paths.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

const root = mkdtempSync(join(tmpdir(), 'cpd-files-'));
const workspace = join(root, 'workspace');
const temp = join(root, 'runner-temp');
const outside = join(root, 'elsewhere');
for (const dir of [workspace, temp, outside]) mkdirSync(dir);
copyFileSync(DEMO_APK, join(outside, 'secret.apk'));
copyFileSync(DEMO_APK, join(workspace, 'app.apk'));
copyFileSync(DEMO_APK, join(temp, 'artifact.apk'));
symlinkSync(join(outside, 'secret.apk'), join(workspace, 'linked.apk'));
mkdirSync(join(workspace, 'build'));
symlinkSync(outside, join(workspace, 'build', 'outputs'));

function install(apkPath: string, extra: Record<string, string> = {}) {
  const e = emulator();
  return {
    operation: 'install-app',
    ...connection(e, 'aksk'),
    'obs-endpoint': e.url,
    'obs-bucket': 'release-bucket',
    instances: 'h-1',
    'apk-path': apkPath,
    ...extra,
  };
}

const env = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp };

describe('apk-path outside GITHUB_WORKSPACE and RUNNER_TEMP', () => {
  it.each([
    ['a symbolic link to a file elsewhere', join(workspace, 'linked.apk')],
    ['a glob through a linked directory', join(workspace, 'build', 'outputs', '*.apk')],
    ['an absolute path elsewhere', join(outside, 'secret.apk')],
    ['.. out of the workspace', relative(process.cwd(), join(outside, 'secret.apk'))],
  ])('refuses %s before reading or sending anything', async (_, apkPath) => {
    const run = await runActionInProcess(install(apkPath), { env });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      "Input 'apk-path' must name a file inside GITHUB_WORKSPACE or RUNNER_TEMP",
    );
    expect(emulator().requests).toHaveLength(0);
    expect(run.stdout).not.toContain('com.example.demo');
    expect(results(run).map((r) => r.status)).toEqual(['failed']);
  });

  it.each([
    ['in the workspace', join(workspace, 'app.apk')],
    ['in RUNNER_TEMP', join(temp, 'artifact.apk')],
  ])('takes an APK %s', async (_, apkPath) => {
    const run = await runActionInProcess(install(apkPath, { 'dry-run': 'true' }), { env });
    expect(run.errors).toEqual([]);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.stdout).toContain('APK');
  });
});

describe('an APK that shrinks while it is uploaded', () => {
  it('fails with the file, where it ended, and nothing sent to the fleet', async () => {
    const e = emulator();
    const apk = join(mkdtempSync(join(workspace, 'shrink-')), 'app.apk');
    copyFileSync(DEMO_APK, apk);
    expect(statSync(apk).size).toBeGreaterThan(300);
    // The build rewrites the file while OBS is asked whether it already holds it.
    e.addFault({ method: 'HEAD', delayMs: 400 });
    const timer = setInterval(() => {
      if (!e.requests.some((r) => r.method === 'HEAD')) return;
      clearInterval(timer);
      truncateSync(apk, 300);
    }, 10);
    try {
      const run = await runActionInProcess(install(apk), { env });
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toContain("Input 'apk-path' names a file that changed while it was uploaded");
      expect(run.errors[0]).toContain(`${apk}: the file ended at 300 bytes`);
      expect(run.stdout).not.toContain('This is a bug in the action');
      expect(e.requests.filter((r) => r.family !== 'obs')).toHaveLength(0);
      expect(results(run).map((r) => r.error_message)).toEqual([
        expect.stringMatching(/^not submitted: Input 'apk-path' names a file that changed/),
      ]);
    } finally {
      clearInterval(timer);
    }
  });
});
