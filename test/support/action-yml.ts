// action.yml as the runner reads it: its inputs with their defaults, and its outputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A YAML scalar as written after `key:`: quotes removed, a trailing comment dropped. */
export function scalar(text: string): string {
  const value = text.trim();
  if (value.startsWith("'")) return value.slice(1, value.lastIndexOf("'")).replace(/''/g, "'");
  if (value.startsWith('"')) return JSON.parse(value.slice(0, value.lastIndexOf('"') + 1)) as string;
  return value.replace(/\s+#.*$/, '');
}

/**
 * action.yml's `inputs:` and `outputs:` maps: each name with its `default:` ('' when none). The file's
 * structure is simple (block mappings, one key per line), so no YAML library is needed.
 */
export function parseActionYml(text: string): { inputs: Map<string, string>; outputs: Set<string> } {
  const inputs = new Map<string, string>();
  const outputs = new Set<string>();
  let section: 'inputs' | 'outputs' | undefined;
  let nameIndent = -1;
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      const key = /^([\w-]+):\s*$/.exec(line)?.[1];
      section = key === 'inputs' || key === 'outputs' ? key : undefined;
      nameIndent = -1;
      current = undefined;
      continue;
    }
    if (!section) continue;
    if (nameIndent < 0) nameIndent = indent;
    if (indent === nameIndent) {
      const name = /^\s*([\w-]+):\s*$/.exec(line)?.[1];
      if (!name) throw new Error(`action.yml: cannot read ${section} entry: ${line}`);
      current = name;
      if (section === 'inputs') inputs.set(name, '');
      else outputs.add(name);
      continue;
    }
    const property = /^\s*([\w-]+):(.*)$/.exec(line);
    if (section === 'inputs' && current && indent > nameIndent && property?.[1] === 'default') {
      inputs.set(current, scalar(property[2] ?? ''));
    }
  }
  return { inputs, outputs };
}

/** Defaults the runner passes as INPUT_<NAME> for every input a workflow leaves out. */
export const ACTION_DEFAULTS: ReadonlyMap<string, string> = new Map(
  [...parseActionYml(readFileSync(resolve(import.meta.dirname, '../../action.yml'), 'utf8')).inputs].filter(
    ([, value]) => value !== '',
  ),
);
