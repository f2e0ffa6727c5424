// Command line: npx tsx emulator/cli.ts --port 18080 [--token T] [--access-key A --secret-key S]
//   [--project-id P] [--job-duration 2s] [--phones-per-server N] [--fail id1,id2]
//   [--unknown id1,id2] [--missing-buckets b1,b2] [--seed-object bucket/key=file ...]
//   [--url-expiry 1h] [--sts-time-scale N] [--trusted-sub pattern] [--oidc-audience aud] [--log]
// Runs until SIGINT/SIGTERM.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';
import type { EmulatorOptions } from './types.js';

const USAGE = `usage: tsx emulator/cli.ts [--port N] [--token T] [--access-key A --secret-key S] [--project-id P]
       [--job-duration 2s|500ms|1m|1500] [--phones-per-server N] [--fail id1,id2] [--unknown id1,id2]
       [--missing-buckets b1,b2] [--seed-object bucket/key=file]... [--url-expiry 1h]
       [--sts-time-scale N] [--trusted-sub pattern]... [--oidc-audience aud]... [--log]
  --fail             targets (instance, server or phone ids) whose jobs end in failure
  --unknown          targets the services reject at submit time (KooPhone 1012, CPH CPS.0097/CPS.0005)
  --missing-buckets  OBS buckets that do not exist (404 NoSuchBucket)
  --seed-object      store a local file in the emulated OBS before starting (repeatable), and print
                     "seeded obs://bucket/key (N bytes, md5 M): <pre-signed GET URL>" for it
  --url-expiry       how long the printed URLs stay valid (default 1h)
  --sts-time-scale   TEST-ONLY (no such thing in the real STS): temporary credentials live
                     duration_seconds / N, so renewal shows in seconds (default 1)
  --trusted-sub      the agency's trust condition on oidc:sub, * matches anything (repeatable;
                     default repo:octo-org/octo-repo:ref:refs/heads/main)
  --oidc-audience    a client id of the OIDC provider (repeatable; default https://github.com/octo-org)
Keyless: the emulator prints the ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN a job would get, and the
agency and provider URNs, before "emulator listening on".`;

export interface Seed {
  bucket: string;
  key: string;
  file: string;
}

/** "bucket/key=file": the bucket is everything before the first "/", the file everything after the first "=". */
export function parseSeed(s: string): Seed {
  const m = /^([^/=]+)\/([^=]+)=(.+)$/.exec(s);
  if (!m) throw new Error(`--seed-object must look like bucket/key=localfile, got "${s}"`);
  return { bucket: m[1]!, key: m[2]!, file: m[3]! };
}

export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`bad duration "${s}" (examples: 1500, 500ms, 2s, 1m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit] ?? 1;
  return Math.round(n * scale);
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
  return parseCli(argv).options;
}

export function parseCli(argv: string[]): {
  options: EmulatorOptions;
  seeds: Seed[];
  urlExpirySeconds: number;
} {
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
      'missing-buckets': { type: 'string' },
      'seed-object': { type: 'string', multiple: true },
      'url-expiry': { type: 'string' },
      'sts-time-scale': { type: 'string' },
      'trusted-sub': { type: 'string', multiple: true },
      'oidc-audience': { type: 'string', multiple: true },
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
    missingBuckets: list(values['missing-buckets']),
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
  const sts: NonNullable<EmulatorOptions['sts']> = {};
  if (values['sts-time-scale'] !== undefined) {
    const scale = Number(values['sts-time-scale']);
    if (!(scale >= 1))
      throw new Error(`--sts-time-scale must be a number of at least 1, got "${values['sts-time-scale']}"`);
    sts.timeScale = scale;
  }
  if (values['trusted-sub']) sts.trustedSubjects = values['trusted-sub'];
  if (values['oidc-audience']) sts.clientIds = values['oidc-audience'];
  if (Object.keys(sts).length > 0) opts.sts = sts;
  const seeds = (values['seed-object'] ?? []).map(parseSeed);
  const expiryMs = parseDuration(values['url-expiry'] ?? '1h');
  if (expiryMs < 1000) throw new Error('--url-expiry must be at least 1s');
  return { options: opts, seeds, urlExpirySeconds: Math.floor(expiryMs / 1000) };
}

async function main(): Promise<void> {
  let cli: ReturnType<typeof parseCli>;
  let files: Buffer[];
  try {
    cli = parseCli(process.argv.slice(2));
    files = cli.seeds.map((s) => readFileSync(s.file));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator(cli.options);
  // Printed before "listening", so a script that waits for that line has the URLs too.
  try {
    cli.seeds.forEach((seed, i) => {
      const data = files[i]!;
      emulator.putObject(seed.bucket, seed.key, data);
      const md5 = createHash('md5').update(data).digest('hex');
      const url = emulator.presignedUrl(seed.bucket, seed.key, cli.urlExpirySeconds);
      process.stdout.write(
        `seeded obs://${seed.bucket}/${seed.key} (${data.length} bytes, md5 ${md5}): ${url}\n`,
      );
    });
  } catch (e) {
    process.stderr.write(`--seed-object: ${(e as Error).message}\n`);
    await emulator.close();
    process.exit(2);
  }
  const keyless = emulator.idTokenEnv();
  process.stdout.write(
    `keyless: ACTIONS_ID_TOKEN_REQUEST_URL=${keyless.ACTIONS_ID_TOKEN_REQUEST_URL} ACTIONS_ID_TOKEN_REQUEST_TOKEN=${keyless.ACTIONS_ID_TOKEN_REQUEST_TOKEN} agency-urn=${emulator.sts.options.agencyUrn} identity-provider-urn=${emulator.sts.options.providerUrn} sts-endpoint=${emulator.url}\n`,
  );
  process.stdout.write(`emulator listening on ${emulator.url}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Importable (for its parsers) without starting a server.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
