import type { Fleet } from '../inputs/fleet.js';
import { SERVERS_PER_CALL } from '../inputs/rules.js';
import { chunk } from '../inputs/target-list.js';
import type { SubmitCall } from '../api/calls.js';

/**
 * CPH's ADB command API (`phones/commands`): asynchronous, polled like any CPH job. Its answer is one
 * PhoneJob row per phone with no server id (SDK InstallApkResponse, RunShellCommandResponse), so
 * servers go one per call: that is the only way to tell which server each phone was reached through.
 */
export function cphCommandCalls(fleet: Fleet, command: 'install' | 'shell', content: string): SubmitCall[] {
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
