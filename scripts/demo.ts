/**
 * `npm start`: the action's main job end to end on this machine. Starts the built-in emulator on a
 * free loopback port, runs dist/index.js exactly as a runner would (INPUT_* variables, GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY files) to upload the test APK from apk-path to the emulator's OBS and
 * install it from a pre-signed URL on five KooPhone instances, one of which fails, then prints the
 * outputs, the job summary and what to try next. Debug lines are left out unless ACTIONS_STEP_DEBUG=true.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { startEmulator } from '../emulator/index.js';
import { DEMO_APK } from '../test/support/paths.js';
import { runAction } from '../test/support/run-action.js';

const emulator = await startEmulator({ jobDurationMs: 3000, log: true });
emulator.setOutcome('demo-inst-04', {
  status: 'failed',
  errorCode: 'INSTALL_FAILED_INSUFFICIENT_STORAGE',
  errorMessage: 'not enough free storage on the instance',
});

const BUCKET = 'demo-bucket';
const debug = process.env.ACTIONS_STEP_DEBUG === 'true';
const apkPath = relative(process.cwd(), DEMO_APK);

console.log(`Emulator of the KooPhone, CPH and OBS APIs listening on ${emulator.url}`);
console.log(
  `Running: node dist/index.js (operation: install-app, apk-path: ${apkPath}, uploaded to obs://${BUCKET}, 5 instances, AK/SK signing)`,
);
console.log(
  "The demo sets fail-on: never, so the step passes although one instance fails: your workflow's default (fail-on: any) would fail it.\n",
);
const run = await runAction(
  {
    operation: 'install-app',
    endpoint: emulator.url,
    'access-key': emulator.options.accessKey,
    'secret-key': emulator.options.secretKey,
    'project-id': emulator.options.projectId,
    instances: 'demo-inst-01, demo-inst-02, demo-inst-03, demo-inst-04, demo-inst-05',
    // The APK is read (package, versionCode, signature), uploaded to OBS and installed from a pre-signed URL.
    'apk-path': apkPath,
    'obs-bucket': BUCKET,
    'obs-endpoint': emulator.url,
    'poll-interval': '1s',
    'fail-on': 'never',
  },
  // The runner sets RUNNER_DEBUG=1 when step debugging is on.
  { env: { ACTIONS_STEP_DEBUG: debug ? 'true' : '', RUNNER_DEBUG: debug ? '1' : '' } },
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
console.log(`--- what to try next ---
npm test                          the unit, in-process and end-to-end tests (the emulator, no cloud)
dry-run: true                     add it to any step: the inputs are checked and the requests printed, nothing is sent
npx tsx emulator/cli.ts --help    a tagged CPH fleet to rehearse a rollout in waves (see emulator/README.md)
README.md, docs/                  the main workflow, every input and output, permissions and troubleshooting`);
process.exit(run.code === 0 ? 0 : 1);
