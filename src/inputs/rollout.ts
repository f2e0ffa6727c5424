import { Inputs } from './names.js';
import { parsed, rules, type InputReader } from './reader.js';
import type { CommonSettings } from './common.js';
import type { Fleet } from './fleet.js';
import { MAX_TARGETS } from './rules.js';
import { parseAmount, parseWaves, type Amount } from './waves.js';

export interface RolloutSettings {
  /** Refuse a run whose targets outnumber this, before anything is sent. */
  maxTargets?: number;
  waves?: Amount[];
  wavePauseMs: number;
  /** With waves: failures tolerated (count, or percentage of the targets attempted so far). */
  maxFailures: Amount;
  verify: boolean;
  skipInstalled: boolean;
  versionCode?: number;
  /** Launch the app after each install and check that it stays up: the wait in ms, or undefined when off. */
  smokeMs?: number;
}

const wavesRule = parsed<Amount[]>((value) => {
  const waves = parseWaves(value);
  return typeof waves === 'string' ? { problem: waves } : { value: waves };
});
const thresholdRule = parsed<Amount>((value) => {
  const amount = parseAmount(value);
  return amount
    ? { value: amount }
    : { problem: "must be a whole number of targets or a percentage such as '0', '5' or '10%'" };
});
const pauseDuration = rules.duration({ ms: 5 * 86_400_000, text: '120h' });
const pauseRule = parsed<number>((value) => {
  if (/^0+(ms|s|m|h)?$/.test(value.trim())) return { value: 0 };
  const ms = pauseDuration.safeParse(value);
  return ms.success ? { value: ms.data } : { problem: "must be a duration such as '0s', '30s' or '5m'" };
});
// Android's versionCode is a positive Java int.
const versionCodeRule = rules.integer(1, 2_147_483_647);
// Long enough for an app that crashes a few seconds into its start, short enough that a wave is not held for long.
const smokeDurationRule = rules.duration({ ms: 5 * 60_000, text: '5m' });

/** What the rollout rules ask of the chosen operation. */
interface RolloutOperation {
  fleet?: Fleet;
  singleWave?: boolean;
  installs?(): { packageName?: string; fromApk: boolean };
}

/** Reads the rollout inputs and the rules that tie them to the operation and to `wait`. */
export function readRollout(
  reader: InputReader,
  common: CommonSettings,
  operation: RolloutOperation,
): RolloutSettings {
  const { fleet } = operation;
  const settings: RolloutSettings = {
    maxTargets: reader.optional(Inputs.MaxTargets, rules.integer(1, MAX_TARGETS)),
    waves: reader.optional(Inputs.Waves, wavesRule),
    wavePauseMs: reader.withDefault(Inputs.WavePause, pauseRule),
    maxFailures: reader.withDefault(Inputs.MaxFailures, thresholdRule),
    verify: reader.withDefault(Inputs.Verify, rules.boolean),
    skipInstalled: reader.withDefault(Inputs.SkipInstalled, rules.boolean),
    versionCode: reader.optional(Inputs.VersionCode, versionCodeRule),
  };
  const smoke = reader.withDefault(Inputs.Smoke, rules.boolean);
  const smokeMs = reader.withDefault(Inputs.SmokeDuration, smokeDurationRule);
  if (smoke) settings.smokeMs = smokeMs;
  if (settings.waves && (!fleet || operation.singleWave)) {
    reader.fail(
      Inputs.Waves,
      'works with install-app and run-command, which run on instances or phones',
      reader.raw(Inputs.Waves),
    );
  }
  if (settings.waves && !common.wait) {
    reader.fail(
      Inputs.Waves,
      'needs wait: true: each wave is waited for before the next one starts',
      reader.raw(Inputs.Waves),
    );
  }
  if (reader.isExplicit(Inputs.MaxFailures) && !settings.waves) {
    reader.fail(
      Inputs.MaxFailures,
      'needs waves: failures are counted after each wave',
      reader.raw(Inputs.MaxFailures),
    );
  }
  if (reader.isExplicit(Inputs.WavePause) && !settings.waves) {
    reader.fail(Inputs.WavePause, 'needs waves', reader.raw(Inputs.WavePause));
  }
  for (const [name, on] of [
    [Inputs.Verify, settings.verify],
    [Inputs.SkipInstalled, settings.skipInstalled],
  ] as const) {
    if (!on) continue;
    if (!operation.installs) reader.fail(name, 'works with install-app only', 'true');
    if (fleet?.type === 'server') {
      reader.fail(
        name,
        'asks each phone for its installed version: list phones, or select servers with server-tags or server-name (they expand to their phones)',
        'true',
      );
    }
    if (name === Inputs.Verify && !common.wait) reader.fail(name, 'needs wait: true', 'true');
  }
  // With wait: false no job is polled, except skip-installed's version query, which runs before the submit.
  if (!common.wait && !settings.skipInstalled && reader.isExplicit(Inputs.PollInterval))
    reader.fail(
      Inputs.PollInterval,
      'needs wait: true: with wait: false no job is polled. Remove it, or wait for the jobs',
      reader.raw(Inputs.PollInterval),
    );
  if (settings.versionCode !== undefined && !operation.installs)
    reader.fail(Inputs.VersionCode, 'works with install-app only', reader.raw(Inputs.VersionCode));
  readSmokeRules(reader, common, operation, smoke);
  return settings;
}

/** smoke launches what install-app installed: it needs the package name and the wait, before anything is sent. */
function readSmokeRules(
  reader: InputReader,
  common: CommonSettings,
  operation: RolloutOperation,
  smoke: boolean,
): void {
  if (!smoke) {
    if (reader.isExplicit(Inputs.SmokeDuration))
      reader.fail(Inputs.SmokeDuration, 'needs smoke: true', reader.raw(Inputs.SmokeDuration));
    return;
  }
  if (!operation.installs) reader.fail(Inputs.Smoke, 'works with install-app only', 'true');
  if (!common.wait)
    reader.fail(Inputs.Smoke, 'needs wait: true: the app is launched once its install has finished', 'true');
  const app = operation.installs();
  if (!app.packageName && !app.fromApk) {
    reader.fail(
      Inputs.PackageName,
      'is required with smoke: the app is launched and looked for by this name (or give apk-path to read it from the APK)',
      '',
    );
  }
}
