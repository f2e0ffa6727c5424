import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/**
 * The runner's side of an action: inputs from INPUT_* variables, workflow commands on stdout, and the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. The same protocol and the same names as @actions/core,
 * which this replaces because importing it also loads @actions/http-client and undici (for OIDC
 * tokens we never ask for): about 1 MB of the bundle and ~40 ms of every start (see BENCHMARKS.md).
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** An input's value as the runner passes it, trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) {
    appendToFile(file, keyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issue('set-output', value, { name });
}

/** Registers a value the runner must mask in the log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, commandProperties(properties));
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, commandProperties(properties));
}

/** Logs the error and makes the step fail when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY must name a writable file). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
  await appendFile(file, markdown + EOL, 'utf8');
}

function issue(command: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

function commandProperties(p: AnnotationProperties): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.title) out.title = p.title;
  if (p.file) out.file = p.file;
  if (p.startLine !== undefined) out.line = String(p.startLine);
  if (p.endLine !== undefined) out.endLine = String(p.endLine);
  if (p.startColumn !== undefined) out.col = String(p.startColumn);
  if (p.endColumn !== undefined) out.endColumn = String(p.endColumn);
  return out;
}

function keyValueMessage(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: output ${name} contains the delimiter`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

function appendToFile(file: string, message: string): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, message + EOL, 'utf8');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A notice annotation: worth knowing, not a problem. */
export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', message, commandProperties(properties));
}
