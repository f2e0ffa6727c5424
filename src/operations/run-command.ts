import { FLEET_INPUTS, readFleet } from '../inputs/fleet.js';
import { Inputs } from '../inputs/names.js';
import { commandContent } from '../inputs/rules.js';
import { chunk } from '../inputs/target-list.js';
import { cphCommandCalls } from './cph-commands.js';
import { defineOperation } from './operation.js';

/** Per-call limit of instance_ids on the async-command page (a newer page says 100; the stricter wins). */
const INSTANCES_PER_CALL = 32;

export const runCommand = defineOperation({
  name: 'run-command',
  inputs: [Inputs.Command, ...FLEET_INPUTS],

  readParams(reader) {
    return {
      command: reader.required(Inputs.Command, commandContent),
      fleet: readFleet(reader, ['instance', 'phone', 'server']),
    };
  },

  route: ({ fleet }) =>
    fleet.type === 'instance'
      ? { title: 'KooPhone async command', family: 'koophone', targetType: 'instance' }
      : { title: 'CPH shell command', family: 'cph', targetType: fleet.type },

  buildCalls({ command, fleet }) {
    if (fleet.type !== 'instance') return cphCommandCalls(fleet, 'shell', command);
    return chunk(fleet.ids, INSTANCES_PER_CALL).map((targets) => ({
      path: '/v1/instances/async-command',
      body: { command, instance_ids: targets },
      targets,
    }));
  },
});
