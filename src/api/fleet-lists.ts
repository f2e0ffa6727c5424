import * as z from '../zod.js';
import { checkNestedErrorCode } from './koophone.js';
import { parseBody } from './response.js';
import type { Transport } from './transport.js';
import { mapLimit, now } from '../http/timing.js';
import { MAX_TARGETS } from '../inputs/rules.js';
import { InputError } from '../inputs/errors.js';
import { Inputs } from '../inputs/names.js';

/**
 * The read-only list calls a selection needs (SDK models ListCloudPhoneServers, ListCloudPhones,
 * ListResourceInstances, KooPhone ListInstances). Every call pages; none is made per target, and
 * every listing is bounded (Pager).
 */

/** Page sizes: the largest each call documents. */
const SERVERS_PAGE = 100;
/** ListCloudPhones allows `limit` up to 200 (current API page and SDK ListCloudPhonesRequest). */
const PHONES_PAGE = 200;
const RESOURCES_PAGE = 1000;
/** ListInstances documents no maximum page size; 100 is what the other lists allow (inferred). */
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
// Java SDK ListInstancesResponse: everything, error_code included, inside `data` (InstanceBatchQueryRspData).
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

/** Why a listing stopped before its end: the selection is unusable, and nothing may be sent. */
export class ListingError extends Error {
  constructor(
    readonly listing: string,
    readonly reason: string,
  ) {
    super(`${listing} stopped: ${reason}. Nothing was sent`);
    this.name = 'ListingError';
  }
}

export interface ListingBounds {
  /** Most targets the run may have (max-targets, else the action's own cap of 20,000). */
  maxTargets?: number;
  /** Epoch ms after which no further page is asked for (the run's wait-timeout). */
  deadline?: number;
}

/**
 * One paged listing, bounded whatever the service answers: it stops at a page that brings no id it
 * has not seen (a service repeating its last page would otherwise be asked forever), at the action's
 * cap of listed entries, and at the deadline.
 */
class Pager {
  private readonly seen = new Set<string>();

  constructor(
    private readonly listing: string,
    private readonly bounds: ListingBounds,
  ) {}

  /** Before asking for another page. */
  next(): void {
    if (this.bounds.deadline !== undefined && now() >= this.bounds.deadline)
      throw new ListingError(this.listing, 'wait-timeout passed before the listing ended');
  }

  /** Adds a page; returns the entries new to this listing. */
  add(page: Listed[], where: string): Listed[] {
    const fresh = page.filter((entry) => !this.seen.has(entry.id));
    if (page.length > 0 && fresh.length === 0)
      throw new ListingError(this.listing, `the service returned a page seen before (${where})`);
    for (const entry of fresh) this.seen.add(entry.id);
    if (this.seen.size > MAX_TARGETS)
      throw new ListingError(this.listing, `it listed more than ${MAX_TARGETS} entries, the action's cap`);
    return fresh;
  }
}

export class FleetLister {
  /** Targets (phones or instances) kept so far by all listings of this selection. */
  private kept = 0;

  constructor(
    private readonly transport: Transport,
    private readonly projectId: string,
    private readonly concurrency: number,
    private readonly bounds: ListingBounds = {},
  ) {}

  /**
   * Servers carrying the tags (keys AND, values OR), in the service's order. `keep` tells which are
   * targets (when the servers themselves are), for the max-targets bound.
   */
  async serversByTags(tags: Map<string, string[]>, keep?: (entry: Listed) => boolean): Promise<Listed[]> {
    const listing = 'CPH list servers by tag';
    const pager = new Pager(listing, this.bounds);
    const out: Listed[] = [];
    for (let offset = 0; ; offset += RESOURCES_PAGE) {
      pager.next();
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
          action: listing,
          readOnly: true,
        },
        (response, a) => parseBody(resourcesBody, response, a),
      );
      const fresh = pager.add(
        page.resources.map((r) => ({ id: r.resource_id, name: r.resource_name })),
        `offset ${offset}`,
      );
      if (keep) this.keep(listing, fresh.filter(keep).length);
      out.push(...fresh);
      if (page.resources.length < RESOURCES_PAGE || out.length >= (page.total_count ?? Infinity)) return out;
    }
  }

  /**
   * Servers whose name contains `filter` (CPH's server_name is a substring filter), or every server.
   * `keep` tells which are targets (when the servers themselves are), for the max-targets bound.
   */
  async serversByName(filter: string | undefined, keep?: (entry: Listed) => boolean): Promise<Listed[]> {
    const listing = 'CPH list servers';
    const pager = new Pager(listing, this.bounds);
    const out: Listed[] = [];
    for (let offset = 0; ; offset += SERVERS_PAGE) {
      pager.next();
      const query: Record<string, string> = { offset: String(offset), limit: String(SERVERS_PAGE) };
      if (filter) query.server_name = filter;
      const page = await this.get('/cloud-phone/servers', query, listing, serversBody);
      const fresh = pager.add(
        page.servers.map((s) => ({ id: s.server_id, name: s.server_name, status: num(s.status) })),
        `offset ${offset}`,
      );
      if (keep) this.keep(listing, fresh.filter(keep).length);
      out.push(...fresh);
      if (page.servers.length < SERVERS_PAGE || out.length >= (page.count ?? Infinity)) return out;
    }
  }

  /**
   * The phones of these servers, grouped in the servers' order. One paged listing of every phone when
   * that takes fewer calls than one listing per server (the first page's `count` tells); else per server.
   */
  async phonesOf(servers: string[]): Promise<Listed[]> {
    const listing = 'CPH list phones';
    const wanted = new Set(servers);
    const byServer = new Map<string, Listed[]>(servers.map((s) => [s, []]));
    const all = new Pager(listing, this.bounds);
    all.next();
    const first = await this.phonePage(0);
    const total = first.count ?? undefined;
    if (total !== undefined && total <= MAX_TARGETS && Math.ceil(total / PHONES_PAGE) <= servers.length) {
      // The first page gave the total: ask for the other pages side by side, then read them in order.
      const offsets: number[] = [];
      if (first.phones.length >= PHONES_PAGE)
        for (let offset = PHONES_PAGE; offset < total; offset += PHONES_PAGE) offsets.push(offset);
      all.next();
      const pages = [
        first,
        ...(await mapLimit(offsets, this.concurrency, (offset) => this.phonePage(offset))),
      ];
      pages.forEach((page, i) => {
        const fresh = all.add(page.phones.map(toPhone), `offset ${i * PHONES_PAGE}`);
        const mine = fresh.filter((p) => wanted.has(p.server!));
        this.keep(listing, mine.length);
        for (const p of mine) byServer.get(p.server!)!.push(p);
      });
    } else {
      await mapLimit(servers, this.concurrency, async (server) => {
        const name = `${listing} of server ${server}`;
        const pager = new Pager(name, this.bounds);
        for (let offset = 0; ; offset += PHONES_PAGE) {
          pager.next();
          const page = await this.phonePage(offset, server);
          const fresh = pager.add(page.phones.map(toPhone), `offset ${offset}`);
          this.keep(name, fresh.length);
          byServer.get(server)!.push(...fresh);
          if (page.phones.length < PHONES_PAGE || (page.count != null && offset + PHONES_PAGE >= page.count))
            return;
        }
      });
    }
    return servers.flatMap((s) => byServer.get(s) ?? []);
  }

  /**
   * KooPhone instances of a pool and/or whose name the service matches with `name` (how it matches
   * is not documented). `keep` tells which entries are targets, for the max-targets bound.
   */
  async instances(
    filters: { pool?: string; name?: string },
    keep: (entry: Listed) => boolean = () => true,
  ): Promise<Listed[]> {
    const listing = 'KooPhone list instances';
    const pager = new Pager(listing, this.bounds);
    const out: Listed[] = [];
    for (let pageNo = 1; ; pageNo++) {
      pager.next();
      const query: Record<string, string> = { page_no: String(pageNo), page_size: String(INSTANCES_PAGE) };
      if (filters.pool !== undefined) query.pool_name = filters.pool;
      if (filters.name !== undefined) query.instance_name = filters.name;
      const page = await this.transport.send(
        { method: 'GET', path: '/v1/instances/batch-query', query, action: listing, requestIdInQuery: true },
        (response, a) => {
          checkNestedErrorCode(response, a);
          return parseBody(instancesBody, response, a).data;
        },
      );
      const fresh = pager.add(
        page.result.map((i) => ({ id: i.instance_id, name: i.instance_name, status: num(i.running_status) })),
        `page_no ${pageNo}`,
      );
      this.keep(listing, fresh.filter(keep).length);
      out.push(...fresh);
      if (page.result.length < INSTANCES_PAGE || out.length >= (page.total_count ?? Infinity)) return out;
    }
  }

  /**
   * Counts targets found by all listings of the selection; past max-targets, or past the action's cap
   * when max-targets is not given (phones listed server by server add up past any one listing's cap),
   * the selection is refused before the listing goes on.
   */
  private keep(listing: string, count: number): void {
    this.kept += count;
    const max = this.bounds.maxTargets;
    if (max !== undefined && this.kept > max)
      throw new InputError(
        Inputs.MaxTargets,
        `is ${max}, but the selection has more than ${max} targets (${listing} stopped there): nothing was sent. Narrow the selection or raise max-targets`,
      );
    if (this.kept > MAX_TARGETS)
      throw new ListingError(
        listing,
        `the selection found more than ${MAX_TARGETS} targets, the action's cap`,
      );
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
