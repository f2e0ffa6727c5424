import { Inputs } from '../inputs/names.js';
import { rules } from '../inputs/reader.js';
import { androidPackage, obsBucket, obsTarObject } from '../inputs/rules.js';
import { serverBatch } from './server-batch.js';

export const pushSharedApp = serverBatch({
  name: 'push-shared-app',
  title: 'CPH push shared app',
  path: '/phones/share-apps',
  inputs: [Inputs.PackageName, Inputs.PreInstall, Inputs.ObsBucket, Inputs.ObsObject],
  readFields: (reader) => ({
    package_name: reader.required(Inputs.PackageName, androidPackage),
    // An integer on this API, unlike KooPhone's string flags.
    pre_install_app: reader.withDefault(Inputs.PreInstall, rules.boolean) ? 1 : 0,
    bucket_name: reader.required(Inputs.ObsBucket, obsBucket),
    object_path: reader.required(Inputs.ObsObject, obsTarObject),
  }),
});
