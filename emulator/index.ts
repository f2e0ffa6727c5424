// Entry point: builds the emulator's state, starts the server and exposes the control surface
// tests use (outcomes, faults, counters).
import { FaultSet } from './faults.js';
import { FleetModel } from './fleet.js';
import { JobStore } from './jobs.js';
import { ObsStore } from './obs.js';
import { OIDC_DEFAULTS, OidcIssuer } from './oidc.js';
import { STS_DEFAULTS, StsService } from './sts.js';
import { EmulatorServer } from './server.js';
import type { Emulator, EmulatorOptions, RecordedRequest, ResolvedOptions } from './types.js';

export type { Emulator, EmulatorOptions, Fault, RecordedRequest, TargetKind } from './types.js';
export { canonicalRequest, computeSignature, formatSdkDate } from './auth.js';
export { phoneIdsOf } from './ids.js';
export { faultPresets } from './faults.js';
export { isObsPath } from './obs.js';
export { STS_DEFAULTS, STS_PATH } from './sts.js';

const DEFAULTS = {
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
    kooInstallStates: opts.kooInstallStates ?? 'sdk',
    outcome: opts.outcome ?? (() => undefined),
    unknownTargets: [...(opts.unknownTargets ?? [])],
    missingBuckets: [...(opts.missingBuckets ?? [])],
    log: opts.log ?? false,
    recordResponses: opts.recordResponses ?? false,
    oidc: { ...OIDC_DEFAULTS, ...opts.oidc },
    sts: { ...STS_DEFAULTS, ...opts.sts },
    jobClock: opts.jobClock ?? Date.now,
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const options = resolve(opts);
  const jobs = new JobStore(options);
  const faults = new FaultSet();
  const requests: RecordedRequest[] = [];
  const obs = new ObsStore(options);
  const fleet = new FleetModel();
  const oidc = new OidcIssuer(
    { ...OIDC_DEFAULTS, ...options.oidc },
    () => `http://127.0.0.1:${options.port}`,
  );
  const sts = new StsService({ ...STS_DEFAULTS, ...options.sts }, oidc);
  obs.temporaryKeys = sts;
  const server = new EmulatorServer({ options, jobs, faults, requests, obs, oidc, sts, fleet });
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
    oidc,
    sts,
    idTokenEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.options.requestToken,
    }),
    fleet,
    reset: () => {
      // Emptied in place: callers may hold a reference to `requests`.
      requests.length = 0;
      server.resetSequence();
      server.resetStats();
      jobs.reset();
      faults.clear();
      obs.reset();
      sts.reset();
      oidc.issued.length = 0;
      fleet.reset();
    },
    close: () => server.close(),
  };
}
