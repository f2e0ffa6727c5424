import { Outputs } from '../inputs/names.js';

/** Outputs of selection and waves, with the value every run that did not set them reports. */
export const ROLLOUT_OUTPUT_DEFAULTS: ReadonlyArray<[string, string]> = [
  [Outputs.Targets, '[]'],
  [Outputs.Halted, 'false'],
  [Outputs.WavesCompleted, '0'],
  [Outputs.PendingTargets, '[]'],
];
