import type { Transport } from '../api/transport.js';
import { Inputs } from '../inputs/names.js';
import { InputError } from '../inputs/errors.js';
import type { Job } from './jobs.js';
import type { Fleet } from '../operations/fleet.js';
import type { Settings } from '../inputs/settings.js';
import { FleetLister } from '../api/fleet-lists.js';
import { describeSelection, resolveSelection } from './select.js';

export interface SelectedFleet {
  /** Every target id of the run, in order (the `targets` output). */
  all: string[];
  /** Targets the selection found not running: reported as skipped, sent nothing. */
  skipped: Job[];
  /** Set when the run has a selection: a line for the log and the summary. */
  description?: string;
}

/**
 * Resolves a selection into ids with read-only list calls (also in a dry run) and puts the running
 * ones into the fleet; an explicit list passes through. max-targets is checked here, before anything is sent.
 */
export async function selectFleet(
  settings: Settings,
  transport: Transport,
  info: (message: string) => void,
  /** The targets of operations without a fleet (server lists), from their calls. */
  listed: () => string[],
): Promise<SelectedFleet> {
  const fleet = (settings.params as { fleet?: Fleet }).fleet;
  let selected: SelectedFleet = { all: fleet ? fleet.ids : listed(), skipped: [] };
  if (fleet?.selection) {
    const what = describeSelection(fleet.selection);
    info(`Selecting ${fleet.type}s by ${what}...`);
    const lister = new FleetLister(transport, settings.projectId ?? '', settings.maxConcurrency);
    const resolved = await resolveSelection(fleet.selection, lister);
    fleet.ids = resolved.running;
    selected = {
      all: resolved.all,
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
