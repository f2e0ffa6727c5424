// The workflow examples of the README and docs/ go through the action's own input validation (readSettings, the
// check every run starts with), as a runner would hand them over: actionlint checks the YAML, but cannot see this
// action's rules. Each step that `uses:` this action is read with its `with:` inputs, action.yml's defaults for
// the rest, and the environment the workflow gives it; `${{ ... }}` expressions become placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/inputs/errors.js';
import { operationNames } from '../src/operations/index.js';
import { readSettings } from '../src/operations/settings.js';
import { ACTION_DEFAULTS, parseActionYml, scalar } from './support/action-yml.js';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((path) =>
  path.endsWith('.md'),
);
const INPUTS = parseActionYml(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs;

/** `uses:` values that are this action: a published ref, or the repository itself. */
const THIS_ACTION = /^(?:[\w.-]+\/cloud-phone-deploy@\S+|\.\/?)$/;

/**
 * What an expression stands for, per input, when the example computes it (`${{ secrets.AK }}`,
 * `${{ steps.x.outputs.failed-targets }}`): a value of the input's kind, so that the check is about what the
 * example writes, not about the placeholder. Inputs not listed take action.yml's default, or `placeholder`.
 */
const PLACEHOLDERS: Record<string, string> = {
  'project-id': '0123456789abcdef0123456789abcdef',
  region: 'cn-north-4',
  instances: 'placeholder-instance-1',
  phones: 'placeholder-phone-1',
  servers: 'placeholder-server-1',
  'app-version-ids': 'placeholder-version-1',
  'apk-path': 'app/build/outputs/apk/release/app-release.apk',
  'apk-url': 'https://placeholder.obs.cn-north-4.myhuaweicloud.com/app.apk',
  command: 'pm list packages',
};

/** Steps known to export environment variables for later steps, and which `with:` key fills each. */
const EXPORTS: Record<string, Record<string, string>> = {
  'huaweicloud/auth-action': {
    HUAWEI_CLOUD_ACCESS_KEY_ID: 'access_key_id',
    HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'secret_access_key',
    HUAWEI_CLOUD_REGION: 'region',
    HUAWEI_CLOUD_PROJECT_ID: 'project_id',
  },
};

interface Block {
  file: string;
  /** Line of the block's first YAML line in its file. */
  line: number;
  lines: string[];
}

/** What makes a lone step (a block that starts with `- uses:` or `- name:`) a workflow, so it is checked too. */
const STEP_WRAPPER = [
  'name: step',
  'on: push',
  'jobs:',
  '  step:',
  '    runs-on: ubuntu-latest',
  '    steps:',
];

/**
 * The fenced YAML blocks that hold a whole workflow (a `jobs:` key), and those that hold steps, put in a job:
 * their `line` is then moved back by the lines added, so that places still point into the file.
 */
function workflowBlocks(file: string, text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1] ?? '')) i++;
    const body = lines.slice(start, i + 1);
    if (body.some((line) => /^jobs:/.test(line))) {
      blocks.push({ file, line: start + 1, lines: body });
    } else if (/^- (uses|name|id):/.test(body.find(meaningful) ?? '')) {
      const lines = [...STEP_WRAPPER, ...body.map((line) => (line === '' ? line : `      ${line}`))];
      blocks.push({ file, line: start + 1 - STEP_WRAPPER.length, lines });
    }
  }
  return blocks;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const meaningful = (line: string) => !/^\s*(#.*)?$/.test(line);

/**
 * The block mapping under the key at `at` (`with:`, `env:`): plain, quoted and block (`|`, `>`) scalars. Nested
 * mappings are skipped: no input takes one.
 */
function mappingAt(lines: string[], at: number): Map<string, string> {
  const parent = indentOf(lines[at] ?? '');
  const map = new Map<string, string>();
  let level = -1;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!meaningful(line)) continue;
    const indent = indentOf(line);
    if (indent <= parent) break;
    if (level < 0) level = indent;
    if (indent !== level) continue;
    const entry = /^\s*([\w-]+):(?:\s+(.*))?$/.exec(line);
    if (!entry?.[1]) throw new Error(`cannot read "${line.trim()}"`);
    const raw = (entry[2] ?? '').trim();
    const block = /^([|>])[+-]?$/.exec(raw);
    if (block) {
      const body: string[] = [];
      for (
        ;
        i + 1 < lines.length && (!meaningful(lines[i + 1] ?? '') || indentOf(lines[i + 1] ?? '') > indent);
        i++
      )
        body.push(lines[i + 1] ?? '');
      const inner = Math.min(...body.filter(meaningful).map(indentOf));
      const text = body.map((l) => l.slice(inner)).join(block[1] === '|' ? '\n' : ' ');
      map.set(entry[1], `${text.replace(/\s+$/, '')}\n`);
    } else {
      map.set(entry[1], scalar(raw));
    }
  }
  return map;
}

/** The line index of `key:` directly under the mapping that starts at `from` with keys at `indent`. */
function keyLine(lines: string[], from: number, to: number, indent: number, key: string): number | undefined {
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    // A step's first key sits after its `- `.
    const column = /^\s*- /.test(line) ? indentOf(line) + 2 : indentOf(line);
    if (column === indent && new RegExp(`^\\s*(?:- )?${key}:`).test(line)) return i;
  }
  return undefined;
}

interface Step {
  /** 0-based index in the block of the step's `- ` line. */
  at: number;
  /** Column of the step's keys. */
  indent: number;
  uses?: string;
  name?: string;
  with: Map<string, string>;
  env: Map<string, string>;
}

/** The steps of every job, in order, each with the job-level and workflow-level `env:` it sees. */
function stepsOf(lines: string[]): Array<Step & { inherited: Map<string, string>; idToken: boolean }> {
  const top = keyLine(lines, 0, lines.length, 0, 'env');
  const workflowEnv = top === undefined ? new Map<string, string>() : mappingAt(lines, top);
  const workflowIdToken = grantsIdToken(lines, 0, lines.length, 0);
  const steps: Array<Step & { inherited: Map<string, string>; idToken: boolean }> = [];
  const jobs = keyLine(lines, 0, lines.length, 0, 'jobs') ?? lines.length;
  for (let j = jobs + 1; j < lines.length; j++) {
    const jobLine = lines[j] ?? '';
    if (!meaningful(jobLine) || indentOf(jobLine) !== 2) continue;
    let end = j + 1;
    while (end < lines.length && (!meaningful(lines[end] ?? '') || indentOf(lines[end] ?? '') > 2)) end++;
    const jobEnvAt = keyLine(lines, j + 1, end, 4, 'env');
    const inherited = new Map([
      ...workflowEnv,
      ...(jobEnvAt === undefined ? [] : mappingAt(lines, jobEnvAt)),
    ]);
    const idToken = workflowIdToken || grantsIdToken(lines, j + 1, end, 4);
    for (let s = j + 1; s < end; s++) {
      const dash = /^(\s*)- /.exec(lines[s] ?? '');
      if (!dash?.[1] || indentOf(lines[s] ?? '') < 6) continue;
      const indent = (dash[1] ?? '').length + 2;
      let stop = s + 1;
      while (stop < end && (!meaningful(lines[stop] ?? '') || indentOf(lines[stop] ?? '') >= indent)) stop++;
      const at = (key: string) => keyLine(lines, s, stop, indent, key);
      const withAt = at('with');
      const envAt = at('env');
      const usesAt = at('uses');
      const nameAt = at('name');
      const value = (i: number | undefined) =>
        i === undefined ? undefined : scalar((lines[i] ?? '').replace(/^\s*(?:- )?[\w-]+:/, ''));
      steps.push({
        at: s,
        indent,
        uses: value(usesAt),
        name: value(nameAt),
        with: withAt === undefined ? new Map() : mappingAt(lines, withAt),
        env: envAt === undefined ? new Map() : mappingAt(lines, envAt),
        inherited,
        idToken,
      });
      s = stop - 1;
    }
    j = end - 1;
  }
  return steps;
}

/** `permissions: id-token: write` (or `write-all`) at this level of the workflow. */
function grantsIdToken(lines: string[], from: number, to: number, indent: number): boolean {
  const at = keyLine(lines, from, to, indent, 'permissions');
  if (at === undefined) return false;
  if (/:\s*write-all\s*$/.test(lines[at] ?? '')) return true;
  return mappingAt(lines, at).get('id-token') === 'write';
}

/** The value with its expressions replaced: a whole-value expression by the input's placeholder. */
function resolveExpressions(name: string, value: string): string {
  if (/^\$\{\{[^}]*\}\}$/.test(value.trim()))
    return PLACEHOLDERS[name] ?? ACTION_DEFAULTS.get(name) ?? 'placeholder';
  return value.replace(/\$\{\{[^}]*\}\}/g, 'placeholder');
}

interface Example {
  where: string;
  inputs: Map<string, string>;
  env: Record<string, string>;
  idToken: boolean;
}

function examples(docs: Array<[file: string, text: string]>): Example[] {
  const found: Example[] = [];
  for (const [file, text] of docs) {
    for (const block of workflowBlocks(file, text)) {
      const exported: Record<string, string> = {};
      for (const step of stepsOf(block.lines)) {
        const uses = step.uses ?? '';
        const exports = EXPORTS[uses.replace(/@.*$/, '')];
        for (const [variable, key] of Object.entries(exports ?? {})) {
          const value = step.with.get(key);
          if (value !== undefined) exported[variable] = resolveExpressions(variable, value);
        }
        if (!THIS_ACTION.test(uses)) continue;
        const env: Record<string, string> = {
          GITHUB_REPOSITORY: 'octo-org/octo-repo',
          GITHUB_RUN_ID: '1',
          GITHUB_WORKSPACE: ROOT,
          ...exported,
        };
        for (const [key, value] of [...step.inherited, ...step.env])
          env[key] = resolveExpressions(key, value);
        const inputs = new Map([...step.with].map(([key, value]) => [key, resolveExpressions(key, value)]));
        found.push({
          where: `${file}:${block.line + step.at} (${step.name ? `step "${step.name}"` : `uses: ${uses}`})`,
          inputs,
          env,
          idToken: step.idToken,
        });
      }
    }
  }
  return found;
}

describe('the workflow examples of the README and docs/', () => {
  const all = examples(DOCS.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));

  it('finds a step of this action for every operation', () => {
    expect(all.length).toBeGreaterThanOrEqual(operationNames.length);
    for (const op of operationNames) {
      expect(
        all.some((e) => e.inputs.get('operation') === op),
        `an example uses operation: ${op}`,
      ).toBe(true);
    }
  });

  it('pass the action’s input validation, naming the example and the input that fails', () => {
    expect(failures(all)).toEqual([]);
  });

  it('reports each wrong example with its place and input (the check can fail)', () => {
    const doc = [
      'Text.',
      '```yaml',
      'name: A',
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Deploy',
      '        uses: acme/cloud-phone-deploy@v1',
      '        with:',
      '          operation: run-command',
      '          auth-token: ${{ secrets.TOKEN }}',
      '          instances: |',
      '            kp-1',
      '            kp-2',
      '          command: ls /data',
      '          wait-timeout: soon',
      '          timeout: 5m',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: ./',
      '        with:',
      '          operation: install-app',
      '          agency-urn: iam::0123456789abcdef0123456789abcdef:agency:a',
      '          identity-provider-urn: iam::0123456789abcdef0123456789abcdef:identity-provider:b',
      '          project-id: 0123456789abcdef0123456789abcdef',
      '          region: cn-north-4',
      '          apk-path: ${{ steps.build.outputs.apk }}',
      '          obs-bucket: my-bucket',
      '          phones: ph-1',
      '```',
      '',
      '```yaml',
      '- uses: acme/cloud-phone-deploy@v1',
      '  with:',
      '    operation: run-command',
      '    auth-token: t',
      '    instances: kp-1',
      '    command: rm -rf /; reboot',
      '```',
    ].join('\n');
    const found = examples([['guide.md', doc]]);
    expect(found.map((e) => e.where)).toEqual([
      'guide.md:10 (step "Deploy")',
      'guide.md:24 (uses: ./)',
      'guide.md:37 (uses: acme/cloud-phone-deploy@v1)',
    ]);
    expect(found[0]?.inputs.get('instances')).toBe('kp-1\nkp-2\n');
    expect(failures(found)).toEqual([
      'guide.md:10 (step "Deploy"): \'timeout\' is not an input of action.yml',
      expect.stringMatching(/^guide\.md:10 \(step "Deploy"\): Input 'wait-timeout' /),
      'guide.md:24 (uses: ./): keyless, but the workflow does not grant permissions: id-token: write',
      expect.stringMatching(/^guide\.md:37 \(uses: acme\/cloud-phone-deploy@v1\): Input 'command' /),
    ]);
  });
});

/** What is wrong with each example: an input action.yml lacks, a value readSettings refuses, keyless without OIDC. */
function failures(found: Example[]): string[] {
  const out: string[] = [];
  for (const example of found) {
    for (const key of example.inputs.keys()) {
      if (!INPUTS.has(key)) out.push(`${example.where}: '${key}' is not an input of action.yml`);
    }
    try {
      readSettings((name) => example.inputs.get(name) ?? ACTION_DEFAULTS.get(name) ?? '', example.env);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.push(`${example.where}: ${error.message}`);
    }
    if (example.inputs.has('agency-urn') && !example.idToken) {
      out.push(`${example.where}: keyless, but the workflow does not grant permissions: id-token: write`);
    }
  }
  return out;
}
