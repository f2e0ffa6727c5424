import type { CommonSettings } from '../inputs/common.js';
import type { Fleet } from '../inputs/fleet.js';
import type { InputName, OutputName } from '../inputs/names.js';
import type { InputReader } from '../inputs/reader.js';
import type { Route, SubmitCall } from '../api/calls.js';

/** Work an operation does before submitting, e.g. inspecting and uploading an APK. */
export interface PrepareContext<O extends OutputName = OutputName> {
  settings: CommonSettings;
  dryRun: boolean;
  signal?: AbortSignal;
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** A notice annotation: something the user should know that is not a problem. */
  notice?: (message: string) => void;
  mask: (secret: string) => void;
  /** Sets one of the outputs the operation declares. */
  setOutput: (name: O, value: string) => void;
}

/** The package and versionCode an install brings, which verify and skip-installed ask the targets about. */
interface InstalledApp {
  packageName?: string;
  versionCode?: number;
  /** The values come from the APK at apk-path (its manifest may lack a literal versionCode). */
  fromApk: boolean;
}

/**
 * What an operation file declares: the inputs it reads and the outputs it sets, as data (action.yml and
 * the README are checked against them), and how its parameters become requests. Transport, polling and
 * reporting are shared, so a new operation is one file like run-command.ts plus one line in index.ts.
 * An operation that takes a fleet keeps it in `params.fleet`: selection, waves and the per-wave calls
 * work on it.
 */
export interface OperationSpec<P extends { fleet?: Fleet }, O extends OutputName> {
  name: string;
  /** Every input `readParams` reads (it cannot read others); the README's Operations column lists them. */
  inputs: readonly InputName[];
  /** Outputs only this operation gives a value (every run sets every output, empty by default). */
  outputs?: readonly O[];
  /** Reads and validates the operation's own inputs; throws InputError. */
  readParams(reader: InputReader, common: CommonSettings): P;
  route(params: P): Route;
  /** Optional step between validation and submitting; nothing may be sent to the fleet here. */
  prepare?(params: P, context: PrepareContext<O>): Promise<void>;
  /** Splits the targets over the API's per-call limit. */
  buildCalls(params: P, common: CommonSettings): SubmitCall[];
  /** install-app: what it installs, once `prepare` has read the APK. */
  installs?(params: P): InstalledApp;
}

/** The operation a run performs, bound to the parameters its inputs gave. */
export interface BoundOperation {
  readonly name: string;
  readonly route: Route;
  /** install-app and run-command: the fleet the work goes to (its ids are filled in once selected). */
  readonly fleet?: Fleet;
  prepare?(context: PrepareContext): Promise<void>;
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
    read(reader, common) {
      const params = spec.readParams(reader.limitedTo(spec.name, spec.inputs), common);
      const { prepare, installs } = spec;
      return {
        name: spec.name,
        route: spec.route(params),
        fleet: params.fleet,
        ...(prepare ? { prepare: (context: PrepareContext) => prepare(params, context) } : {}),
        buildCalls: (common, targets) =>
          spec.buildCalls(
            targets && params.fleet ? { ...params, fleet: { ...params.fleet, ids: targets } } : params,
            common,
          ),
        ...(installs ? { installs: () => installs(params) } : {}),
      };
    },
  };
}
