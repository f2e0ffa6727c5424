import { Inputs } from '../constants.js';
import type { InputReader } from '../inputs.js';
import type { TargetType } from '../jobs.js';
import { chunk } from '../target-list.js';
import type { SubmitCall } from './operation.js';
import { readSelection, SELECTION_INPUTS, type Selection } from '../fleet/select.js';
import { instanceId, MAX_TARGETS, SERVERS_PER_CALL, serverId } from './rules.js';

export interface Fleet {
  type: TargetType;
  /** With a selection: empty until the selection is resolved, then the running targets. */
  ids: string[];
  selection?: Selection;
}

const INPUT_OF = { instance: Inputs.Instances, phone: Inputs.Phones, server: Inputs.Servers } as const;

/**
 * Operations that reach both fleet kinds take exactly one of `instances` (KooPhone), `phones` or
 * `servers` (CPH). Two at once is refused rather than guessed at.
 */
export function readFleet(reader: InputReader, allowed: readonly TargetType[]): Fleet {
  const selection = readSelection(reader, allowed);
  const listed = allowed.find((type) => reader.raw(INPUT_OF[type]) !== '');
  if (selection) {
    if (listed) {
      reader.fail(
        INPUT_OF[listed],
        `cannot be combined with ${SELECTION_INPUTS.filter((n) => reader.raw(n) !== '').join('/')}: select the fleet by query or list it, not both`,
      );
    }
    return { type: selection.family === 'cph' ? 'phone' : 'instance', ids: [], selection };
  }
  const given = allowed.filter((type) => reader.raw(INPUT_OF[type]) !== '');
  const names = allowed.map((type) => INPUT_OF[type]).join(', ');
  if (given.length > 1) {
    reader.fail(
      INPUT_OF[given[1] as TargetType],
      `cannot be combined with ${INPUT_OF[given[0] as TargetType]}: give exactly one of ${names}`,
    );
  }
  const type = given[0] ?? (allowed[0] as TargetType);
  if (given.length === 0 && allowed.length > 1) {
    reader.fail(INPUT_OF[type], `is required: give exactly one of ${names}`, '');
  }
  return {
    type,
    ids: reader.targets(INPUT_OF[type], MAX_TARGETS, type === 'instance' ? instanceId : serverId),
  };
}

/** CPH's ADB command API (`phones/commands`): asynchronous, polled like any CPH job. */
export function cphCommandCalls(fleet: Fleet, command: 'install' | 'shell', content: string): SubmitCall[] {
  const field = fleet.type === 'phone' ? 'phone_ids' : 'server_ids';
  return chunk(fleet.ids, SERVERS_PER_CALL).map((targets) => ({
    path: '/phones/commands',
    body: { command, content, [field]: targets },
    targets,
  }));
}
