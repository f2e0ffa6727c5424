export { ObsClient, type ObsConfig } from './client.js';
export { obsEndpointForRegion, parseEndpoint } from './endpoint.js';
export { ObsError } from './errors.js';
export { FileReadError } from './file.js';
export { contentMd5Header } from './md5.js';
// The name rules live with the input rules so that validation and this client share them.
export { bucketNameProblem, objectKeyProblem } from '../inputs/obs-names.js';
export { signHeaders } from './signature.js';
