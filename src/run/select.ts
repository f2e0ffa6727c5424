import type { Transport } from '../api/transport.js';
import { FleetLister, type Listed } from '../api/fleet-lists.js';
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
}

/**
 * Resolves a selection into ids with read-only list calls (also in a dry run); an explicit list passes
 * through. max-targets is checked here, before anything is sent.
 */
export async function selectFleet(
  settings: Settings,
  transport: Transport,
  info: (message: string) => void,
): Promise<SelectedFleet> {
  const { fleet } = settings.operation;
  const listed = settings.operation.targets();
  let selected: SelectedFleet = { all: listed, running: listed, skipped: [] };
  if (fleet?.selection) {
    const what = describeSelection(fleet.selection);
    info(`Selecting ${fleet.type}s by ${what}...`);
    const lister = new FleetLister(transport, settings.projectId ?? '', settings.maxConcurrency);
    const resolved = await resolveSelection(fleet.selection, lister);
    selected = {
      all: resolved.all,
      running: resolved.running,
      skipped: resolved.skipped,
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

function describeSelection(selection: Selection): string {
  if (selection.family === 'koophone') {
    return [
      selection.pool !== undefined && `pool_name=${selection.pool}`,
      selection.instanceName !== undefined && `instance_name=${selection.instanceName}`,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return [
    selection.tags && [...selection.tags].map(([k, v]) => `${k}=${v.join('|')}`).join(' and '),
    selection.serverName !== undefined && `server_name=${selection.serverName}`,
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
}

/** ListPhones `status` 2 and batch-query `running_status` 2 mean running (API reference). */
const RUNNING = 2;
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

/** Runs the list calls of a selection and splits what they found into running and skipped targets. */
export async function resolveSelection(selection: Selection, lister: FleetLister): Promise<Resolved> {
  let found: Listed[];
  let targetType: TargetType;
  if (selection.family === 'koophone') {
    targetType = 'instance';
    found = await lister.instances({ pool: selection.pool, name: selection.instanceName });
  } else {
    targetType = 'phone';
    let servers = selection.tags ? await lister.serversByTags(selection.tags) : undefined;
    if (selection.serverName !== undefined) {
      const named = await lister.serversByName(selection.serverName);
      const ids = new Set(named.map((s) => s.id));
      servers = servers ? servers.filter((s) => ids.has(s.id)) : named;
    }
    const unique = [...new Set((servers ?? []).map((s) => s.id))];
    found = unique.length ? await lister.phonesOf(unique) : [];
  }
  const seen = new Set<string>();
  const resolved: Resolved = { all: [], running: [], skipped: [] };
  for (const target of found) {
    if (seen.has(target.id)) continue;
    seen.add(target.id);
    resolved.all.push(target.id);
    if (target.status === RUNNING) {
      resolved.running.push(target.id);
      continue;
    }
    const states = targetType === 'phone' ? PHONE_STATES : INSTANCE_STATES;
    const field = targetType === 'phone' ? 'status' : 'running_status';
    const state =
      target.status === undefined
        ? `no ${field}`
        : `${field} ${target.status}${states[target.status] ? ` (${states[target.status]})` : target.status < 0 ? ' (failed)' : ''}`;
    resolved.skipped.push({
      target: target.id,
      targetType,
      status: 'skipped',
      errorMessage: `not running: ${state}`,
    });
  }
  return resolved;
}
