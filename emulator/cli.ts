// Command line: npx tsx emulator/cli.ts --port 18080 [--token T] [--access-key A --secret-key S]
//   [--project-id P] [--job-duration 2s] [--phones-per-server N] [--fail id1,id2]
//   [--unknown id1,id2] [--log]
// Runs until SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';
import type { EmulatorOptions } from './types.js';

const USAGE = `usage: tsx emulator/cli.ts [--port N] [--token T] [--access-key A --secret-key S] [--project-id P]
       [--job-duration 2s|500ms|1m|1500] [--phones-per-server N] [--fail id1,id2] [--unknown id1,id2] [--log]
  --fail     targets (instance, server or phone ids) whose jobs end in failure
  --unknown  targets the services reject at submit time (KooPhone 1012, CPH CPS.0097/CPS.0005)`;

export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (!m) throw new Error(`bad duration "${s}" (examples: 1500, 500ms, 2s, 1m)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  return Math.round(unit === 'm' ? n * 60_000 : unit === 's' ? n * 1000 : n);
}

function list(s: string | undefined): string[] {
  return (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function integer(name: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new Error(`--${name} must be a non-negative integer, got "${s}"`);
  return Number(s);
}

export function optionsFromArgs(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      'access-key': { type: 'string' },
      'secret-key': { type: 'string' },
      'project-id': { type: 'string' },
      'job-duration': { type: 'string' },
      'phones-per-server': { type: 'string' },
      fail: { type: 'string' },
      unknown: { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const failing = new Set(list(values.fail));
  const opts: EmulatorOptions = {
    unknownTargets: list(values.unknown),
    log: values.log ?? false,
    outcome: (target) =>
      failing.has(target) ? { status: 'failed', errorMessage: `emulated failure for ${target}` } : undefined,
  };
  const port = integer('port', values.port);
  if (port !== undefined) opts.port = port;
  const phones = integer('phones-per-server', values['phones-per-server']);
  if (phones !== undefined) opts.phonesPerServer = phones;
  if (values['job-duration'] !== undefined) opts.jobDurationMs = parseDuration(values['job-duration']);
  if (values.token !== undefined) opts.token = values.token;
  if (values['access-key'] !== undefined) opts.accessKey = values['access-key'];
  if (values['secret-key'] !== undefined) opts.secretKey = values['secret-key'];
  if (values['project-id'] !== undefined) opts.projectId = values['project-id'];
  return opts;
}

async function main(): Promise<void> {
  let opts: EmulatorOptions;
  try {
    opts = optionsFromArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator(opts);
  process.stdout.write(`emulator listening on ${emulator.url}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Importable (for its parsers) without starting a server.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
