// CPH (/v1/{project_id}/cloud-phone/...): push shared apps/files, deploy app version, phone
// commands, ListJobs, ShowJob. Errors are real HTTP errors with {request_id, error_code, error_msg}.
import {
  handleWithBody,
  type ApiRequest,
  type ApiResponse,
  type FamilyContext,
  installedPackages,
  appAnswer,
  type Route,
  type Handler,
} from './api.js';
import { PM_LIST } from './fleet.js';
import { hex32, phoneIdsOf } from './ids.js';
import type { Job, JobSpec } from './jobs.js';
import type { JobOutcome } from './types.js';
import {
  byteLength,
  idList,
  isAbsent,
  ParamError,
  requireObject,
  stringField,
  truncateBytes,
  typeName,
} from './validate.js';

/**
 * CPS.0002 is documented only as "Parameter: offset or limit is invalid." No generic
 * bad-parameter code is documented for CPH, so CPS.0002 stands in for every parameter error that
 * has no documented code of its own (bucket_name, object_path, package_name, list sizes, JSON
 * syntax...). A guess.
 */
const BAD_PARAMETER = 'CPS.0002';
const BAD_PAGING = 'CPS.0002'; // documented
const BAD_PHONE_ID = 'CPS.0004'; // documented: "Invalid phone id."
const EMPTY_PHONE_LIST = 'CPS.0009'; // documented: "Parameter: phone_id list is empty."
const BAD_SERVER_ID = 'CPS.0016'; // documented: "server_id is invalid."
const BAD_COMMAND = 'CPS.0117'; // documented: "Parameter: command is invalid."
const BAD_CONTENT = 'CPS.0118'; // documented: "Parameter: content is invalid."
const NO_PERMISSION = 'CPS.0001'; // documented: "No permission to request resources."
/** A job id nobody issued. Undocumented; the parameter code again, a guess. */
const JOB_NOT_FOUND = 'CPS.0002';

const MAX_SERVERS = 100;
const MAX_PHONES = 100;
const MAX_REQUEST_IDS = 20;
const MAX_CONTENT_BYTES = 1024; // InstallApk / RunShellCommand pages
const MAX_EXECUTE_MSG_BYTES = 1024;
const COMMANDS = ['install', 'install-multiple', 'uninstall', 'push', 'shell'] as const;

/** At least two dot-separated segments, each a letter followed by letters, digits or underscores. */
const PACKAGE_RE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
const BUCKET_RE = /^[a-z0-9.-]{3,63}$/;
const OBJECT_PATH_RE = /^[A-Za-z0-9./\-_+#=]{1,1024}$/;

function cpsError(status: number, code: string, message: string): ApiResponse {
  return { status, body: { request_id: hex32(), error_code: code, error_msg: message } };
}

export function guarded(ctx: FamilyContext, handler: Handler): Route['handle'] {
  return (req, params) => {
    const projectId = params[0] ?? '';
    const headerProject = req.headers['x-project-id'];
    // The docs table lists CPS.0001 under HTTP 400; the gateway-style 403 is chosen for a project
    // the caller cannot reach, so that clients see it as an authorisation problem.
    if (projectId !== ctx.options.projectId) {
      return cpsError(
        403,
        NO_PERMISSION,
        `No permission to request resources. Project ${projectId} is not accessible with these credentials.`,
      );
    }
    // The SDK's BasicCredentials adds X-Project-Id to every AK/SK-signed call, and the multi-project
    // signing guide requires it for sub-projects. The emulator treats every project as one that needs
    // it (the stricter reading), so a client that leaves it out on CPH is caught.
    if (req.scheme === 'aksk' && headerProject === undefined) {
      return cpsError(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: X-Project-Id header is required for AK/SK-signed calls',
      );
    }
    if (headerProject !== undefined && headerProject !== projectId) {
      return cpsError(
        403,
        NO_PERMISSION,
        `No permission to request resources. X-Project-Id ${String(headerProject)} does not match the project in the path.`,
      );
    }
    return handleWithBody(ctx, req, params, handler, (code, message, fromHandler) =>
      cpsError(400, code ?? BAD_PARAMETER, fromHandler ? `Parameter: ${message}` : message),
    );
  };
}

function bucketAndObject(body: Record<string, unknown>): { bucket: string; objectPath: string } {
  const bucket = stringField(body, 'bucket_name');
  if (!BUCKET_RE.test(bucket)) {
    throw new ParamError(
      'bucket_name',
      'bucket_name must be 3 to 63 characters of lowercase letters, digits, hyphens and periods',
    );
  }
  const objectPath = stringField(body, 'object_path', { max: 1024 });
  if (!OBJECT_PATH_RE.test(objectPath)) {
    throw new ParamError('object_path', 'object_path may contain only letters, digits and . / - _ + # =');
  }
  // OBS keys are case-sensitive and the page says ".tar files": an upper-case suffix is refused.
  if (!objectPath.endsWith('.tar')) throw new ParamError('object_path', 'object_path must name a .tar file');
  return { bucket, objectPath };
}

const serverIds = (body: Record<string, unknown>) =>
  idList(body, 'server_ids', { max: MAX_SERVERS, itemCode: BAD_SERVER_ID });

const isUnknown = (ctx: FamilyContext, id: string) => ctx.options.unknownTargets.includes(id);

function rejectedServer(serverId: string) {
  return { server_id: serverId, error_code: 'CPS.0097', error_msg: 'invalid server id' };
}

function createJob(ctx: FamilyContext, req: ApiRequest, spec: Omit<JobSpec, 'family' | 'jobId'>): Job {
  let jobId = hex32();
  while (ctx.jobs.isJobId(jobId)) jobId = hex32();
  return ctx.jobs.create({ ...spec, family: 'cph', jobId }, req.now);
}

/** Push shared apps / files: one job per known server; unknown servers fail in the response. */
function pushJobs(ctx: FamilyContext, req: ApiRequest, servers: string[], operation: string): ApiResponse {
  const requestId = hex32();
  ctx.jobs.openGroup(requestId);
  const jobs = servers.map((serverId) => {
    if (isUnknown(ctx, serverId)) return rejectedServer(serverId);
    const job = createJob(ctx, req, {
      groupId: requestId,
      target: serverId,
      kind: 'server',
      serverId,
      countsForTarget: true,
      operation,
    });
    return { server_id: serverId, job_id: job.jobId };
  });
  return { status: 200, body: { request_id: requestId, jobs } };
}

const shareApps: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  const packageName = stringField(body, 'package_name');
  if (!PACKAGE_RE.test(packageName)) {
    throw new ParamError('package_name', `package_name "${packageName}" is not a valid Android package name`);
  }
  if (!isAbsent(body, 'pre_install_app')) {
    const v = body.pre_install_app;
    if (typeof v !== 'number')
      throw new ParamError(
        'pre_install_app',
        `pre_install_app must be an integer 0 or 1, got ${typeName(v)}`,
      );
    if (v !== 0 && v !== 1)
      throw new ParamError('pre_install_app', `pre_install_app must be 0 or 1, got ${v}`);
  }
  const { bucket, objectPath } = bucketAndObject(body);
  const servers = serverIds(body);
  return pushJobs(ctx, req, servers, `share-apps:${packageName}:${bucket}/${objectPath}`);
};

const shareFiles: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  const { bucket, objectPath } = bucketAndObject(body);
  const servers = serverIds(body);
  return pushJobs(ctx, req, servers, `share-files:${bucket}/${objectPath}`);
};

const serversAction: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  const action = body.batch_deploy_app_version;
  if (action === undefined || action === null)
    throw new ParamError('batch_deploy_app_version', 'batch_deploy_app_version is required');
  if (typeof action !== 'object' || Array.isArray(action)) {
    throw new ParamError(
      'batch_deploy_app_version',
      `batch_deploy_app_version must be an object, got ${typeName(action)}`,
    );
  }
  const inner = action as Record<string, unknown>;
  const versions = idList(inner, 'app_version_ids');
  const servers = serverIds(inner);

  const requestId = hex32();
  ctx.jobs.openGroup(requestId);
  const jobs: object[] = [];
  for (const serverId of servers) {
    if (isUnknown(ctx, serverId)) {
      jobs.push(rejectedServer(serverId));
      continue;
    }
    const base = { groupId: requestId, serverId };
    const deployed = createJob(ctx, req, {
      ...base,
      target: serverId,
      kind: 'server',
      jobType: 30,
      countsForTarget: true,
    });
    jobs.push({ job_type: 30, job_id: deployed.jobId, server_id: serverId });
    for (const appVersionId of versions) {
      // Duplicates are judged on the (server, version) pull: deploying v1 then v2 to one server is
      // fine, deploying v1 twice is not.
      const pulled = createJob(ctx, req, {
        ...base,
        target: serverId,
        kind: 'server',
        jobType: 31,
        appVersionId,
        countsForTarget: false,
        operation: `deploy:${appVersionId}`,
      });
      jobs.push({ job_type: 31, job_id: pulled.jobId, server_id: serverId, app_version_id: appVersionId });
    }
    for (const appVersionId of versions) {
      for (const phoneId of phoneIdsOf(serverId, ctx.options.phonesPerServer)) {
        const installed = createJob(ctx, req, {
          ...base,
          target: phoneId,
          kind: 'phone',
          jobType: 32,
          phoneId,
          appVersionId,
          countsForTarget: false,
        });
        jobs.push({
          job_type: 32,
          job_id: installed.jobId,
          server_id: serverId,
          phone_id: phoneId,
          app_version_id: appVersionId,
        });
      }
    }
  }
  return { status: 200, body: { request_id: requestId, jobs } };
};

/**
 * InstallApk / RunShellCommand pages: `content` of every command is letters, digits, `_ . / : -` and
 * at most 1,024 bytes. Spaces are allowed: the pages' own examples (`-r obs://...`) have them.
 */
const CONTENT_RE = /^[A-Za-z0-9 _./:-]*$/;

const phoneCommands: Handler = (ctx, req, _params, raw) => {
  const body = requireObject(raw);
  const command = body.command;
  if (typeof command !== 'string' || !(COMMANDS as readonly string[]).includes(command)) {
    throw new ParamError(
      'command',
      `command is invalid: must be one of ${COMMANDS.join(', ')}, got ${JSON.stringify(command)}`,
      BAD_COMMAND,
    );
  }
  const content = stringField(body, 'content', { code: BAD_CONTENT });
  if (byteLength(content) > MAX_CONTENT_BYTES) {
    throw new ParamError(
      'content',
      `content is invalid: at most ${MAX_CONTENT_BYTES} bytes (got ${byteLength(content)})`,
      BAD_CONTENT,
    );
  }
  if (!CONTENT_RE.test(content)) {
    throw new ParamError(
      'content',
      'content is invalid: only letters, digits, spaces and _ . / : - are allowed',
      BAD_CONTENT,
    );
  }
  const hasPhones = !isAbsent(body, 'phone_ids');
  const hasServers = !isAbsent(body, 'server_ids');
  // Page: "if both phone_ids and server_ids are given, phone_ids is used".
  if (!hasPhones && !hasServers) {
    throw new ParamError('phone_ids', 'one of phone_ids and server_ids must be given', EMPTY_PHONE_LIST);
  }
  const phones: { phone: string; server?: string }[] = hasPhones
    ? idList(body, 'phone_ids', {
        max: MAX_PHONES,
        itemCode: BAD_PHONE_ID,
        emptyCode: EMPTY_PHONE_LIST,
      }).map((phone) => ({ phone }))
    : // server_ids fans out to every phone of those servers. An unknown server has no phones, so
      // it adds no row (inferred: no page says what an unknown server in this call gives).
      serverIds(body).flatMap((server) =>
        isUnknown(ctx, server)
          ? []
          : phoneIdsOf(server, ctx.options.phonesPerServer).map((phone) => ({ phone, server })),
      );

  const forcedOutcome =
    command === 'install' || command === 'install-multiple' ? missingPackage(ctx, content) : undefined;
  const requestId = hex32();
  ctx.jobs.openGroup(requestId);
  const operation = `commands:${command}:${content}`;
  const defaultOutput = command === 'shell' ? `executed: ${content}` : undefined;
  // SDK PhoneJob: phone_id, job_id, error_code, error_msg; never a server_id.
  const jobs = phones.map(({ phone, server }) => {
    if (isUnknown(ctx, phone))
      return { phone_id: phone, error_code: 'CPS.0005', error_msg: 'Phone is not found.' };
    // A failure set on a server applies to each of its phones, so tests can fail a whole server.
    const serverOutcome = server !== undefined ? ctx.jobs.outcomeOverride(server) : undefined;
    const offline = ctx.fleet.notRunning(phone);
    const job = createJob(ctx, req, {
      groupId: requestId,
      target: phone,
      kind: 'phone',
      phoneId: phone,
      ...(server !== undefined ? { serverId: server } : {}),
      ...(defaultOutput !== undefined ? { defaultOutput } : {}),
      ...(offline
        ? // Inferred: a command to a phone that is not running fails as a job. The code is ours.
          {
            forcedOutcome: {
              status: 'failed' as const,
              errorCode: 'CPH.PHONE.NOT_RUNNING',
              errorMessage: offline,
            },
          }
        : (forcedOutcome ?? serverOutcome)
          ? { forcedOutcome: forcedOutcome ?? serverOutcome }
          : {}),
      countsForTarget: true,
      operation,
    });
    fleetEffect(ctx, job, command, content);
    return { phone_id: phone, job_id: job.jobId };
  });
  return { status: 200, body: { request_id: requestId, jobs } };
};

/**
 * What a finished phone command does to the fleet model: an install puts the package of its
 * obs:// object on the phone (as the test described the object); `pm list packages` answers
 * from the packages the phone has when the job ends.
 */
function fleetEffect(ctx: FamilyContext, job: Job, command: string, content: string): void {
  if (job.kind !== 'phone' || job.outcome.status !== 'succeeded') return;
  if (command === 'install') {
    const m = /obs:\/\/([^/\s]+)\/(\S+)/.exec(content);
    if (m) ctx.fleet.recordInstall(job.target, ctx.fleet.objectInfo(m[1]!, m[2]!), job.finishAt);
  }
  const pm = command === 'shell' ? PM_LIST.exec(content) : null;
  if (pm) job.defaultOutput = installedPackages(ctx, job, pm[1]!);
  const app = command === 'shell' ? appAnswer(ctx, job, content) : undefined;
  if (app !== undefined) job.defaultOutput = app;
}

/**
 * An install names its APK(s) as obs://bucket/object tokens in content; the phone fetches them
 * from OBS, here the emulator's own. Missing packages fail the job with codes of our invention
 * (the CPH pages document none).
 */
function missingPackage(ctx: FamilyContext, content: string): JobOutcome | undefined {
  const packages = content.split(/\s+/).filter((t) => t.startsWith('obs://'));
  if (packages.length === 0) {
    return {
      status: 'failed',
      errorCode: 'CPH.INSTALL.NO_PACKAGE',
      errorMessage: `install content names no obs://bucket/object package: ${content}`,
    };
  }
  for (const p of packages) {
    const m = /^obs:\/\/([^/]+)\/(.+)$/.exec(p);
    if (!m || ctx.obs.getObject(m[1]!, m[2]!) === undefined) {
      return {
        status: 'failed',
        errorCode: 'CPH.INSTALL.OBJECT_NOT_FOUND',
        errorMessage: `the package ${p} does not exist in OBS`,
      };
    }
  }
  return undefined;
}

const MAX_LIST_JOBS_OFFSET = 8096;

export function pagingParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    throw new ParamError(
      name,
      `offset or limit is invalid: ${name}=${JSON.stringify(raw)} (${name === 'limit' ? `${min}..${max}` : max === Number.MAX_SAFE_INTEGER ? 'an integer >= 0' : `${min}..${max}`})`,
      BAD_PAGING,
    );
  }
  return n;
}

const listJobs: Handler = (ctx, req) => {
  const q = req.query;
  // Documented: one of request_id / request_ids is mandatory; request_ids wins when both are given.
  let ids: string[];
  // A repeated parameter is refused rather than read as its first value (inferred: the SDK's
  // ListJobsRequest has one string for each, so no client sends two; a lenient reading would hide
  // a client that splits its ids over several parameters and polls only the first group).
  for (const name of ['request_ids', 'request_id', 'offset', 'limit']) {
    if (q.getAll(name).length > 1) throw new ParamError(name, `${name} must be given at most once`);
  }
  const many = q.get('request_ids');
  const one = q.get('request_id');
  if (many !== null) {
    ids = many.split(',').map((s) => s.trim());
    if (ids.some((s) => s === ''))
      throw new ParamError(
        'request_ids',
        'request_ids must be a comma-separated list of request ids without empty entries',
      );
    if (ids.length > MAX_REQUEST_IDS)
      throw new ParamError(
        'request_ids',
        `request_ids takes at most ${MAX_REQUEST_IDS} ids, got ${ids.length}`,
      );
  } else if (one !== null && one !== '') {
    ids = [one];
  } else {
    throw new ParamError('request_id', 'one of request_id and request_ids is required');
  }
  // Java SDK ListJobsRequest: offset 0..8096.
  const offset = pagingParam(q, 'offset', 0, 0, MAX_LIST_JOBS_OFFSET);
  const limit = pagingParam(q, 'limit', 100, 1, 100);

  const all: Job[] = [];
  for (const id of new Set(ids))
    for (const job of ctx.jobs.group(id) ?? []) if (job.family === 'cph') all.push(job);
  all.sort((a, b) => a.seq - b.seq);
  const page = all.slice(offset, offset + limit).map((j) => jobView(ctx, j, req.now, 'list'));
  return { status: 200, body: { request_id: hex32(), jobs: page } };
};

const showJob: Handler = (ctx, req, params) => {
  const job = ctx.jobs.get(params[1] ?? '');
  if (!job || job.family !== 'cph')
    return cpsError(404, JOB_NOT_FOUND, `Parameter: job_id ${params[1] ?? ''} does not exist.`);
  return { status: 200, body: jobView(ctx, job, req.now, 'show') };
};

const utc = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Rows carry exactly the fields of the SDK models: ListJobs rows are `Job` (phone_id, server_id,
 * node_id, job_id, begin_time, end_time, status, error_code, error_msg, execute_msg), ShowJob is
 * `ShowJobResponse` (the same without node_id, plus request_id). No job_type or app_version_id:
 * neither model has them, so a client must not read them from a listing. Null error fields follow
 * the ShowJob example.
 */
function jobView(ctx: FamilyContext, job: Job, now: number, shape: 'list' | 'show') {
  const status = ctx.jobs.status(job, now);
  const output = job.outcome.output ?? job.defaultOutput;
  return {
    job_id: job.jobId,
    ...(shape === 'show' ? { request_id: job.groupId } : {}),
    status,
    ...(job.serverId !== undefined ? { server_id: job.serverId } : {}),
    ...(job.phoneId !== undefined ? { phone_id: job.phoneId } : {}),
    begin_time: utc(job.createdAt),
    end_time: status === 1 ? '' : utc(job.finishAt),
    error_code: status === -1 ? (job.outcome.errorCode ?? 'CPS.0003') : null,
    error_msg: status === -1 ? (job.outcome.errorMessage ?? 'Job failed.') : null,
    execute_msg: status === 1 || output === undefined ? null : truncateBytes(output, MAX_EXECUTE_MSG_BYTES),
  };
}

export function cphRoutes(ctx: FamilyContext): Route[] {
  const base = '^/v1/([^/]+)/cloud-phone';
  const route = (method: string, tail: string, handler: Handler): Route => ({
    family: 'cph',
    method,
    pattern: new RegExp(`${base}${tail}$`),
    handle: guarded(ctx, handler),
  });
  return [
    route('POST', '/phones/share-apps', shareApps),
    route('POST', '/phones/share-files', shareFiles),
    route('POST', '/servers/action', serversAction),
    route('POST', '/phones/commands', phoneCommands),
    route('GET', '/jobs', listJobs),
    route('GET', '/jobs/([^/]+)', showJob),
  ];
}
