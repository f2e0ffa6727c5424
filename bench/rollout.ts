// `npx tsx bench/rollout.ts [--runs N] [--smoke]`: the fleet-rollout row of BENCHMARKS.md, on its own (the
// full `npm run bench` takes 8 minutes). 2,000 CPH phones (200 servers of 10) selected by tag, install-app
// with `waves: 1%, 10%, 100%` and `verify: true` (with --smoke also `smoke: true`), every request delayed
// 50 ms in the emulator. Prints requests per target by purpose, time above the jobs (and the smoke waits)
// and the action's peak RSS (median of the runs).
// Needs `npm run build` first: it spawns dist/index.js as a runner does.
import { startEmulator, type RecordedRequest } from '../emulator/index.js';
import { bytes, connection, measuredRun, median, seconds } from './lib.js';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const SERVERS = 200;
const PHONES_PER_SERVER = 10;
const TARGETS = SERVERS * PHONES_PER_SERVER;
const LATENCY_MS = 50;
const JOB_MS = 4_000;
const POLL_MS = 5_000;
const SMOKE = process.argv.includes('--smoke');
const SMOKE_MS = 10_000;
const WAVES = 3;
/**
 * Each wave has an install phase and a verify phase, and with smoke a launch and a process check, each
 * waited for by polling (no crash log read: every app stays up).
 */
const PHASES = WAVES * (SMOKE ? 4 : 2);

type Purpose = 'selection' | 'install' | 'verification' | 'smoke';

/**
 * Requests by purpose. The action runs the phases of a wave one after another (submit installs, poll
 * them, submit the version queries, poll them), so every ListJobs belongs to the last submit's purpose.
 */
function byPurpose(requests: RecordedRequest[]): Record<Purpose, number> {
  const counts: Record<Purpose, number> = { selection: 0, install: 0, verification: 0, smoke: 0 };
  let current: Purpose = 'install';
  for (const r of [...requests].sort((a, b) => a.seq - b.seq)) {
    if (/\/resource_instances\/action$|\/cloud-phone\/(phones|servers)$/.test(r.path)) {
      counts.selection++;
      continue;
    }
    if (r.path.endsWith('/phones/commands')) {
      const { command, content } = r.body as { command?: string; content?: string };
      current =
        command === 'install'
          ? 'install'
          : /^(monkey|pidof|logcat) /.test(content ?? '')
            ? 'smoke'
            : 'verification';
    }
    if (r.path.endsWith('/phones/commands') || r.path.endsWith('/jobs')) counts[current]++;
  }
  return counts;
}

const results: Array<{ over: number; rss: number; purposes: Record<Purpose, number>; total: number }> = [];
for (let i = 0; i < RUNS; i++) {
  const e = await startEmulator({ jobDurationMs: JOB_MS });
  try {
    e.fleet.addServers(
      Array.from({ length: SERVERS }, (_, s) => ({
        id: `srv-${s}`,
        tags: { fleet: 'bench' },
        phones: PHONES_PER_SERVER,
      })),
    );
    // Servers of another fleet, so the tag query has something to leave out.
    e.fleet.addServers([{ id: 'srv-other', tags: { fleet: 'other' }, phones: PHONES_PER_SERVER }]);
    e.putObject('bench-bucket', 'apps/bench.apk', Buffer.alloc(1000, 1));
    e.fleet.describeObject('bench-bucket', 'apps/bench.apk', {
      packageName: 'com.example.bench',
      versionCode: 7,
    });
    e.addFault({ delayMs: LATENCY_MS });
    const run = await measuredRun(
      {
        operation: 'install-app',
        ...connection(e),
        'server-tags': 'fleet=bench',
        'obs-bucket': 'bench-bucket',
        'obs-object': 'apps/bench.apk',
        'package-name': 'com.example.bench',
        'version-code': '7',
        waves: '1%, 10%, 100%',
        verify: 'true',
        ...(SMOKE ? { smoke: 'true', 'smoke-duration': `${SMOKE_MS / 1000}s` } : {}),
      },
      { timeoutMs: 400_000 },
    );
    if (run.code !== 0 || run.outputs.status !== 'succeeded')
      throw new Error(
        `rollout run did not succeed (exit ${run.code}):\n${run.stdout.slice(-3000)}\n${run.stderr}`,
      );
    const rows = JSON.parse(run.outputs.results ?? '[]') as Array<{
      installed_version_code?: string;
      smoke?: string;
    }>;
    const verified = rows.filter((r) => r.installed_version_code === '7').length;
    const smoked = rows.filter((r) => r.smoke === 'passed').length;
    if (SMOKE && smoked !== TARGETS) throw new Error(`only ${smoked} smoke checks passed`);
    if (run.outputs.targets !== undefined && (JSON.parse(run.outputs.targets) as string[]).length !== TARGETS)
      throw new Error('the selection did not find every phone');
    const purposes = byPurpose(e.requests);
    results.push({
      // Each phase waits one poll interval (the 4 s jobs end before the first poll at 5 s).
      over: run.exitedAt - run.spawnedAt - PHASES * POLL_MS - (SMOKE ? WAVES * SMOKE_MS : 0),
      rss: run.peakRss ?? NaN,
      purposes,
      total: e.requests.length,
    });
    console.error(
      `run ${i + 1}: ${seconds(run.exitedAt - run.spawnedAt)} total, ${e.requests.length} requests, ${verified} verified${SMOKE ? `, ${smoked} smoke-checked` : ''} in results, peak RSS ${bytes(run.peakRss)}`,
    );
  } finally {
    await e.close();
  }
}

const per = (p: Purpose) => median(results.map((r) => r.purposes[p]));
const perTarget = (n: number) => (n / TARGETS).toFixed(3);
console.log(
  [
    `Rollout: ${TARGETS.toLocaleString('en-US')} phones by tag, waves 1%, 10%, 100%, verify${SMOKE ? `, smoke (${SMOKE_MS / 1000} s)` : ''} (${LATENCY_MS} ms per request, ${JOB_MS / 1000} s jobs, poll ${POLL_MS / 1000} s), median of ${RUNS}:`,
    `  requests: selection ${per('selection')} (${perTarget(per('selection'))}/target), install ${per('install')} (${perTarget(per('install'))}/target), verification ${per('verification')} (${perTarget(per('verification'))}/target)${SMOKE ? `, smoke ${per('smoke')} (${perTarget(per('smoke'))}/target)` : ''}, total ${median(results.map((r) => r.total))}`,
    `  time above the ${PHASES} waits of one poll interval${SMOKE ? ` and the ${WAVES} smoke waits` : ''}: ${seconds(median(results.map((r) => r.over)))}`,
    `  peak RSS: ${bytes(median(results.map((r) => r.rss)))}`,
  ].join('\n'),
);
