import { Inputs } from '../inputs/names.js';
import { InputError } from '../inputs/errors.js';
import type { InputReader } from '../inputs/reader.js';
import type { TargetType } from '../run/jobs.js';
import { chunk } from '../inputs/target-list.js';
import type { SubmitCall } from './operation.js';
import { readSelection, SELECTION_INPUTS, type Selection } from '../run/select.js';
import {
  commandContentProblem,
  instanceId,
  MAX_TARGETS,
  SERVERS_PER_CALL,
  serverId,
} from '../inputs/rules.js';

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

/**
 * CPH's ADB command API (`phones/commands`): asynchronous, polled like any CPH job. Its answer is one
 * PhoneJob row per phone with no server id (SDK InstallApkResponse, RunShellCommandResponse), so
 * servers go one per call: that is the only way to tell which server each phone was reached through.
 */
export function cphCommandCalls(
  fleet: Fleet,
  command: 'install' | 'shell',
  content: string,
  input: string,
): SubmitCall[] {
  // The whole content, as sent: an install's flags and OBS key together must fit the rule too.
  const problem = commandContentProblem(content);
  if (problem)
    throw new InputError(input, `leads to a CPH ${command} command whose content ${problem}`, content);
  if (fleet.type === 'phone') {
    return chunk(fleet.ids, SERVERS_PER_CALL).map((targets) => ({
      path: '/phones/commands',
      body: { command, content, phone_ids: targets },
      targets,
    }));
  }
  return fleet.ids.map((server) => ({
    path: '/phones/commands',
    body: { command, content, server_ids: [server] },
    targets: [server],
    answersPerPhone: true,
  }));
}
