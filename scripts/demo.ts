/**
 * `npm start`: the action's main job end to end on this machine. Starts the built-in emulator on a
 * free loopback port, stores an APK in its OBS, runs dist/index.js exactly as a runner would
 * (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) to install that APK from a
 * pre-signed URL on five KooPhone instances, one of which fails, then prints the outputs and the
 * job summary. Debug lines are left out unless ACTIONS_STEP_DEBUG=true.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startEmulator } from '../emulator/index.js';
import { runAction } from '../test/support/run-action.js';

const emulator = await startEmulator({ jobDurationMs: 3000, log: true });
emulator.setOutcome('demo-inst-04', {
  status: 'failed',
  errorCode: 'INSTALL_FAILED_INSUFFICIENT_STORAGE',
  errorMessage: 'not enough free storage on the instance',
});

// The install jobs download this through its pre-signed URL and check its size and MD5.
const BUCKET = 'demo-bucket';
const KEY = 'apps/demo-1.4.2.apk';
const apk = Buffer.alloc(17 * 1024 * 1024 + 123_456, 'demo apk bytes ');
emulator.putObject(BUCKET, KEY, apk);
const apkUrl = emulator.presignedUrl(BUCKET, KEY, 3600);
const debug = process.env.ACTIONS_STEP_DEBUG === 'true';

console.log(`Emulator of the KooPhone, CPH and OBS APIs listening on ${emulator.url}`);
console.log(`Stored obs://${BUCKET}/${KEY} (${apk.length} bytes) in its OBS\n`);
console.log('Running: node dist/index.js (operation: install-app, 5 instances, AK/SK signing)\n');
const run = await runAction(
  {
    operation: 'install-app',
    endpoint: emulator.url,
    'access-key': emulator.options.accessKey,
    'secret-key': emulator.options.secretKey,
    'project-id': emulator.options.projectId,
    instances: 'demo-inst-01, demo-inst-02, demo-inst-03, demo-inst-04, demo-inst-05',
    'apk-url': apkUrl,
    'package-name': 'com.example.demo',
    'app-version': '1.4.2',
    'apk-size-mb': String(Math.ceil(apk.length / (1024 * 1024))),
    'apk-md5': createHash('md5').update(apk).digest('hex'),
    'poll-interval': '1s',
    'fail-on': 'never',
  },
  { env: { ACTIONS_STEP_DEBUG: debug ? 'true' : '' } },
);
await emulator.close();
rmSync(run.dir ?? '', { recursive: true, force: true });

console.log('--- action log ---');
// ::add-mask:: lines are consumed by the runner and ::debug:: lines hidden unless step debugging is on.
const shown = run.stdout
  .split('\n')
  .filter((line) => !line.startsWith('::add-mask::') && (debug || !line.startsWith('::debug::')))
  .join('\n');
console.log(shown.trim());
if (run.stderr.trim()) console.log(run.stderr.trim());
console.log(`\n--- exit code: ${run.code} ---\n`);
console.log('--- outputs ---');
for (const [name, value] of Object.entries(run.outputs)) {
  const shown = name === 'results' ? JSON.stringify(JSON.parse(value), null, 2) : value;
  console.log(`${name}: ${shown}`);
}
console.log('\n--- job summary (markdown, as GitHub renders it on the run page) ---');
console.log(run.summary);
process.exit(run.code === 0 ? 0 : 1);
