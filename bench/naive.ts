// The comparison for "Requests": a poller that submits like the action (same calls, same batch
// sizes) but then asks for every job separately at the same interval, the way a per-job status
// loop would: KooPhone GetTask once per instance job, CPH ShowJob (GET /jobs/{job_id}) per job.
// It talks to its own emulator, whose request counter gives the measured total.
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator/index.js';
import { apkUrl, ids, sleep, type Scenario } from './lib.js';

interface PendingJob {
  path: string;
  jobId: string;
  done: boolean;
}

async function call(
  emulator: Emulator,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(emulator.url + path, {
    method,
    headers: {
      'X-Auth-Token': emulator.options.token,
      'x-request-id': randomUUID().replace(/-/g, ''),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Submits `count` targets in calls of 100, then polls each job on its own every `intervalMs`. */
export async function naivePoller(
  scenario: Scenario,
  emulator: Emulator,
  count: number,
  intervalMs: number,
  concurrency = 8,
): Promise<{ requests: number; rounds: number }> {
  const cphBase = `/v1/${emulator.options.projectId}/cloud-phone`;
  const targets = scenario === 'install-app' ? ids('i-', count) : ids('s-', count);
  const batches: string[][] = [];
  for (let i = 0; i < targets.length; i += 100) batches.push(targets.slice(i, i + 100));

  const url = scenario === 'install-app' ? apkUrl(emulator) : '';
  const jobs: PendingJob[] = [];
  await mapLimit(batches, concurrency, async (batch) => {
    if (scenario === 'install-app') {
      const answer = await call(emulator, 'POST', '/v1/instances/app/install', {
        fast_install: '0',
        object_name: 'com.example.bench',
        file_name: 'bench-1.0.0.apk',
        object_version: '1.0.0',
        object_size: '1',
        biz_type: 'apk',
        content_type: 'application/octet-stream',
        content_md5: '',
        install_package_url: url,
        instance_id_list: batch,
      });
      const task = (answer.data as { data: { task_id: string; cmd_jobs: { job_id: string }[] } }).data;
      for (const job of task.cmd_jobs)
        jobs.push({ path: `/v1/instances/tasks/${task.task_id}`, jobId: job.job_id, done: false });
    } else {
      const answer = await call(emulator, 'POST', `${cphBase}/phones/share-apps`, {
        package_name: 'com.example.bench',
        pre_install_app: 0,
        bucket_name: 'bench-bucket',
        object_path: 'shared/bench-1.0.0.tar',
        server_ids: batch,
      });
      for (const job of answer.jobs as { job_id: string }[])
        jobs.push({ path: `${cphBase}/jobs/${job.job_id}`, jobId: job.job_id, done: false });
    }
  });

  let rounds = 0;
  while (jobs.some((j) => !j.done)) {
    await sleep(intervalMs);
    rounds++;
    await mapLimit(
      jobs.filter((j) => !j.done),
      concurrency,
      async (job) => {
        const answer = await call(emulator, 'GET', job.path);
        const status =
          scenario === 'install-app'
            ? (answer.data as { jobs: { job_id: string; status: number }[] }).jobs.find(
                (j) => j.job_id === job.jobId,
              )?.status
            : (answer.status as number);
        job.done = status === 2 || status === -1;
      },
    );
  }
  return { requests: emulator.stats().requests, rounds };
}
