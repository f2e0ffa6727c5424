/**
 * OBS bucket and object-key rules, shared by input validation (operations/rules.ts) and the OBS client:
 * a name that passes validation, and so a dry run, never fails the upload. Sources: OBS "Bucket naming
 * rules" and "Object key" pages (the same rules as esdk-obs-nodejs checks).
 */

/** Why a bucket name is not valid for OBS, or undefined when it is. Completes "Input 'obs-bucket' ...". */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return 'may contain only lowercase letters, digits, hyphens and periods, and must start and end with a letter or digit';
  }
  if (/\.\.|\.-|-\./.test(name)) return 'must not contain "..", ".-" or "-."';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not look like an IP address';
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why an object key cannot be used, or undefined when it can. */
export function objectKeyProblem(key: string): string | undefined {
  if (key === '') return 'must not be empty';
  if (LONE_SURROGATE.test(key)) return 'is not valid Unicode';
  if (Buffer.byteLength(key, 'utf8') > 1024) return 'must be at most 1024 bytes of UTF-8';
  // A URL parser resolves "." and ".." segments (even encoded ones), so the path sent would not be the one signed.
  if (key.split('/').some((s) => s === '.' || s === '..'))
    return 'must not contain "." or ".." path segments';
  return undefined;
}
