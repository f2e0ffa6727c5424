import { z } from 'zod';
import { Inputs } from '../constants.js';
import { chunk } from '../target-list.js';
import { defineOperation } from './operation.js';
import { cphCommandCalls, readFleet } from './targets.js';

/** Per-call limit of instance_ids on the async-command page (a newer page says 100; the stricter wins). */
const INSTANCES_PER_CALL = 32;

// The API page's rule, plus spaces, which its own example uses. Everything a shell would interpret
// (; | & $ quotes back-ticks new lines) is outside it and refused before sending. CPH's `shell`
// content gets the same rule: the action should not be a way to smuggle shell syntax onto phones.
const command = z.string().superRefine((value, ctx) => {
  if (Buffer.byteLength(value) > 1024) {
    ctx.addIssue({
      code: 'custom',
      message: `must be at most 1024 bytes (it is ${Buffer.byteLength(value)})`,
    });
    return;
  }
  const bad = [...value].findIndex((ch) => !/[A-Za-z0-9 _./:-]/.test(ch));
  if (bad >= 0) {
    const ch = [...value][bad] as string;
    const shown = ch === '\n' ? 'a new line' : ch === '\t' ? 'a tab' : `'${ch}'`;
    ctx.addIssue({
      code: 'custom',
      message: `may contain only letters, digits, spaces and _ . / : - but has ${shown} at position ${bad + 1}`,
    });
  }
});

export const runCommand = defineOperation({
  name: 'run-command',

  readParams(reader) {
    return {
      command: reader.required(Inputs.Command, command),
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
