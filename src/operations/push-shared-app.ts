import { Inputs } from '../inputs/names.js';
import { rules } from '../inputs/reader.js';
import { chunk } from '../inputs/target-list.js';
import { defineOperation } from './operation.js';
import {
  androidPackage,
  MAX_TARGETS,
  obsBucket,
  obsTarObject,
  SERVERS_PER_CALL,
  serverId,
} from '../inputs/rules.js';

export const pushSharedApp = defineOperation({
  name: 'push-shared-app',
  route: () => ({ title: 'CPH push shared app', family: 'cph', targetType: 'server' }),

  readParams(reader) {
    return {
      servers: reader.targets(Inputs.Servers, MAX_TARGETS, serverId),
      body: {
        package_name: reader.required(Inputs.PackageName, androidPackage),
        // An integer on this API, unlike KooPhone's string flags.
        pre_install_app: reader.withDefault(Inputs.PreInstall, rules.boolean, 'false') ? 1 : 0,
        bucket_name: reader.required(Inputs.ObsBucket, obsBucket),
        object_path: reader.required(Inputs.ObsObject, obsTarObject),
      },
    };
  },

  buildCalls(params) {
    return chunk(params.servers, SERVERS_PER_CALL).map((targets) => ({
      path: '/phones/share-apps',
      body: { ...params.body, server_ids: targets },
      targets,
    }));
  },
});
