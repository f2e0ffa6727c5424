import * as z from '../zod.js';
import { Inputs, type InputName } from './names.js';
import type { InputReader } from './reader.js';
import { instanceId, MAX_TARGETS, serverId } from './rules.js';

/** What a run's targets are: KooPhone instances, CPH phones, or CPH servers. */
export type TargetType = 'instance' | 'server' | 'phone';

/**
 * The targets of install-app and run-command: ids listed in `instances`, `phones` or `servers` (or a
 * list file), or a selection query that run/select.ts resolves into ids.
 */
export interface Fleet {
  type: TargetType;
  /** With a selection: empty until the selection is resolved, then the running targets. */
  ids: string[];
  selection?: Selection;
}

export const INPUT_OF = { instance: Inputs.Instances, phone: Inputs.Phones, server: Inputs.Servers } as const;

/**
 * Operations that reach both fleet kinds take exactly one of `instances` (KooPhone), `phones` or
 * `servers` (CPH). Two at once is refused rather than guessed at.
 */
export function readFleet(reader: InputReader, allowed: readonly TargetType[]): Fleet {
  const selection = readSelection(reader, allowed);
  // Only the inputs of the kinds this operation takes: the others are refused as unused by the settings.
  const selectionInputs = SELECTION_INPUTS.filter((n) => selectionKinds[n]!.some((k) => allowed.includes(k)));
  const listed = allowed.find((type) => reader.raw(INPUT_OF[type]) !== '');
  if (selection) {
    if (listed) {
      reader.fail(
        INPUT_OF[listed],
        `cannot be combined with ${selectionInputs.filter((n) => reader.raw(n) !== '').join('/')}: select the fleet by query or list it, not both`,
      );
    }
    // Where servers are the targets themselves (the server batches), a CPH selection names servers.
    const type =
      selection.family === 'koophone' ? 'instance' : allowed.includes('phone') ? 'phone' : 'server';
    return { type, ids: [], selection };
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

/** Choose the fleet by query instead of listing ids: CPH servers by tag or name, KooPhone instances by pool or name. */
export type Selection =
  | { family: 'cph'; tags?: Map<string, string[]>; serverName?: string }
  | { family: 'koophone'; pool?: string; instanceName?: string };

const SELECTION_INPUTS: readonly InputName[] = [
  Inputs.ServerTags,
  Inputs.ServerName,
  Inputs.InstancePool,
  Inputs.InstanceName,
];

/** The target kinds each selection input can choose. */
const selectionKinds: Record<string, readonly TargetType[]> = {
  [Inputs.ServerTags]: ['phone', 'server'],
  [Inputs.ServerName]: ['phone', 'server'],
  [Inputs.InstancePool]: ['instance'],
  [Inputs.InstanceName]: ['instance'],
};

/** Every input `readFleet` may read. */
export const FLEET_INPUTS: readonly InputName[] = [...Object.values(INPUT_OF), ...SELECTION_INPUTS];

/**
 * resource_instances: at most 10 tags of 10 values (API page); a key has 1 to 127 characters (Java SDK
 * Tags.key), a value up to 255.
 */
const MAX_TAG_KEYS = 10;
const MAX_TAG_VALUES = 10;
const TAG_ENTRY = /^([^=\s,][^=,\n]{0,126})=([^=,\n]{1,255})$/;
const name = z
  .string()
  .check(
    z.maxLength(64, { message: 'must be at most 64 characters' }),
    z.regex(/^[^\n\r]+$/, { message: 'must be one name on one line' }),
  );

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
        'must list key=value entries separated by commas or new lines (keys up to 127 characters, values 1 to 255)',
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
function readSelection(reader: InputReader, allowed: readonly TargetType[]): Selection | undefined {
  const given = SELECTION_INPUTS.filter(
    (n) => selectionKinds[n]!.some((k) => allowed.includes(k)) && reader.raw(n) !== '',
  );
  if (given.length === 0) return undefined;
  const cph = given.filter((n) => n === Inputs.ServerTags || n === Inputs.ServerName);
  const koo = given.filter((n) => n === Inputs.InstancePool || n === Inputs.InstanceName);
  if (cph.length && koo.length) {
    reader.fail(
      koo[0]!,
      `cannot be combined with ${cph[0]}: instance-pool/instance-name select KooPhone instances, server-tags/server-name CPH servers`,
    );
  }
  if (cph.length && !allowed.includes('phone') && !allowed.includes('server'))
    reader.fail(cph[0]!, 'selects CPH servers, which this operation does not take');
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
