// Identifier formats, copied from the examples in the API pages so that clients which (wrongly)
// assume one shape for every id get caught.
import { createHash, randomBytes } from 'node:crypto';

/** CPH request ids, CPH job ids, async-command task ids: 32 lowercase hex, as in every CPH example. */
export function hex32(): string {
  return randomBytes(16).toString('hex');
}

/** KooPhone job ids look like "L0XM9bL0sFoKJo-6BEjFzN6ut2jsoH_1": 32 base64url characters. */
export function koophoneJobId(): string {
  return randomBytes(24).toString('base64url');
}

/** Install task ids carry the documented fixed prefix ZGCA ("ZGCAorI8ocwK7U7_t0AfH26P-DjwDw8Yknf4"). */
export function installTaskId(): string {
  return 'ZGCA' + randomBytes(24).toString('base64url');
}

/**
 * Phone ids of a server must be stable across calls so that tests can predict them and so that
 * deploying twice to one server hits the same phones.
 */
export function phoneIdsOf(serverId: string, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(createHash('sha256').update(`${serverId}/phone/${i}`).digest('hex').slice(0, 32));
  }
  return ids;
}
