/**
 * `npm run docs`: writes docs/inputs.md, the reference of the action's inputs and outputs, from action.yml.
 * Inputs are grouped by purpose in GROUPS below; an input of action.yml in no group, or a group naming an input
 * action.yml does not have, stops the script, so the page cannot drift from the action. test/docs.test.ts fails
 * when the committed page is not what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';

const ROOT = resolve(import.meta.dirname, '..');
export const INPUTS_DOC = resolve(ROOT, 'docs/inputs.md');

/** The groups, in page order: a heading, one line on what they are for, and their inputs in table order. */
const GROUPS: ReadonlyArray<{ title: string; about: string; inputs: readonly string[] }> = [
  {
    title: 'What to do',
    about: 'The operation, what it sends, and whether anything is sent at all.',
    inputs: ['operation', 'command', 'app-version-ids', 'dry-run'],
  },
  {
    title: 'Authentication',
    about:
      'Stored keys (access-key and secret-key), an IAM token, or keyless: GitHub OIDC exchanged for temporary keys of an agency. [permissions.md](permissions.md) lists the IAM actions each operation needs.',
    inputs: [
      'access-key',
      'secret-key',
      'security-token',
      'auth-token',
      'agency-urn',
      'identity-provider-urn',
      'oidc-audience',
      'session-duration',
      'session-name',
      'sts-endpoint',
      'export-credentials',
    ],
  },
  {
    title: 'Where the service is',
    about: 'Region, project and endpoint, and how requests are paced.',
    inputs: ['region', 'project-id', 'endpoint', 'request-timeout', 'max-concurrency'],
  },
  {
    title: 'Targets',
    about: 'Which instances, phones or servers: listed by id, or selected by tag, name or pool.',
    inputs: [
      'instances',
      'phones',
      'servers',
      'server-tags',
      'server-name',
      'instance-pool',
      'instance-name',
      'max-targets',
    ],
  },
  {
    title: 'The APK',
    about:
      'The file to install (apk-path reads package, version, size and MD5 from it) or where it already is.',
    inputs: [
      'apk-path',
      'apk-url',
      'package-name',
      'version-name',
      'version-code',
      'apk-size-mb',
      'apk-md5',
      'apk-file-name',
      'fast-install',
      'install-flags',
      'pre-install',
    ],
  },
  {
    title: 'OBS storage',
    about: 'The bucket and object an APK is uploaded to or installed from.',
    inputs: ['obs-bucket', 'obs-object', 'obs-endpoint', 'url-expiry'],
  },
  {
    title: 'Rollout',
    about: 'Waves, when to halt, and checks on the phones before and after.',
    inputs: ['waves', 'wave-pause', 'max-failures', 'verify', 'skip-installed', 'smoke', 'smoke-duration'],
  },
  {
    title: 'Waiting',
    about: 'Whether and how long the run polls the jobs it submitted.',
    inputs: ['wait', 'wait-timeout', 'poll-interval'],
  },
  {
    title: 'Reporting',
    about: 'When the step fails. Every run also writes the outputs below and a job summary.',
    inputs: ['fail-on'],
  },
  {
    title: 'Deprecated names',
    about:
      'Old names that still work for now: each is read as its new input, with a warning that names it. Giving an old name and its new one together is an error.',
    inputs: ['app-version', 'file-name'],
  },
];

interface Entry {
  name: string;
  description: string;
  required?: string;
  default?: string;
}

/** A one-line YAML scalar: plain (a trailing comment dropped), 'single' or "double" quoted. */
function scalar(raw: string, where: string): string {
  const text = raw.trim();
  if (/^[|>]/.test(text))
    throw new Error(`action.yml: ${where} is a block scalar, which this script does not read`);
  if (text.startsWith("'")) return text.slice(1, text.lastIndexOf("'")).replace(/''/g, "'");
  if (text.startsWith('"')) return JSON.parse(text.slice(0, text.lastIndexOf('"') + 1)) as string;
  return text.replace(/\s+#.*$/, '');
}

/** action.yml's inputs and outputs, in file order. Its layout is plain block mappings with one key per line. */
export function readActionYml(text: string): { inputs: Entry[]; outputs: Entry[] } {
  const sections: Record<'inputs' | 'outputs', Entry[]> = { inputs: [], outputs: [] };
  let section: Entry[] | undefined;
  let current: Entry | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const top = /^([\w-]+):/.exec(line)?.[1];
    if (top !== undefined) {
      section = top === 'inputs' || top === 'outputs' ? sections[top] : undefined;
      current = undefined;
      continue;
    }
    if (!section) continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line)?.[1];
    if (name !== undefined) {
      current = { name, description: '' };
      section.push(current);
      continue;
    }
    const property = /^ {4}([\w-]+):(.*)$/.exec(line);
    if (!current || !property) throw new Error(`action.yml: cannot read this line: ${line}`);
    const [, key, value = ''] = property;
    if (key === 'description' || key === 'required' || key === 'default') {
      current[key] = scalar(value, `${current.name}.${key}`);
    }
  }
  return sections;
}

/**
 * Text for a table cell, shown as written: `|` would split the row, `<owner>` would be read as HTML and `&lt;` as
 * an entity, and `*`, `[`, a backtick or an `_` at a word's edge as Markdown (an `_` inside a word, as in
 * HUAWEI_CLOUD_REGION, is text). A URL becomes code: GitHub would link `https://cph.{region}...` as it stands.
 */
function cell(text: string): string {
  return text
    .split(/(https?:\/\/[^\s,;)]*[^\s,;).])/)
    .map((part, i) =>
      i % 2 === 1
        ? `\`${part.replace(/\|/g, '\\|')}\``
        : part.replace(/[\\|*[\]`<&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`),
    )
    .join('');
}

/**
 * The page for this action.yml text. Throws when the groups and action.yml's inputs differ, naming the inputs,
 * so that a new input cannot go undocumented.
 */
export async function renderInputsDoc(actionYml: string): Promise<string> {
  const { inputs, outputs } = readActionYml(actionYml);
  const grouped = GROUPS.flatMap((group) => group.inputs);
  const declared = new Set(inputs.map((input) => input.name));
  const twice = grouped.filter((name, i) => grouped.indexOf(name) !== i);
  const unknown = grouped.filter((name) => !declared.has(name));
  const ungrouped = inputs.map((input) => input.name).filter((name) => !grouped.includes(name));
  const problems = [
    ungrouped.length > 0 &&
      `action.yml inputs in no group of scripts/docs.ts (add them to GROUPS): ${ungrouped.join(', ')}`,
    unknown.length > 0 && `GROUPS in scripts/docs.ts name inputs action.yml lacks: ${unknown.join(', ')}`,
    twice.length > 0 && `GROUPS in scripts/docs.ts name inputs twice: ${twice.join(', ')}`,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const byName = new Map(inputs.map((input) => [input.name, input]));
  const lines = [
    '<!-- Generated by `npm run docs` from action.yml: edit action.yml or scripts/docs.ts, not this file. -->',
    '',
    '# Inputs and outputs',
    '',
    'Every input is a string, as GitHub passes them. "Required" is what action.yml declares; which inputs an',
    'operation needs is checked when the run starts, before anything is sent, and an error names the input.',
    'The rule of each value and the operations that read each input: [input-rules.md](input-rules.md).',
    '',
    ...GROUPS.map((group) => `- [${group.title}](#${anchor(group.title)})`),
    '- [Outputs](#outputs)',
    '',
  ];
  for (const group of GROUPS) {
    lines.push(`## ${group.title}`, '', group.about, '', '| Input | Required | Default | Description |');
    lines.push('| --- | --- | --- | --- |');
    for (const name of group.inputs) {
      const input = byName.get(name) as Entry;
      const fallback = input.default ? `\`${cell(input.default)}\`` : '';
      lines.push(
        `| \`${name}\` | ${input.required === 'true' ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Outputs', '', '| Output | Description |', '| --- | --- |');
  for (const output of outputs) lines.push(`| \`${output.name}\` | ${cell(output.description)} |`);
  const config = await resolveConfig(INPUTS_DOC);
  return format(lines.join('\n') + '\n', { ...config, parser: 'markdown', filepath: INPUTS_DOC });
}

/** GitHub's heading anchor for the simple headings above. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    writeFileSync(INPUTS_DOC, await renderInputsDoc(readFileSync(resolve(ROOT, 'action.yml'), 'utf8')));
    console.log(`Wrote ${INPUTS_DOC}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
