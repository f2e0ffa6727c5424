// Part 5 of `npm run bench` (alone: `npm run bench -- --only upload`): the release path. A 512 MiB
// APK goes to the emulator's OBS, which runs in a process of its own and receives at most a
// runner's uplink (100 MB/s, then 20 MB/s; bench/upload-server.ts). In each round, side by side,
// in an order that rotates: one `curl -T` PUT of the file to a pre-signed URL (the floor: the bytes
// sent once, nothing else), the action's first upload (spawn to exit, install-app with wait: false,
// a fresh object key), and Huawei's OBS SDK for Node (`uploadFile`, the action's part size and
// parts in flight; it sends no Content-MD5 and stores no MD5). On the first link, each round also
// runs the action again with the same APK and key (nothing to upload: a HEAD, a hash, a pre-signed
// URL). CPU time is the whole process's, every thread included: the action's (a preloaded module
// reads it at exit, bench/cpu-report.mjs), the SDK's (its own report), and `md5sum` plus curl's
// (GNU time).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { presignQuery } from '../src/obs/signature.js';
import { encodeKey } from '../src/obs/signature.js';
import { measuredRun, median, seconds } from './lib.js';
import type { ServerStats } from './upload-server.js';

const run = promisify(execFile);
const MB = 1024 * 1024;
const GiB = 1024 * MB;
const DEMO_APK = resolve(import.meta.dirname, '../test/fixtures/apk/demo.apk');
const BUCKET = 'bench-bucket';
/** A runner's uplink, in bytes per second (decimal megabytes, as links are sold); `--links 100,20`. */
const LINKS = [100e6, 20e6];
/** The action's part size and parts in flight (src/obs/multipart.ts; install-app takes up to 4). */
const PART_SIZE = 8 * MB;
const PARTS_IN_FLIGHT = 4;

/**
 * No memory sampling: it reads /proc every 10 ms, and curl and the SDK beside it are not sampled
 * (the sampler alone made the action's rounds about 0.5 s slower).
 */
const ACTION_RUN = { timeoutMs: 300_000, sampleRss: false };

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
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

function startServer(bytesPerSecond: number): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'upload-server.ts'), String(bytesPerSecond)],
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

/** Wall and CPU (user + system) milliseconds of one command, by GNU time. */
async function timed(
  dir: string,
  command: string,
  args: string[],
): Promise<{ ms: number; cpuMs: number; stdout: string }> {
  const report = join(dir, 'time.txt');
  const started = Date.now();
  const { stdout } = await run('/usr/bin/time', ['-f', '%U %S', '-o', report, command, ...args]);
  const ms = Date.now() - started;
  const [user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { ms, cpuMs: ((user ?? NaN) + (system ?? NaN)) * 1000, stdout };
}

/** One `curl -T` PUT of the file to a pre-signed URL of the emulator, spawn to exit. */
async function curlPut(e: Server, dir: string, file: string, key: string) {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const query = presignQuery('PUT', BUCKET, key, expires, {
    accessKey: e.options.accessKey,
    secretKey: e.options.secretKey,
  });
  const url = `${e.url}/${BUCKET}/${encodeKey(key)}?${query}`;
  const put = await timed(dir, 'curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-T', file, url]);
  if (put.stdout.trim() !== '200') throw new Error(`curl -T answered HTTP ${put.stdout.trim()}`);
  return put;
}

/** The SDK's uploadFile in a process of its own (bench/sdk-upload.mjs), spawn to exit. */
async function sdkUpload(e: Server, file: string, key: string) {
  const script = join(import.meta.dirname, 'sdk-upload.mjs');
  const { accessKey, secretKey } = e.options;
  const args = [
    script,
    e.url,
    accessKey,
    secretKey,
    BUCKET,
    key,
    file,
    String(PART_SIZE),
    String(PARTS_IN_FLIGHT),
  ];
  const started = Date.now();
  const { stdout } = await run(process.execPath, args);
  const ms = Date.now() - started;
  const answer = JSON.parse(stdout) as { ms: number; cpu: { user: number; system: number } };
  return { ms, uploadMs: answer.ms, cpuMs: (answer.cpu.user + answer.cpu.system) / 1000 };
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

/** The action's run, with the CPU time of its process (bench/cpu-report.mjs). */
async function actionRun(dir: string, inputs: Record<string, string>, bundle?: string) {
  const cpuFile = join(dir, 'cpu.json');
  rmSync(cpuFile, { force: true });
  const env = {
    NODE_OPTIONS: `--import ${pathToFileURL(join(import.meta.dirname, 'cpu-report.mjs')).href}`,
    CPD_BENCH_CPU_FILE: cpuFile,
    // The action uploads only files of the workspace: the APK's folder is the run's.
    GITHUB_WORKSPACE: dirname(inputs['apk-path'] ?? ''),
  };
  const r = await measuredRun(inputs, { ...ACTION_RUN, env, ...(bundle ? { bundle } : {}) });
  rmSync(r.dir ?? '', { recursive: true, force: true });
  const cpu = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
  return { ...r, ms: r.exitedAt - r.spawnedAt, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Figures of one link, one entry per round. */
interface LinkFigures {
  curl: number[];
  first: number[];
  sdk: number[];
  /** The upload alone: from the action's log, and the SDK's uploadFile call. */
  firstUpload: number[];
  sdkUpload: number[];
  baseline: number[];
  cpu: { first: number[]; sdk: number[]; curl: number[] };
}

const ratios = (a: number[], b: number[]) => a.map((ms, i) => ms / b[i]!);
const list = (values: number[]) => values.map((r) => r.toFixed(2)).join(', ');
const perGiB = (ms: number, size: number) => (ms / 1000 / (size / GiB)).toFixed(2);
const mbps = (rate: number) => `${rate / 1e6} MB/s`;

/**
 * `baseline`: another build of the action (e.g. `git archive <commit> dist | tar -x -C /tmp/old`,
 * then `/tmp/old/dist/index.js`) whose first upload is measured in the same rounds, for a
 * before/after figure.
 */
export async function uploadBench(
  row: AddRow,
  rounds: number,
  log: (text: string) => void,
  baseline?: string,
  links: number[] = LINKS,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cpd-bench-upload-'));
  try {
    const file = await bigApk(dir, 512);
    const size = statSync(file).size;
    const label = `${(size / MB).toFixed(0)} MiB APK`;
    log(`\n5. Release path: a ${label}, ${rounds} rounds at each link of curl -T / first upload / SDK`);
    const again: number[] = [];
    const md5sum: number[] = [];
    const md5sumCpu: number[] = [];
    let rerunBytes = 0;
    let rerunRequests: string[] = [];
    const figures = new Map<number, LinkFigures>();
    for (const link of links) {
      const f: LinkFigures = {
        curl: [],
        first: [],
        sdk: [],
        firstUpload: [],
        sdkUpload: [],
        baseline: [],
        cpu: { first: [], sdk: [], curl: [] },
      };
      figures.set(link, f);
      for (let round = 0; round < rounds; round++) {
        const e = await startServer(link);
        try {
          const measureCurl = async () => {
            const put = await curlPut(e, dir, file, `curl/${round}.apk`);
            f.curl.push(put.ms);
            f.cpu.curl.push(put.cpuMs);
          };
          const measureFirst = async () => {
            const r = await actionRun(dir, actionInputs(e, file, `action/${round}.apk`));
            if (r.code !== 0 || !/Uploaded release\.apk/.test(r.stdout)) {
              throw new Error(`the first run failed (exit ${r.code}): ${r.stdout.slice(-2000)}${r.stderr}`);
            }
            f.first.push(r.ms);
            f.cpu.first.push(r.cpuMs);
            const ms = /Uploaded release\.apk to \S+ \(\d+ parts, (\d+) ms\)/.exec(r.stdout)?.[1];
            if (ms) f.firstUpload.push(Number(ms));
          };
          const measureSdk = async () => {
            const s = await sdkUpload(e, file, `sdk/${round}.apk`);
            f.sdk.push(s.ms);
            f.sdkUpload.push(s.uploadMs);
            f.cpu.sdk.push(s.cpuMs);
          };
          const measureBaseline = async () => {
            const b = await actionRun(dir, actionInputs(e, file, `baseline/${round}.apk`), baseline);
            if (b.code !== 0)
              throw new Error(`the baseline run failed (exit ${b.code}): ${b.stdout.slice(-2000)}`);
            f.baseline.push(b.ms);
          };
          // A fresh emulator's first upload is slower, whoever sends it: unmeasured ones go first. Its
          // first multipart upload is slower too (about 40 ms, against 20 ms between the action and the
          // SDK), and a PUT does not warm that path: without the SDK's upload here, the rotation made the
          // action the first multipart upload in two rounds of three.
          await curlPut(e, dir, file, `warm-up/${round}.apk`);
          await sdkUpload(e, file, `warm-up/multipart-${round}.apk`);
          const order = [measureCurl, measureFirst, measureSdk, ...(baseline ? [measureBaseline] : [])];
          for (let k = 0; k < round % order.length; k++) order.push(order.shift()!);
          for (const measure of order) await measure();
          if (link === links[0]) {
            const statsBefore = await e.stats();
            const r = await actionRun(dir, actionInputs(e, file, `action/${round}.apk`));
            if (r.code !== 0 || !/already in OBS, not uploaded/.test(r.stdout)) {
              throw new Error(
                `the re-run did not skip the upload (exit ${r.code}): ${r.stdout.slice(-2000)}`,
              );
            }
            again.push(r.ms);
            // The re-run must hash the file to compare it: md5sum is the floor of that.
            const hash = await timed(dir, 'md5sum', [file]);
            md5sum.push(hash.ms);
            md5sumCpu.push(hash.cpuMs);
            const statsAfter = await e.stats();
            rerunBytes = Math.max(
              rerunBytes,
              statsAfter.objectBytesReceived - statsBefore.objectBytesReceived,
            );
            rerunRequests = statsAfter.obsMethods.slice(statsBefore.obsMethods.length);
          }
          log(
            `  ${mbps(link)}, round ${round + 1}: curl -T ${seconds(f.curl.at(-1)!)}, first upload ${seconds(f.first.at(-1)!)}, SDK ${seconds(f.sdk.at(-1)!)}${baseline ? `, baseline ${seconds(f.baseline.at(-1)!)}` : ''}`,
          );
        } finally {
          await e.close();
        }
      }
    }
    // The runs of a round share one emulator and follow each other, and curl alone varies from
    // round to round on a shared VM: ratios are taken per round, and their median is the figure.
    for (const [link, f] of figures) {
      const toCurl = ratios(f.first, f.curl);
      row(
        '5',
        `Release path, ${label}, link ${mbps(link)}: the action's first upload (spawn to exit, wait: false) vs one \`curl -T\` PUT to the same emulator, in the same round (${rounds} rounds)`,
        `${median(toCurl).toFixed(3)}x, median of the rounds' ratios (${list(toCurl)}); medians ${seconds(median(f.first))} vs ${seconds(median(f.curl))}; the upload itself, from the action's log: ${seconds(median(f.firstUpload))}`,
        '<= 1.05x',
        median(toCurl) <= 1.05,
      );
      const toSdk = ratios(f.first, f.sdk);
      row(
        '5',
        `Release path, ${label}, link ${mbps(link)}: the action's first upload vs the OBS SDK's \`uploadFile\` (esdk-obs-nodejs, ${PART_SIZE / MB} MiB parts, ${PARTS_IN_FLIGHT} in flight), both spawn to exit`,
        `${median(toSdk).toFixed(3)}x, median of the rounds' ratios (${list(toSdk)}); medians ${seconds(median(f.first))} vs ${seconds(median(f.sdk))}; the upload alone: ${seconds(median(f.firstUpload))} vs ${seconds(median(f.sdkUpload))} (uploadFile call)`,
        '<= 1.00x',
        median(toSdk) <= 1,
      );
      if (baseline) {
        const toBaseline = ratios(f.first, f.baseline);
        row(
          '5',
          `Release path, ${label}, link ${mbps(link)}: this build's first upload vs the baseline build's, in the same round`,
          `${median(toBaseline).toFixed(3)}x (${list(toBaseline)}); medians ${seconds(median(f.first))} vs ${seconds(median(f.baseline))}`,
        );
      }
    }
    const cpuRow = (what: string, pick: (f: LinkFigures) => number[], extra = '') =>
      row(
        '5',
        `CPU per GiB uploaded, ${what} (user + system, whole process)`,
        [...figures].map(([link, f]) => `${perGiB(median(pick(f)), size)} s at ${mbps(link)}`).join(', ') +
          extra,
      );
    cpuRow("the action's first upload (install-app, spawn to exit)", (f) => f.cpu.first);
    cpuRow('the OBS SDK `uploadFile`', (f) => f.cpu.sdk);
    cpuRow(
      '`md5sum` + `curl -T`',
      (f) => f.cpu.curl.map((ms) => ms + median(md5sumCpu)),
      ` (md5sum alone ${perGiB(median(md5sumCpu), size)} s)`,
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
