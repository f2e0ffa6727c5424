import { INPUT_OF } from '../inputs/fleet.js';
import { Outputs } from '../inputs/names.js';
import type { RunReport } from '../run/run-report.js';

/** The targets of one planned wave that never started. */
export interface UnstartedWave {
  wave: number;
  targets: string[];
  /** Set when the plan is unknown: these are every wave from `wave` on. */
  andLater?: boolean;
}

/**
 * The targets a rollout left unstarted (halted, cancelled or out of time between waves), one entry per
 * planned wave: they are always the last waves of the plan, whole.
 */
export function unstartedWaves(report: RunReport): UnstartedWave[] {
  const waves = report.waves;
  if (!waves?.notStarted.length) return [];
  const { notStarted, planned = [] } = waves;
  const out: UnstartedWave[] = [];
  let left = notStarted.length;
  for (let i = planned.length - 1; i >= 0 && left > 0; i--) {
    const size = planned[i]!;
    out.unshift({ wave: i + 1, targets: notStarted.slice(left - size, left) });
    left -= size;
  }
  if (left === 0) return out;
  // A plan that does not end on these targets: one line for all of them.
  return [{ wave: waves.rows.length + 1, targets: notStarted, andLater: true }];
}

/**
 * The input line that resumes the targets a rollout left unstarted: the pending-targets output of this
 * step, given to the input of their kind (a selection's phones are phone ids, for `phones`).
 */
export function resumeInput(report: RunReport): string {
  const notStarted = new Set(report.waves?.notStarted ?? []);
  const type = report.jobs.find((job) => notStarted.has(job.target))?.targetType ?? 'phone';
  return `${INPUT_OF[type]}: \${{ steps.<id>.outputs.${Outputs.PendingTargets} }}`;
}
