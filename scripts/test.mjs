// `npm test`: rebuild the bundle from the sources (end-to-end tests run dist/index.js itself),
// then every test with coverage. `.ci/run` calls this same command.
import { spawnSync } from 'node:child_process';

const steps = [
  ['npm', ['run', '--silent', 'build']],
  ['npx', ['vitest', 'run', '--coverage', ...process.argv.slice(2)]],
];
for (const [cmd, args] of steps) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
