// Part 5 of `npm run bench` (alone: `npm run bench -- --only upload`): the release path. A 512 MB
// APK goes to the emulator's OBS three ways, side by side in each round: one `curl -T` PUT of the
// file to a pre-signed URL (the floor: the bytes sent once, nothing else), the action's first
// upload (spawn to exit, install-app with wait: false, a fresh object key), and the action run
// again with the same APK and key (nothing to upload: a HEAD, a hash, a pre-signed URL).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { presignQuery } from '../src/obs/signature.js';
import { encodeKey } from '../src/obs/signature.js';
import { measuredRun, median, seconds, threadTimer, type ThreadTime } from './lib.js';
import type { ServerStats } from './upload-server.js';

const run = promisify(execFile);
const MB = 1024 * 1024;
const DEMO_APK = resolve(import.meta.dirname, '../test/fixtures/apk/demo.apk');
const BUCKET = 'bench-bucket';

/**
 * No memory sampling: it reads /proc every 10 ms on the emulator's thread, which is the bottleneck
 * of an upload here, and curl beside it is not sampled (the sampler alone made the action's
 * rounds about 0.5 s slower).
 */
const ACTION_RUN = { timeoutMs: 300_000, sampleRss: false };
/** The action uploads only files of the workspace: the APK's folder is the run's. */
const inWorkspace = (file: string) => ({ ...ACTION_RUN, env: { GITHUB_WORKSPACE: dirname(file) } });

type AddRow = (section: string, measure: string, result: string, goal?: string, met?: boolean) => void;

/** A real APK (the demo one) grown to about `megabytes` with a stored random asset, by Python's zipfile. */
async function bigApk(dir: string, megabytes: number): Promise<string> {
  const file = join(dir, 'release.apk');
  copyFileSync(DEMO_APK, file);
  const script = [
    'import os, zipfile',
    `with zipfile.ZipFile(${JSON.stringify(file)}, 'a', zipfile.ZIP_STORED) as z:`,
    `    with z.open('assets/big.bin', 'w', force_zip64=True) as f:`,
    `        for _ in range(${megabytes}): f.write(os.urandom(${MB}))`,
  ].join('\n');
  await run('python3', ['-c', script]);
  return file;
}

/** An emulator in a process of its own (bench/upload-server.ts). */
interface Server {
  url: string;
  options: { projectId: string; accessKey: string; secretKey: string };
  pid: number;
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

function startServer(): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'upload-server.ts')],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`the bench's emulator exited (${code})`)));
    });
  return next<Pick<Server, 'url' | 'options'>>().then(({ url, options }) => ({
    url,
    options,
    pid: child.pid!,
    stats: () => {
      const answer = next<ServerStats>();
      child.send('stats');
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  }));
}

/** One `curl -T` PUT of the file to a pre-signed URL of the emulator, spawn to exit. */
async function curlPut(e: Server, file: string, key: string): Promise<number> {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const query = presignQuery('PUT', BUCKET, key, expires, {
    accessKey: e.options.accessKey,
    secretKey: e.options.secretKey,
  });
  const url = `${e.url}/${BUCKET}/${encodeKey(key)}?${query}`;
  const started = Date.now();
  const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-T', file, url]);
  const elapsed = Date.now() - started;
  if (stdout.trim() !== '200') throw new Error(`curl -T answered HTTP ${stdout.trim()}`);
  return elapsed;
}

function actionInputs(e: Server, file: string, key: string): Record<string, string> {
  return {
    operation: 'install-app',
    endpoint: e.url,
    'project-id': e.options.projectId,
    'access-key': e.options.accessKey,
    'secret-key': e.options.secretKey,
    'obs-endpoint': e.url,
    'obs-bucket': BUCKET,
    'obs-object': key,
    'apk-path': file,
    instances: 'i-00001',
    wait: 'false',
  };
}

/**
 * Where the time of the emulator's thread went, medians: on a core, waiting for one (the client
 * beside it had both), idle (no bytes to read: the client starting, or finishing). The emulator
 * is the bottleneck of both uploads, so this splits the difference between them into the client's
 * start and end, its CPU, and the server's own extra work.
 */
function serverTime(curl: ThreadTime[], first: ThreadTime[]): string {
  if (curl.length === 0 || first.length === 0) return '';
  const split = (times: ThreadTime[]) =>
    (['running', 'waiting', 'idle'] as const).map((k) => seconds(median(times.map((t) => t[k])))).join(' / ');
  return `; the emulator's thread (on a core / waiting for one / idle): curl ${split(curl)}, first upload ${split(first)}`;
}

/**
 * `baseline`: another build of the action (e.g. `git show <commit>:dist/index.js > /tmp/old/index.js`)
 * whose first upload is measured in the same rounds, for a before/after figure. Each round rotates
 * the order of the runs. A difference of 0.1 s needs about 30 rounds to show above this machine's
 * noise (`--rounds 30`).
 */
export async function uploadBench(
  row: AddRow,
  rounds: number,
  log: (text: string) => void,
  baseline?: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-bench-upload-'));
  try {
    const file = await bigApk(dir, 512);
    const size = statSync(file).size;
    log(
      `\n5. Release path: a ${(size / MB).toFixed(0)} MiB APK, ${rounds} rounds of curl -T / first upload / re-run`,
    );
    const curl: number[] = [];
    const first: number[] = [];
    const again: number[] = [];
    const uploadLog: number[] = [];
    const md5sum: number[] = [];
    const before: number[] = [];
    // The emulator's thread during curl's runs and the first uploads: see serverTime.
    const curlServer: ThreadTime[] = [];
    const firstServer: ThreadTime[] = [];
    let rerunBytes = 0;
    let rerunRequests: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const e = await startServer();
      try {
        // Rotate which goes first, so that none always gets a cold page cache or an empty emulator.
        const measureCurl = async () => {
          const timer = threadTimer(e.pid);
          curl.push(await curlPut(e, file, `curl/${round}.apk`));
          if (timer) curlServer.push(timer());
        };
        const measureFirst = async () => {
          const timer = threadTimer(e.pid);
          const r = await measuredRun(actionInputs(e, file, `action/${round}.apk`), inWorkspace(file));
          if (timer) firstServer.push(timer());
          if (r.code !== 0 || !/Uploaded release\.apk/.test(r.stdout)) {
            throw new Error(`the first run failed (exit ${r.code}): ${r.stdout.slice(-2000)}${r.stderr}`);
          }
          first.push(r.exitedAt - r.spawnedAt);
          const ms = /Uploaded release\.apk to \S+ \(\d+ parts, (\d+) ms\)/.exec(r.stdout)?.[1];
          if (ms) uploadLog.push(Number(ms));
        };
        const measureBaseline = async () => {
          const b = await measuredRun(actionInputs(e, file, `baseline/${round}.apk`), {
            ...inWorkspace(file),
            bundle: baseline,
          });
          if (b.code !== 0)
            throw new Error(`the baseline run failed (exit ${b.code}): ${b.stdout.slice(-2000)}`);
          before.push(b.exitedAt - b.spawnedAt);
        };
        // A fresh emulator's first upload is slower, whoever sends it (20 rounds: curl 3.63 s first
        // against 3.40 s second, the action 4.50 s against 3.99 s), so the ratio swung with the order.
        // An unmeasured upload goes first.
        await curlPut(e, file, `warm-up/${round}.apk`);
        const order = baseline ? [measureCurl, measureFirst, measureBaseline] : [measureCurl, measureFirst];
        for (let k = 0; k < round % order.length; k++) order.push(order.shift()!);
        for (const measure of order) await measure();
        const statsBefore = await e.stats();
        const r = await measuredRun(actionInputs(e, file, `action/${round}.apk`), inWorkspace(file));
        if (r.code !== 0 || !/already in OBS, not uploaded/.test(r.stdout)) {
          throw new Error(`the re-run did not skip the upload (exit ${r.code}): ${r.stdout.slice(-2000)}`);
        }
        again.push(r.exitedAt - r.spawnedAt);
        // The re-run must hash the file to compare it: md5sum is the floor of that.
        const hashStarted = Date.now();
        await run('md5sum', [file]);
        md5sum.push(Date.now() - hashStarted);
        const statsAfter = await e.stats();
        rerunBytes = Math.max(rerunBytes, statsAfter.objectBytesReceived - statsBefore.objectBytesReceived);
        rerunRequests = statsAfter.obsMethods.slice(statsBefore.obsMethods.length);
        log(
          `  round ${round + 1}: curl -T ${seconds(curl.at(-1)!)}, first upload ${seconds(first.at(-1)!)}, re-run ${seconds(again.at(-1)!)}${baseline ? `, baseline ${seconds(before.at(-1)!)}` : ''}`,
        );
      } finally {
        await e.close();
      }
    }
    // Each round's pair runs back to back on one emulator, and curl alone varies by a third from
    // round to round on a shared VM (the host backs fresh memory at its own pace): the ratio is
    // taken per round, and its median is the figure.
    const ratios = first.map((ms, i) => ms / curl[i]!);
    const ratio = median(ratios);
    const label = `${(size / MB).toFixed(0)} MiB APK`;
    row(
      '5',
      `Release path, ${label}: the action's first upload (spawn to exit, wait: false) vs one \`curl -T\` PUT to the same emulator, in the same round (${rounds} rounds)`,
      `${ratio.toFixed(2)}x, median of the rounds' ratios (${ratios.map((r) => r.toFixed(2)).join(', ')}); medians ${seconds(median(first))} vs ${seconds(median(curl))}; the upload itself, from the action's log: ${seconds(median(uploadLog))}${serverTime(curlServer, firstServer)}${baseline ? `; the baseline build: ${seconds(median(before))}, ${median(before.map((ms, i) => ms / curl[i]!)).toFixed(2)}x` : ''}`,
      '<= 1.1x',
      ratio <= 1.1,
    );
    row(
      '5',
      `Release path, ${label}: re-run with the same APK (spawn to exit)`,
      `${seconds(median(again))} (\`md5sum\` of the file alone: ${seconds(median(md5sum))}); object bytes sent: ${rerunBytes}; OBS requests: ${rerunRequests.join(', ')}`,
      'no object bytes, < 2 s',
      rerunBytes === 0 && median(again) < 2000,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
