import { createFamilyClient, pathPrefix } from '../api/families.js';
import type { SubmitCall } from '../api/calls.js';
import type { Job } from '../api/jobs.js';
import { Transport } from '../api/transport.js';
import { ListingError } from '../api/fleet-lists.js';
import { ApiError } from '../http/errors.js';
import { now } from '../http/timing.js';
import { formatDuration } from '../inputs/duration.js';
import { InputError } from '../inputs/errors.js';
import type { TargetType } from '../inputs/fleet.js';
import type { OutputName } from '../inputs/names.js';
import type { InputSource } from '../inputs/reader.js';
import { redactBody } from '../log/redact.js';
import { log, registerSecret } from '../log/untrusted.js';
import type { PrepareContext } from '../operations/operation.js';
import { readSettings, type Settings } from '../operations/settings.js';
import { countJobs, runStatus } from './outcome.js';
import { expectedVersion, runRollout, smokePackage, type Expected } from './rollout.js';
import { plannedSmoke } from './smoke.js';
import type { Build, RunReport } from './run-report.js';
import { describeSelection, selectFleet, type SelectedFleet } from './select.js';
import { planWaves } from './waves.js';

/** What a run knows so far: enough for any end, a crash included, to write every output and the summary. */
export interface Progress {
  started: number;
  operation: string;
  settings?: Settings;
  batchIdsOutput: 'task-ids' | 'request-ids';
  /** Targets the run was asked to reach, once known. */
  targets: string[];
  targetType?: TargetType;
  /** Jobs once submitting has begun; until then every target counts as not submitted. */
  jobs?: Job[];
  batchIds: string[];
  /** The `targets` output, once a selection is resolved. */
  selected?: string[];
  operationOutputs: Partial<Record<OutputName, string>>;
  credentialsExpiration?: Date;
  /** install-app: the build, once the APK is resolved; its MD5 once uploaded. */
  build?: Build;
}

/** How a run ends: its report, and the one ::error:: line when the cause is known (bad input, a refused call). */
export interface Conclusion {
  report: RunReport;
  failure?: string;
  /** Absent when the inputs could not be read: then the step fails whatever happened. */
  settings?: Settings;
}

/** Ends a run before anything reached the fleet; every target is then listed as not submitted. */
class Stop extends Error {
  constructor(
    /** The summary's note. */
    readonly note: string,
    /** The ::error:: line. */
    readonly failure: string,
    readonly status: 'failed' | 'cancelled' = 'failed',
    /** Why each target was not submitted. */
    readonly reason = failure,
    /** The targets' rows, when they are not simply "not submitted" (a selection's skipped ones). */
    readonly jobs?: Job[],
  ) {
    super(note);
  }
}

/**
 * The run, as a fixed plan: settings, local resolution (the APK), auth, selection, upload, plan (waves
 * and calls), then submit, wait, verify per wave. Whatever ends it comes back as one Conclusion; only
 * a bug throws.
 */
export async function runPipeline(
  progress: Progress,
  source: InputSource,
  signal: AbortSignal,
): Promise<Conclusion> {
  try {
    const settings = await readInputs(progress, source);
    return await deploy(progress, settings, signal);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return stopped(progress, error);
  }
}

async function readInputs(progress: Progress, source: InputSource): Promise<Settings> {
  try {
    // Secrets are registered as they are read, before anything else is printed.
    const settings = await log.group('Inputs', async () => {
      const read = await readSettings(source, process.env, registerSecret);
      log.info(describeRun(read));
      return read;
    });
    const { route } = settings.operation;
    Object.assign(progress, {
      settings,
      operation: settings.operation.name,
      batchIdsOutput: route.family === 'cph' ? 'request-ids' : 'task-ids',
      targetType: route.targetType,
      targets: settings.operation.targets(),
    });
    return settings;
  } catch (error) {
    if (error instanceof InputError) throw new Stop(`Nothing was sent: ${error.message}`, error.message);
    throw error;
  }
}

const SIGNING = { aksk: 'AK/SK signing', token: 'an IAM token', keyless: 'keyless (OIDC to temporary keys)' };

/** The Inputs fold's one line: what the run will do, where, and how it signs. */
function describeRun(settings: Settings): string {
  const { operation } = settings;
  const { targetType } = operation.route;
  const listed = operation.targets().length;
  const targets = operation.fleet?.selection
    ? `${targetType}s chosen by a selection`
    : `${listed} ${targetType}(s) listed`;
  return `${operation.route.title}: ${targets}, ${settings.endpoint}, ${SIGNING[settings.credentials.kind]}${settings.dryRun ? ', dry run' : ''}.`;
}

function cancelled(): Stop {
  const why = 'the run was cancelled';
  const failure = 'The run was cancelled before anything was sent to the fleet.';
  return new Stop(`Nothing was sent to the fleet: ${why}`, failure, 'cancelled', why);
}

/** Runs a step that sends nothing to the fleet; what ends the run there becomes a Stop. */
async function beforeSending<T>(signal: AbortSignal, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Stop) throw error;
    if (signal.aborted) throw cancelled();
    if (!(error instanceof InputError) && !(error instanceof ApiError) && !(error instanceof ListingError))
      throw error;
    const why = error instanceof InputError ? error.message : `${what}: ${error.message}`;
    throw new Stop(`Nothing was sent to the fleet: ${why}`, why);
  }
}

async function deploy(progress: Progress, read: Settings, signal: AbortSignal): Promise<Conclusion> {
  const context = prepareContext(progress, read, signal);
  let settings = await beforeSending(signal, 'reading the APK', async () => {
    const operation = await log.group('APK', () => read.operation.resolve(context(read)));
    const resolved = { ...read, operation };
    progress.build = buildOf(resolved);
    return resolved;
  });
  const checked = await beforeSending(signal, 'checking the inputs', async () => ({
    expected: expectedVersion(settings),
    smoke: smokePackage(settings),
  }));
  settings = await authenticate(progress, settings, signal);
  const deadline = progress.started + settings.waitTimeoutMs;
  const transport = new Transport({
    baseUrl: settings.endpoint,
    credentials: settings.credentials,
    // As the SDK's BasicCredentials: every AK/SK-signed call names its project, CPH included.
    projectIdHeader: settings.projectId,
    requestTimeoutMs: settings.requestTimeoutMs,
    signal,
    deadline,
    debug: (message) => log.debug(message),
  });
  try {
    // The annotation says why a selection failed: the selection, the listing, the service's code and
    // message, or the bound it hit.
    const { fleet } = settings.operation;
    const selecting = fleet?.selection
      ? `selecting ${fleet.type}s by ${describeSelection(fleet.selection)} failed`
      : 'selecting the targets failed';
    const selected = await beforeSending(signal, selecting, () =>
      selectFleet(settings, transport, (message) => log.info(message), deadline),
    );
    progress.selected = selected.all;
    progress.targets = settings.operation.fleet ? selected.running : selected.all;
    noneRunning(settings, selected);
    if (settings.dryRun) return dryRun(progress, settings, selected, checked.smoke);
    const prepared = await beforeSending(signal, 'the upload failed', () =>
      log.group('Upload', () => settings.operation.prepare(context(settings))),
    );
    settings = { ...settings, operation: prepared };
    progress.build = buildOf(settings);
    return await roll(progress, settings, selected, { ...checked, transport, signal });
  } finally {
    transport.dispose();
  }
}

/**
 * What an install sends out, for the top of the summary: the version-code input, when given, is the
 * one verify holds the targets to.
 */
function buildOf(settings: Settings): Build | undefined {
  const app = settings.operation.installs?.();
  if (!app) return undefined;
  const { packageName, versionName, md5, source } = app;
  return {
    packageName,
    versionName,
    versionCode: settings.rollout.versionCode ?? app.versionCode,
    md5,
    source,
  };
}

/** A selection that found no running target ends the run (a dry run reports what it found). */
function noneRunning(settings: Settings, selected: SelectedFleet): void {
  const { fleet } = settings.operation;
  if (!fleet?.selection || selected.running.length > 0) return;
  if (selected.all.length > 0 && settings.dryRun) return;
  const why = `No running ${fleet.type} matched the selection (${selected.filters ?? 'no filter'}${selected.all.length ? `; ${selected.all.length} matched, none running` : ''}): nothing was sent. Check the selection inputs.`;
  throw new Stop(`${selected.description ?? ''} ${why}`.trim(), why, 'failed', why, selected.skipped);
}

/** What an operation's own steps get: the log, the mask, and its declared outputs. */
function prepareContext(progress: Progress, read: Settings, signal: AbortSignal) {
  return (settings: Settings): PrepareContext => ({
    settings,
    dryRun: read.dryRun,
    signal,
    deadline: progress.started + settings.waitTimeoutMs,
    info: (message) => log.info(message),
    warning: (message) => log.warning(message),
    debug: (message) => log.debug(message),
    notice: (message) => log.notice(message),
    mask: registerSecret,
    setOutput: (name, value) => (progress.operationOutputs[name] = value),
  });
}

/** Keyless runs exchange the workflow's token first: the upload and every call sign with those keys. */
async function authenticate(progress: Progress, settings: Settings, signal: AbortSignal): Promise<Settings> {
  const { credentials } = settings;
  if (credentials.kind !== 'keyless') return settings;
  const { startKeyless } = await import(/* webpackMode: "eager" */ '../auth/start.js');
  // A dry run that resolves a selection needs keys for its read-only list calls.
  const lists = Boolean(settings.operation.fleet?.selection);
  const keyless = await startKeyless(
    { ...settings, keyless: credentials.keyless },
    { signal, started: progress.started, listsInDryRun: lists },
  );
  if (!keyless.ok && signal.aborted) throw cancelled();
  if (!keyless.ok) throw new Stop(`Nothing was sent to the fleet: ${keyless.message}`, keyless.message);
  progress.credentialsExpiration = keyless.session?.expiration;
  return { ...settings, credentials: { ...credentials, session: keyless.session } };
}

/** The report every end shares; `jobs`, `status` and the notes say how this one went. */
export function reportOf(
  progress: Progress,
  rest: Pick<RunReport, 'status' | 'jobs' | 'notes'> & Partial<RunReport>,
): RunReport {
  return {
    operation: progress.operation,
    batchIds: progress.batchIds,
    batchIdsOutput: progress.batchIdsOutput,
    elapsedMs: now() - progress.started,
    targets: progress.selected,
    operationOutputs: progress.operationOutputs,
    credentialsExpiration: progress.credentialsExpiration,
    build: progress.build,
    ...(progress.settings?.region && {
      console: { family: progress.settings.operation.route.family, region: progress.settings.region },
    }),
    ...rest,
  };
}

function stopped(progress: Progress, stop: Stop): Conclusion {
  const report = reportOf(progress, {
    status: stop.status,
    jobs: stop.jobs ?? notSubmitted(progress, `not submitted: ${stop.reason}`),
    batchIds: [],
    notes: [stop.note],
  });
  return { report, failure: stop.failure, settings: progress.settings };
}

/** Every target the run was asked to reach, as failed before anything was sent. */
export function notSubmitted(progress: Progress, reason: string): Job[] {
  const targetType = progress.targetType ?? 'instance';
  return progress.targets.map((target) => ({ target, targetType, status: 'failed', errorMessage: reason }));
}

async function dryRun(
  progress: Progress,
  settings: Settings,
  selected: SelectedFleet,
  smokePackage: string | undefined,
): Promise<Conclusion> {
  const { operation } = settings;
  const calls = progress.targets.length === 0 ? [] : operation.buildCalls(settings, progress.targets);
  const waves = settings.rollout.waves
    ? planWaves(progress.targets.length, settings.rollout.waves)
    : undefined;
  const smoke = smokePackage
    ? plannedSmoke(smokePackage, progress.targets, operation.route.targetType)
    : undefined;
  const planned = describeCalls([...calls, ...(smoke?.calls ?? [])], settings);
  // The plan the real run would announce ("Rolling out to ..."), in the log as well as the summary.
  if (waves)
    log.info(
      `dry-run: would roll out to ${progress.targets.length} target(s) in ${waves.length} wave(s): ${waves.join(', ')}`,
    );
  await log.group(`Requests that would be sent (${planned.length})`, async () => {
    for (const text of planned) log.block(`dry-run: would send\n${text}`);
  });
  const report = reportOf(progress, {
    status: 'dry-run',
    jobs: selected.skipped,
    notes: [
      ...(selected.description ? [selected.description] : []),
      ...(operation.fleet?.selection
        ? [
            `Dry run: the selection was resolved with read-only list calls${settings.credentials.kind === 'keyless' ? ", after exchanging the workflow's token for temporary keys" : ''}; nothing was sent to the fleet.`,
          ]
        : []),
      ...(waves ? [`Waves: ${waves.join(', ')} target(s).`] : []),
      ...(smoke ? [smoke.note] : []),
      `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${operation.route.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
    ],
    plannedRequests: planned,
  });
  return { report, settings };
}

/** The exact requests a run would send, with credentials shown as placeholders. */
function describeCalls(calls: SubmitCall[], settings: Settings): string[] {
  const auth =
    settings.credentials.kind === 'token'
      ? 'X-Auth-Token: ***'
      : settings.credentials.kind === 'keyless'
        ? 'Authorization: SDK-HMAC-SHA256 Access=*** (temporary), SignedHeaders=..., Signature=***\nX-Security-Token: ***'
        : 'Authorization: SDK-HMAC-SHA256 Access=***, SignedHeaders=..., Signature=***';
  return calls.map((call) => {
    const url = `${settings.endpoint}${pathPrefix(settings.operation.route.family, settings)}${call.path}`;
    return [`POST ${url}`, auth, JSON.stringify(redactBody(call.body), null, 2)].join('\n');
  });
}

interface RollContext {
  expected?: Expected;
  smoke?: string;
  transport: Transport;
  signal: AbortSignal;
}

/** Submits, waits for and verifies each wave, and says how the run ended. */
async function roll(
  progress: Progress,
  settings: Settings,
  selected: SelectedFleet,
  { expected, smoke, transport, signal }: RollContext,
): Promise<Conclusion> {
  const family = createFamilyClient(settings.operation.route.family, settings, transport, (m) =>
    log.debug(m),
  );
  const rollout = await runRollout(progress.targets, {
    settings,
    family,
    expected,
    smoke,
    deadline: progress.started + settings.waitTimeoutMs,
    signal,
    started: progress.started,
    info: (message) => log.info(message),
    track: (jobs, batchIds) => {
      progress.jobs = [...selected.skipped, ...jobs];
      progress.batchIds = batchIds;
    },
  });
  const { end, notes } = rollout;
  if (end === 'timed-out') {
    notes.push(
      `wait-timeout (${formatDuration(settings.waitTimeoutMs)}) passed with jobs still running. They go on in the service; raise wait-timeout or check them later with the ids below.`,
    );
  }
  if (end === 'cancelled') {
    notes.push(
      'The workflow was cancelled. Jobs already submitted go on running in the service: its API offers no way to cancel them. The ones still running are listed below.',
    );
  }
  const jobs = [...selected.skipped, ...withServers(rollout.jobs, selected.serverOf)];
  const report = reportOf(progress, {
    status: runStatus(countJobs(jobs), end),
    jobs,
    batchIds: rollout.batchIds,
    batchIdsOutput: family.batchIdsOutput,
    notes: [...(selected.description ? [selected.description] : []), ...notes],
    waves: rollout.waves && {
      ...rollout.waves,
      planned: planWaves(progress.targets.length, settings.rollout.waves ?? []),
    },
  });
  return { report, settings };
}

/** Each phone's server, as the selection listed it, on the jobs that do not name one. */
function withServers(jobs: Job[], serverOf: ReadonlyMap<string, string> | undefined): Job[] {
  if (!serverOf?.size) return jobs;
  return jobs.map((job) => {
    const server = job.server ?? serverOf.get(job.target);
    return server === job.server ? job : { ...job, server };
  });
}
