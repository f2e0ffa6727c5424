export {
  bucketNameProblem,
  contentMd5Header,
  DEFAULT_MULTIPART_THRESHOLD_BYTES,
  DEFAULT_PART_SIZE_BYTES,
  MD5_METADATA_HEADER,
  MAX_PARTS,
  MIN_PART_SIZE_BYTES,
  ObsClient,
  objectKeyProblem,
  obsEndpointForRegion,
  parseEndpoint,
  planParts,
  type EnsureResult,
  type ObjectInfo,
  type ObsConfig,
  type UploadOptions,
  type UploadResult,
} from './client.js';
export { obsHint, ObsError } from './errors.js';
export { presignQuery, signHeaders, type ObsCredentials } from './signature.js';
