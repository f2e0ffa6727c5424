import { Inputs } from '../inputs/names.js';
import { obsBucket, obsTarObject } from '../inputs/rules.js';
import { serverBatch } from './server-batch.js';

export const pushSharedFiles = serverBatch({
  name: 'push-shared-files',
  title: 'CPH push shared files',
  path: '/phones/share-files',
  inputs: [Inputs.ObsBucket, Inputs.ObsObject],
  readFields: (reader) => ({
    bucket_name: reader.required(Inputs.ObsBucket, obsBucket),
    object_path: reader.required(Inputs.ObsObject, obsTarObject),
  }),
});
