import { CphClient } from './cph.js';
import { KooPhoneClient } from './koophone.js';
import type { Transport } from './transport.js';
import type { Family } from './calls.js';
import type { CommonSettings } from '../inputs/common.js';
import { cphFamily } from './cph-jobs.js';
import type { FamilyClient } from './family.js';
import { kooPhoneFamily } from './koophone-jobs.js';

export function createFamilyClient(
  family: Family,
  settings: CommonSettings,
  transport: Transport,
  debug?: (message: string) => void,
): FamilyClient {
  if (family === 'koophone')
    return kooPhoneFamily(new KooPhoneClient(transport), settings.maxConcurrency, debug);
  // settings guarantees a project id for CPH operations.
  return cphFamily(new CphClient(transport, settings.projectId ?? ''), settings.maxConcurrency, debug);
}

/** The path prefix a family's calls go under, for showing dry-run requests. */
export function pathPrefix(family: Family, settings: CommonSettings): string {
  return family === 'cph' ? `/v1/${settings.projectId}/cloud-phone` : '';
}
