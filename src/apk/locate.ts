/**
 * Finds the one file `apk-path` names. Globbing uses @actions/glob, the toolkit's own matcher (the syntax users know
 * from actions/upload-artifact; minimatch underneath). Node's fs.glob would avoid a dependency but only exists from
 * Node 22, and the action declares Node 20. It is loaded only when `apk-path` is not a file's path as it stands
 * (eager mode: kept inside dist/index.js, run only when imported), so a release workflow that names its APK does not
 * pay for minimatch's start-up.
 */
import { Inputs } from '../inputs/names.js';
import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { InputError } from '../inputs/errors.js';

/** The input's name (to move into constants.ts `Inputs` with the rest of the apk-path wiring). */
export const APK_PATH_INPUT = Inputs.ApkPath;
/** How many matches an error lists before "and N more". */
const MAX_LISTED = 10;

const IS_WINDOWS = process.platform === 'win32';

/**
 * Escapes glob characters so a literal directory (the cwd) can prefix a pattern; the same rules as
 * @actions/glob's own internal escape (`[` only when a `]` follows in the segment, `\` on POSIX).
 */
export function escapeGlob(literal: string): string {
  return (IS_WINDOWS ? literal : literal.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]');
}

/**
 * An absolute glob for `pattern` relative to `cwd`. @actions/glob resolves relative patterns against
 * process.cwd() and rejects `..` segments, so leading `..` are folded into the (escaped) base directory here.
 */
function absolutePattern(pattern: string, cwd: string): string {
  if (path.isAbsolute(pattern)) return path.normalize(pattern);
  let base = path.resolve(cwd);
  const segments = path.normalize(pattern).split(path.sep);
  while (segments[0] === '..' || segments[0] === '.') {
    if (segments.shift() === '..') base = path.dirname(base);
  }
  const rest = segments.join(path.sep);
  return rest === '' ? base : `${escapeGlob(base)}${path.sep}${rest}`;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The matches less each `NAME-unsigned.apk` that has another match in its folder: the Android Gradle plugin names
 * a release build without a signingConfig `app-release-unsigned.apk`, and a signed one `app-release.apk`, so a
 * pattern like `app/build/outputs/apk/release/*.apk` can see both after a signing step.
 */
function withoutUnsignedSiblings(matches: string[]): string[] {
  const unsigned = (file: string) => file.toLowerCase().endsWith('-unsigned.apk');
  const folders = new Set(matches.filter((file) => !unsigned(file)).map((file) => path.dirname(file)));
  return matches.filter((file) => !unsigned(file) || !folders.has(path.dirname(file)));
}

/**
 * The absolute path of the single file `pattern` names. `pattern` is a path or a glob relative to `cwd` (default
 * process.cwd()); it must match exactly one file, or one besides `*-unsigned.apk` files in its folder (`info`
 * then says which it took). Throws InputError('apk-path', ...) that lists what matched (at
 * most MAX_LISTED names, then "and N more") or says nothing matched.
 */
export async function locateApk(
  pattern: string,
  cwd: string = process.cwd(),
  info: (message: string) => void = () => {},
): Promise<string> {
  const trimmed = pattern.trim();
  if (trimmed === '')
    throw new InputError(APK_PATH_INPUT, 'must name the APK file (a path or a glob)', pattern);
  if (/[\r\n]/.test(trimmed)) {
    throw new InputError(APK_PATH_INPUT, 'must be one path or glob on a single line', pattern);
  }
  // `~/...` is the home directory, as in @actions/glob (which we hand absolute patterns only).
  const expanded = /^~([/\\]|$)/.test(trimmed) ? homedir() + trimmed.slice(1) : trimmed;
  // A path that exists is taken as is, even when its name holds glob characters (app[release].apk).
  const literal = path.resolve(cwd, expanded);
  if (await isFile(literal)) return literal;

  let matches: string[];
  try {
    const { create } = await import(/* webpackMode: "eager" */ '@actions/glob');
    const globber = await create(absolutePattern(expanded, cwd), {
      matchDirectories: false,
      // A directory name must not stand for every file below it: `apk-path: build/outputs` is an error, not a search.
      implicitDescendants: false,
    });
    matches = await globber.glob();
  } catch (error) {
    throw new InputError(
      APK_PATH_INPUT,
      `is not a usable path or glob: ${(error as Error).message}`,
      pattern,
    );
  }
  matches = [...new Set(matches)].sort();

  if (matches.length === 1) return matches[0] as string;
  const signed = withoutUnsignedSiblings(matches);
  if (signed.length === 1) {
    const taken = signed[0] as string;
    const left = matches.filter((file) => file !== taken).map((file) => path.relative(cwd, file) || file);
    info(
      `apk-path matched ${matches.length} files: took ${path.relative(cwd, taken) || taken}, left out ${left.join(', ')} (named unsigned, beside it)`,
    );
    return taken;
  }
  if (matches.length === 0) {
    const directory = (await stat(literal).catch(() => undefined))?.isDirectory();
    throw new InputError(
      APK_PATH_INPUT,
      directory
        ? 'must name a file, but it names a directory'
        : `must match exactly one file, but nothing matched (searched from ${path.resolve(cwd)})`,
      pattern,
    );
  }
  const shown = matches.slice(0, MAX_LISTED).map((file) => path.relative(cwd, file) || file);
  const more = matches.length > MAX_LISTED ? ` and ${matches.length - MAX_LISTED} more` : '';
  throw new InputError(
    APK_PATH_INPUT,
    `must match exactly one file, but it matched ${matches.length}: ${shown.join(', ')}${more}`,
    pattern,
  );
}

/**
 * The APK a run uploads must be a file of the workspace (GITHUB_WORKSPACE, else the working directory)
 * or of RUNNER_TEMP, where workflows download artifacts, once every symbolic link and `..` is
 * resolved: as for `@path` list files, a workflow input, or a link a pull request adds, must not make
 * the action read a file elsewhere on the runner and send it to OBS.
 */
export async function requireInsideWorkspace(
  file: string,
  pattern: string,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const roots = [env.GITHUB_WORKSPACE || process.cwd(), env.RUNNER_TEMP].filter((root): root is string =>
    Boolean(root),
  );
  const real = await realpath(file).catch(() => undefined);
  for (const root of roots) {
    const base = await realpath(root).catch(() => undefined);
    if (real === undefined || base === undefined) continue;
    const inside = path.relative(base, real);
    if (inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside))
      return;
  }
  throw new InputError(
    APK_PATH_INPUT,
    'must name a file inside GITHUB_WORKSPACE or RUNNER_TEMP (symbolic links and .. resolved)',
    pattern,
  );
}
