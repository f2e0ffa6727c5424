import * as z from '../zod.js';
import { EnvFallbacks, Inputs, stsDefaultEndpoint } from './names.js';
import { rules, type InputReader } from './reader.js';
import type { KeylessSettings } from './credentials.js';

// URN forms of IAM v5 (inferred from the console and the SDK's examples: iam::<account>:agency:<name>,
// iam::<account>:identity-provider:<name>); checked loosely, but a swapped pair is caught.
const urn = (kind: 'agency' | 'identity-provider', example: string) =>
  z.string().check(
    z.maxLength(1500, { message: 'must be at most 1500 characters' }),
    z.regex(new RegExp(`^iam::[A-Za-z0-9]{1,64}:${kind}:[^\\s]+$`), {
      message: `must be the URN of an IAM ${kind === 'agency' ? 'agency' : 'identity provider'}, such as '${example}'`,
    }),
  );
const AGENCY_URN = urn('agency', 'iam::<account-id>:agency:cloud-phone-deploy');
// No official page fixes an OIDC provider URN's shape: refuse only what is certainly wrong (spaces,
// an agency URN given in its place), and let STS judge the rest.
const PROVIDER_URN = z.string().check(
  z.maxLength(1500, { message: 'must be at most 1500 characters' }),
  z.regex(/^\S+$/, {
    message:
      "must be the URN of an IAM identity provider, such as 'iam::<account-id>:identity-provider:github-actions'",
  }),
  z.refine((v: string) => !/^iam::[^:]*:agency:/.test(v), {
    message: 'must be the URN of an IAM identity provider, not of an agency: give that one as agency-urn',
  }),
);

/**
 * Regions with an STS endpoint in Huawei's SDK region tables (StsRegion of the Java and Python SDKs;
 * the Go SDK adds cn-north-9 and cn-south-4). STS may be called at any regional endpoint (IAM page
 * iam_01_1237), but a region missing here (cn-east-2, cn-east-4, af-north-1, la-north-2,
 * ru-northwest-2...) has no host we know of: sts-endpoint must then be given.
 */
const STS_REGIONS = new Set([
  'cn-north-4',
  'cn-north-9',
  'cn-south-1',
  'cn-south-4',
  'cn-east-3',
  'cn-southwest-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'sa-brazil-1',
  'la-south-2',
  'af-south-1',
  'tr-west-1',
]);
/** A documented STS region near each region the tables leave out, to suggest. */
const NEAR_STS: Record<string, string> = {
  'cn-east-2': 'cn-east-3',
  'cn-east-4': 'cn-east-3',
  'af-north-1': 'af-south-1',
  'la-north-2': 'la-south-2',
};

// STS accepts 900 s to 12 h (API page AssumeAgencyWithOIDC); the agency's own maximum may be lower.
const SESSION_DURATION = rules.duration({ ms: 5 * 86_400_000, text: '120h' }).check(
  z.refine((ms) => ms >= 900_000 && ms <= 43_200_000, {
    message: 'must be a duration from 15m to 12h (the range STS accepts)',
  }),
);
// agency_session_name: 2..128 characters (API page); the character set is inferred (as for AssumeAgency).
const SESSION_NAME_CHARS = /[^\w+=,.@-]/g;
const SESSION_NAME = z
  .string()
  .check(z.regex(/^[\w+=,.@-]{2,128}$/, { message: 'must be 2 to 128 letters, digits or _ + = , . @ -' }));
const AUDIENCE = z
  .string()
  .check(
    z.maxLength(1000, { message: 'must be at most 1000 characters' }),
    z.regex(/^[^\s,]+$/, { message: 'must be one audience, without spaces or commas' }),
  );

const KEY_INPUTS = [Inputs.AccessKey, Inputs.SecretKey, Inputs.SecurityToken, Inputs.AuthToken] as const;

/**
 * Keyless authentication is chosen by giving agency-urn. Returns undefined when it is not, after
 * making sure no keyless-only input was given on its own.
 */
export function readKeyless(
  reader: InputReader,
  region: string | undefined,
  env: Record<string, string | undefined>,
): KeylessSettings | undefined {
  const agencyUrn = reader.optional(Inputs.AgencyUrn, AGENCY_URN);
  const providerUrn = reader.optional(Inputs.IdentityProviderUrn, PROVIDER_URN);
  const exportCredentials = reader.withDefault(Inputs.ExportCredentials, rules.boolean);
  if (agencyUrn === undefined) {
    if (providerUrn !== undefined)
      reader.fail(
        Inputs.AgencyUrn,
        'is required with identity-provider-urn: give both for keyless authentication, or neither',
        '',
      );
    if (exportCredentials)
      reader.fail(
        Inputs.ExportCredentials,
        'exports the temporary keys of keyless authentication: give agency-urn and identity-provider-urn, or remove it',
        'true',
      );
    for (const name of [
      Inputs.OidcAudience,
      Inputs.SessionDuration,
      Inputs.SessionName,
      Inputs.StsEndpoint,
    ]) {
      if (reader.isExplicit(name))
        reader.fail(
          name,
          'is for keyless authentication: give agency-urn and identity-provider-urn too, or remove it',
        );
    }
    return undefined;
  }
  if (providerUrn === undefined)
    reader.fail(
      Inputs.IdentityProviderUrn,
      'is required with agency-urn: the URN of the OIDC identity provider the agency trusts',
      '',
    );
  for (const name of KEY_INPUTS) {
    if (reader.isExplicit(name))
      reader.fail(
        name,
        `cannot be combined with agency-urn (keyless authentication): remove ${name}, or remove agency-urn to use keys`,
      );
  }
  const stsEndpoint =
    reader.optional(Inputs.StsEndpoint, rules.endpoint) ??
    (region === undefined
      ? reader.fail(
          Inputs.Region,
          'is required for keyless authentication unless sts-endpoint is given: STS is called in this region',
          '',
        )
      : STS_REGIONS.has(region)
        ? stsDefaultEndpoint(region)
        : reader.fail(
            Inputs.StsEndpoint,
            `is required in region ${region}: Huawei's SDKs list no STS endpoint there. STS can be called at any regional endpoint, e.g. ${stsDefaultEndpoint(NEAR_STS[region] ?? 'cn-north-4')}`,
            '',
          ));
  return {
    agencyUrn,
    providerUrn,
    audience: reader.optional(Inputs.OidcAudience, AUDIENCE),
    durationSeconds: Math.round(reader.withDefault(Inputs.SessionDuration, SESSION_DURATION) / 1000),
    sessionName: reader.optional(Inputs.SessionName, SESSION_NAME) ?? defaultSessionName(env),
    stsEndpoint,
    exportCredentials,
    ignoredEnv: KEY_INPUTS.map((name) => EnvFallbacks[name]).filter(
      (v): v is string => v !== undefined && (env[v] ?? '').trim() !== '',
    ),
  };
}

/** `<owner>-<repo>-<run id>`, cleaned to the API's characters and cut to 128 keeping the run id. */
export function defaultSessionName(env: Record<string, string | undefined>): string {
  const run = (env.GITHUB_RUN_ID ?? '').replace(SESSION_NAME_CHARS, '');
  const repo = (env.GITHUB_REPOSITORY ?? '').replace(SESSION_NAME_CHARS, '-').replace(/^-+|-+$/g, '');
  const tail = run ? `-${run.slice(0, 40)}` : '';
  const name = `${repo.slice(0, 128 - tail.length)}${tail}`.replace(/^-+/, '');
  return name.length >= 2 ? name : 'cloud-phone-deploy';
}
