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
