// Helpers for bench/run.ts: spawning the bundle the way a runner does, sampling its memory, and
// the inputs of the two operations the benchmark drives.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator/index.js';
import { BUNDLE, runAction, type ActionRun, type RunOptions } from '../test/support/run-action.js';

const DIST = join(BUNDLE, '..');

export const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Short ids on purpose: a runner passes inputs as environment variables, and Linux refuses any
 * single variable over 128 KiB (MAX_ARG_STRLEN), so 10,000 ids must stay under ~12 characters.
 */
export const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}`);

/** Token auth and endpoint of one emulator; poll-interval is left at the action's default (5s). */
export function connection(emulator: Emulator): Record<string, string> {
  return {
    endpoint: emulator.url,
    'project-id': emulator.options.projectId,
    'auth-token': emulator.options.token,
  };
}

export type Scenario = 'install-app' | 'push-shared-app';

/** Seeds a small package in the emulator's OBS (its KooPhone downloads it) and returns a pre-signed URL. */
export function apkUrl(emulator: Emulator): string {
  emulator.putObject('bench-bucket', 'apps/bench-1.0.0.apk', Buffer.alloc(1000, 1));
  return emulator.presignedUrl('bench-bucket', 'apps/bench-1.0.0.apk', 3600);
}

/** Inputs of an install-app (KooPhone instances) or push-shared-app (CPH servers) run on `count` targets. */
export function scenarioInputs(
  scenario: Scenario,
  emulator: Emulator,
  count: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  const common = { ...connection(emulator), 'package-name': 'com.example.bench', ...extra };
  if (scenario === 'install-app') {
    return {
      operation: 'install-app',
      instances: ids('i-', count).join(','),
      'apk-url': apkUrl(emulator),
      'version-name': '1.0.0',
      'apk-size-mb': '1',
      ...common,
    };
  }
  return {
    operation: 'push-shared-app',
    servers: ids('s-', count).join(','),
    'obs-bucket': 'bench-bucket',
    'obs-object': 'shared/bench-1.0.0.tar',
    ...common,
  };
}

export interface MeasuredRun extends ActionRun {
  /** Date.now() just before the spawn and when the process had exited and its pipes closed. */
  spawnedAt: number;
  exitedAt: number;
  /** Peak resident set (VmHWM) in bytes, sampled from /proc every 10 ms; undefined off Linux. */
  peakRss?: number;
}

/** runAction (test/support/run-action.ts: exactly how a runner spawns the bundle) plus timing and memory. */
export async function measuredRun(
  inputs: Record<string, string>,
  options: RunOptions & {
    /**
     * Default true. The sampler reads /proc every 10 ms on the thread that also runs the emulator,
     * so a comparison with a process it does not sample (curl) must turn it off.
     */
    sampleRss?: boolean;
  } = {},
): Promise<MeasuredRun> {
  let peakRss: number | undefined;
  let sampler: NodeJS.Timeout | undefined;
  const spawnedAt = Date.now();
  const run = await runAction(inputs, {
    timeoutMs: 120_000,
    ...options,
    onSpawn: (child) => {
      const sample = () => {
        const kb = readHwmKb(child.pid);
        if (kb !== undefined) peakRss = Math.max(peakRss ?? 0, kb * 1024);
      };
      if (options.sampleRss === false) return options.onSpawn?.(child);
      sample();
      sampler = setInterval(sample, 10);
      child.once('exit', () => clearInterval(sampler));
      options.onSpawn?.(child);
    },
  });
  clearInterval(sampler);
  return { ...run, spawnedAt, exitedAt: Date.now(), peakRss };
}

function readHwmKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The floor: `node -e 0`, spawned with the same stdio and a similar environment, to its exit. */
export function nodeFloor(): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => resolve(Date.now() - started));
  });
}

/** Size of the bundle file, and of every .js file in dist/ (lazily loaded chunks included). */
export function bundleSizes(): { main: number; total: number; chunks: number } {
  const js = readdirSync(DIST).filter((name) => name.endsWith('.js'));
  return {
    main: statSync(BUNDLE).size,
    total: js.reduce((sum, name) => sum + statSync(join(DIST, name)).size, 0),
    chunks: js.length - 1,
  };
}

export const bytes = (n: number | undefined): string =>
  n === undefined
    ? 'n/a'
    : n >= 1024 * 1024
      ? `${(n / 1024 / 1024).toFixed(1)} MiB`
      : n >= 1024
        ? `${(n / 1024).toFixed(0)} KiB`
        : `${n} B`;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
