import type { CommonSettings } from '../inputs/common.js';
import type { Fleet } from '../inputs/fleet.js';
import type { InputName, OutputName } from '../inputs/names.js';
import type { InputReader } from '../inputs/reader.js';
import type { Route, SubmitCall } from '../api/calls.js';

/** What an operation's own steps may use: the settings, the log and its outputs. Nothing here reaches the fleet. */
export interface PrepareContext<O extends OutputName = OutputName> {
  settings: CommonSettings;
  dryRun: boolean;
  signal?: AbortSignal;
  /** Epoch ms when wait-timeout ends the run: no retry of an upload request waits past it. */
  deadline?: number;
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** A notice annotation: something the user should know that is not a problem. */
  notice?: (message: string) => void;
  mask: (secret: string) => void;
  /** Sets one of the outputs the operation declares. */
  setOutput: (name: O, value: string) => void;
}

/**
 * What an install brings: the package and versionCode verify and skip-installed ask the targets about,
 * and what the summary shows of the build that went out.
 */
export interface InstalledApp {
  packageName?: string;
  versionCode?: number;
  /** The values come from the APK at apk-path (its manifest may lack a literal versionCode). */
  fromApk: boolean;
  /** android:versionName, or the app-version input. */
  versionName?: string;
  /** Of the APK file, once known (apk-md5, or read from apk-path when it is uploaded). */
  md5?: string;
  /** Where the targets fetch it: the OBS object (`obs://bucket/key`), else the apk-url. */
  source?: string;
}

/**
 * What an operation file declares: the inputs it reads and the outputs it sets, as data (action.yml and
 * docs/input-rules.md are checked against them), and how its parameters become requests. Transport, polling and
 * reporting are shared, so a new operation is one file like run-command.ts plus one line in index.ts.
 * An operation that takes a fleet keeps it in `params.fleet`: selection, waves and the per-wave calls
 * work on it. Parameters are never changed in place: each step returns the next version of them.
 */
export interface OperationSpec<P extends { fleet?: Fleet }, O extends OutputName> {
  name: string;
  /** Every input `readParams` reads (it cannot read others); the Operations column of docs/input-rules.md lists them. */
  inputs: readonly InputName[];
  /** Outputs only this operation gives a value (every run sets every output, empty by default). */
  outputs?: readonly O[];
  /** Its fleet is sent to at once: `waves` is refused. */
  singleWave?: boolean;
  /** Reads and validates the operation's own inputs; throws InputError. */
  readParams(reader: InputReader, common: CommonSettings): P;
  route(params: P): Route;
  /**
   * Completes the parameters from local files (the APK at apk-path) before any request: every input
   * error the run can have is raised here or in readParams. Sends nothing.
   */
  resolve?(params: P, context: PrepareContext<O>): Promise<P>;
  /** Requests the submit needs first (the upload to OBS), once the run is authenticated and its targets known. */
  prepare?(params: P, context: PrepareContext<O>): Promise<P>;
  /** The targets of an operation without a fleet (the listed servers). */
  targets?(params: P): string[];
  /** Splits the targets over the API's per-call limit. Throws nothing: resolve() has checked what goes in. */
  buildCalls(params: P, common: CommonSettings): SubmitCall[];
  /** install-app: what it installs, once `resolve` has read the APK. */
  installs?(params: P): InstalledApp;
}

/** The operation a run performs, bound to the parameters its inputs gave. */
export interface BoundOperation {
  readonly name: string;
  readonly route: Route;
  /** install-app and run-command: the fleet the work goes to (its ids are the listed ones, if any). */
  readonly fleet?: Fleet;
  /** The fleet is sent to at once: no waves. */
  readonly singleWave?: boolean;
  /** The same operation with its parameters completed from local files (see OperationSpec.resolve). */
  resolve(context: PrepareContext): Promise<BoundOperation>;
  /** The same operation with what its submit needs fetched or uploaded (see OperationSpec.prepare). */
  prepare(context: PrepareContext): Promise<BoundOperation>;
  /** The targets the inputs name: listed ids (empty for a selection until it is resolved). */
  targets(): string[];
  /** The calls for every target, or, for an operation with a fleet, for these of its targets (a wave). */
  buildCalls(common: CommonSettings, targets?: string[]): SubmitCall[];
  installs?(): InstalledApp;
}

/** An entry of the operation list: its name and declarations, and how to read it into a bound operation. */
export interface Operation<N extends string = string> {
  readonly name: N;
  readonly inputs: readonly InputName[];
  readonly outputs: readonly OutputName[];
  read(reader: InputReader, common: CommonSettings): BoundOperation;
}

/**
 * Turns a declaration into an entry of the operation list. The parameter type stays inside: what
 * `read` returns has its parameters bound, so no caller ever holds them untyped.
 */
export function defineOperation<
  const N extends string,
  P extends { fleet?: Fleet },
  const O extends OutputName = never,
>(spec: OperationSpec<P, O> & { name: N }): Operation<N> {
  return {
    name: spec.name,
    inputs: spec.inputs,
    outputs: spec.outputs ?? [],
    read: (reader, common) => bind(spec, spec.readParams(reader.limitedTo(spec.name, spec.inputs), common)),
  };
}

function bind<P extends { fleet?: Fleet }, O extends OutputName>(
  spec: OperationSpec<P, O>,
  params: P,
): BoundOperation {
  const { resolve, prepare, installs } = spec;
  return {
    name: spec.name,
    route: spec.route(params),
    fleet: params.fleet,
    ...(spec.singleWave ? { singleWave: true } : {}),
    resolve: async (context) => bind(spec, resolve ? await resolve(params, context) : params),
    prepare: async (context) => bind(spec, prepare ? await prepare(params, context) : params),
    targets: () => params.fleet?.ids ?? spec.targets?.(params) ?? [],
    buildCalls: (common, targets) =>
      spec.buildCalls(
        targets && params.fleet ? { ...params, fleet: { ...params.fleet, ids: targets } } : params,
        common,
      ),
    ...(installs ? { installs: () => installs(params) } : {}),
  };
}
