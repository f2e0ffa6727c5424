import { z } from 'zod';
import { Inputs } from '../inputs/names.js';
import { chunk } from '../inputs/target-list.js';
import { defineOperation } from './operation.js';
import { MAX_TARGETS, SERVERS_PER_CALL, serverId } from '../inputs/rules.js';

const appVersionId = z
  .string()
  .max(64, { message: 'must list ids of at most 64 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' });

export const deployAppVersion = defineOperation({
  name: 'deploy-app-version',
  route: () => ({ title: 'CPH deploy app version', family: 'cph', targetType: 'server' }),

  readParams(reader) {
    return {
      servers: reader.targets(Inputs.Servers, MAX_TARGETS, serverId),
      appVersionIds: reader.targets(Inputs.AppVersionIds, 100, appVersionId),
    };
  },

  // The per-call server limit is not documented for this call; we use the 100 of the other CPH calls.
  buildCalls(params) {
    return chunk(params.servers, SERVERS_PER_CALL).map((targets) => ({
      path: '/servers/action',
      body: { batch_deploy_app_version: { app_version_ids: params.appVersionIds, server_ids: targets } },
      targets,
    }));
  },
});
