import * as z from '../zod.js';
import { checkErrorCode } from './koophone.js';
import { parseBody } from './response.js';
import type { Transport } from './transport.js';
import { mapLimit } from '../http/timing.js';

/**
 * The read-only list calls a selection needs (REFERENCE.md "Fleet listing"; SDK models
 * ListCloudPhoneServers, ListCloudPhones, ListResourceInstances). Every call pages; none is made
 * per target.
 */

/** Page sizes: the documented maximum of each call. */
const SERVERS_PAGE = 100;
const PHONES_PAGE = 100;
const RESOURCES_PAGE = 1000;
/** batch-query documents no maximum page size; 100 is what the other lists allow. */
const INSTANCES_PAGE = 100;

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? ''),
);
const status = z.nullish(z.union([z.number(), z.string()]));
// Ids from the service go into requests, outputs and the summary: they must look like ids.
const id = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'is not an id of letters, digits, - and _' }));

const serversBody = z.object({
  count: z.nullish(z.number()),
  servers: z.array(z.object({ server_id: id, server_name: text, status })),
});
const resourcesBody = z.object({
  total_count: z.nullish(z.number()),
  resources: z.array(z.object({ resource_id: id, resource_name: text })),
});
const phonesBody = z.object({
  count: z.nullish(z.number()),
  phones: z.array(z.object({ phone_id: id, server_id: id, phone_name: text, status })),
});
const instancesBody = z.object({
  data: z.object({
    total_count: z.nullish(z.number()),
    result: z.array(z.object({ instance_id: id, instance_name: text, running_status: status })),
  }),
});

export interface Listed {
  id: string;
  name: string;
  status?: number;
  server?: string;
}

const num = (v: number | string | null | undefined): number | undefined =>
  v === null || v === undefined || v === '' ? undefined : Number(v);

export class FleetLister {
  constructor(
    private readonly transport: Transport,
    private readonly projectId: string,
    private readonly concurrency: number,
  ) {}

  /** Servers carrying the tags (keys AND, values OR), in the service's order. */
  async serversByTags(tags: Map<string, string[]>): Promise<Listed[]> {
    const out: Listed[] = [];
    for (let offset = 0; ; offset += RESOURCES_PAGE) {
      const page = await this.transport.send(
        {
          method: 'POST',
          path: `/v1/${encodeURIComponent(this.projectId)}/cph-server/resource_instances/action`,
          // The SDK model types offset and limit as strings.
          body: {
            action: 'filter',
            offset: String(offset),
            limit: String(RESOURCES_PAGE),
            tags: [...tags].map(([key, values]) => ({ key, values })),
          },
          action: 'CPH list servers by tag',
          readOnly: true,
        },
        (response, a) => parseBody(resourcesBody, response, a),
      );
      out.push(...page.resources.map((r) => ({ id: r.resource_id, name: r.resource_name })));
      if (page.resources.length < RESOURCES_PAGE || out.length >= (page.total_count ?? Infinity)) return out;
    }
  }

  async serversByName(name: string): Promise<Listed[]> {
    const out: Listed[] = [];
    for (let offset = 0; ; offset += SERVERS_PAGE) {
      const page = await this.get(
        '/cloud-phone/servers',
        { offset: String(offset), limit: String(SERVERS_PAGE), server_name: name },
        'CPH list servers',
        serversBody,
      );
      out.push(...page.servers.map((s) => ({ id: s.server_id, name: s.server_name, status: num(s.status) })));
      if (page.servers.length < SERVERS_PAGE || out.length >= (page.count ?? Infinity)) return out;
    }
  }

  /**
   * The phones of these servers, grouped in the servers' order. One paged listing of every phone when
   * that takes fewer calls than one listing per server (the first page's `count` tells); else per server.
   */
  async phonesOf(servers: string[]): Promise<Listed[]> {
    const wanted = new Set(servers);
    const byServer = new Map<string, Listed[]>(servers.map((s) => [s, []]));
    const first = await this.phonePage(0);
    const total = first.count ?? undefined;
    if (total !== undefined && Math.ceil(total / PHONES_PAGE) <= servers.length) {
      // The first page gave the total: ask for the other pages side by side, then read them in order.
      const offsets: number[] = [];
      if (first.phones.length >= PHONES_PAGE)
        for (let offset = PHONES_PAGE; offset < total; offset += PHONES_PAGE) offsets.push(offset);
      const pages = [
        first,
        ...(await mapLimit(offsets, this.concurrency, (offset) => this.phonePage(offset))),
      ];
      for (const page of pages)
        for (const p of page.phones) if (wanted.has(p.server_id)) byServer.get(p.server_id)!.push(toPhone(p));
    } else {
      await mapLimit(servers, this.concurrency, async (server) => {
        for (let offset = 0; ; offset += PHONES_PAGE) {
          const page = await this.phonePage(offset, server);
          byServer.get(server)!.push(...page.phones.map(toPhone));
          if (page.phones.length < PHONES_PAGE || (page.count != null && offset + PHONES_PAGE >= page.count))
            return;
        }
      });
    }
    return servers.flatMap((s) => byServer.get(s) ?? []);
  }

  async instances(filters: { pool?: string; name?: string }): Promise<Listed[]> {
    const out: Listed[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const query: Record<string, string> = { page_no: String(pageNo), page_size: String(INSTANCES_PAGE) };
      if (filters.pool !== undefined) query.pool_name = filters.pool;
      if (filters.name !== undefined) query.instance_name = filters.name;
      const page = await this.transport.send(
        { method: 'GET', path: '/v1/instances/batch-query', query, action: 'KooPhone list instances' },
        (response, a) => {
          checkErrorCode(response, a);
          return parseBody(instancesBody, response, a).data;
        },
      );
      out.push(
        ...page.result.map((i) => ({
          id: i.instance_id,
          name: i.instance_name,
          status: num(i.running_status),
        })),
      );
      if (page.result.length < INSTANCES_PAGE || out.length >= (page.total_count ?? Infinity)) return out;
    }
  }

  private phonePage(offset: number, server?: string) {
    const query: Record<string, string> = { offset: String(offset), limit: String(PHONES_PAGE) };
    if (server) query.server_id = server;
    return this.get('/cloud-phone/phones', query, 'CPH list phones', phonesBody);
  }

  private get<S extends z.ZodMiniType>(
    path: string,
    query: Record<string, string>,
    action: string,
    schema: S,
  ): Promise<z.infer<S>> {
    return this.transport.send(
      { method: 'GET', path: `/v1/${encodeURIComponent(this.projectId)}${path}`, query, action },
      (response, a) => parseBody(schema, response, a),
    );
  }
}

function toPhone(p: z.infer<typeof phonesBody>['phones'][number]): Listed {
  return { id: p.phone_id, name: p.phone_name, status: num(p.status), server: p.server_id };
}
