import type { Transport } from '../api/transport.js';
import { FleetLister, type ListingBounds, type Listed } from '../api/fleet-lists.js';
import { InputError } from '../inputs/errors.js';
import type { Selection } from '../inputs/fleet.js';
import { Inputs } from '../inputs/names.js';
import type { Settings } from '../operations/settings.js';
import type { Job } from '../api/jobs.js';
import type { TargetType } from '../inputs/fleet.js';

export interface SelectedFleet {
  /** Every target id of the run, in order (the `targets` output). */
  all: string[];
  /** The targets work is sent to: the listed ones, or those of a selection that are running. */
  running: string[];
  /** Targets the selection found not running: reported as skipped, sent nothing. */
  skipped: Job[];
  /** Set when the run has a selection: a line for the log and the summary. */
  description?: string;
  /** Set when the run has a selection: the filters it used, for messages. */
  filters?: string;
  /** Each selected phone's server, as the listing gave it. */
  serverOf?: ReadonlyMap<string, string>;
}

/**
 * Resolves a selection into ids with read-only list calls (also in a dry run); an explicit list passes
 * through. max-targets is checked here, before anything is sent.
 */
export async function selectFleet(
  settings: Settings,
  transport: Transport,
  info: (message: string) => void,
  deadline?: number,
): Promise<SelectedFleet> {
  const { fleet } = settings.operation;
  const listed = settings.operation.targets();
  let selected: SelectedFleet = { all: listed, running: listed, skipped: [] };
  if (fleet?.selection) {
    const what = describeSelection(fleet.selection);
    info(`Selecting ${fleet.type}s by ${what}...`);
    const bounds: ListingBounds = { maxTargets: settings.rollout.maxTargets, deadline };
    const lister = new FleetLister(transport, settings.projectId ?? '', settings.maxConcurrency, bounds);
    const resolved = await resolveSelection(fleet.selection, lister, fleet.type, info);
    selected = {
      all: resolved.all,
      running: resolved.running,
      skipped: resolved.skipped,
      serverOf: resolved.serverOf,
      filters: what,
      description: `Selected by ${what}: ${resolved.all.length} ${fleet.type}(s), ${resolved.running.length} running${resolved.skipped.length ? `, ${resolved.skipped.length} not running (skipped)` : ''}.`,
    };
    info(selected.description ?? '');
  }
  const max = settings.rollout.maxTargets;
  if (max !== undefined && selected.all.length > max) {
    throw new InputError(
      Inputs.MaxTargets,
      `is ${max}, but the run has ${selected.all.length} targets${fleet?.selection ? ' (the selection found that many)' : ''}: nothing was sent. Narrow the selection or raise max-targets`,
    );
  }
  return selected;
}

export function describeSelection(selection: Selection): string {
  if (selection.family === 'koophone') {
    return [
      selection.pool !== undefined && `pool_name=${selection.pool}`,
      selection.instanceName !== undefined && `instance name ${selection.instanceName}`,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return [
    selection.tags && [...selection.tags].map(([k, v]) => `${k}=${v.join('|')}`).join(' and '),
    selection.serverName !== undefined && `server name ${selection.serverName}`,
  ]
    .filter(Boolean)
    .join(', ');
}

export interface Resolved {
  /** Every target the selection found, in the service's order (servers' order, then their phones). */
  all: string[];
  /** Running targets: the ones work is sent to. */
  running: string[];
  /** A `skipped` result for each target that is not running. */
  skipped: Job[];
  /** Each phone's server, when the listing gave it (phones selected through their servers). */
  serverOf: Map<string, string>;
}

/** ListPhones `status` 2 and batch-query `running_status` 2 mean running (API reference). */
const RUNNING = 2;
/** ListCloudPhoneServers `status` 5: the server is normal (SDK Server.status). */
const SERVER_RUNNING = 5;
const PHONE_STATES: Record<number, string> = {
  0: 'creating',
  1: 'creating',
  3: 'resetting',
  4: 'restarting',
  6: 'frozen',
  7: 'stopping',
  8: 'stopped',
};
const INSTANCE_STATES: Record<number, string> = {
  0: 'unknown',
  1: 'stopped',
  3: 'going offline',
  4: 'starting',
  5: 'shut down',
};
const SERVER_STATES: Record<number, string> = { 2: 'abnormal', 8: 'frozen', 10: 'shut down' };

/**
 * How `server-name` and `instance-name` select: the whole name, or, with a `*`, a glob over the whole
 * name. CPH's server_name filter matches any name that contains the value (Go SDK
 * ListCloudPhoneServersRequest: fuzzy match), and KooPhone does not document how instance_name
 * matches, so the service only narrows the listing and this decides.
 */
interface NamePattern {
  text: string;
  matches(name: string): boolean;
  /** A part every match contains, for a service filter that matches substrings ('' when none). */
  literal: string;
  glob: boolean;
}

function namePattern(text: string): NamePattern {
  const glob = text.includes('*');
  const parts = text.split('*');
  const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
  return {
    text,
    glob,
    matches: (name) => re.test(name),
    literal: parts.reduce((a, b) => (b.length > a.length ? b : a), ''),
  };
}

/** Keeps the entries whose whole name matches; says in the log how many near matches were left out. */
function byWholeName(
  found: Listed[],
  pattern: NamePattern,
  what: string,
  input: string,
  info: (message: string) => void,
): Listed[] {
  const kept = found.filter((entry) => pattern.matches(entry.name));
  const near = found.filter((entry) => !pattern.matches(entry.name));
  if (near.length > 0) {
    const shown = near.slice(0, 5).map((entry) => entry.name);
    info(
      `${input} '${pattern.text}' selects ${pattern.glob ? 'names matching the glob' : 'that whole name'}: left out ${near.length} ${what}(s) the service listed with a near name (${shown.join(', ')}${near.length > shown.length ? ', ...' : ''}).${pattern.glob ? '' : ` Use a * (e.g. '${pattern.text}*') to select more.`}`,
    );
  }
  return kept;
}

/** Runs the list calls of a selection and splits what they found into running and skipped targets. */
export async function resolveSelection(
  selection: Selection,
  lister: FleetLister,
  targetType: TargetType = selection.family === 'koophone' ? 'instance' : 'phone',
  info: (message: string) => void = () => {},
): Promise<Resolved> {
  let found: Listed[];
  if (selection.family === 'koophone') {
    const name = selection.instanceName !== undefined ? namePattern(selection.instanceName) : undefined;
    // A glob cannot go to a filter whose matching is unknown: list the pool (or all) and match here.
    const listed = await lister.instances(
      { pool: selection.pool, name: name && !name.glob ? name.text : undefined },
      (entry) => !name || name.matches(entry.name),
    );
    found = name ? byWholeName(listed, name, 'instance', 'instance-name', info) : listed;
  } else {
    // When the servers are the targets, the listing that decides which are counts them for max-targets.
    const serverTargets = targetType === 'server';
    const name = selection.serverName !== undefined ? namePattern(selection.serverName) : undefined;
    let servers = selection.tags
      ? await lister.serversByTags(selection.tags, serverTargets && !name ? () => true : undefined)
      : undefined;
    if (name) {
      const tagged = servers && new Set(servers.map((s) => s.id));
      const named = byWholeName(
        await lister.serversByName(
          name.literal || undefined,
          serverTargets ? (s) => name.matches(s.name) && (!tagged || tagged.has(s.id)) : undefined,
        ),
        name,
        'server',
        'server-name',
        info,
      );
      const byId = new Map(named.map((s) => [s.id, s]));
      servers = servers ? servers.filter((s) => byId.has(s.id)).map((s) => byId.get(s.id)!) : named;
    }
    const unique = [...new Map((servers ?? []).map((s) => [s.id, s])).values()];
    if (targetType === 'server') found = unique;
    else found = unique.length ? await lister.phonesOf(unique.map((s) => s.id)) : [];
  }
  const seen = new Set<string>();
  const resolved: Resolved = { all: [], running: [], skipped: [], serverOf: new Map() };
  for (const target of found) {
    if (seen.has(target.id)) continue;
    seen.add(target.id);
    resolved.all.push(target.id);
    if (targetType === 'phone' && target.server) resolved.serverOf.set(target.id, target.server);
    // The tag listing gives no server status: such a server is a target, and the service judges it.
    const running =
      targetType === 'server'
        ? target.status === undefined || target.status === SERVER_RUNNING
        : target.status === RUNNING;
    if (running) {
      resolved.running.push(target.id);
      continue;
    }
    const states =
      targetType === 'phone' ? PHONE_STATES : targetType === 'server' ? SERVER_STATES : INSTANCE_STATES;
    const field = targetType === 'instance' ? 'running_status' : 'status';
    const state =
      target.status === undefined
        ? `no ${field}`
        : `${field} ${target.status}${states[target.status] ? ` (${states[target.status]})` : target.status < 0 ? ' (failed)' : ''}`;
    resolved.skipped.push({
      target: target.id,
      targetType,
      status: 'skipped',
      errorMessage: `not running: ${state}`,
      ...(targetType === 'phone' && target.server ? { server: target.server } : {}),
    });
  }
  return resolved;
}
