// The list APIs a fleet selection reads: CPH servers, CPH servers by tag, CPH phones, KooPhone
// instances. Shapes and limits from the API pages and the SDK models
// (huaweicloud-sdk-nodejs-v3 services/cph/v1/model: ListCloudPhoneServersRequest/Response,
// ListCloudPhonesRequest/Response, ListResourceInstancesRequestBody, Resource, Tags, Match).
import type { Handler, Route } from './api.js';
import { guarded as cphGuarded, pagingParam } from './cph.js';
import { hex32 } from './ids.js';
import { guarded as kooGuarded } from './koophone.js';
import { isAbsent, ParamError, requireObject, typeName } from './validate.js';

/** resource_instances page: `limit` <= 1000; at most 10 tags of 10 values each (API page). */
const MAX_RESOURCE_LIMIT = 1000;
const MAX_TAGS = 10;
const MAX_TAG_VALUES = 10;
/** Java SDK Tags.key: at most 127 characters. */
const MAX_TAG_KEY = 127;
const MAX_PHONES_LIMIT = 200;
/** batch-query page size: no documented maximum; 100 like every other list here (inferred). */
const MAX_PAGE_SIZE = 100;

const optionalInt = (q: URLSearchParams, name: string): number | undefined => {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw))
    throw new ParamError(name, `${name} must be an integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
};

// server_name matches any name that contains it (Go SDK ListCloudPhoneServersRequest: fuzzy match;
// API page cph_api_0502): `prod` also lists `preprod` and `prod-old`, which a client must tell apart.
const listServers: Handler = (ctx, req) => {
  const q = req.query;
  const offset = pagingParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = pagingParam(q, 'limit', 100, 1, 100);
  const name = q.get('server_name');
  const id = q.get('server_id');
  const status = optionalInt(q, 'status');
  const all = ctx.fleet.servers.filter(
    (s) =>
      (name === null || s.name.includes(name)) &&
      (id === null || s.id === id) &&
      (status === undefined || s.status === status),
  );
  const servers = all.slice(offset, offset + limit).map((s) => ({
    server_name: s.name,
    server_id: s.id,
    status: s.status,
  }));
  return { status: 200, body: { request_id: hex32(), count: all.length, servers } };
};

const listPhones: Handler = (ctx, req) => {
  const q = req.query;
  const offset = pagingParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  // The phone list takes pages of up to 200 (SDK ListCloudPhonesRequest, current API page).
  const limit = pagingParam(q, 'limit', 100, 1, MAX_PHONES_LIMIT);
  const serverId = q.get('server_id');
  const name = q.get('phone_name');
  const status = optionalInt(q, 'status');
  const all = ctx.fleet.phones.filter(
    (p) =>
      (serverId === null || p.serverId === serverId) &&
      // phone_name is a substring filter like server_name (API page).
      (name === null || p.name.includes(name)) &&
      (status === undefined || p.status === status),
  );
  const phones = all.slice(offset, offset + limit).map((p) => ({
    phone_name: p.name,
    server_id: p.serverId,
    phone_id: p.id,
    status: p.status,
    type: 0,
  }));
  // `count` is in the SDK's ListCloudPhonesResponse; the client pages until a short page anyway (inferred: the pages do not promise it).
  return { status: 200, body: { request_id: hex32(), count: all.length, phones } };
};

/** SDK ListResourceInstancesRequestBody: offset and limit are strings. Numbers are refused (strict reading). */
function stringNumber(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  if (isAbsent(body, name)) return fallback;
  const v = body[name];
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ParamError(
      name,
      `${name} must be a string of digits from ${min} to ${max}, got ${JSON.stringify(v)}`,
    );
  }
  return Number(v);
}

const resourceInstances: Handler = (ctx, _req, params, raw) => {
  if (params[1] !== 'cph-server') throw new ParamError('resource_type', `resource_type must be cph-server`);
  const body = requireObject(raw);
  const action = body.action;
  if (action !== 'filter' && action !== 'count')
    throw new ParamError('action', `action must be "filter" or "count", got ${JSON.stringify(action)}`);
  const offset = stringNumber(body, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = stringNumber(body, 'limit', 1, MAX_RESOURCE_LIMIT, MAX_RESOURCE_LIMIT);
  const tags = isAbsent(body, 'tags') ? [] : body.tags;
  if (!Array.isArray(tags)) throw new ParamError('tags', `tags must be an array, got ${typeName(tags)}`);
  if (tags.length > MAX_TAGS) throw new ParamError('tags', `tags takes at most ${MAX_TAGS} entries`);
  const wanted = new Map<string, string[]>();
  for (const tag of tags as unknown[]) {
    const t = tag as { key?: unknown; values?: unknown };
    if (typeof t?.key !== 'string' || t.key === '' || t.key.length > MAX_TAG_KEY)
      throw new ParamError('tags', `every tag needs a key of 1 to ${MAX_TAG_KEY} characters`);
    if (wanted.has(t.key)) throw new ParamError('tags', `tag key ${t.key} appears twice`);
    if (
      !Array.isArray(t.values) ||
      t.values.length > MAX_TAG_VALUES ||
      !t.values.every((v) => typeof v === 'string')
    )
      throw new ParamError(
        'tags',
        `values of tag ${t.key} must be an array of at most ${MAX_TAG_VALUES} strings`,
      );
    wanted.set(t.key, t.values as string[]);
  }
  const matches = isAbsent(body, 'matches') ? [] : body.matches;
  if (!Array.isArray(matches)) throw new ParamError('matches', 'matches must be an array');
  // `matches` on resource_name is exact (Python SDK model Match).
  const nameMatch = (matches as Array<{ key?: unknown; value?: unknown }>).map((m) => {
    if (m?.key !== 'resource_name' || typeof m.value !== 'string')
      throw new ParamError('matches', 'matches entries must be {key: "resource_name", value: string}');
    return m.value;
  });
  // Keys AND, values OR (CPH ListResourceInstances page); an empty values list meaning "has the key" is inferred.
  const all = ctx.fleet.servers.filter(
    (s) =>
      [...wanted].every(
        ([key, values]) => key in s.tags && (values.length === 0 || values.includes(s.tags[key]!)),
      ) && nameMatch.every((n) => s.name === n),
  );
  if (action === 'count') return { status: 200, body: { total_count: all.length } };
  const resources = all.slice(offset, offset + limit).map((s) => ({
    resource_id: s.id,
    resource_detail: '',
    resource_name: s.name,
    tags: Object.entries(s.tags).map(([key, value]) => ({ key, value })),
  }));
  return { status: 200, body: { resources, total_count: all.length } };
};

/**
 * ListInstances (batch-query): page_no from 1, page_size; filters instance_id, instance_name, pool_name.
 * `x-request-id` is a required query parameter here (Java SDK KooPhoneMeta.genForListInstances,
 * LocationType.Query), besides the header every KooPhone call needs; the answer for a missing one is
 * inferred. instance_name matching is not documented: substring, as CPH's server_name (the looser
 * reading, which a client that wants one name must narrow). The answer carries its code inside
 * `data` only (Java SDK ListInstancesResponse, InstanceBatchQueryRspData).
 */
const batchQuery: Handler = (ctx, req) => {
  const q = req.query;
  const queryId = q.get('x-request-id');
  if (queryId === null || queryId.trim() === '')
    throw new ParamError('x-request-id', 'x-request-id is a required query parameter of ListInstances');
  const pageNo = optionalInt(q, 'page_no') ?? 1;
  const pageSize = optionalInt(q, 'page_size') ?? 10;
  if (pageNo < 1) throw new ParamError('page_no', `page_no must be at least 1, got ${pageNo}`);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new ParamError('page_size', `page_size must be from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  const id = q.get('instance_id');
  const name = q.get('instance_name');
  const pool = q.get('pool_name');
  const all = ctx.fleet.instances.filter(
    (i) =>
      (id === null || i.id === id) &&
      (name === null || i.name.includes(name)) &&
      (pool === null || i.pool === pool),
  );
  const result = all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((i) => ({
    instance_id: i.id,
    instance_name: i.name,
    running_status: i.runningStatus,
    frozen_status: 0,
    region: 'cn-south-1',
    phone_id: i.id,
    pool_name: i.pool,
  }));
  return {
    status: 200,
    body: {
      data: {
        error_code: '0',
        error_msg: 'OK',
        result,
        page_no: pageNo,
        page_size: pageSize,
        total_count: all.length,
      },
    },
  };
};

export function fleetRoutes(ctx: Parameters<typeof cphGuarded>[0]): Route[] {
  return [
    {
      family: 'cph',
      method: 'GET',
      pattern: /^\/v1\/([^/]+)\/cloud-phone\/servers$/,
      handle: cphGuarded(ctx, listServers),
    },
    {
      family: 'cph',
      method: 'GET',
      pattern: /^\/v1\/([^/]+)\/cloud-phone\/phones$/,
      handle: cphGuarded(ctx, listPhones),
    },
    {
      family: 'cph',
      method: 'POST',
      pattern: /^\/v1\/([^/]+)\/([a-z-]+)\/resource_instances\/action$/,
      handle: cphGuarded(ctx, resourceInstances),
    },
    {
      family: 'koophone',
      method: 'GET',
      pattern: /^\/v1\/instances\/batch-query$/,
      handle: kooGuarded(ctx, batchQuery),
    },
  ];
}
