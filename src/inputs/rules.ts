import * as z from '../zod.js';
import { bucketNameProblem, objectKeyProblem } from './obs-names.js';

/** Field rules from the API pages, worded to complete "Input 'x' ...". */

// Android's own rule: at least two segments, each a Java identifier starting with a letter.
export const androidPackage = z.string().check(
  z.maxLength(100, { message: 'must be at most 100 characters' }),
  z.regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, {
    message: "must be a valid Android package name such as 'com.example.app'",
  }),
);

export const instanceId = z
  .string()
  .check(
    z.maxLength(32, { message: 'must list ids of at most 32 characters' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }),
  );

export const serverId = z
  .string()
  .check(
    z.maxLength(64, { message: 'must list ids of at most 64 characters' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }),
  );

export const obsBucket = z.string().check(
  z.superRefine((value: string, ctx) => {
    const problem = bucketNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid OBS bucket name: it ${problem}` });
  }),
);

/** An object key CPH can install from: OBS's own key rules plus the characters CPH accepts in obs:// paths. */
export const obsKey = (extension: RegExp, what: string) =>
  z.string().check(
    z.maxLength(1024, { message: 'must be at most 1024 characters' }),
    z.regex(/^[A-Za-z0-9./\-_+#=]+$/, { message: 'may contain only letters, digits and . / - _ + # =' }),
    z.regex(extension, { message: `must name ${what}` }),
    z.superRefine((value: string, ctx) => {
      const problem = objectKeyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid OBS object key: it ${problem}` });
    }),
  );

export const obsTarObject = obsKey(/\.tar$/, 'a .tar file (only .tar packages can be pushed)');

/** Most targets one run accepts: far above any fleet we know, low enough to stop a pasted mistake. */
export const MAX_TARGETS = 20_000;

/** server_ids per call on the CPH push pages. */
export const SERVERS_PER_CALL = 100;

/**
 * `content` of CPH's ADB commands (InstallApk and RunShellCommand pages) and `command` of KooPhone's
 * async command: letters, digits, `_ . / : -`, at most 1,024 bytes. Spaces are added: every page's own
 * example (`-r obs://bucket/app.apk`, `ls /data`) has them. Everything a shell would interpret
 * (; | & $ quotes back-ticks new lines) is outside the set and refused before sending.
 */
const COMMAND_CONTENT_MAX_BYTES = 1024;
const CONTENT_CHAR = /[A-Za-z0-9 _./:-]/;

/** Why `value` is not a valid command content, worded to complete "Input 'x' ...", or undefined. */
export function commandContentProblem(value: string): string | undefined {
  const bytes = Buffer.byteLength(value);
  if (bytes > COMMAND_CONTENT_MAX_BYTES)
    return `must be at most ${COMMAND_CONTENT_MAX_BYTES} bytes (it is ${bytes})`;
  const chars = [...value];
  const bad = chars.findIndex((ch) => !CONTENT_CHAR.test(ch));
  if (bad < 0) return undefined;
  const ch = chars[bad] as string;
  const shown = ch === '\n' ? 'a new line' : ch === '\t' ? 'a tab' : `'${ch}'`;
  return `may contain only letters, digits, spaces and _ . / : - but has ${shown} at position ${bad + 1}`;
}

export const commandContent = z.string().check(
  z.superRefine((value: string, ctx) => {
    const problem = commandContentProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/**
 * The OBS key of an APK that CPH phones install: it travels inside the command content
 * (`-r obs://bucket/key`), so it obeys the content rule, without spaces (they split the content).
 */
export const cphApkObject = obsKey(/\.apk$/i, 'an .apk file').check(
  z.regex(/^[A-Za-z0-9_./-]+$/, {
    message:
      'may contain only letters, digits and _ . / - when phones or servers install it (CPH puts it in the ADB command content)',
  }),
);

/** Makes text usable in an OBS key that goes into command content: every other character becomes '_'. */
export const contentSafe = (text: string): string =>
  // A segment of dots alone would be resolved away by URL parsers: OBS would get another key.
  text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+$/, (dots) => '_'.repeat(dots.length));
