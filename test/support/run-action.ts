import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACTION_DEFAULTS } from './action-yml.js';

export const BUNDLE = resolve(import.meta.dirname, '../../dist/index.js');

/**
 * `npm test` builds dist/ while the in-process tests run (scripts/test.mjs): CPD_BUNDLE_BUILD names the
 * file that holds the build's exit status once it has ended. Resolves then, and throws if it failed.
 */
export async function bundleBuilt(): Promise<void> {
  const status = process.env.CPD_BUNDLE_BUILD;
  if (!status) return;
  while (!existsSync(status)) await delay(100);
  const code = readFileSync(status, 'utf8');
  if (code !== '0') throw new Error(`building dist/ failed (exit ${code}): see npm test's output`);
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Lines the runner would turn into annotations or failures. */
  errors: string[];
  durationMs: number;
  /** runAction's: the run's RUNNER_TEMP, with its output and summary files, for the caller to remove. */
  dir?: string;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM ... DELIM`) that @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name as string] = value.join('\n');
  }
  return outputs;
}

/** One entry of the `results` output (and of the results file): all string fields. */
export type Result = Record<string, string>;

/** The `results` output, parsed; [] when the run set none. */
export const results = (run: Pick<ActionRun, 'outputs'>): Result[] => JSON.parse(run.outputs.results ?? '[]');

/**
 * Everything a person or a later step can see: the log without the ::add-mask:: commands the runner
 * consumes, stderr, the summary and every output but apk-url, whose whole point is to carry the signed URL.
 */
export function visibleText(run: ActionRun): string {
  const outputs = { ...run.outputs };
  delete outputs['apk-url'];
  return [
    run.stdout.replace(/^::add-mask::.*$/gm, ''),
    run.stderr,
    run.summary,
    JSON.stringify(outputs),
  ].join('\n');
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Another bundle to run instead of dist/index.js (benchmarks compare against an earlier build). */
  bundle?: string;
  /** Values that must never be shown, besides the secret inputs found automatically. */
  secrets?: string[];
  /** Called once the process has started, e.g. to send it a signal. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
  /** The one scenario that plays a real bug (an unwritable summary): it may end as "a bug in the action". */
  bugExpected?: boolean;
}

/**
 * Runs the bundle the way a runner does: inputs as INPUT_* variables (name upper-cased, spaces to
 * underscores, hyphens kept), outputs and the summary through the files named by GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY. The parent's environment is not passed on, so no stray HUAWEI_CLOUD_* leaks in.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<ActionRun> {
  if (!options.bundle) await bundleBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'cpd-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // Debug logging is on for every run, so that every scenario also proves debug lines leak nothing.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ACTIONS_STEP_DEBUG: 'true',
    RUNNER_DEBUG: '1',
    ...options.env,
  };
  // As the runner does: every input the step leaves out arrives with action.yml's default.
  for (const [name, value] of [...ACTION_DEFAULTS, ...Object.entries(inputs)])
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [options.bundle ?? BUNDLE], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const run: ActionRun = {
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        errors: stdout.split('\n').filter((l) => l.startsWith('::error')),
        durationMs: Date.now() - started,
        dir,
      };
      const leaked = leakedSecrets(run, [...secretsOf(inputs), ...(options.secrets ?? [])]);
      if (leaked.length > 0) reject(new Error(`secret values shown by the action: ${leaked.join(', ')}`));
      // Every run, whatever it tests: no stack trace, no warning (MaxListenersExceededWarning...) on stderr.
      else if (run.stderr !== '') reject(new Error(`the action wrote to stderr:\n${run.stderr}`));
      // Every case the bundle plays, hostile ones included, is foreseen: none may end as an unexpected error.
      else if (!options.bugExpected && BUG.test(run.stdout))
        reject(new Error(`the run ended as a bug in the action: ${BUG.exec(run.stdout)?.[0]}`));
      else resolvePromise(run);
    });
    options.onSpawn?.(child);
  });
}

/** The closing line of a run that ended on an error nobody foresaw. */
export const BUG = /^::error::.*This is a bug in the action.*$/m;

const SECRET_INPUTS = ['access-key', 'secret-key', 'security-token', 'auth-token'];

/** The secret inputs of a run and the query values of a signed apk-url, as given and as URL-encoded. */
export function secretsOf(inputs: Record<string, string>): string[] {
  const secrets = SECRET_INPUTS.map((name) => inputs[name] ?? '');
  const url = inputs['apk-url'];
  if (url?.includes('?')) {
    try {
      for (const value of new URL(url).searchParams.values()) secrets.push(value, encodeURIComponent(value));
    } catch {
      // an invalid URL is a validation case; nothing was signed
    }
  }
  // Short values (test tokens like 't') would match ordinary text: only real-looking secrets are scanned.
  return [...new Set(secrets.filter((s) => s.length >= 8))];
}

/** A secret must not show even in part: no run of this many of its characters may be visible. */
const PIECE = 12;

/** The pieces of PIECE characters of a secret (the whole of a shorter one). */
function piecesOf(secret: string): string[] {
  if (secret.length <= PIECE) return [secret];
  return Array.from({ length: secret.length - PIECE + 1 }, (_, i) => secret.slice(i, i + PIECE));
}

/** The text with percent-escapes, JSON escapes and HTML/XML character references decoded, where they decode. */
function decoded(text: string): string {
  return text
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    })
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([/"\\])/g, '$1')
    .replace(/&#x([0-9a-fA-F]+);|&#([0-9]+);/g, (_, hex?: string, dec?: string) =>
      String.fromCodePoint(Math.min(hex ? parseInt(hex, 16) : Number(dec), 0x10ffff)),
    )
    .replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!,
    );
}

/**
 * The secrets, and the signed query values of the apk-url output, of which a piece of PIECE characters
 * (or the whole, when shorter) shows in the run's visible text; `extra`: more text a later step can read.
 */
export function leakedSecrets(run: ActionRun, secrets: string[], extra = ''): string[] {
  const signedUrl = run.outputs['apk-url'];
  const signed = signedUrl ? [...new URL(signedUrl).searchParams.values()].filter((v) => v.length >= 8) : [];
  const text = `${visibleText(run)}\n${extra}`;
  // A secret may show encoded: as a service's error page, a form or a JSON string would write it.
  const visible = [text, decoded(text), decoded(text).replace(/\+/g, ' ')].join('\n');
  return [...new Set([...secrets, ...signed, ...signed.map(encodeURIComponent)])]
    .filter((s) => piecesOf(s).some((piece) => visible.includes(piece)))
    .map((s) => `${s.slice(0, 3)}…`);
}
