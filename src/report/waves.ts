import { formatDuration } from '../inputs/duration.js';

/** One wave of a rollout, as the summary shows it. */
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

/** The per-wave table shown above the per-target tables. */
export function waveTable(rows: WaveRow[]): string[] {
  if (rows.length === 0) return [];
  const out = [
    '### Waves',
    '',
    '| Wave | Targets | Succeeded | Failed | Skipped | Time |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const failed = r.running ? `${r.failed} (+${r.running} running)` : String(r.failed);
    out.push(
      `| ${r.wave} | ${r.targets} | ${r.succeeded} | ${failed} | ${r.skipped} | ${formatDuration(r.elapsedMs)} |`,
    );
  }
  out.push('');
  return out;
}
