/**
 * The request and response shapes of every endpoint the action calls, as data taken from the
 * official sources, so that the client and the emulator are both checked against the same facts
 * (test/contract.test.ts) and cannot drift apart together.
 *
 * Sources: huaweicloud-sdk-nodejs-v3 `services/cph/v1/model/*` (field names and types), the CPH and
 * KooPhone API pages in ../shared/api/seeds and REFERENCE.md (limits, character sets, status values).
 * Where a limit is inferred, the field says so in `note`.
 */

type Kind = 'string' | 'integer' | 'array' | 'object';

interface Field {
  type: Kind;
  required?: boolean;
  /** JSON null is allowed (the ShowJob example has null error fields). */
  nullable?: boolean;
  maxLength?: number;
  maxBytes?: number;
  pattern?: RegExp;
  enum?: readonly (string | number)[];
  maxItems?: number;
  items?: Field;
  /** Object fields; any other field is an error ("no extras"). */
  fields?: Shape;
  note?: string;
}

export type Shape = Record<string, Field>;

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  /** Matched against the path after /v1/{project_id}/cloud-phone for CPH, the whole path for KooPhone. */
  path: RegExp;
  family: 'cph' | 'koophone';
  source: string;
  query?: Shape;
  request?: Shape;
  response: Shape;
}

const str = (extra: Partial<Field> = {}): Field => ({ type: 'string', ...extra });
const req = (f: Field): Field => ({ ...f, required: true });
const obj = (fields: Shape, extra: Partial<Field> = {}): Field => ({ type: 'object', fields, ...extra });
const arr = (items: Field, extra: Partial<Field> = {}): Field => ({ type: 'array', items, ...extra });

const serverIds = arr(str({ maxLength: 64 }), { maxItems: 100 });
const phoneIds = arr(str({ maxLength: 64 }), { maxItems: 100 });
const bucket = str({ pattern: /^[a-z0-9.-]{3,63}$/ });
const objectPath = str({ maxLength: 1024, pattern: /^[A-Za-z0-9./\-_+#=]+\.tar$/ });

/** SDK PhoneJob: one per phone, also for server_ids. No server_id. */
const phoneJob = obj({
  phone_id: req(str()),
  job_id: str(),
  error_code: str({ nullable: true }),
  error_msg: str({ nullable: true }),
});

/** SDK ServerJob (PushShareAppsResponse, PushShareFilesResponse). */
const serverJob = obj({
  server_id: req(str()),
  job_id: str(),
  error_code: str({ nullable: true }),
  error_msg: str({ nullable: true }),
});

/** Job status on both families: 1 running, 2 succeeded, -1 failed. */
const jobStatus: Field = { type: 'integer', enum: [1, 2, -1], required: true };

/** SDK Job (ListJobs rows): exactly these fields. */
const cphJob = obj({
  phone_id: str(),
  server_id: str(),
  node_id: str(),
  job_id: req(str()),
  begin_time: str({ pattern: /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$/ }),
  end_time: str({ pattern: /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$/ }),
  status: jobStatus,
  error_code: str({ nullable: true }),
  error_msg: str({ nullable: true }),
  execute_msg: str({ nullable: true, maxBytes: 1024 }),
});

/** InstallApk / RunShellCommand page: letters, digits, _ . / : - (spaces in the pages' examples), <= 1,024 bytes. */
const commandContent = str({ maxBytes: 1024, pattern: /^[A-Za-z0-9 _./:-]+$/ });

const kooEnvelope = { error_code: req(str({ enum: ['0'] })), error_msg: str() };

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'CPH ADB command (InstallApk, RunShellCommand)',
    family: 'cph',
    method: 'POST',
    path: /^\/phones\/commands$/,
    source:
      'SDK InstallApkRequestBody, RunShellCommandRequestBody, PhoneJob; InstallApk and RunShellCommand pages',
    request: {
      command: req(str({ enum: ['install', 'install-multiple', 'uninstall', 'push', 'shell'] })),
      content: req(commandContent),
      phone_ids: phoneIds,
      server_ids: serverIds,
    },
    response: { request_id: req(str()), jobs: req(arr(phoneJob)) },
  },
  {
    name: 'CPH push shared app',
    family: 'cph',
    method: 'POST',
    path: /^\/phones\/share-apps$/,
    source: 'SDK PushShareAppsRequestBody, ServerJob; push shared apps page (seed)',
    request: {
      package_name: req(str({ maxLength: 100 })),
      pre_install_app: { type: 'integer', enum: [0, 1] },
      bucket_name: req(bucket),
      object_path: req(objectPath),
      server_ids: req(serverIds),
    },
    response: { request_id: req(str()), jobs: req(arr(serverJob)) },
  },
  {
    name: 'CPH push shared files',
    family: 'cph',
    method: 'POST',
    path: /^\/phones\/share-files$/,
    source: 'SDK PushShareFilesRequestBody, ServerJob; push shared files page (seed)',
    request: { bucket_name: req(bucket), object_path: req(objectPath), server_ids: req(serverIds) },
    response: { request_id: req(str()), jobs: req(arr(serverJob)) },
  },
  {
    name: 'CPH deploy app version (experimental)',
    family: 'cph',
    method: 'POST',
    path: /^\/servers\/action$/,
    source: 'deploy app version page (seed) only: in no SDK',
    request: {
      batch_deploy_app_version: req(
        obj({ app_version_ids: req(arr(str({ maxLength: 64 }))), server_ids: req(serverIds) }),
      ),
    },
    response: {
      request_id: req(str()),
      jobs: req(
        arr(
          obj({
            job_type: { type: 'integer', enum: [30, 31, 32] },
            job_id: str(),
            server_id: str(),
            phone_id: str(),
            app_version_id: str(),
            error_code: str({ nullable: true }),
            error_msg: str({ nullable: true }),
          }),
        ),
      ),
    },
  },
  {
    name: 'CPH ListJobs',
    family: 'cph',
    method: 'GET',
    path: /^\/jobs$/,
    source: 'SDK ListJobsRequest (one string each for request_id, request_ids), ListJobsResponse, Job',
    query: {
      request_id: str(),
      request_ids: str({ pattern: /^[^,]+(,[^,]+){0,19}$/, note: 'at most 20 comma-separated ids' }),
      offset: str({ pattern: /^\d+$/ }),
      limit: str({ pattern: /^([1-9]|[1-9]\d|100)$/ }),
    },
    response: { request_id: req(str()), jobs: req(arr(cphJob)) },
  },
  {
    name: 'CPH ShowJob',
    family: 'cph',
    method: 'GET',
    path: /^\/jobs\/[^/]+$/,
    source: 'SDK ShowJobResponse',
    query: {},
    response: {
      request_id: str(),
      job_id: req(str()),
      begin_time: str(),
      end_time: str(),
      status: jobStatus,
      phone_id: str(),
      server_id: str(),
      error_msg: str({ nullable: true }),
      error_code: str({ nullable: true }),
      execute_msg: str({ nullable: true, maxBytes: 1024 }),
    },
  },
  {
    name: 'KooPhone install app',
    family: 'koophone',
    method: 'POST',
    path: /^\/v1\/instances\/app\/install$/,
    source: 'KooPhone install app page (seed)',
    request: {
      fast_install: str({ enum: ['0', '1'] }),
      object_name: req(str({ maxLength: 100 })),
      file_name: req(str({ maxLength: 100 })),
      object_version: req(str({ maxLength: 100 })),
      object_size: req(str({ pattern: /^\d+$/ })),
      biz_type: req(str({ enum: ['apk'] })),
      content_type: str({ maxLength: 64 }),
      content_md5: str({ maxLength: 200 }),
      install_package_url: req(str({ maxLength: 2000 })),
      instance_id_list: req(arr(str({ maxLength: 32 }), { maxItems: 100 })),
    },
    response: {
      ...kooEnvelope,
      data: req(
        obj({
          data: req(
            obj({
              task_id: req(str({ pattern: /^ZGCA/ })),
              cmd_jobs: req(arr(obj({ instance_id: req(str()), job_id: req(str()) }))),
            }),
          ),
        }),
      ),
    },
  },
  {
    name: 'KooPhone async command',
    family: 'koophone',
    method: 'POST',
    path: /^\/v1\/instances\/async-command$/,
    source: 'KooPhone async command page (seed; the newer page allows 100 ids, 32 is the stricter)',
    request: {
      command: req(commandContent),
      instance_ids: req(arr(str({ maxLength: 32 }), { maxItems: 32 })),
    },
    response: {
      ...kooEnvelope,
      data: req(
        obj({
          task_id: req(str()),
          cmd_jobs: req(arr(obj({ instance_id: req(str()), job_id: req(str()) }))),
        }),
      ),
    },
  },
  {
    name: 'KooPhone GetTask',
    family: 'koophone',
    method: 'GET',
    path: /^\/v1\/instances\/tasks\/[^/]+$/,
    source: 'KooPhone GetTask page (REFERENCE.md)',
    query: {},
    response: {
      ...kooEnvelope,
      data: req(
        obj({
          jobs: req(
            arr(
              obj({
                job_id: req(str()),
                status: jobStatus,
                error_code: str({ nullable: true }),
                error_msg: str({ nullable: true }),
                execute_msg: str({ nullable: true, maxBytes: 1024 }),
              }),
            ),
          ),
        }),
      ),
    },
  },
];

/** Error answers of both families: CPH `{request_id?, error_code, error_msg}`, KooPhone without request_id. */
export const ERROR_BODY: Shape = {
  request_id: str(),
  error_code: req(str({ pattern: /^(CPS|KOOPHONE\.API|APIGW?)\.\d{4,5}$/ })),
  error_msg: req(str()),
};

/** Why `value` does not fit `field`, one line per problem (empty when it fits). */
function check(field: Field, value: unknown, at: string): string[] {
  if (value === null) return field.nullable ? [] : [`${at}: null is not allowed`];
  switch (field.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${at}: expected a string, got ${typeof value}`];
      const problems: string[] = [];
      if (field.maxLength !== undefined && value.length > field.maxLength)
        problems.push(`${at}: longer than ${field.maxLength} characters`);
      if (field.maxBytes !== undefined && Buffer.byteLength(value) > field.maxBytes)
        problems.push(`${at}: longer than ${field.maxBytes} bytes`);
      if (field.pattern && !field.pattern.test(value))
        problems.push(`${at}: ${JSON.stringify(value)} does not match ${field.pattern}`);
      if (field.enum && !field.enum.includes(value))
        problems.push(`${at}: ${JSON.stringify(value)} is not one of ${field.enum.join(', ')}`);
      return problems;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return [`${at}: expected an integer, got ${JSON.stringify(value)}`];
      return field.enum && !field.enum.includes(value)
        ? [`${at}: ${value} is not one of ${field.enum.join(', ')}`]
        : [];
    case 'array': {
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      const problems =
        field.maxItems !== undefined && value.length > field.maxItems
          ? [`${at}: more than ${field.maxItems} items`]
          : [];
      return field.items
        ? [...problems, ...value.flatMap((v, i) => check(field.items as Field, v, `${at}[${i}]`))]
        : problems;
    }
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      return checkShape(field.fields ?? {}, value as Record<string, unknown>, at);
  }
}

export function checkShape(shape: Shape, value: Record<string, unknown>, at = ''): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(value)) {
    if (!(name in shape)) problems.push(`${at}.${name}: not a field of the model`);
  }
  for (const [name, field] of Object.entries(shape)) {
    if (value[name] === undefined) {
      if (field.required) problems.push(`${at}.${name}: missing`);
      continue;
    }
    problems.push(...check(field, value[name], `${at}.${name}`));
  }
  return problems;
}
