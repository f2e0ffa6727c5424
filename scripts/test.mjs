// `npm test`: rebuild the bundle from the sources (end-to-end tests run dist/index.js itself), and run
// every test with coverage. `.ci/run` calls this same command.
//
// The build (half a minute of one core) and the tests overlap: vitest starts at once and runs the
// in-process tests first (vitest.config.ts puts test/e2e-*.test.ts last), and every end-to-end run waits
// until the build has ended (test/support/run-action.ts reads CPD_BUNDLE_BUILD, the file that then
// holds the build's exit status). A failed build fails every end-to-end test and this command.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = 'coverage/vitest-results.json';
mkdirSync('coverage', { recursive: true });
// A report left by an earlier run must not speak for this one.
rmSync(report, { force: true });
const buildDir = mkdtempSync(join(tmpdir(), 'cpd-build-'));
const buildStatus = join(buildDir, 'status');

/** Runs a command to its end; its output is kept back and shown after vitest's, unless `stdio` says. */
function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'], env: options.env });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ status: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

const build = run('npm', ['run', '--silent', 'build']).then((result) => {
  // Written whole, then renamed: a reader never sees half a status.
  writeFileSync(`${buildStatus}.tmp`, String(result.status));
  renameSync(`${buildStatus}.tmp`, buildStatus);
  return result;
});
const tests = run(
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
  { stdio: 'inherit', env: { ...process.env, CPD_BUNDLE_BUILD: buildStatus } },
);
const [built, tested] = await Promise.all([build, tests]);
rmSync(buildDir, { recursive: true, force: true });
process.stdout.write(built.output);
if (built.status !== 0) console.log(`build: failed (exit ${built.status})`);
// A plain closing line that any CI reader understands, whatever the test runner.
try {
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`tests: ${numPassedTests} passed, ${numFailedTests} failed`);
} catch {
  // vitest stopped before writing its report; its own output says why
}
process.exit(built.status !== 0 ? built.status : tested.status);
