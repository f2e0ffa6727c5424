// Which injected fault, if any, a request gets. One fault per request: the first eligible one in
// the order they were added. Every matching fault still counts the request, so `nth` always
// means "the nth request that matches this fault", whatever other faults did with it.
import type { Fault } from './types.js';

interface Entry {
  fault: Fault;
  matched: number;
  applied: number;
}

export class FaultSet {
  private entries: Entry[] = [];

  add(fault: Fault): void {
    this.entries.push({ fault, matched: 0, applied: 0 });
  }

  clear(): void {
    this.entries = [];
  }

  pick(method: string, path: string): Fault | undefined {
    let chosen: Entry | undefined;
    for (const e of this.entries) {
      if (!matches(e.fault, method, path)) continue;
      e.matched++;
      if (chosen) continue;
      const { nth, times } = e.fault;
      if (nth !== undefined && e.matched !== nth) continue;
      if (times !== undefined && e.applied >= times) continue;
      chosen = e;
    }
    if (chosen) chosen.applied++;
    return chosen?.fault;
  }
}

function matches(f: Fault, method: string, path: string): boolean {
  if (f.method !== undefined && f.method.toUpperCase() !== method.toUpperCase()) return false;
  if (f.path === undefined) return true;
  if (typeof f.path === 'string') return path.startsWith(f.path);
  f.path.lastIndex = 0; // a /g or /y regex would otherwise remember where it stopped
  return f.path.test(path);
}

/** A fault that answers by itself instead of letting the real response through. */
export function isCanned(f: Fault): boolean {
  return f.status !== undefined || f.body !== undefined;
}

const kooBody = (code: string, message: string) => JSON.stringify({ error_code: code, error_msg: message });

/**
 * Canned answers of the real services that no emulator rule produces by itself, for tests that
 * inject them with `addFault({ ...faultPresets.x, method, path, nth })`.
 */
export const faultPresets = {
  /** KooPhone error table: 1001, HTTP 401, no permission on these instances (not a credential error). */
  kooNoPermissionOnInstances: {
    status: 401,
    body: kooBody('KOOPHONE.API.1001', 'No permission to operate the instances.'),
  },
  /** KooPhone error table: 1002, HTTP 400, the instances of one call are in different regions. */
  kooInstancesInDifferentRegions: {
    status: 400,
    body: kooBody('KOOPHONE.API.1002', 'The instances are not in the same region.'),
  },
  /** KooPhone install page: 62005, the package already exists. HTTP 200 is inferred (the page gives none). */
  kooPackageExists: { status: 200, body: kooBody('KOOPHONE.API.62005', 'The app package already exists.') },
  /** KooPhone install page: 62016, tenant quota used up. HTTP 200 is inferred (the page gives none). */
  kooQuotaUsedUp: { status: 200, body: kooBody('KOOPHONE.API.62016', 'The tenant app quota is used up.') },
  /** KooPhone error table: 1323, HTTP 400, the task does not exist. */
  kooTaskNotFound: { status: 400, body: kooBody('KOOPHONE.API.1323', 'The task does not exist.') },
  /** Gateway throttling in its older spelling (SDK ExceptionUtil sees both APIGW.0308 and APIG.0308). */
  apigThrottled: {
    status: 429,
    headers: { 'Retry-After': '1' },
    body: JSON.stringify({
      error_code: 'APIG.0308',
      error_msg: 'The throttling threshold has been reached.',
    }),
  },
  /** Nested error form that some gateways answer (read by the SDK's ExceptionUtil). */
  nestedGatewayError: {
    status: 401,
    body: JSON.stringify({
      error: { code: 'APIGW.0301', message: 'Incorrect IAM authentication information' },
    }),
  },
} satisfies Record<string, Fault>;
