import { chooseOperation, operations } from './index.js';
import type { Family } from '../api/calls.js';
import type { BoundOperation } from './operation.js';
import { readCommonSettings, type CommonSettings } from '../inputs/common.js';
import { cphDefaultEndpoint, DEFAULT_KOOPHONE_ENDPOINT, Inputs, type InputName } from '../inputs/names.js';
import { InputReader, type InputSource } from '../inputs/reader.js';
import { readRollout, type RolloutSettings } from '../inputs/rollout.js';

/** Everything a run needs to know from its inputs, the chosen operation with its parameters included. */
export interface Settings extends CommonSettings {
  operation: BoundOperation;
  /** Base URL (no trailing slash) of the API family this run talks to. */
  endpoint: string;
  rollout: RolloutSettings;
}

/** Reads every input into one validated settings object. Throws InputError before anything is sent. */
export function readSettings(
  source: InputSource,
  env: Record<string, string | undefined> = process.env,
  maskSecret: (value: string) => void = () => {},
): Settings {
  const reader = new InputReader(source, env, maskSecret);
  // Masked before anything is read, so that no message, not even an error, can show them.
  for (const name of [Inputs.AccessKey, Inputs.SecretKey, Inputs.SecurityToken, Inputs.AuthToken]) {
    reader.markSecret(name);
    const value = reader.raw(name);
    if (value !== '') maskSecret(value);
  }
  const chosen = chooseOperation(reader);
  refuseOtherOperationsInputs(reader, chosen.name, chosen.inputs);
  const common = readCommonSettings(reader, source, env);
  const operation = chosen.read(reader, common);
  const rollout = readRollout(reader, common, operation);
  const endpoint = resolveEndpoint(reader, operation.route.family, common);
  return { ...common, operation, endpoint, rollout };
}

/**
 * No input is silently ignored: one that only other operations read is an error, before anything is
 * sent, naming the operations that use it. Defaults the runner fills in and environment fallbacks do
 * not count as given.
 */
function refuseOtherOperationsInputs(reader: InputReader, chosen: string, own: readonly InputName[]): void {
  const mine = new Set(own);
  const users = new Map<InputName, string[]>();
  for (const op of operations)
    for (const name of op.inputs) if (!mine.has(name)) users.set(name, [...(users.get(name) ?? []), op.name]);
  for (const [name, ops] of users) {
    if (reader.isExplicit(name))
      reader.fail(
        name,
        `is not used by ${chosen}: only ${ops.join(', ')} ${ops.length > 1 ? 'use' : 'uses'} it. Remove it, or choose that operation`,
        reader.raw(name),
      );
  }
}

function resolveEndpoint(
  reader: InputReader,
  family: Family,
  { explicitEndpoint: explicit, region, projectId, credentials }: CommonSettings,
): string {
  if (family === 'koophone') {
    // KooPhone has one region, cn-south-1 (the Java SDK's only KooPhone region, whose project it
    // looks up by region name); signed calls name that region's project in X-Project-Id.
    if (credentials.kind === 'aksk' && projectId === undefined) {
      reader.fail(
        Inputs.ProjectId,
        "is required for KooPhone with access-key/secret-key: give the project id of region cn-south-1 (KooPhone's region), from the console under My Credentials > API Credentials, or set HUAWEI_CLOUD_PROJECT_ID",
        '',
      );
    }
    return explicit ?? DEFAULT_KOOPHONE_ENDPOINT;
  }
  if (projectId === undefined) {
    reader.fail(
      Inputs.ProjectId,
      'is required for Cloud Phone (CPH) operations: find it in the console under My Credentials > API Credentials for your region, or set HUAWEI_CLOUD_PROJECT_ID',
      '',
    );
  }
  if (explicit) return explicit;
  if (region === undefined) {
    reader.fail(
      Inputs.Region,
      "is required for Cloud Phone (CPH) operations unless endpoint is given: use the region of your servers, e.g. 'cn-north-4' (or set HUAWEI_CLOUD_REGION)",
      '',
    );
  }
  return cphDefaultEndpoint(region);
}
