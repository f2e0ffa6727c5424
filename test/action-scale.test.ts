// Scale behaviour of whole runs in process against the emulator, with 1,200 targets: every result
// present, outputs and summary inside GitHub's limits, annotations capped, requests in flight bounded
// by max-concurrency. The 10,000-target figures and every timing are in `npm run bench`, not here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { connection, ids, useEmulator, TIME_SCALE } from './support/fixture.js';
import { type ActionRun, type Result } from './support/run-action.js';
import { runActionInProcess } from './support/in-process.js';

const emulator = useEmulator({ timeScale: TIME_SCALE });

const COUNT = 1_200;
/** GitHub: 1 MiB for a step summary, 1 MB for one output. */
const SUMMARY_LIMIT = 1024 * 1024;
const OUTPUT_LIMIT = 1_000_000;

/** A small package in the emulator's OBS, which its KooPhone downloads (reset() empties OBS). */
function packageUrl(e: Emulator): string {
  e.putObject('scale-bucket', 'apps/scale-1.0.0.apk', Buffer.alloc(1000, 1));
  return e.presignedUrl('scale-bucket', 'apps/scale-1.0.0.apk', 3600);
}

function installInputs(instances: string[], extra: Record<string, string> = {}) {
  const e = emulator();
  return {
    operation: 'install-app',
    ...connection(e),
    instances: instances.join('\n'),
    'apk-url': packageUrl(e),
    'package-name': 'com.example.scale',
    'version-name': '1.0.0',
    'apk-size-mb': '1',
    ...extra,
  };
}

function pushInputs(servers: string[], extra: Record<string, string> = {}) {
  return {
    operation: 'push-shared-app',
    ...connection(emulator()),
    servers: servers.join(','),
    'package-name': 'com.example.scale',
    'obs-bucket': 'scale-bucket',
    'obs-object': 'shared/scale-1.0.0.tar',
    ...extra,
  };
}

function resultsFile(run: ActionRun): Result[] {
  return JSON.parse(readFileSync(run.outputs['results-file'] ?? '', 'utf8')) as Result[];
}

function expectWithinLimits(run: ActionRun): void {
  expect(Buffer.byteLength(run.summary)).toBeLessThan(SUMMARY_LIMIT);
  for (const [name, value] of Object.entries(run.outputs))
    expect(Buffer.byteLength(value), `output ${name}`).toBeLessThan(OUTPUT_LIMIT);
}

/** Every request waits a little in the emulator, as on a real gateway, so concurrency shows. */
const latency = () => emulator().addFault({ delayMs: 20 });

describe(`scale: ${COUNT} targets, whole runs`, () => {
  it('installs on 1,200 instances: all results, limits kept, annotations capped, 8 requests in flight at most', async () => {
    latency();
    const instances = ids('scale-inst-', COUNT);
    const failing = instances.filter((_, i) => i % 8 === 0);
    for (const id of failing)
      emulator().setOutcome(id, { status: 'failed', errorCode: 'INSTALL_FAILED_INSUFFICIENT_STORAGE' });

    const run = await runActionInProcess(installInputs(instances));

    expect(run.outputs.status).toBe('partial');
    expect(run.code).toBe(1);
    expect(run.outputs.succeeded).toBe(String(COUNT - failing.length));
    expect(run.outputs.failed).toBe(String(failing.length));
    expect(run.outputs['failed-targets']?.split(',')).toEqual(failing);
    const all = resultsFile(run);
    expect(all.map((r) => r.target)).toEqual(instances);
    // 1,200 results fit in one output: `results` holds them all, identical to the file.
    expect(JSON.parse(run.outputs.results ?? '[]')).toEqual(all);
    expect(JSON.parse(run.outputs['task-ids'] ?? '[]')).toHaveLength(COUNT / 100);
    expectWithinLimits(run);

    // Ten annotations, one line for the rest, and the step's own failure message.
    expect(run.errors.filter((l) => l.includes('INSTALL_FAILED_INSUFFICIENT_STORAGE'))).toHaveLength(10);
    expect(run.errors.some((l) => l.includes(`${failing.length - 10} more failed targets`))).toBe(true);
    expect(run.errors.length).toBeLessThanOrEqual(12);
    expect(run.summary).toContain(`### Not succeeded (${failing.length})`);
    expect(run.summary).toContain(`<details><summary>Succeeded (${COUNT - failing.length})</summary>`);

    const stats = emulator().stats();
    expect(stats.peakInFlight).toBeGreaterThan(1);
    expect(stats.peakInFlight).toBeLessThanOrEqual(8);
    expect(emulator().duplicateTargets()).toEqual([]);
  });

  it('pushes to 1,200 servers with max-concurrency 4: never more than 4 requests in flight', async () => {
    latency();
    const servers = ids('scale-srv-', COUNT);
    const run = await runActionInProcess(pushInputs(servers, { 'max-concurrency': '4' }));

    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(run.outputs.succeeded).toBe(String(COUNT));
    expect(resultsFile(run).map((r) => r.target)).toEqual(servers);
    expect(JSON.parse(run.outputs['request-ids'] ?? '[]')).toHaveLength(COUNT / 100);
    expectWithinLimits(run);
    expect(run.errors).toEqual([]);

    const stats = emulator().stats();
    expect(stats.peakInFlight).toBeGreaterThan(1);
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
  });

  it('trims `results` to the output limit with a warning when long errors would pass it; results-file keeps all', async () => {
    const servers = ids('scale-srv-', COUNT);
    // About 1.1 KB of three-byte characters per result: 1,200 of them are well over 1 MB.
    const message = `安装包校验失败 ${'服务器磁盘空间不足'.repeat(40)}`;
    for (const id of servers)
      emulator().setOutcome(id, {
        status: 'failed',
        errorCode: 'CPS.0003',
        errorMessage: `${id}: ${message}`,
      });

    const run = await runActionInProcess(pushInputs(servers, { 'fail-on': 'never' }));

    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('failed');
    const all = resultsFile(run);
    expect(all).toHaveLength(COUNT);
    expect(all.map((r) => r.target)).toEqual(servers);
    expect(all.every((r) => r.error_message === `${r.target}: ${message}`)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(all))).toBeGreaterThan(OUTPUT_LIMIT);

    const kept = JSON.parse(run.outputs.results ?? '[]') as Result[];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(COUNT);
    expect(kept).toEqual(all.slice(0, kept.length));
    expect(
      run.stdout
        .split('\n')
        .some((l) => l.startsWith('::warning') && l.includes(`'results' holds ${kept.length} of them`)),
    ).toBe(true);
    expect(run.outputs['failed-targets']?.split(',')).toEqual(servers);
    expectWithinLimits(run);
    expect(run.errors.length).toBeLessThanOrEqual(11);
    expect(run.summary).toContain(`### Not succeeded (${COUNT})`);
    expect(run.summary).toContain('more: see the results-file output');
  });
});
