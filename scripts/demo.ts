/**
 * `npm start`: the action's main job end to end on this machine. Starts the built-in emulator on a
 * free loopback port, runs dist/index.js exactly as a runner would (INPUT_* variables, GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY files) to install an APK on five KooPhone instances, one of which fails,
 * then prints the outputs and the job summary.
 */
import { startEmulator } from '../emulator/index.js';
import { runAction } from '../test/support/run-action.js';

const emulator = await startEmulator({ jobDurationMs: 3000, log: true });
emulator.setOutcome('demo-inst-04', {
  status: 'failed',
  errorCode: 'INSTALL_FAILED_INSUFFICIENT_STORAGE',
  errorMessage: 'not enough free storage on the instance',
});

console.log(`Emulator of the KooPhone and CPH APIs listening on ${emulator.url}\n`);
console.log('Running: node dist/index.js (operation: install-app, 5 instances, AK/SK signing)\n');
const run = await runAction(
  {
    operation: 'install-app',
    endpoint: emulator.url,
    'access-key': emulator.options.accessKey,
    'secret-key': emulator.options.secretKey,
    'project-id': emulator.options.projectId,
    instances: 'demo-inst-01, demo-inst-02, demo-inst-03, demo-inst-04, demo-inst-05',
    'apk-url': `${emulator.url}/demo-bucket/apps/demo-1.4.2.apk?AccessKeyId=DEMOAK&Expires=1893456000&Signature=ZGVtbw%3D%3D`,
    'package-name': 'com.example.demo',
    'app-version': '1.4.2',
    'apk-size-mb': '18',
    'poll-interval': '1s',
    'fail-on': 'never',
  },
  { env: { ACTIONS_STEP_DEBUG: process.env.ACTIONS_STEP_DEBUG ?? '' } },
);
await emulator.close();

console.log('--- action log ---');
console.log(run.stdout.trim());
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
