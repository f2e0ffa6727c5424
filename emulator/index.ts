// Entry point: builds the emulator's state, starts the server and exposes the control surface
// tests use (outcomes, faults, counters).
import { FaultSet } from './faults.js';
import { FleetModel } from './fleet.js';
import { JobStore } from './jobs.js';
import { ObsStore } from './obs.js';
import { EmulatorServer } from './server.js';
import type { Emulator, EmulatorOptions, RecordedRequest, ResolvedOptions } from './types.js';

export type {
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  Fault,
  Family,
  JobOutcome,
  ObsStats,
  RecordedRequest,
  ResolvedOptions,
  TargetKind,
} from './types.js';
export { canonicalQuery, canonicalRequest, canonicalUri, computeSignature, formatSdkDate } from './auth.js';
export { phoneIdsOf } from './ids.js';
export { FleetModel, type PackageInfo, type ServerSpec, type InstanceSpec } from './fleet.js';
export { isObsPath, obsResource, obsSign, obsStringToSign } from './obs.js';

export const DEFAULTS = {
  token: 'emulator-token',
  accessKey: 'EMULATORAK0000000000',
  secretKey: 'emulator-secret-key-0000000000000000000000',
  projectId: '0123456789abcdef0123456789abcdef',
  jobDurationMs: 1000,
  phonesPerServer: 2,
} as const;

function resolve(opts: EmulatorOptions): ResolvedOptions {
  return {
    port: opts.port ?? 0,
    token: opts.token ?? DEFAULTS.token,
    accessKey: opts.accessKey ?? DEFAULTS.accessKey,
    secretKey: opts.secretKey ?? DEFAULTS.secretKey,
    projectId: opts.projectId ?? DEFAULTS.projectId,
    jobDurationMs: opts.jobDurationMs ?? DEFAULTS.jobDurationMs,
    phonesPerServer: opts.phonesPerServer ?? DEFAULTS.phonesPerServer,
    outcome: opts.outcome ?? (() => undefined),
    unknownTargets: [...(opts.unknownTargets ?? [])],
    missingBuckets: [...(opts.missingBuckets ?? [])],
    log: opts.log ?? false,
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const options = resolve(opts);
  const jobs = new JobStore(options);
  const faults = new FaultSet();
  const requests: RecordedRequest[] = [];
  const obs = new ObsStore(options);
  const fleet = new FleetModel();
  const server = new EmulatorServer({ options, jobs, faults, requests, obs, fleet });
  options.port = await server.listen(options.port);

  return {
    url: `http://127.0.0.1:${options.port}`,
    requests,
    options,
    setOutcome: (target, outcome) => jobs.setOutcome(target, outcome),
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    jobsPerTarget: () => jobs.jobsPerTarget(),
    duplicateTargets: () => jobs.duplicateTargets(),
    lastJobFinishedAt: () => jobs.lastJobFinishedAt(),
    stats: () => server.stats(),
    putObject: (bucket, key, data) => obs.putObject(bucket, key, data),
    getObject: (bucket, key) => obs.getObject(bucket, key),
    presignedUrl: (bucket, key, expiresInSeconds) => obs.presignedUrl(bucket, key, expiresInSeconds),
    obsStats: () => obs.stats(),
    fleet,
    reset: () => {
      // Emptied in place: callers may hold a reference to `requests`.
      requests.length = 0;
      server.resetSequence();
      server.resetStats();
      jobs.reset();
      faults.clear();
      obs.reset();
      fleet.reset();
    },
    close: () => server.close(),
  };
}
