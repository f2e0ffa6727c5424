import { Inputs, type InputName } from '../inputs/names.js';
import type { InputReader } from '../inputs/reader.js';
import { SERVERS_PER_CALL } from '../inputs/rules.js';
import { readFleet, type Fleet } from '../inputs/fleet.js';
import { chunk } from '../inputs/target-list.js';
import { defineOperation, type Operation } from './operation.js';

/** A CPH operation that sends one body to a list of servers, SERVERS_PER_CALL of them a call. */
interface ServerBatch<N extends string, F extends object> {
  name: N;
  /** Shown in messages: "CPH push shared app". */
  title: string;
  /** Below /v1/{project_id}/cloud-phone. */
  path: string;
  /** The inputs `readFields` reads; `servers`, `server-tags` and `server-name` are read for every server batch. */
  inputs: readonly InputName[];
  readFields(reader: InputReader): F;
  /** The body of one call; without it, the fields with `server_ids` added. */
  body?(fields: F, serverIds: string[]): unknown;
}

interface ServerBatchParams<F> {
  /** The servers, listed or selected by tag or name; the servers themselves are the targets. */
  fleet: Fleet;
  fields: F;
}

export function serverBatch<const N extends string, F extends object>(
  batch: ServerBatch<N, F>,
): Operation<N> {
  const body = batch.body ?? ((fields: F, serverIds: string[]) => ({ ...fields, server_ids: serverIds }));
  return defineOperation({
    name: batch.name,
    inputs: [Inputs.Servers, Inputs.ServerTags, Inputs.ServerName, ...batch.inputs],
    // One call per 100 servers, no waves: the README offers waves on instances and phones.
    singleWave: true,
    route: () => ({ title: batch.title, family: 'cph', targetType: 'server' }),
    readParams: (reader): ServerBatchParams<F> => ({
      fleet: readFleet(reader, ['server']),
      fields: batch.readFields(reader),
    }),
    buildCalls: ({ fleet, fields }) =>
      chunk(fleet.ids, SERVERS_PER_CALL).map((targets) => ({
        path: batch.path,
        body: body(fields, targets),
        targets,
      })),
  });
}
