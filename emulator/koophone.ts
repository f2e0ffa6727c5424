// KooPhone (/v1/instances/...): install app, async command, GetTask. Business errors come back as
// HTTP 200 with error_code != "0"; parameter errors as HTTP 400 (KooPhone API pages).
import {
  handleWithBody,
  unauthorized,
  type ApiRequest,
  type ApiResponse,
  type FamilyContext,
  installedPackages,
  appAnswer,
  type Route,
  type Handler,
} from './api.js';
import { PM_LIST } from './fleet.js';
import { hex32, installTaskId, koophoneJobId } from './ids.js';
import type { Job } from './jobs.js';
import type { JobOutcome } from './types.js';
import { idList, isAbsent, ParamError, requireObject, stringField, truncateBytes } from './validate.js';

const BAD_PARAMETER = 'KOOPHONE.API.1000';
/** The seed lists the size error under 62006 for both "not a digit" and "too large". */
const BAD_SIZE = 'KOOPHONE.API.62006';
/**
 * The docs give no ceiling for object_size. 4096 MB admits any real APK while catching the
 * common bug of sending bytes where the page asks for MB. A guess.
 */
const MAX_OBJECT_SIZE_MB = 4096;
const MAX_INSTANCES_INSTALL = 100;
/** The async-command page says 32; a newer page says 100: the stricter rule wins. */
const MAX_INSTANCES_COMMAND = 32;
const MAX_ID_LENGTH = 32;
const COMMAND_CHARS = /[A-Za-z0-9 _./:-]/;
const MAX_EXECUTE_MSG_BYTES = 1024;
/**
 * Install jobs that cannot get their package fail with these job-level codes. They are our
 * invention: the KooPhone pages document none for download problems.
 */
const DOWNLOAD_FAILED = 'KOOPHONE.INSTALL.DOWNLOAD_FAILED';
const SIZE_MISMATCH = 'KOOPHONE.INSTALL.SIZE_MISMATCH';
const MD5_MISMATCH = 'KOOPHONE.INSTALL.MD5_MISMATCH';
const BYTES_PER_MB = 1024 * 1024;

function kooError(status: number, code: string, message: string): ApiResponse {
  return { status, body: { error_code: code, error_msg: message } };
}

/** Checks every KooPhone call makes before its own logic, in the order the service would. */
export function guarded(ctx: FamilyContext, handler: Handler): Route['handle'] {
  return (req, params) => {
    if (req.scheme === 'aksk') {
      // KooPhone has no project in its path. The SDK's BasicCredentials sends X-Project-Id on every
      // AK/SK-signed call; the Java SDK knows one KooPhone region, cn-south-1, and finds the project by
      // that region's name. Inferred: the gateway needs the project of cn-south-1 to find the tenant.
      // That it must be signed is checked in auth.ts.
      const pid = req.headers['x-project-id'];
      if (pid === undefined) {
        return unauthorized(
          'Incorrect IAM authentication information: X-Project-Id header is required for AK/SK calls to KooPhone',
        );
      }
      if (pid !== ctx.options.projectId) {
        return unauthorized(
          `Incorrect IAM authentication information: project "${String(pid)}" in X-Project-Id is not accessible with this AK`,
        );
      }
    }
    const xRequestId = req.headers['x-request-id'];
    if (typeof xRequestId !== 'string' || xRequestId.trim() === '') {
      return kooError(200, 'KOOPHONE.API.0002', 'x-request-id is missing');
    }
    return handleWithBody(ctx, req, params, handler, (code, message) =>
      kooError(400, code ?? BAD_PARAMETER, message),
    );
  };
}

function rejectUnknown(ctx: FamilyContext, ids: string[]): ApiResponse | undefined {
  const unknown = ids.filter((id) => ctx.options.unknownTargets.includes(id));
  if (unknown.length === 0) return undefined;
  return kooError(
    200,
    'KOOPHONE.API.1012',
    `The instances do not belong to the tenant: ${unknown.join(', ')}`,
  );
}

const installApp: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  if (!isAbsent(body, 'fast_install') && body.fast_install !== '0' && body.fast_install !== '1') {
    throw new ParamError(
      'fast_install',
      `The installation type parameter fast_install is incorrect: must be the string "0" or "1", got ${JSON.stringify(body.fast_install)}`,
      'KOOPHONE.API.3008',
    );
  }
  const objectName = stringField(body, 'object_name', { max: 100 });
  stringField(body, 'file_name', { max: 100 });
  const objectVersion = stringField(body, 'object_version', { max: 100 });
  if (isAbsent(body, 'object_size')) throw new ParamError('object_size', 'object_size is required');
  const size = body.object_size;
  if (typeof size !== 'string' || !/^\d+$/.test(size)) {
    throw new ParamError(
      'object_size',
      `The app package size is not a digit: object_size must be a string of digits (MB), got ${JSON.stringify(size)}`,
      BAD_SIZE,
    );
  }
  if (Number(size) > MAX_OBJECT_SIZE_MB) {
    throw new ParamError(
      'object_size',
      `The app package is too large: object_size ${size} MB exceeds ${MAX_OBJECT_SIZE_MB} MB`,
      BAD_SIZE,
    );
  }
  const bizType = stringField(body, 'biz_type', { max: 64 });
  if (bizType !== 'apk')
    throw new ParamError('biz_type', `biz_type must be "apk", got ${JSON.stringify(bizType)}`);
  // Required by the table; no documented format, so any non-empty value up to 64 characters.
  stringField(body, 'content_type', { max: 64 });
  stringField(body, 'content_md5', { min: 0, max: 200 });
  const url = stringField(body, 'install_package_url', { max: 2000 });
  if (!isHttpUrl(url))
    throw new ParamError('install_package_url', 'install_package_url must be an http(s) URL');
  const instances = idList(body, 'instance_id_list', { max: MAX_INSTANCES_INSTALL, itemMax: MAX_ID_LENGTH });

  const rejected = rejectUnknown(ctx, instances);
  if (rejected) return rejected;

  const taskId = installTaskId();
  const cmdJobs = createJobs(
    ctx,
    req,
    taskId,
    instances,
    `install:${objectName}@${objectVersion}`,
    'Success',
    once(() => packageProblem(ctx, url, size, String(body.content_md5), req.now)),
    (job) => ctx.fleet.recordInstall(job.target, objectInfo(ctx, url), job.finishAt),
  );
  return {
    status: 200,
    body: { data: { data: { task_id: taskId, cmd_jobs: cmdJobs } }, error_code: '0', error_msg: 'OK' },
  };
};

const asyncCommand: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  const command = stringField(body, 'command', { maxBytes: 1024 });
  // Spaces are allowed although the page's character list omits them: its own example is "ls -l /system".
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (!COMMAND_CHARS.test(ch)) {
      throw new ParamError(
        'command',
        `command contains the character ${JSON.stringify(ch)} at position ${i}; only letters, digits, spaces and _ . / : - are allowed`,
      );
    }
  }
  const instances = idList(body, 'instance_ids', { max: MAX_INSTANCES_COMMAND, itemMax: MAX_ID_LENGTH });

  const rejected = rejectUnknown(ctx, instances);
  if (rejected) return rejected;

  // GetTask's page says install task ids (ZGCA/FULFILL) differ from async-command ones; the
  // async-command example is 32 hex.
  const taskId = hex32();
  const pm = PM_LIST.exec(command);
  const cmdJobs = createJobs(
    ctx,
    req,
    taskId,
    instances,
    `command:${command}`,
    `executed: ${command}`,
    undefined,
    pm
      ? (job) => (job.defaultOutput = installedPackages(ctx, job, pm[1]!))
      : (job) => {
          const app = appAnswer(ctx, job, command);
          if (app !== undefined) job.defaultOutput = app;
        },
  );
  return {
    status: 200,
    body: { data: { task_id: taskId, cmd_jobs: cmdJobs }, error_code: '0', error_msg: 'ok' },
  };
};

const getTask: Handler = (ctx, req, params) => {
  const taskId = params[0] ?? '';
  const jobs = ctx.jobs.group(taskId);
  if (jobs === undefined || !jobs.some((j) => j.family === 'koophone')) {
    // Error code table of the KooPhone API: KOOPHONE.API.1323, HTTP 400, "the task does not exist".
    return kooError(400, 'KOOPHONE.API.1323', `The task does not exist: ${taskId}`);
  }
  return {
    status: 200,
    body: { error_code: '0', error_msg: 'OK', data: { jobs: jobs.map((j) => jobView(ctx, j, req.now)) } },
  };
};

/**
 * Downloads the package as an instance would (emulator URLs only, through its OBS) and checks
 * object_size (MB of 1024 * 1024 bytes, rounded up) and content_md5 (hex, any case, or base64;
 * skipped when empty). The submit answer stays the same: the failure shows in the jobs.
 */
function packageProblem(
  ctx: FamilyContext,
  url: string,
  sizeMb: string,
  md5: string,
  now: number,
): JobOutcome | undefined {
  const failed = (errorCode: string, errorMessage: string): JobOutcome => ({
    status: 'failed',
    errorCode,
    errorMessage,
  });
  const download = ctx.obs.download(url, now);
  if (!download.ok) return failed(DOWNLOAD_FAILED, `could not download the package: ${download.reason}`);
  const bytes = download.size;
  const mb = Math.ceil(bytes / BYTES_PER_MB);
  if (mb !== Number(sizeMb)) {
    return failed(
      SIZE_MISMATCH,
      `object_size is ${sizeMb} MB but the package is ${bytes} bytes (${mb} MB rounded up)`,
    );
  }
  if (md5 !== '') {
    const hex = download.md5;
    if (md5.toLowerCase() !== hex && md5 !== Buffer.from(hex, 'hex').toString('base64')) {
      return failed(
        MD5_MISMATCH,
        `content_md5 ${md5} does not match the MD5 of the downloaded package, ${hex}`,
      );
    }
  }
  return undefined;
}

/** One download per submit, however many instances it names, and only when first needed. */
function once<T>(work: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: work() }).value;
}

function createJobs(
  ctx: FamilyContext,
  req: ApiRequest,
  taskId: string,
  instances: string[],
  operation: string,
  defaultOutput: string,
  /** The instance's own check once it has the job (JobSpec.check). */
  check?: () => JobOutcome | undefined,
  /** What the finished job does to the fleet model (only run for jobs that succeed). */
  effect?: (job: Job) => void,
) {
  return instances.map((instanceId) => {
    const offline = ctx.fleet.notRunning(instanceId);
    // Inferred: a job on an instance that is not running fails; the code is ours.
    const forced: JobOutcome | undefined = offline
      ? { status: 'failed', errorCode: 'KOOPHONE.INSTANCE.NOT_RUNNING', errorMessage: offline }
      : undefined;
    const job = ctx.jobs.create(
      {
        family: 'koophone',
        groupId: taskId,
        jobId: koophoneJobId(),
        target: instanceId,
        kind: 'instance',
        defaultOutput,
        countsForTarget: true,
        operation,
        ...(forced ? { forcedOutcome: forced } : check ? { check } : {}),
      },
      req.now,
      (settledJob) => {
        if (settledJob.outcome.status === 'succeeded') effect?.(settledJob);
      },
    );
    return { instance_id: instanceId, job_id: job.jobId };
  });
}

/**
 * Running jobs show null error fields and output; finished successful ones show empty strings.
 * The docs do not say which; serving both teaches clients to treat null and "" alike.
 */
function jobView(ctx: FamilyContext, job: Job, now: number) {
  const status = ctx.jobs.status(job, now);
  const sdkInstall = ctx.options.kooInstallStates === 'sdk' && job.operation?.startsWith('install:');
  // Java SDK JobDetail.status for install tasks: 0 before the job runs, 3 when it failed.
  const shown =
    sdkInstall && status === 1 && ctx.jobs.notStarted(job, now)
      ? 0
      : sdkInstall && status === -1
        ? 3
        : status;
  const output = truncateBytes(
    job.outcome.output ?? (status === 2 ? (job.defaultOutput ?? '') : ''),
    MAX_EXECUTE_MSG_BYTES,
  );
  if (status === 1)
    return { job_id: job.jobId, status: shown, error_code: null, error_msg: null, execute_msg: null };
  if (status === 2) return { job_id: job.jobId, status, error_code: '', error_msg: '', execute_msg: output };
  // Job-level codes in the KooPhone GetTask example carry no dot ("CPS0005"); the fallback mimics that.
  return {
    job_id: job.jobId,
    status: shown,
    error_code: job.outcome.errorCode ?? 'CPS0003',
    error_msg: job.outcome.errorMessage ?? 'Job failed.',
    execute_msg: output,
  };
}

/** The package an emulator OBS download URL (path style, /bucket/key) installs, as the test described it. */
function objectInfo(ctx: FamilyContext, url: string) {
  const m = /^\/([^/]+)\/(.+)$/.exec(new URL(url).pathname);
  return m ? ctx.fleet.objectInfo(m[1]!, decodeURIComponent(m[2]!)) : undefined;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function koophoneRoutes(ctx: FamilyContext): Route[] {
  return [
    {
      family: 'koophone',
      method: 'POST',
      pattern: /^\/v1\/instances\/app\/install$/,
      handle: guarded(ctx, installApp),
    },
    {
      family: 'koophone',
      method: 'POST',
      pattern: /^\/v1\/instances\/async-command$/,
      handle: guarded(ctx, asyncCommand),
    },
    {
      family: 'koophone',
      method: 'GET',
      pattern: /^\/v1\/instances\/tasks\/([^/]+)$/,
      handle: guarded(ctx, getTask),
    },
  ];
}
