// The emulator's command line builds a tagged fleet, so a rollout can be rehearsed without writing code: the
// parsing rules, then a real `tsx emulator/cli.ts` process that the action rolls an APK out to, by tag, in waves.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFleet, parseCli, parseFleet } from '../emulator/cli.js';
import { phoneIdsOf } from '../emulator/index.js';
import { DEMO_APK } from './support/paths.js';
import { bundleBuilt, results, runAction } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('emulator command line: a fleet', () => {
  it('makes N servers with the --tag tags, numbered on across groups, and instances in pools', () => {
    const fleet = parseFleet({
      servers: ['300', '2:env=staging,team=b'],
      tag: ['env=prod', 'app=shop'],
      instances: ['3:release'],
      installed: ['com.example.demo=41'],
      'object-package': ['apps/demo/demo.apk=com.example.demo:42'],
      'phones-per-server': '3',
    });
    expect(fleet.servers).toHaveLength(302);
    expect(fleet.servers[0]).toEqual({ id: 'srv-0001', tags: { env: 'prod', app: 'shop' }, phones: 3 });
    expect(fleet.servers[299]?.id).toBe('srv-0300');
    expect(fleet.servers[301]).toEqual({ id: 'srv-0302', tags: { env: 'staging', team: 'b' }, phones: 3 });
    expect(fleet.instances.map((i) => [i.id, i.pool])).toEqual([
      ['inst-0001', 'release'],
      ['inst-0002', 'release'],
      ['inst-0003', 'release'],
    ]);
    expect(describeFleet(fleet)).toEqual([
      'fleet: 300 servers srv-0001..srv-0300 (tags env=prod,app=shop), 900 phones',
      'fleet: 2 servers srv-0301..srv-0302 (tags env=staging,team=b), 6 phones',
      'fleet: 3 instances inst-0001..inst-0003 (pool release)',
      'fleet: every target has com.example.demo 41',
      'fleet: obs://apps/demo/demo.apk installs com.example.demo 42',
    ]);
  });

  it.each([
    [['--servers', 'many'], '--servers must look like N or N:key=value,..., got "many"'],
    [['--servers', '2:env'], '--servers tags must look like key=value, got "env"'],
    [['--servers', '2:env=a', '--tag', 'x=y'], '--tag needs a --servers N group without tags of its own'],
    [['--instances', '2:bad pool'], '--instances must look like N or N:pool, got "2:bad pool"'],
    [
      ['--installed', 'com.example.demo'],
      '--installed must look like package=versionCode, got "com.example.demo"',
    ],
    [
      ['--object-package', 'apps/a.apk=com.x'],
      '--object-package must look like package:versionCode, got "com.x"',
    ],
    [['--servers', '200001', '--phones-per-server', '1'], 'the fleet may hold at most 200000 phones'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe('emulator command line: rehearsing a rollout by tag', () => {
  let child: ChildProcess;
  let url = '';
  const lines: string[] = [];

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'emulator/cli.ts',
        ...['--port', '0', '--token', 'rehearsal-token', '--project-id', 'p-rehearsal'],
        ...['--job-duration', '200ms', '--phones-per-server', '2'],
        ...['--servers', '4', '--tag', 'env=prod', '--servers', '2:env=staging'],
        ...['--installed', 'com.example.demo=41'],
        ...[
          '--seed-object',
          `apps/demo.apk=${DEMO_APK}`,
          '--object-package',
          'apps/demo.apk=com.example.demo:42',
        ],
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const reader = createInterface({ input: child.stdout! });
    for await (const line of reader) {
      lines.push(line);
      const listening = /^emulator listening on (\S+)$/.exec(line);
      if (listening?.[1]) {
        url = listening[1];
        break;
      }
    }
    expect(stderr).toBe('');
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('prints the fleet, and the action rolls out to the tagged phones in waves, verified', async () => {
    expect(lines).toContain('fleet: 4 servers srv-0001..srv-0004 (tags env=prod), 8 phones');
    expect(lines).toContain('fleet: 2 servers srv-0005..srv-0006 (tags env=staging), 4 phones');
    const run = await runActionInProcess({
      operation: 'install-app',
      endpoint: url,
      'auth-token': 'rehearsal-token',
      'project-id': 'p-rehearsal',
      'server-tags': 'env=prod',
      'obs-bucket': 'apps',
      'obs-object': 'demo.apk',
      'package-name': 'com.example.demo',
      'version-code': '42',
      waves: '1, 100%',
      verify: 'true',
      'poll-interval': '1s',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(run.outputs['waves-completed']).toBe('2');
    const prod = ['srv-0001', 'srv-0002', 'srv-0003', 'srv-0004'].flatMap((s) => phoneIdsOf(s, 2));
    expect(JSON.parse(run.outputs.targets ?? '[]')).toEqual(expect.arrayContaining(prod));
    expect(JSON.parse(run.outputs.targets ?? '[]')).toHaveLength(8);
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(8);
  }, 60_000);
});

/**
 * emulator/README.md's rehearsal of the README's release, as written there: the emulator command of its first
 * block (on a free port, with shorter jobs), then the bundle with emulator/rehearsal.env, a dry run and a real run.
 */
describe('emulator command line: the README release rehearsed with the bundle', () => {
  const readme = readFileSync(resolve(ROOT, 'emulator/README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Rehearse a rollout from the command line'));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const command = (blocks[0] ?? '').replace(/\\\n\s*/g, '').split('\n')[0] ?? '';
  const rehearsal = parseEnv(readFileSync(resolve(ROOT, 'emulator/rehearsal.env'), 'utf8'));
  let child: ChildProcess;
  let url = '';

  beforeAll(async () => {
    expect(command).toMatch(/^npx tsx emulator\/cli\.ts --port 18080 --job-duration 2s /);
    expect(blocks[1]).toContain('node --env-file=emulator/rehearsal.env dist/index.js');
    const args = command
      .replace(/^npx tsx /, '')
      .replace('--port 18080', '--port 0')
      .replace('--job-duration 2s', '--job-duration 200ms')
      .split(/\s+/);
    child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for await (const line of createInterface({ input: child.stdout! })) {
      const listening = /^emulator listening on (\S+)$/.exec(line);
      if (listening?.[1]) {
        url = listening[1];
        break;
      }
    }
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  /** rehearsal.env's inputs and environment, pointed at the emulator's port. */
  function fromEnvFile(extra: Record<string, string> = {}) {
    const inputs: Record<string, string> = {};
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(rehearsal)) {
      const local = (value ?? '').replaceAll('http://127.0.0.1:18080', url);
      if (name.startsWith('INPUT_')) inputs[name.slice('INPUT_'.length).toLowerCase()] = local;
      else env[name] = local;
    }
    return { inputs: { ...inputs, ...extra }, env };
  }

  it('a dry run resolves the 300 tagged phones and plans the waves; the real run installs, verifies and smoke-checks them all', async () => {
    await bundleBuilt();
    const dry = fromEnvFile({ 'dry-run': 'true' });
    const plan = await runAction(dry.inputs, { env: dry.env });
    expect(plan.code).toBe(0);
    expect(plan.outputs.status).toBe('dry-run');
    expect(JSON.parse(plan.outputs.targets ?? '[]')).toHaveLength(300);
    expect(plan.summary).toContain('Waves: 1, 30, 269 target(s).');
    expect(plan.stdout).toContain('dry-run: would roll out to 300 target(s) in 3 wave(s): 1, 30, 269');

    const real = fromEnvFile();
    const run = await runAction(real.inputs, { env: real.env, timeoutMs: 90_000 });
    expect(run.stdout).toContain('Rolling out to 300 target(s) in 3 wave(s): 1, 30, 269');
    expect(run.outputs.status).toBe('succeeded');
    expect(run.outputs['waves-completed']).toBe('3');
    expect(results(run).filter((r) => r.status === 'succeeded')).toHaveLength(300);
    expect(run.code).toBe(0);
  }, 120_000);
});
