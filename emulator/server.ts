// HTTP plumbing: receive and record every request, apply injected faults, play the gateway
// (routing, then IAM authentication), hand over to the family handlers, answer.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Socket } from 'node:net';
import { notFound, unauthorized, type ApiResponse, type FamilyContext, type Route } from './api.js';
import { authenticate } from './auth.js';
import { cphRoutes } from './cph.js';
import { fleetRoutes } from './fleet-api.js';
import type { FleetModel } from './fleet.js';
import { FaultSet, isCanned } from './faults.js';
import { hex32 } from './ids.js';
import type { JobStore } from './jobs.js';
import type { OidcIssuer } from './oidc.js';
import type { StsService } from './sts.js';
import { koophoneRoutes } from './koophone.js';
import { isObsPath, type ObsStore } from './obs.js';
import type { EmulatorStats, Family, Fault, RecordedRequest, ResolvedOptions } from './types.js';

const JSON_TYPE = 'application/json;charset=UTF-8';

export interface ServerState {
  options: ResolvedOptions;
  jobs: JobStore;
  faults: FaultSet;
  requests: RecordedRequest[];
  obs: ObsStore;
  oidc: OidcIssuer;
  sts: StsService;
  fleet: FleetModel;
}

/**
 * OBS virtual-hosted addressing (OBS API reference, "Constructing a request"): the bucket is the
 * part of the Host before the OBS endpoint, `{bucket}.obs.{region}.myhuaweicloud.com`, and the path
 * is the key. Such requests are routed as the path-style `/{bucket}/{key}` they stand for; a Host
 * without `.obs.` (127.0.0.1, localhost, the API endpoints) keeps the path as sent.
 */
function virtualHostedPath(host: string | undefined, path: string): string {
  const name = (host ?? '').replace(/:\d+$/, '');
  const m = /^(.+?)\.obs\.[^:]+$/.exec(name);
  return m ? `/${m[1]}${path === '/' ? '' : path}` : path;
}

function familyOf(path: string): Family {
  if (/^\/v1\/instances(\/|$)/.test(path)) return 'koophone';
  if (/^\/v1\/[^/]+\/(cloud-phone|cph-server)(\/|$)/.test(path)) return 'cph';
  if (isObsPath(path)) return 'obs';
  return 'other';
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The body, and its MD5 when `hash` (object bytes: hashed as they arrive, not after). With a
 * Content-Length the bytes go straight into one buffer of that size: holding a 512 MB body as
 * thousands of 64 KiB chunks and joining them cost the emulator seconds of memory management
 * that no real server spends, and that the upload benchmark would charge to the client.
 */
function readBody(req: IncomingMessage, hash: boolean): Promise<{ raw: Buffer; md5?: Buffer }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let whole = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : undefined;
    let filled = 0;
    const chunks: Buffer[] = [];
    const md5 = hash ? createHash('md5') : undefined;
    req.on('data', (c: Buffer) => {
      md5?.update(c);
      if (whole && filled + c.length <= whole.length) {
        c.copy(whole, filled);
        filled += c.length;
        return;
      }
      // More bytes than declared (node refuses that; kept safe anyway): fall back to chunks.
      if (whole) chunks.push(whole.subarray(0, filled));
      whole = undefined;
      chunks.push(c);
    });
    req.on('end', () =>
      resolve({ raw: whole ? whole.subarray(0, filled) : Buffer.concat(chunks), md5: md5?.digest() }),
    );
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

/**
 * Internal failures answer like the family's own 500, which clients must treat as transient.
 * Only family routes have handlers, so every other path was answered before anything could throw.
 */
function internalError(family: Family, e: unknown): ApiResponse {
  const detail = e instanceof Error ? e.message : String(e);
  if (family === 'koophone') {
    return {
      status: 500,
      body: { error_code: 'KOOPHONE.API.9999', error_msg: `Internal service error: ${detail}` },
    };
  }
  return {
    status: 500,
    body: { request_id: hex32(), error_code: 'CPS.0003', error_msg: `Service internal error: ${detail}` },
  };
}

/** The permanent keys, or a temporary AK issued by STS together with its security token (API signing page; STS AssumeAgencyWithOIDC page). */
function gatewayKeys(
  sts: StsService,
  headers: IncomingHttpHeaders,
  options: ResolvedOptions,
  now: number,
): { ok: true; creds: ResolvedOptions } | { ok: false; message: string } {
  const access = /Access=([^,\s]+)/.exec(String(headers.authorization ?? ''))?.[1];
  const token = headers['x-security-token'];
  const check =
    access === undefined ? undefined : sts.check(access, Array.isArray(token) ? token[0] : token, now);
  if (!check) return { ok: true, creds: options };
  // inferred: APIG answers APIGW.0301 for every credential problem, these included.
  if (!check.ok) return { ok: false, message: `Incorrect IAM authentication information: ${check.message}` };
  return { ok: true, creds: { ...options, accessKey: access as string, secretKey: check.secretKey } };
}

export class EmulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly routes: Route[];
  private readonly closing = new AbortController();
  private seq = 0;
  private closed: Promise<void> | undefined;
  /** Load figures for benchmarks and tests: requests received, and how many were open at once. */
  private counters = { requests: 0, inFlight: 0, peakInFlight: 0 };

  constructor(private readonly state: ServerState) {
    // Every delayed request listens for the close; dozens at once are normal under load, not a leak.
    setMaxListeners(0, this.closing.signal);
    const ctx: FamilyContext = {
      options: state.options,
      jobs: state.jobs,
      obs: state.obs,
      fleet: state.fleet,
    };
    this.routes = [...koophoneRoutes(ctx), ...cphRoutes(ctx), ...fleetRoutes(ctx)];
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  resetSequence(): void {
    this.seq = 0;
  }

  stats(): EmulatorStats {
    return { ...this.counters };
  }

  /** Forgets the totals and the peak; requests still open stay counted as in flight. */
  resetStats(): void {
    this.counters.requests = 0;
    this.counters.peakInFlight = this.counters.inFlight;
  }

  /** Hung and delayed requests would keep server.close() waiting forever: destroy their sockets. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.closing.abort();
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    // In flight from arrival until the answer is sent or the connection dies ('close' fires for both).
    const counters = this.counters;
    counters.requests++;
    counters.peakInFlight = Math.max(counters.peakInFlight, ++counters.inFlight);
    res.once('close', () => counters.inFlight--);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = virtualHostedPath(req.headers.host, q < 0 ? url : url.slice(0, q));
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      seq: ++this.seq,
      method,
      path,
      query: Object.fromEntries(new URLSearchParams(rawQuery)),
      headers: flattenHeaders(req.headers),
      remoteAddress: req.socket.remoteAddress ?? '',
      remotePort: req.socket.remotePort ?? 0,
      rawBody: '',
      body: undefined,
      status: 0,
      time: started,
      family: familyOf(path),
    };
    this.state.requests.push(record);

    let raw: Buffer;
    let bodyMd5: Buffer | undefined;
    try {
      ({ raw, md5: bodyMd5 } = await readBody(req, record.family === 'obs'));
    } catch {
      this.log(record, started, 'client aborted');
      return;
    }
    // Object bodies can be large binary data: only their size is kept.
    record.rawBody =
      record.family === 'obs' && method === 'PUT' ? `<${raw.length} bytes>` : raw.toString('utf8');
    try {
      record.body = record.rawBody === '' ? undefined : JSON.parse(record.rawBody);
    } catch {
      record.body = undefined;
    }

    const fault = this.state.faults.pick(method, path);
    // Bytes damaged on the way: the handler sees the body with one byte flipped, the headers as sent.
    if (fault?.corruptBody && raw.length > 0) {
      raw[raw.length >> 1] = (raw[raw.length >> 1] ?? 0) ^ 0xff;
      bodyMd5 = undefined;
    }
    if (fault && !fault.afterEffect && (await this.applyFault(fault, req, res, record, started))) return;

    let response: ApiResponse;
    try {
      // GitHub's token service and Huawei STS live on their own hosts in reality; here on paths no API family uses.
      const keyless =
        record.family === 'other'
          ? ((await this.state.oidc.handle(method, path, rawQuery, req.headers.authorization)) ??
            (await this.state.sts.handle(method, path, req.headers, raw)))
          : undefined;
      response = keyless
        ? keyless
        : record.family === 'obs'
          ? this.state.obs.handle({
              method,
              path,
              rawQuery,
              headers: req.headers,
              body: raw,
              receivedAt: started,
              ...(bodyMd5 ? { bodyMd5 } : {}),
            })
          : this.dispatch(method, path, rawQuery, req.headers, raw);
    } catch (e) {
      response = internalError(record.family, e);
    }

    if (fault?.afterEffect && (await this.applyFault(fault, req, res, record, started))) return;
    this.send(res, record, response, fault && !isCanned(fault) ? fault.headers : undefined);
    this.log(record, started);
  }

  /** The gateway routes before it authenticates: an unknown API is a 404 whatever the credentials. */
  private dispatch(
    method: string,
    path: string,
    rawQuery: string,
    headers: IncomingHttpHeaders,
    raw: Buffer,
  ): ApiResponse {
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of this.routes) {
      if (r.method !== method) continue;
      match = r.pattern.exec(path);
      if (match) {
        route = r;
        break;
      }
    }
    if (!route || !match) return notFound();
    const now = Date.now();
    const { options } = this.state;
    const keys = gatewayKeys(this.state.sts, headers, options, now);
    if (!keys.ok) return unauthorized(keys.message);
    const auth = authenticate({ method, path, rawQuery, headers, body: raw }, keys.creds, now);
    if (!auth.ok) return unauthorized(auth.message);
    const params = match.slice(1).map((p) => safeDecode(p ?? ''));
    return route.handle(
      { method, path, query: new URLSearchParams(rawQuery), headers, rawBody: raw, scheme: auth.scheme, now },
      params,
    );
  }

  /** Returns true when the fault took over the answer. */
  private async applyFault(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    started: number,
  ): Promise<boolean> {
    if (fault.delayMs !== undefined && fault.delayMs > 0) {
      const completed = await this.sleep(fault.delayMs);
      if (!completed) return true; // the emulator is closing
    }
    if (fault.reset) {
      record.status = 0;
      req.socket.destroy();
      this.log(record, started, 'reset');
      return true;
    }
    if (fault.hang) {
      record.status = 0;
      this.log(record, started, 'hang');
      return true;
    }
    if (isCanned(fault)) {
      const status = fault.status ?? 200;
      const headers: Record<string, string> = { ...(fault.headers ?? {}) };
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = JSON_TYPE;
      record.status = status;
      if (!res.destroyed) {
        const body = fault.body ?? '';
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
          headers['Content-Length'] = String(Buffer.byteLength(body));
        res.writeHead(status, headers);
        res.end(body);
      }
      this.log(record, started, 'fault');
      return true;
    }
    return false;
  }

  private send(
    res: ServerResponse,
    record: RecordedRequest,
    response: ApiResponse,
    extra?: Record<string, string>,
  ): void {
    record.status = response.status;
    if (this.state.options.recordResponses && record.family !== 'obs' && response.raw === undefined) {
      record.response = response.body;
    }
    if (res.destroyed) return;
    const body = response.raw ?? JSON.stringify(response.body);
    res.writeHead(response.status, {
      'Content-Type': JSON_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': hex32(),
      ...(response.headers ?? {}),
      ...(extra ?? {}),
    });
    res.end(body);
  }

  private sleep(ms: number): Promise<boolean> {
    const signal = this.closing.signal;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private log(record: RecordedRequest, started: number, note?: string): void {
    if (!this.state.options.log) return;
    const query =
      Object.keys(record.query).length > 0 ? '?' + new URLSearchParams(record.query).toString() : '';
    const outcome = note === undefined ? String(record.status) : `${record.status || '-'} (${note})`;
    process.stderr.write(
      `[emulator] #${record.seq} ${record.method} ${record.path}${query} -> ${outcome} ${Date.now() - started}ms\n`,
    );
  }
}
