import { Inputs } from '../inputs/names.js';
import { rules, type InputReader } from '../inputs/reader.js';
import { deployAppVersion } from './deploy-app-version.js';
import { installApp } from './install-app/index.js';
import type { Operation } from './operation.js';
import { pushSharedApp } from './push-shared-app.js';
import { pushSharedFiles } from './push-shared-files.js';
import { runCommand } from './run-command.js';

/** Every operation the action offers. */
export const operations = [installApp, runCommand, pushSharedApp, pushSharedFiles, deployAppVersion] as const;

type OperationName = (typeof operations)[number]['name'];
export const operationNames = operations.map((op) => op.name) as [OperationName, ...OperationName[]];

/** The operation the `operation` input names. */
export function chooseOperation(reader: InputReader): Operation {
  const name = reader.required(Inputs.Operation, rules.choice(operationNames));
  const operation = operations.find((op) => op.name === name);
  if (!operation) throw new Error(`unreachable: ${name} is one of the operation names`);
  return operation;
}
