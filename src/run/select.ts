import { z } from 'zod';
import { Inputs, type InputName } from '../inputs/names.js';
import type { InputReader } from '../inputs/reader.js';
import type { Job, TargetType } from './jobs.js';
import type { FleetLister, Listed } from '../api/fleet-lists.js';

/** Choose the fleet by query instead of listing ids: CPH servers by tag or name, KooPhone instances by pool or name. */
export type Selection =
  | { family: 'cph'; tags?: Map<string, string[]>; serverName?: string }
  | { family: 'koophone'; pool?: string; instanceName?: string };

export const SELECTION_INPUTS: readonly InputName[] = [
  Inputs.ServerTags,
  Inputs.ServerName,
  Inputs.InstancePool,
  Inputs.InstanceName,
];

/** resource_instances: at most 10 tags of 10 values (REFERENCE.md); tag keys 1..128, values up to 255 characters. */
const MAX_TAG_KEYS = 10;
const MAX_TAG_VALUES = 10;
const TAG_ENTRY = /^([^=\s,][^=,\n]{0,127})=([^=,\n]{1,255})$/;
const name = z
  .string()
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[^\n\r]+$/, { message: 'must be one name on one line' });

export function parseServerTags(reader: InputReader, text: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const entry of text
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = TAG_ENTRY.exec(entry);
    if (!m) {
      reader.fail(
        Inputs.ServerTags,
        'must list key=value entries separated by commas or new lines (keys up to 128 characters, values 1 to 255)',
        entry,
      );
    }
    const key = m[1]!.trim();
    const value = m[2]!.trim();
    const values = tags.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    tags.set(key, values);
    if (values.length > MAX_TAG_VALUES)
      reader.fail(Inputs.ServerTags, `may give at most ${MAX_TAG_VALUES} values of one key`, key);
  }
  if (tags.size === 0) reader.fail(Inputs.ServerTags, 'must list at least one key=value entry', text);
  if (tags.size > MAX_TAG_KEYS) reader.fail(Inputs.ServerTags, `may name at most ${MAX_TAG_KEYS} keys`, text);
  return tags;
}

/** The selection inputs given, or undefined when the fleet is an explicit list. */
export function readSelection(reader: InputReader, allowed: readonly TargetType[]): Selection | undefined {
  const given = SELECTION_INPUTS.filter((n) => reader.raw(n) !== '');
  if (given.length === 0) return undefined;
  const cph = given.filter((n) => n === Inputs.ServerTags || n === Inputs.ServerName);
  const koo = given.filter((n) => n === Inputs.InstancePool || n === Inputs.InstanceName);
  if (cph.length && koo.length) {
    reader.fail(
      koo[0]!,
      `cannot be combined with ${cph[0]}: instance-pool/instance-name select KooPhone instances, server-tags/server-name CPH servers`,
    );
  }
  if (cph.length && !allowed.includes('phone'))
    reader.fail(cph[0]!, 'selects CPH phones, which this operation does not take');
  if (koo.length && !allowed.includes('instance'))
    reader.fail(koo[0]!, 'selects KooPhone instances, which this operation does not take');
  if (cph.length) {
    const tagText = reader.raw(Inputs.ServerTags);
    return {
      family: 'cph',
      ...(tagText ? { tags: parseServerTags(reader, tagText) } : {}),
      ...(reader.raw(Inputs.ServerName) ? { serverName: reader.optional(Inputs.ServerName, name) } : {}),
    };
  }
  return {
    family: 'koophone',
    ...(reader.raw(Inputs.InstancePool) ? { pool: reader.optional(Inputs.InstancePool, name) } : {}),
    ...(reader.raw(Inputs.InstanceName) ? { instanceName: reader.optional(Inputs.InstanceName, name) } : {}),
  };
}

export function describeSelection(selection: Selection): string {
  if (selection.family === 'koophone') {
    return [
      selection.pool !== undefined && `pool_name=${selection.pool}`,
      selection.instanceName !== undefined && `instance_name=${selection.instanceName}`,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return [
    selection.tags && [...selection.tags].map(([k, v]) => `${k}=${v.join('|')}`).join(' and '),
    selection.serverName !== undefined && `server_name=${selection.serverName}`,
  ]
    .filter(Boolean)
    .join(', ');
}

export interface Resolved {
  /** Every target the selection found, in the service's order (servers' order, then their phones). */
  all: string[];
  /** Running targets: the ones work is sent to. */
  running: string[];
  /** A `skipped` result for each target that is not running. */
  skipped: Job[];
}

/** ListPhones `status` 2 and batch-query `running_status` 2 mean running (REFERENCE.md). */
const RUNNING = 2;
const PHONE_STATES: Record<number, string> = {
  0: 'creating',
  1: 'creating',
  3: 'resetting',
  4: 'restarting',
  6: 'frozen',
  7: 'stopping',
  8: 'stopped',
};
const INSTANCE_STATES: Record<number, string> = {
  0: 'unknown',
  1: 'stopped',
  3: 'going offline',
  4: 'starting',
  5: 'shut down',
};

/** Runs the list calls of a selection and splits what they found into running and skipped targets. */
export async function resolveSelection(selection: Selection, lister: FleetLister): Promise<Resolved> {
  let found: Listed[];
  let targetType: TargetType;
  if (selection.family === 'koophone') {
    targetType = 'instance';
    found = await lister.instances({ pool: selection.pool, name: selection.instanceName });
  } else {
    targetType = 'phone';
    let servers = selection.tags ? await lister.serversByTags(selection.tags) : undefined;
    if (selection.serverName !== undefined) {
      const named = await lister.serversByName(selection.serverName);
      const ids = new Set(named.map((s) => s.id));
      servers = servers ? servers.filter((s) => ids.has(s.id)) : named;
    }
    const unique = [...new Set((servers ?? []).map((s) => s.id))];
    found = unique.length ? await lister.phonesOf(unique) : [];
  }
  const seen = new Set<string>();
  const resolved: Resolved = { all: [], running: [], skipped: [] };
  for (const target of found) {
    if (seen.has(target.id)) continue;
    seen.add(target.id);
    resolved.all.push(target.id);
    if (target.status === RUNNING) {
      resolved.running.push(target.id);
      continue;
    }
    const states = targetType === 'phone' ? PHONE_STATES : INSTANCE_STATES;
    const field = targetType === 'phone' ? 'status' : 'running_status';
    const state =
      target.status === undefined
        ? `no ${field}`
        : `${field} ${target.status}${states[target.status] ? ` (${states[target.status]})` : target.status < 0 ? ' (failed)' : ''}`;
    resolved.skipped.push({
      target: target.id,
      targetType,
      status: 'skipped',
      errorMessage: `not running: ${state}`,
    });
  }
  return resolved;
}
