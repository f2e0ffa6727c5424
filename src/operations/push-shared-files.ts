import { Inputs } from '../inputs/names.js';
import { chunk } from '../inputs/target-list.js';
import { defineOperation } from './operation.js';
import { MAX_TARGETS, obsBucket, obsTarObject, SERVERS_PER_CALL, serverId } from '../inputs/rules.js';

export const pushSharedFiles = defineOperation({
  name: 'push-shared-files',
  route: () => ({ title: 'CPH push shared files', family: 'cph', targetType: 'server' }),

  readParams(reader) {
    return {
      servers: reader.targets(Inputs.Servers, MAX_TARGETS, serverId),
      body: {
        bucket_name: reader.required(Inputs.ObsBucket, obsBucket),
        object_path: reader.required(Inputs.ObsObject, obsTarObject),
      },
    };
  },

  buildCalls(params) {
    return chunk(params.servers, SERVERS_PER_CALL).map((targets) => ({
      path: '/phones/share-files',
      body: { ...params.body, server_ids: targets },
      targets,
    }));
  },
});
