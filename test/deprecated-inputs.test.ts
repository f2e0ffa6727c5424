// Renamed inputs keep their old names for a while: a workflow written for an older release runs the same, and
// is told which input to use instead. These tests read settings as a run does (readSettings) and action.yml.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/inputs/errors.js';
import { DeprecatedInputs, Inputs } from '../src/inputs/names.js';
import { InputReader } from '../src/inputs/reader.js';
import { readSettings } from '../src/operations/settings.js';
import { parseActionYml } from './support/action-yml.js';
import { readActionYml } from '../scripts/docs.js';

const ACTION_YML = readFileSync(resolve(import.meta.dirname, '../action.yml'), 'utf8');

const install = {
  operation: 'install-app',
  'auth-token': 'token-value',
  'apk-url': 'https://b.obs.cn-north-4.myhuaweicloud.com/apps/',
  'package-name': 'com.example.demo',
  'apk-size-mb': '12',
  instances: 'a1,a2',
};

function read(inputs: Record<string, string>) {
  const warnings: string[] = [];
  const source = (name: string) => inputs[name] ?? '';
  // readSettings warns through the runner; an InputReader of the same source shows what it says.
  new InputReader(
    source,
    {},
    () => {},
    (message) => warnings.push(message),
  );
  return { settings: readSettings(source, {}), warnings };
}

function errorOf(inputs: Record<string, string>): InputError {
  try {
    readSettings((name) => inputs[name] ?? '', {});
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const body = (settings: ReturnType<typeof readSettings>) => settings.operation.buildCalls(settings)[0]?.body;

describe('deprecated input names', () => {
  it('reads app-version as version-name, the same request, with a warning naming version-name', () => {
    const renamed = read({ ...install, 'version-name': '1.4.2', 'apk-file-name': 'demo.apk' });
    const old = read({ ...install, 'app-version': '1.4.2', 'apk-file-name': 'demo.apk' });
    expect(body(old.settings)).toEqual(body(renamed.settings));
    expect(body(old.settings)).toMatchObject({ object_version: '1.4.2' });
    expect(renamed.warnings).toEqual([]);
    expect(old.warnings).toEqual([
      "Input 'app-version' is deprecated: use 'version-name' instead, which means the same.",
    ]);
  });

  it('reads file-name as apk-file-name, the same request, with a warning naming apk-file-name', () => {
    const renamed = read({ ...install, 'version-name': '1.4.2', 'apk-file-name': 'demo.apk' });
    const old = read({ ...install, 'version-name': '1.4.2', 'file-name': 'demo.apk' });
    expect(body(old.settings)).toEqual(body(renamed.settings));
    expect(body(old.settings)).toMatchObject({ file_name: 'demo.apk' });
    expect(old.warnings).toEqual([
      "Input 'file-name' is deprecated: use 'apk-file-name' instead, which means the same.",
    ]);
  });

  it('refuses an old name given together with its new one, naming both', () => {
    const error = errorOf({
      ...install,
      'version-name': '1.4.2',
      'app-version': '1.4.3',
      'apk-file-name': 'a.apk',
    });
    expect(error.input).toBe('app-version');
    expect(error.message).toBe(
      "Input 'app-version' is the deprecated name of 'version-name', which is given too: keep only 'version-name' (got \"1.4.3\")",
    );
  });

  it('applies the rules of the new input to a value given under the old name', () => {
    const error = errorOf({ ...install, 'app-version': '1.0 beta', 'apk-file-name': 'a.apk' });
    expect(error.input).toBe('version-name');
  });

  it('keeps each old name in action.yml, described as deprecated in favour of its new name', () => {
    const declared = parseActionYml(ACTION_YML).inputs;
    const described = new Map(
      readActionYml(ACTION_YML).inputs.map((input) => [input.name, input.description]),
    );
    const current = new Set<string>(Object.values(Inputs));
    expect(Object.keys(DeprecatedInputs).length).toBeGreaterThan(0);
    for (const [old, renamed] of Object.entries(DeprecatedInputs)) {
      expect(current.has(old), `${old} is no longer an input name of its own`).toBe(false);
      expect(current.has(renamed)).toBe(true);
      expect(declared.get(old), `${old} has no default, so the runner passes it only when given`).toBe('');
      expect(described.get(old)).toMatch(new RegExp(`^Deprecated: use ${renamed}\\b`));
    }
  });
});
