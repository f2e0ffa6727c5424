// `npm test`: rebuild the bundle from the sources (end-to-end tests run dist/index.js itself),
// then every test with coverage. `.ci/run` calls this same command.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = 'coverage/vitest-results.json';
mkdirSync('coverage', { recursive: true });
// A report left by an earlier run must not speak for this one.
rmSync(report, { force: true });
const steps = [
  ['npm', ['run', '--silent', 'build']],
  [
    'npx',
    [
      'vitest',
      'run',
      '--coverage',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
  ],
];
let status = 0;
for (const [cmd, args] of steps) {
  status = spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
  if (status !== 0) break;
}
// A plain closing line that any CI reader understands, whatever the test runner.
try {
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`tests: ${numPassedTests} passed, ${numFailedTests} failed`);
} catch {
  // the build failed before any test ran; vitest's own output says why
}
process.exit(status);
