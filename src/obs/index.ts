export {
  bucketNameProblem,
  contentMd5Header,
  ObsClient,
  objectKeyProblem,
  obsEndpointForRegion,
  parseEndpoint,
  planParts,
  type ObsConfig,
} from './client.js';
export { ObsError } from './errors.js';
export { signHeaders } from './signature.js';
