import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as z from '../zod.js';
import { log } from '../log/untrusted.js';
import {
  DeprecatedInputs,
  EnvFallbacks,
  InputDefaults,
  type DeprecatedInputName,
  type InputName,
} from './names.js';
import { MAX_TIMER_MS, parseDuration } from './duration.js';
import { InputError } from './errors.js';
import { parseTargetList } from './target-list.js';

/** Returns an input's raw value as the runner passes it ('' when unset), e.g. core.getInput. */
export type InputSource = (name: InputName | DeprecatedInputName) => string;

/** Sources that already answer each new name with its deprecated alias: wrapped once, warned once. */
const aliased = new WeakSet<InputSource>();

/**
 * The source with every deprecated name (DeprecatedInputs) answered under its new name: a workflow written
 * for an older release keeps working, and is told, once per name, which input to use. An old name given
 * together with its new one is an error, before anything is sent: which value was meant cannot be known.
 */
function withDeprecatedNames(source: InputSource, warn: (message: string) => void): InputSource {
  if (aliased.has(source)) return source;
  const given = (name: InputName | DeprecatedInputName): boolean => {
    const value = source(name).trim();
    return value !== '' && value !== InputDefaults[name as InputName];
  };
  const used = new Map<InputName, DeprecatedInputName>();
  for (const [old, current] of Object.entries(DeprecatedInputs) as [DeprecatedInputName, InputName][]) {
    if (source(old).trim() === '') continue;
    if (given(current)) {
      throw new InputError(
        old,
        `is the deprecated name of '${current}', which is given too: keep only '${current}'`,
        source(old).trim(),
      );
    }
    used.set(current, old);
    warn(`Input '${old}' is deprecated: use '${current}' instead, which means the same.`);
  }
  if (used.size === 0) return source;
  const wrapped: InputSource = (name) => {
    const old = used.get(name as InputName);
    return old === undefined ? source(name) : source(old);
  };
  aliased.add(wrapped);
  return wrapped;
}

/**
 * The only place that reads inputs. Each getter validates with a zod rule and turns the first
 * failure into an InputError naming the input, the rule and the value (masked for secrets).
 */
export class InputReader {
  private secrets = new Set<InputName>();
  /** Set on an operation's reader: the inputs its declaration lists, the only ones it may read. */
  private declared?: { by: string; names: ReadonlySet<InputName> };

  private readonly source: InputSource;

  constructor(
    source: InputSource,
    private readonly env: Record<string, string | undefined> = {},
    /** Registers a value that must never be printed (core.setSecret). */
    readonly mask: (secret: string) => void = () => {},
    /** Tells the user of a deprecated input name (a warning annotation on a runner). */
    warn: (message: string) => void = log.warning,
  ) {
    this.source = withDeprecatedNames(source, warn);
  }

  /**
   * A reader of these inputs only, for the operation that declares them: reading any other is a bug
   * (docs/input-rules.md would not list it for that operation), thrown at once. Failing may name any input.
   */
  limitedTo(by: string, names: readonly InputName[]): InputReader {
    const limited = new InputReader(this.source, this.env, this.mask);
    limited.secrets = this.secrets;
    limited.declared = { by, names: new Set(names) };
    return limited;
  }

  private reads(name: InputName): void {
    if (this.declared && !this.declared.names.has(name))
      throw new Error(`${this.declared.by} reads input '${name}', which its declaration does not list`);
  }

  /** Trimmed value, falling back to the input's environment variable when the input is empty. */
  raw(name: InputName): string {
    this.reads(name);
    const value = this.source(name).trim();
    if (value !== '') return value;
    const envName = EnvFallbacks[name];
    return envName ? (this.env[envName] ?? '').trim() : '';
  }

  /**
   * Whether the user gave this input: set, and not to action.yml's default, which the runner passes for
   * every input a workflow leaves out; an environment fallback does not count either.
   */
  isExplicit(name: InputName): boolean {
    this.reads(name);
    const value = this.source(name).trim();
    return value !== '' && value !== InputDefaults[name];
  }

  markSecret(name: InputName): void {
    this.secrets.add(name);
  }

  fail(name: InputName, rule: string, value?: string): never {
    throw new InputError(
      name,
      rule,
      value === undefined || value === '' || !this.secrets.has(name) ? value : '***',
    );
  }

  optional<T>(name: InputName, rule: z.ZodMiniType<T>): T | undefined {
    const value = this.raw(name);
    if (value === '') return undefined;
    return this.check(name, rule, value);
  }

  required<T>(name: InputName, rule: z.ZodMiniType<T>, where = ''): T {
    const value = this.raw(name);
    if (value === '') this.fail(name, `is required${where}`, value);
    return this.check(name, rule, value);
  }

  /** An empty input takes `fallback`: action.yml's default unless the default depends on other inputs. */
  withDefault<T>(name: InputName, rule: z.ZodMiniType<T>, fallback = InputDefaults[name]): T {
    if (fallback === undefined) throw new Error(`input '${name}' has no default in action.yml`);
    const value = this.raw(name);
    return this.check(name, rule, value === '' ? fallback : value);
  }

  /**
   * A list of target ids, or `@path` to read the list from a file in the workspace: the runner passes
   * inputs as environment variables of at most 128 KiB, about 3,900 server ids.
   */
  targets(name: InputName, maxTotal: number, idRule: z.ZodMiniType<string>): string[] {
    let value = this.raw(name);
    if (value === '') this.fail(name, 'is required: give at least one id', value);
    // A list file's contents are never echoed: errors name the file and the position of the bad id.
    const file = value.startsWith('@') ? value.slice(1).trim() : undefined;
    if (file !== undefined) value = this.readListFile(name, file);
    const shown = (text: string) => (file === undefined ? text : `@${file}`);
    const parsed = parseTargetList(value);
    if ('error' in parsed) this.fail(name, parsed.error, shown(value));
    if (parsed.length === 0) this.fail(name, 'must list at least one id', shown(value));
    if (parsed.length > maxTotal) this.fail(name, `must list at most ${maxTotal} ids (got ${parsed.length})`);
    parsed.forEach((id, index) => {
      const result = idRule.safeParse(id);
      if (result.success) return;
      const rule = result.error.issues[0]?.message ?? 'is not valid';
      if (file === undefined) this.fail(name, rule, id);
      this.fail(name, `${rule} (id number ${index + 1} in the list file breaks this rule)`, `@${file}`);
    });
    return parsed;
  }

  /**
   * Reads a list file. Its real path (symlinks resolved) must lie inside GITHUB_WORKSPACE: a workflow
   * input must not make the action read, let alone echo, a file elsewhere on the runner.
   */
  private readListFile(name: InputName, path: string): string {
    const workspace = this.env.GITHUB_WORKSPACE ?? process.cwd();
    let real: string;
    let root: string;
    try {
      root = realpathSync(workspace);
      real = realpathSync(resolve(workspace, path));
    } catch (error) {
      this.fail(
        name,
        `names a list file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        `@${path}`,
      );
    }
    const inside = relative(root, real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      this.fail(name, 'must name a list file inside GITHUB_WORKSPACE (symbolic links included)', `@${path}`);
    }
    try {
      // A byte-order mark is how some editors start a UTF-8 file, not part of the first id.
      return readFileSync(real, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      this.fail(
        name,
        `names a list file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        `@${path}`,
      );
    }
  }

  private check<T>(name: InputName, rule: z.ZodMiniType<T>, value: string): T {
    const result = rule.safeParse(value);
    if (result.success) return result.data;
    this.fail(name, result.error.issues[0]?.message ?? 'is not valid', value);
  }
}

/**
 * A rule that parses a string in one step: `parse` gives the value, or the problem, worded to
 * complete "Input 'x' ...". Name T (`parsed<number>(...)`): inferred, it would take `undefined`
 * from the problem branch.
 */
export function parsed<T>(parse: (value: string) => { value: T } | { problem: string }) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const result = parse(value);
      if ('value' in result) return result.value;
      ctx.issues.push({ code: 'custom', message: result.problem, input: value });
      return z.NEVER;
    }),
  );
}

// Rules shared by several operations. Messages complete the sentence "Input 'x' ...".
export const rules = {
  boolean: z.pipe(
    z.string().check(z.regex(/^(true|false)$/i, { message: "must be 'true' or 'false'" })),
    z.transform((v: string) => v.toLowerCase() === 'true'),
  ),
  /** A positive duration of at most `max` (never more than a Node timer holds), e.g. '90s', '15m'. */
  duration: (max: { ms: number; text: string }) =>
    parsed<number>((v) => {
      const ms = parseDuration(v);
      if (ms === undefined || ms <= 0)
        return { problem: "must be a positive duration such as '90s', '15m' or '1h30m'" };
      if (ms > Math.min(max.ms, MAX_TIMER_MS)) return { problem: `must be at most ${max.text}` };
      return { value: ms };
    }),
  integer: (min: number, max: number) =>
    z
      .pipe(
        z.string().check(z.regex(/^\d+$/, { message: `must be a whole number from ${min} to ${max}` })),
        z.transform(Number),
      )
      .check(
        z.refine((n) => n >= min && n <= max, { message: `must be a whole number from ${min} to ${max}` }),
      ),
  text: (maxLength: number) =>
    z.string().check(z.maxLength(maxLength, { message: `must be at most ${maxLength} characters` })),
  /** A base URL: https, or plain http for a loopback address (the emulator). */
  endpoint: parsed<string>((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { problem: "must be a URL such as 'https://cph.cn-north-4.myhuaweicloud.com'" };
    }
    const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      return { problem: 'must use https:// (plain http:// is allowed only for a loopback address)' };
    }
    if (url.search || url.hash || url.username || url.password) {
      return { problem: 'must be a base URL without query, fragment or credentials' };
    }
    return { value: url.toString().replace(/\/+$/, '') };
  }),
  choice: <T extends string>(options: readonly [T, ...T[]]) =>
    z.enum(options, { message: `must be one of: ${options.join(', ')}` }),
};
