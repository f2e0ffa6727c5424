import type { Amount } from '../inputs/waves.js';

function amountOf(amount: Amount, whole: number): number {
  if ('count' in amount) return amount.count;
  // Rounded up, on integers, so 10% of 2,000 is 200 and not 201 from floating-point noise.
  return Math.ceil((Math.round(amount.percent * 1000) * whole) / 100_000);
}

/**
 * Splits `total` ordered targets into waves: each size is a count or a percentage of all targets
 * (rounded up, at least 1), and the last size repeats until every target is covered.
 */
export function planWaves(total: number, sizes: Amount[]): number[] {
  const out: number[] = [];
  let covered = 0;
  for (let i = 0; covered < total; i++) {
    const size = Math.max(1, amountOf(sizes[Math.min(i, sizes.length - 1)]!, total));
    const n = Math.min(size, total - covered);
    out.push(n);
    covered += n;
  }
  return out;
}

/** Failures a rollout tolerates after `attempted` targets: a count, or a percentage of them rounded down. */
export function allowedFailures(threshold: Amount, attempted: number): number {
  if ('count' in threshold) return threshold.count;
  return Math.floor((Math.round(threshold.percent * 1000) * attempted) / 100_000);
}

/** How one wave of a rollout went, as the summary shows it. */
export interface WaveRow {
  wave: number;
  targets: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** Still running when the wave ended (timed out or cancelled). */
  running: number;
  elapsedMs: number;
}
