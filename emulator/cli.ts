// Command line: npx tsx emulator/cli.ts --port 18080 [--token T] [--access-key A --secret-key S]
//   [--project-id P] [--job-duration 2s] [--phones-per-server N] [--fail id1,id2]
//   [--unknown id1,id2] [--missing-buckets b1,b2] [--seed-object bucket/key=file ...]
//   [--url-expiry 1h] [--sts-time-scale N] [--trusted-sub pattern] [--oidc-audience aud] [--log]
//   [--servers N[:k=v,...]]... [--tag k=v]... [--instances N[:pool]]... [--installed pkg=code]...
//   [--object-package bucket/key=pkg:code]...
// Runs until SIGINT/SIGTERM.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';
import type { InstanceSpec, ServerSpec } from './fleet.js';
import type { EmulatorOptions } from './types.js';

const USAGE = `usage: tsx emulator/cli.ts [--port N] [--token T] [--access-key A --secret-key S] [--project-id P]
       [--job-duration 2s|500ms|1m|1500] [--phones-per-server N] [--fail id1,id2] [--unknown id1,id2]
       [--missing-buckets b1,b2] [--seed-object bucket/key=file]... [--url-expiry 1h]
       [--sts-time-scale N] [--trusted-sub pattern]... [--oidc-audience aud]... [--log]
       [--servers N[:key=value,...]]... [--tag key=value]... [--instances N[:pool]]...
       [--installed package=versionCode]... [--object-package bucket/key=package:versionCode]...
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
agency and provider URNs, before "emulator listening on".
A fleet to rehearse a rollout on (the list APIs, server-tags, waves, verify, skip-installed):
  --servers          N CPH servers srv-0001, srv-0002... (repeatable; numbering goes on), each with
                     --phones-per-server phones (default 2), tagged with the tags after ":" or else --tag
  --tag              a tag of the --servers groups that give none (repeatable)
  --instances        N KooPhone instances inst-0001... in the pool after ":" (default "default")
  --installed        a package and versionCode every phone and instance of the fleet already has
  --object-package   what an OBS object installs (the emulator does not read APKs), so verify and
                     skip-installed see the new versionCode after an install from it
The fleet is printed ("fleet: ...") before "emulator listening on".`;

/** Servers and instances the command line asks for, and what they have installed. */
export interface FleetSpec {
  servers: ServerSpec[];
  instances: InstanceSpec[];
  installed: Array<{ packageName: string; versionCode: number }>;
  objects: Array<{ bucket: string; key: string; packageName: string; versionCode: number }>;
}

/** Bounds the fleet a command line can ask for: the model holds every phone in memory. */
const MAX_FLEET_TARGETS = 200_000;

function tagsOf(text: string, option: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=]+)=(.*)$/.exec(pair);
    if (!m) throw new Error(`${option} tags must look like key=value, got "${pair}"`);
    tags[m[1]!.trim()] = m[2]!.trim();
  }
  return tags;
}

function versionOf(
  text: string,
  option: string,
  separator: string,
): { packageName: string; versionCode: number } {
  const at = text.lastIndexOf(separator);
  const packageName = text.slice(0, at).trim();
  const code = text.slice(at + 1).trim();
  if (at < 1 || !/^[A-Za-z][\w.]*$/.test(packageName) || !/^\d+$/.test(code)) {
    throw new Error(`${option} must look like package${separator}versionCode, got "${text}"`);
  }
  return { packageName, versionCode: Number(code) };
}

/** The fleet options of the command line, checked. */
export function parseFleet(values: {
  servers?: string[];
  tag?: string[];
  instances?: string[];
  installed?: string[];
  'object-package'?: string[];
  'phones-per-server'?: string;
}): FleetSpec {
  const phones = integer('phones-per-server', values['phones-per-server']) ?? 2;
  const shared = tagsOf((values.tag ?? []).join(','), '--tag');
  const servers: ServerSpec[] = [];
  for (const group of values.servers ?? []) {
    const m = /^(\d+)(?::(.*))?$/.exec(group.trim());
    if (!m) throw new Error(`--servers must look like N or N:key=value,..., got "${group}"`);
    const tags = m[2] === undefined ? shared : tagsOf(m[2], '--servers');
    for (let i = 0; i < Number(m[1]); i++) {
      if (servers.length * phones >= MAX_FLEET_TARGETS)
        throw new Error(`the fleet may hold at most ${MAX_FLEET_TARGETS} phones`);
      servers.push({ id: `srv-${String(servers.length + 1).padStart(4, '0')}`, tags: { ...tags }, phones });
    }
  }
  const instances: InstanceSpec[] = [];
  for (const group of values.instances ?? []) {
    const m = /^(\d+)(?::([\w.-]+))?$/.exec(group.trim());
    if (!m) throw new Error(`--instances must look like N or N:pool, got "${group}"`);
    for (let i = 0; i < Number(m[1]); i++) {
      if (instances.length >= MAX_FLEET_TARGETS)
        throw new Error(`the fleet may hold at most ${MAX_FLEET_TARGETS} instances`);
      instances.push({
        id: `inst-${String(instances.length + 1).padStart(4, '0')}`,
        pool: m[2] ?? 'default',
      });
    }
  }
  const installed = (values.installed ?? []).map((v) => versionOf(v, '--installed', '='));
  const objects = (values['object-package'] ?? []).map((v) => {
    const m = /^([^/=]+)\/([^=]+)=(.+)$/.exec(v);
    if (!m) throw new Error(`--object-package must look like bucket/key=package:versionCode, got "${v}"`);
    return { bucket: m[1]!, key: m[2]!, ...versionOf(m[3]!, '--object-package', ':') };
  });
  return { servers, instances, installed, objects };
}

/** One line per group: what a user rehearsing a rollout needs to write the step's inputs. */
export function describeFleet(fleet: FleetSpec): string[] {
  const lines: string[] = [];
  const groups = new Map<string, ServerSpec[]>();
  for (const server of fleet.servers) {
    const key = Object.entries(server.tags ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    groups.set(key, [...(groups.get(key) ?? []), server]);
  }
  for (const [tags, servers] of groups) {
    const phones = servers.reduce((n, s) => n + (s.phones ?? 2), 0);
    lines.push(
      `fleet: ${servers.length} servers ${servers[0]!.id}..${servers.at(-1)!.id} (${tags ? `tags ${tags}` : 'no tags'}), ${phones} phones`,
    );
  }
  const pools = new Map<string, InstanceSpec[]>();
  for (const instance of fleet.instances)
    pools.set(instance.pool ?? 'default', [...(pools.get(instance.pool ?? 'default') ?? []), instance]);
  for (const [pool, instances] of pools) {
    lines.push(
      `fleet: ${instances.length} instances ${instances[0]!.id}..${instances.at(-1)!.id} (pool ${pool})`,
    );
  }
  for (const { packageName, versionCode } of fleet.installed)
    lines.push(`fleet: every target has ${packageName} ${versionCode}`);
  for (const o of fleet.objects)
    lines.push(`fleet: obs://${o.bucket}/${o.key} installs ${o.packageName} ${o.versionCode}`);
  return lines;
}

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
  fleet: FleetSpec;
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
      servers: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      instances: { type: 'string', multiple: true },
      installed: { type: 'string', multiple: true },
      'object-package': { type: 'string', multiple: true },
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
  const fleet = parseFleet(values);
  if (values.tag && !(values.servers ?? []).some((g) => !g.includes(':'))) {
    throw new Error('--tag needs a --servers N group without tags of its own');
  }
  return { options: opts, seeds, urlExpirySeconds: Math.floor(expiryMs / 1000), fleet };
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
  const { fleet } = cli;
  emulator.fleet.addServers(fleet.servers);
  emulator.fleet.addInstances(fleet.instances);
  for (const { packageName, versionCode } of fleet.installed) {
    for (const target of [...emulator.fleet.phones, ...emulator.fleet.instances]) {
      emulator.fleet.setInstalled(target.id, packageName, versionCode);
    }
  }
  for (const o of fleet.objects) {
    emulator.fleet.describeObject(o.bucket, o.key, {
      packageName: o.packageName,
      versionCode: o.versionCode,
    });
  }
  for (const line of describeFleet(fleet)) process.stdout.write(`${line}\n`);
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
