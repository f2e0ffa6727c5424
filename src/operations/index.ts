import { deployAppVersion } from './deploy-app-version.js';
import { installApp } from './install-app/index.js';
import type { Operation } from './operation.js';
import { pushSharedApp } from './push-shared-app.js';
import { pushSharedFiles } from './push-shared-files.js';
import { runCommand } from './run-command.js';

/** Every operation the action offers. */
const operations = [installApp, runCommand, pushSharedApp, pushSharedFiles, deployAppVersion] as const;

export type OperationName = (typeof operations)[number]['name'];
export const operationNames = operations.map((op) => op.name) as [OperationName, ...OperationName[]];

export function findOperation(name: OperationName): Operation<unknown> {
  return operations.find((op) => op.name === name) as Operation<unknown>;
}
