import { z } from 'zod';
import { bucketNameProblem, objectKeyProblem } from '../obs/names.js';

/** Field rules from the API pages, worded to complete "Input 'x' ...". */

// Android's own rule: at least two segments, each a Java identifier starting with a letter.
export const androidPackage = z
  .string()
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, {
    message: "must be a valid Android package name such as 'com.example.app'",
  });

export const instanceId = z
  .string()
  .max(32, { message: 'must list ids of at most 32 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' });

export const serverId = z
  .string()
  .max(64, { message: 'must list ids of at most 64 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' });

export const obsBucket = z.string().superRefine((value, ctx) => {
  const problem = bucketNameProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid OBS bucket name: it ${problem}` });
});

/** An object key CPH can install from: OBS's own key rules plus the characters CPH accepts in obs:// paths. */
export const obsKey = (extension: RegExp, what: string) =>
  z
    .string()
    .max(1024, { message: 'must be at most 1024 characters' })
    .regex(/^[A-Za-z0-9./\-_+#=]+$/, { message: 'may contain only letters, digits and . / - _ + # =' })
    .regex(extension, { message: `must name ${what}` })
    .superRefine((value, ctx) => {
      const problem = objectKeyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid OBS object key: it ${problem}` });
    });

export const obsTarObject = obsKey(/\.tar$/, 'a .tar file (only .tar packages can be pushed)');

/** Most targets one run accepts: far above any fleet we know, low enough to stop a pasted mistake. */
export const MAX_TARGETS = 20_000;

/** server_ids per call on the CPH push pages. */
export const SERVERS_PER_CALL = 100;
