import { Inputs, type InputName } from '../inputs/names.js';
import type { InputReader } from '../inputs/reader.js';
import { MAX_TARGETS, SERVERS_PER_CALL, serverId } from '../inputs/rules.js';
import { chunk } from '../inputs/target-list.js';
import { defineOperation, type Operation } from './operation.js';

/** A CPH operation that sends one body to a list of servers, SERVERS_PER_CALL of them a call. */
interface ServerBatch<N extends string, F extends object> {
  name: N;
  /** Shown in messages: "CPH push shared app". */
  title: string;
  /** Below /v1/{project_id}/cloud-phone. */
  path: string;
  /** The inputs `readFields` reads; `servers` is read for every server batch. */
  inputs: readonly InputName[];
  readFields(reader: InputReader): F;
  /** The body of one call; without it, the fields with `server_ids` added. */
  body?(fields: F, serverIds: string[]): unknown;
}

interface ServerBatchParams<F> {
  servers: string[];
  fields: F;
  /** Listed servers only: no selection by query, no waves. */
  fleet?: undefined;
}

export function serverBatch<const N extends string, F extends object>(
  batch: ServerBatch<N, F>,
): Operation<N> {
  const body = batch.body ?? ((fields: F, serverIds: string[]) => ({ ...fields, server_ids: serverIds }));
  return defineOperation({
    name: batch.name,
    inputs: [Inputs.Servers, ...batch.inputs],
    route: () => ({ title: batch.title, family: 'cph', targetType: 'server' }),
    readParams: (reader): ServerBatchParams<F> => ({
      servers: reader.targets(Inputs.Servers, MAX_TARGETS, serverId),
      fields: batch.readFields(reader),
    }),
    targets: ({ servers }) => servers,
    buildCalls: ({ servers, fields }) =>
      chunk(servers, SERVERS_PER_CALL).map((targets) => ({
        path: batch.path,
        body: body(fields, targets),
        targets,
      })),
  });
}
