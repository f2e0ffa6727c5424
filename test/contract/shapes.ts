/**
 * The request and response shapes of every endpoint the action calls, as data taken from the
 * official sources, so that the client and the emulator are both checked against the same facts
 * (test/contract.test.ts) and cannot drift apart together.
 *
 * Sources: huaweicloud-sdk-nodejs-v3 / -java-v3 / -go-v3 / -python-v3 models of the cph, koophone and
 * sts services (field names, types, limits), and the CPH, KooPhone and IAM API pages (character sets,
 * status values). Each endpoint names its models and pages in `source`; where a limit is inferred, the
 * field says so in `note`.
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
  /**
   * Matched against the path after /v1/{project_id}/cloud-phone for CPH (after /v1/{project_id} with
   * `underProject`), the whole path for KooPhone and STS.
   */
  path: RegExp;
  family: 'cph' | 'koophone' | 'sts';
  underProject?: boolean;
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
/**
 * KooPhone GetTask adds the newest Java SDK's install-task states (JobDetail.status): 0 not run yet,
 * 3 failed.
 */
const kooJobStatus: Field = { type: 'integer', enum: [0, 1, 2, 3, -1], required: true };
const digits = (max: number): Field => str({ pattern: /^\d+$/, note: `at most ${max}` });
const cphServerStatus: Field = {
  type: 'integer',
  note: 'SDK Server.status: 5 normal, 2 abnormal, 8 frozen, 10 shut down',
};

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
    source:
      'SDK ListJobsRequest (one string each for request_id, request_ids; offset <= 8096), ListJobsResponse, Job',
    query: {
      request_id: str(),
      request_ids: str({ pattern: /^[^,]+(,[^,]+){0,19}$/, note: 'at most 20 comma-separated ids' }),
      // Java SDK ListJobsRequest: offset 0..8096.
      offset: str({ pattern: /^([0-9]{1,3}|[0-7][0-9]{3}|80[0-8][0-9]|809[0-6])$/, note: 'at most 8096' }),
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
    source:
      'KooPhone GetTask page; Java SDK ShowTaskResponse, JobDetail (status 0/1/2/3 installs, 1/2/-1 commands)',
    query: {},
    response: {
      ...kooEnvelope,
      data: req(
        obj({
          jobs: req(
            arr(
              obj({
                job_id: req(str()),
                status: kooJobStatus,
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
  {
    name: 'CPH list servers',
    family: 'cph',
    method: 'GET',
    path: /^\/servers$/,
    source:
      'SDK ListCloudPhoneServersRequest (server_name: fuzzy match, Go model), ListCloudPhoneServersResponse, Server; page cph_api_0502',
    query: {
      offset: digits(Number.MAX_SAFE_INTEGER),
      limit: str({ pattern: /^([1-9]|[1-9]\d|100)$/ }),
      server_name: str({ maxLength: 64 }),
      server_id: str(),
      status: str({ pattern: /^-?\d+$/ }),
    },
    response: {
      request_id: str(),
      count: { type: 'integer' },
      servers: req(
        arr(
          obj(
            { server_name: str(), server_id: req(str()), status: cphServerStatus },
            { note: 'a subset of Server' },
          ),
        ),
      ),
    },
  },
  {
    name: 'CPH list phones',
    family: 'cph',
    method: 'GET',
    path: /^\/phones$/,
    source:
      'SDK ListCloudPhonesRequest (limit 1..200), ListCloudPhonesResponse (count), Phone; ListCloudPhones page',
    query: {
      offset: digits(Number.MAX_SAFE_INTEGER),
      limit: str({ pattern: /^([1-9]|[1-9]\d|1\d\d|200)$/ }),
      server_id: str(),
      status: str({ pattern: /^-?\d+$/ }),
      phone_name: str(),
      type: str(),
    },
    response: {
      request_id: str(),
      count: { type: 'integer' },
      phones: req(
        arr(
          obj({
            phone_name: str(),
            server_id: req(str()),
            phone_id: req(str()),
            status: {
              type: 'integer',
              note: '2 running, 0/1 creating, 3 resetting, 4 restarting, 6 frozen, 7 stopping, 8 stopped',
            },
            type: { type: 'integer' },
          }),
        ),
      ),
    },
  },
  {
    name: 'CPH list servers by tag',
    family: 'cph',
    underProject: true,
    method: 'POST',
    path: /^\/cph-server\/resource_instances\/action$/,
    source:
      'SDK ListResourceInstancesRequestBody (offset, limit as strings), Tags (key <= 127, Java), Match (exact, Python), Resource; tag API page',
    request: {
      action: req(str({ enum: ['filter', 'count'] })),
      offset: str({ pattern: /^\d+$/ }),
      limit: str({ pattern: /^([1-9]\d{0,2}|1000)$/ }),
      tags: arr(
        obj({
          key: req(str({ maxLength: 127 })),
          values: req(arr(str({ maxLength: 255 }), { maxItems: 10 })),
        }),
        { maxItems: 10 },
      ),
      matches: arr(obj({ key: req(str({ enum: ['resource_name'] })), value: req(str()) })),
    },
    response: {
      total_count: req({ type: 'integer' }),
      resources: arr(
        obj({
          resource_id: req(str()),
          resource_detail: str(),
          resource_name: str(),
          tags: arr(obj({ key: req(str({ maxLength: 127 })), value: str({ maxLength: 255 }) })),
        }),
      ),
    },
  },
  {
    name: 'KooPhone list instances',
    family: 'koophone',
    method: 'GET',
    path: /^\/v1\/instances\/batch-query$/,
    source:
      'Java SDK ListInstancesRequest (x-request-id a query parameter: KooPhoneMeta.genForListInstances), ListInstancesResponse, InstanceBatchQueryRspData; ListInstances page',
    query: {
      'x-request-id': req(str({ pattern: /^\S+$/ })),
      page_no: str({ pattern: /^[1-9]\d*$/ }),
      page_size: str({ pattern: /^([1-9]|[1-9]\d|100)$/, note: 'no documented maximum: 100 inferred' }),
      instance_id: str(),
      instance_name: str({ maxLength: 64 }),
      pool_name: str({ maxLength: 64 }),
      pool_scene_tag: str(),
    },
    response: {
      data: req(
        obj({
          error_code: req(str({ enum: ['0'] })),
          error_msg: str(),
          page_no: { type: 'integer' },
          page_size: { type: 'integer' },
          total_count: { type: 'integer' },
          result: req(
            arr(
              obj({
                instance_id: req(str()),
                instance_name: str(),
                running_status: { type: 'integer', enum: [0, 1, 2, 3, 4, 5] },
                frozen_status: { type: 'integer' },
                region: str(),
                phone_id: str(),
                pool_name: str(),
              }),
            ),
          ),
        }),
      ),
    },
  },
  {
    name: 'STS AssumeAgencyWithOIDC',
    family: 'sts',
    method: 'POST',
    path: /^\/v5\/agencies\/assume-with-oidc$/,
    source:
      'SDK AssumeAgencyWithOIDCReqBody, AssumeAgencyWithOIDCResponse, CredentialsDto (sts v5); AssumeAgencyWithOIDC page',
    request: {
      id_token: req(str()),
      provider_urn: req(str({ maxLength: 1500 })),
      agency_urn: req(str({ maxLength: 1500 })),
      agency_session_name: req(str({ pattern: /^[\w+=,.@-]{2,128}$/ })),
      duration_seconds: { type: 'integer' },
      policy: str(),
    },
    response: {
      credentials: req(
        obj({
          access_key_id: req(str()),
          secret_access_key: req(str()),
          security_token: req(str()),
          expiration: req(str({ pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/ })),
        }),
      ),
      assumed_agency: obj({ urn: str(), id: str() }),
      source_identity: str(),
      audience: str(),
      provider: str(),
      subject_from_id_token: str(),
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
