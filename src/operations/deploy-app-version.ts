import * as z from '../zod.js';
import { Inputs } from '../inputs/names.js';
import { serverBatch } from './server-batch.js';

const appVersionId = z
  .string()
  .check(
    z.maxLength(64, { message: 'must list ids of at most 64 characters' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }),
  );

// The per-call server limit is not documented for this call; the 100 of the other CPH calls is used.
export const deployAppVersion = serverBatch({
  name: 'deploy-app-version',
  title: 'CPH deploy app version',
  path: '/servers/action',
  inputs: [Inputs.AppVersionIds],
  readFields: (reader) => ({ app_version_ids: reader.targets(Inputs.AppVersionIds, 100, appVersionId) }),
  body: (fields, serverIds) => ({ batch_deploy_app_version: { ...fields, server_ids: serverIds } }),
});
