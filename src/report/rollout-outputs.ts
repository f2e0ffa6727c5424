import { Outputs } from '../inputs/names.js';

/**
 * Outputs of selection and waves, with the value every run that did not set them reports.
 * `pending-targets` is not here: every run derives it (report.ts), from its running jobs and the
 * targets a rollout did not start.
 */
export const ROLLOUT_OUTPUT_DEFAULTS: ReadonlyArray<[string, string]> = [
  [Outputs.Targets, '[]'],
  [Outputs.Halted, 'false'],
  [Outputs.WavesCompleted, '0'],
];
