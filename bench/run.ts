// `npm run bench [-- --quick] [-- --no-write]`: measures the bundled action (dist/index.js, spawned
// as a runner spawns it) against the emulator and prints one table; a full run also rewrites the
// table in BENCHMARKS.md. Every figure is a median of several runs; comparisons are measured side by
// side in the same run. See BENCHMARKS.md for what each row means.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index.js';
import {
  bundleSizes,
  bytes,
  measuredRun,
  median,
  nodeFloor,
  scenarioInputs,
  seconds,
  sleep,
  type MeasuredRun,
  type Scenario,
} from './lib.js';
import { naivePoller } from './naive.js';
import { uploadBench } from './upload.js';

// The runs' files (outputs, summaries, results files, the 512 MiB APK) go under one directory of the
// temp directory, removed when the benchmark exits however it ends.
const temp = mkdtempSync(join(tmpdir(), 'cpd-bench-'));
process.env.TMPDIR = temp;
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
/** `--only startup` (or requests, notice, scale, upload): one part, for iterating; never written to BENCHMARKS.md. */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const write = !quick && !only && !args.has('--no-write');
const part = (name: string) => only === undefined || only === name;
const DEFAULT_INTERVAL_MS = 5_000; // the poll-interval input's default: the bench never sets it

interface Row {
  section: string;
  measure: string;
  result: string;
  goal: string;
  met: boolean | undefined;
}
const rows: Row[] = [];
const row = (section: string, measure: string, result: string, goal = '', met?: boolean) => {
  rows.push({ section, measure, result, goal, met });
  console.error(`  ${measure}: ${result}${goal ? ` (goal ${goal}: ${met ? 'met' : 'MISSED'})` : ''}`);
};
const log = (text: string) => console.error(text);
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${Math.round(n)} ms`;

/** Runs `fn` against a fresh emulator of its own, closed afterwards. */
async function withEmulator<T>(jobDurationMs: number, fn: (e: Emulator) => Promise<T>): Promise<T> {
  const e = await startEmulator({ jobDurationMs });
  try {
    return await fn(e);
  } finally {
    await e.close();
  }
}

// 1. Start-up -------------------------------------------------------------------------------------

async function startup(): Promise<void> {
  const reps = quick ? 5 : 15;
  log(`\n1. Start-up: ${reps} interleaved rounds of node -e 0, a real run to its first request, a dry run`);
  await withEmulator(60_000, (e) => startupRounds(e, reps));
}

async function startupRounds(e: Emulator, reps: number): Promise<void> {
  const floor: number[] = [];
  const firstRequest: number[] = [];
  const dryExit: number[] = [];
  for (let i = -2; i < reps; i++) {
    // Two warm-up rounds fill the page cache; then the three kinds take turns leading the round.
    const kinds = ['floor', 'first', 'dry'];
    for (let k = 0; k < (i < 0 ? 0 : i % 3); k++) kinds.push(kinds.shift()!);
    for (const kind of kinds) {
      if (kind === 'floor') {
        const t = await nodeFloor();
        if (i >= 0) floor.push(t);
      } else if (kind === 'first') {
        e.reset();
        const run = await measuredRun(scenarioInputs('install-app', e, 1, { wait: 'false' }));
        const first = e.requests[0];
        if (run.code !== 0 || !first) throw new Error(`start-up run failed:\n${run.stdout}\n${run.stderr}`);
        if (i >= 0) firstRequest.push(first.time - run.spawnedAt);
      } else {
        const run = await measuredRun(scenarioInputs('install-app', e, 1, { 'dry-run': 'true' }));
        if (run.code !== 0) throw new Error(`dry run failed:\n${run.stdout}\n${run.stderr}`);
        if (i >= 0) dryExit.push(run.exitedAt - run.spawnedAt);
      }
    }
  }
  const f = median(floor);
  const paired = (values: number[]) => median(values.map((v, i) => v - floor[i]!));
  const aboveFirst = paired(firstRequest);
  const aboveDry = paired(dryExit);
  row(
    '1',
    `Start-up: spawn to first request (floor: \`node -e 0\` to exit, ${ms(f)})`,
    `${ms(median(firstRequest))}, +${ms(aboveFirst)} above the floor`,
    '<= +300 ms',
    aboveFirst <= 300,
  );
  row(
    '1',
    'Start-up: spawn to exit, `dry-run: true`',
    `${ms(median(dryExit))}, +${ms(aboveDry)} above the floor`,
    '<= +300 ms',
    aboveDry <= 300,
  );
  const size = bundleSizes();
  row(
    '1',
    'Bundle size',
    `dist/index.js ${bytes(size.main)}` +
      (size.chunks ? `; ${size.chunks} lazily loaded chunk(s), ${bytes(size.total - size.main)}` : ''),
  );
}

// 2. Requests -------------------------------------------------------------------------------------

const SCENARIOS: Array<{ scenario: Scenario; label: string }> = [
  { scenario: 'install-app', label: 'instances, install-app' },
  { scenario: 'push-shared-app', label: 'servers, push-shared-app' },
];

async function requests(): Promise<void> {
  const reps = quick ? 1 : 3;
  const count = 1_000;
  const jobMs = 20_000;
  log(
    `\n2. Requests: ${fmt(count)} targets, ${jobMs / 1000} s jobs, poll-interval 5s; ${reps} run(s) side by side with a naive poller`,
  );
  for (const { scenario, label } of SCENARIOS) {
    const ours: number[] = [];
    const naive: number[] = [];
    let rounds = 0;
    for (let r = 0; r < reps; r++) {
      const [mine, theirs] = await Promise.all([
        withEmulator(jobMs, async (e) => {
          const run = await measuredRun(scenarioInputs(scenario, e, count));
          check(run, `${scenario} requests run`);
          return e.stats().requests;
        }),
        withEmulator(jobMs, (e) => naivePoller(scenario, e, count, DEFAULT_INTERVAL_MS)),
      ]);
      ours.push(mine);
      naive.push(theirs.requests);
      rounds = theirs.rounds;
    }
    const ratio = median(naive) / median(ours);
    row(
      '2',
      `Requests: ${fmt(count)} ${label}, ${jobMs / 1000} s jobs`,
      `${fmt(median(ours))} vs ${fmt(median(naive))} for a per-job poller (${rounds} rounds): ${ratio.toFixed(0)}x fewer`,
      '>= 50x fewer',
      ratio >= 50,
    );
  }
}

// 3. Noticing the end -----------------------------------------------------------------------------

interface NoticeRun {
  durationMs: number;
  delayMs: number;
}

/**
 * Starts `runs` actions per duration at once, each against its own emulator. A run's jobs take the
 * nominal duration plus an offset. The offsets are spread evenly over a window that is a whole
 * number of poll gaps (one 5 s interval for short jobs; 30 s for 5-minute jobs, when the gap may have
 * grown to 10 or 15 s), so the last job ends at every phase of the poll schedule, as random finish
 * times would, and the median is not the luck of a few draws.
 */
function startNotice(durations: number[], runs: number): Promise<NoticeRun[]> {
  const all: Promise<NoticeRun>[] = [];
  for (const duration of durations) {
    for (let i = 0; i < runs; i++) {
      const window = duration <= 60_000 ? DEFAULT_INTERVAL_MS : 30_000;
      const offset = Math.round((window * (i + 0.5)) / runs);
      const scenario: Scenario = i % 2 ? 'push-shared-app' : 'install-app';
      all.push(
        withEmulator(duration + offset, async (e) => {
          const run = await measuredRun(scenarioInputs(scenario, e, 20), { timeoutMs: duration + 120_000 });
          check(run, `${scenario} notice run`);
          const last = e.lastJobFinishedAt();
          if (last === undefined) throw new Error('jobs still running after the action exited');
          return { durationMs: duration, delayMs: run.exitedAt - last };
        }),
      );
    }
  }
  return Promise.all(all);
}

function reportNotice(results: NoticeRun[], durations: number[]): void {
  for (const duration of durations) {
    const delays = results.filter((r) => r.durationMs === duration).map((r) => r.delayMs);
    const label = duration >= 60_000 ? `${duration / 60_000} min` : `${duration / 1000} s`;
    const goal = duration <= 60_000 ? 3_000 : 15_000;
    const m = median(delays);
    row(
      '3',
      `Noticing the end: ${label} jobs, last job done to exit (${delays.length} runs)`,
      `median ${seconds(m)} (min ${seconds(Math.min(...delays))}, max ${seconds(Math.max(...delays))})`,
      `median < ${goal / 1000} s`,
      m < goal,
    );
  }
}

// 4. Scale ----------------------------------------------------------------------------------------

/**
 * The emulator answers at once; a real gateway takes tens of milliseconds. Without a delay, requests
 * never overlap (the emulator finishes each before the next arrives) and concurrency would not show.
 */
const LATENCY_MS = 50;

async function scale(reps: number): Promise<void> {
  const count = 10_000;
  const jobMs = 10_000;
  log(
    `\n4. Scale: ${fmt(count)} targets, ${jobMs / 1000} s jobs, ${LATENCY_MS} ms latency per request, ${reps} run(s) per setting`,
  );
  for (const { scenario, label } of SCENARIOS) {
    for (const concurrency of [8, 32]) {
      const runs: Array<{ run: MeasuredRun; peak: number; requests: number }> = [];
      for (let r = 0; r < reps; r++) {
        const extra: Record<string, string> =
          concurrency === 8 ? {} : { 'max-concurrency': String(concurrency) };
        runs.push(
          await withEmulator(jobMs, async (e) => {
            e.addFault({ delayMs: LATENCY_MS });
            const run = await measuredRun(scenarioInputs(scenario, e, count, extra));
            check(run, `${scenario} scale run`);
            return { run, peak: e.stats().peakInFlight, requests: e.stats().requests };
          }),
        );
      }
      const peak = Math.max(...runs.map((r) => r.peak));
      const setting = concurrency === 8 ? 'max-concurrency 8 (default)' : `max-concurrency ${concurrency}`;
      if (concurrency === 8) {
        const over = median(runs.map(({ run }) => run.exitedAt - run.spawnedAt - jobMs));
        const rss = median(runs.map(({ run }) => run.peakRss ?? NaN));
        row(
          '4',
          `Scale: ${fmt(count)} ${label}: wall time above the ${jobMs / 1000} s jobs (${LATENCY_MS} ms per request)`,
          seconds(over),
          '< 5 s',
          over < 5_000,
        );
        row(
          '4',
          `Scale: ${fmt(count)} ${label}: peak RSS of the action`,
          bytes(rss),
          '< 150 MB',
          rss < 150e6,
        );
        const { run } = runs[0]!;
        const largest = Object.entries(run.outputs).sort(
          (a, b) => Buffer.byteLength(b[1]) - Buffer.byteLength(a[1]),
        )[0]!;
        const file = JSON.parse(readFileSync(run.outputs['results-file'] ?? '', 'utf8')) as unknown[];
        const inResults = (JSON.parse(run.outputs.results ?? '[]') as unknown[]).length;
        const summary = Buffer.byteLength(run.summary);
        const largestBytes = Buffer.byteLength(largest[1]);
        const sizesOk = summary < 1024 * 1024 && largestBytes < 1_000_000 && file.length === count;
        row(
          '4',
          `Scale: ${fmt(count)} ${label}: summary, outputs, annotations`,
          `summary ${bytes(summary)}; largest output \`${largest[0]}\` ${bytes(largestBytes)} (${fmt(inResults)} records, all ${fmt(file.length)} in results-file); ${run.errors.length} ::error lines; ${fmt(median(runs.map((r) => r.requests)))} requests`,
          'summary < 1 MiB, outputs < 1 MB',
          sizesOk,
        );
      }
      row(
        '4',
        `Scale: ${fmt(count)} ${label}: peak requests in flight, ${setting}`,
        String(peak),
        `<= ${concurrency}`,
        peak <= concurrency,
      );
    }
  }
}

function check(run: MeasuredRun, what: string): void {
  if (run.code !== 0 || run.outputs.status !== 'succeeded')
    throw new Error(`${what} did not succeed (exit ${run.code}):\n${run.stdout.slice(-3000)}\n${run.stderr}`);
}

// Table -------------------------------------------------------------------------------------------

function table(): string {
  const head = ['#', 'Measure', 'Result', 'Goal', 'Met'];
  const body = rows.map((r) => [
    r.section,
    r.measure,
    r.result,
    r.goal,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

function machine(): string {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `${cpus().length} cores (nproc), ${model.trim()}, Node.js ${process.version}, ${process.platform}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function writeBenchmarks(text: string, started: number): void {
  const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');
  const doc = safeRead(file);
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    log(`BENCHMARKS.md has no ${begin} ... ${end} block: not updated`);
    return;
  }
  const block = [
    begin,
    '',
    `Measured on ${new Date(started).toISOString().slice(0, 10)}: ${machine()}. Full run (\`npm run bench\`), ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    text,
    '',
    end,
  ].join('\n');
  writeFileSync(file, doc.slice(0, from) + block + doc.slice(to + end.length));
  log('BENCHMARKS.md updated');
}

// Main --------------------------------------------------------------------------------------------

const started = Date.now();
log(`Benchmark of ${join('dist', 'index.js')}${quick ? ' (quick)' : ''} on ${machine()}`);
if (part('startup')) await startup();
if (part('requests')) await requests();
const durations = quick ? [10_000, 60_000] : [10_000, 60_000, 300_000];
const noticeRuns = quick ? 5 : 9;
let notice: Promise<NoticeRun[]> | undefined;
const noticeStarted = Date.now();
if (part('notice')) {
  log(
    `\n3. Noticing the end: ${noticeRuns} runs per duration (${durations.map((d) => d / 1000 + ' s').join(', ')}), all started together`,
  );
  notice = startNotice(durations, noticeRuns);
  // The 5-minute runs mostly wait. Once the 10 s and 60 s runs have ended, the scale part runs in
  // that time, and it is over well before the 5-minute jobs end (checked below).
  if (part('scale')) await sleep(Math.max(0, 75_000 - (Date.now() - noticeStarted)));
}
if (part('scale')) await scale(quick ? 1 : 3);
const scaleEnded = Date.now() - noticeStarted;
if (notice && durations.includes(300_000) && scaleEnded > 290_000)
  log(
    `warning: the scale part ended ${Math.round(scaleEnded / 1000)} s in, overlapping the end of the 5-minute runs`,
  );
if (notice) reportNotice(await notice, durations);
// After the others: the 512 MB upload would disturb their timings if it ran beside them.
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
const roundsAt = process.argv.indexOf('--rounds');
const uploadRounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : quick ? 1 : 5;
if (!Number.isInteger(uploadRounds) || uploadRounds < 1)
  throw new Error('--rounds takes a whole number of rounds');
const linksAt = process.argv.indexOf('--links');
const links = linksAt > 0 ? process.argv[linksAt + 1]!.split(',').map((mb) => Number(mb) * 1e6) : undefined;
if (links?.some((rate) => !(rate > 0))) throw new Error('--links takes rates in MB/s, e.g. 100,20');
if (part('upload')) await uploadBench(row, uploadRounds, log, baseline, links);

// Rows in section order: the notice rows were added after the scale rows.
rows.sort((a, b) => a.section.localeCompare(b.section));
const text = table();
console.log(`\n${text}\n`);
console.log(`Machine: ${machine()}. Total time ${Math.round((Date.now() - started) / 1000)} s.`);
if (write) writeBenchmarks(text, started);
