import * as z from '../zod.js';
import type { Credentials, KeylessRun } from './credentials.js';
import { readKeyless } from './keyless.js';
import { Inputs } from './names.js';
import { InputReader, rules, type InputSource } from './reader.js';

export type FailOn = 'any' | 'all' | 'never';

export interface CommonSettings {
  credentials: Credentials;
  region?: string;
  projectId?: string;
  /** The endpoint input, when given; `Settings.endpoint` is the one this run uses. */
  explicitEndpoint?: string;
  wait: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  failOn: FailOn;
  dryRun: boolean;
  maxConcurrency: number;
  requestTimeoutMs: number;
}

// Region numbers run to three digits (eu-west-101, ap-southeast-101...).
const REGION = z.string().check(
  z.regex(/^[a-z]{2,4}(-[a-z]+)+-\d{1,3}$/, {
    message: "must be a Huawei Cloud region id such as 'cn-north-4' or 'ap-southeast-1'",
  }),
);
const PROJECT_ID = z.string().check(
  z.regex(/^[0-9a-zA-Z-]{1,64}$/, {
    message:
      'must be a project id (letters and digits, as shown under My Credentials > API Credentials in the console)',
  }),
);
/**
 * Upper bounds (docs/input-rules.md). wait-timeout: 5 days, the longest a self-hosted runner job may run
 * (GitHub-hosted jobs stop at 6 h). poll-interval: 1 h, longer would miss whole deployments.
 * request-timeout: 10 min, far beyond any answer the APIs document.
 */
const DURATION_MAX = {
  waitTimeout: { ms: 5 * 86_400_000, text: '120h (5 days, the longest a self-hosted runner job may run)' },
  pollInterval: { ms: 3_600_000, text: '1h' },
  requestTimeout: { ms: 600_000, text: '10m' },
} as const;

const SECRET = z.string().check(z.maxLength(4096, { message: 'must be at most 4096 characters' }));

/** Reads the inputs every operation shares: credentials, where to call, how to wait. */
export function readCommonSettings(
  reader: InputReader,
  source: InputSource,
  env: Record<string, string | undefined>,
): CommonSettings {
  const region = reader.optional(Inputs.Region, REGION);
  const credentials = readCredentials(reader, region, env);
  const projectId = reader.optional(Inputs.ProjectId, PROJECT_ID);
  const explicitEndpoint = reader.optional(Inputs.Endpoint, rules.endpoint);
  const common: CommonSettings = {
    credentials,
    region,
    projectId,
    explicitEndpoint,
    wait: reader.withDefault(Inputs.Wait, rules.boolean),
    waitTimeoutMs: reader.withDefault(Inputs.WaitTimeout, rules.duration(DURATION_MAX.waitTimeout)),
    pollIntervalMs: reader.withDefault(Inputs.PollInterval, rules.duration(DURATION_MAX.pollInterval)),
    failOn: reader.withDefault(Inputs.FailOn, rules.choice(['any', 'all', 'never'] as const)),
    dryRun: reader.withDefault(Inputs.DryRun, rules.boolean),
    maxConcurrency: reader.withDefault(Inputs.MaxConcurrency, rules.integer(1, 64)),
    requestTimeoutMs: reader.withDefault(Inputs.RequestTimeout, rules.duration(DURATION_MAX.requestTimeout)),
  };
  if (common.pollIntervalMs < 1000)
    reader.fail(Inputs.PollInterval, 'must be at least 1s', source(Inputs.PollInterval));
  return common;
}

function readCredentials(
  reader: InputReader,
  region: string | undefined,
  env: Record<string, string | undefined>,
): Credentials {
  const keyless = readKeyless(reader, region, env);
  if (keyless) return { kind: 'keyless', keyless };
  const token = reader.optional(Inputs.AuthToken, SECRET);
  const explicitKeys = reader.isExplicit(Inputs.AccessKey) || reader.isExplicit(Inputs.SecretKey);
  if (token !== undefined) {
    if (explicitKeys) {
      reader.fail(
        Inputs.AuthToken,
        'cannot be combined with access-key/secret-key: choose one way to authenticate',
      );
    }
    if (reader.isExplicit(Inputs.SecurityToken)) {
      reader.fail(
        Inputs.SecurityToken,
        'goes with access-key/secret-key (temporary keys), not with auth-token',
      );
    }
    return { kind: 'token', token };
  }
  const accessKey = reader.optional(Inputs.AccessKey, SECRET);
  const secretKey = reader.optional(Inputs.SecretKey, SECRET);
  const securityToken = reader.optional(Inputs.SecurityToken, SECRET);
  if (accessKey === undefined && secretKey === undefined) {
    reader.fail(
      Inputs.AccessKey,
      'is required: give access-key and secret-key (or run huaweicloud/auth-action first, which sets HUAWEI_CLOUD_ACCESS_KEY_ID and HUAWEI_CLOUD_SECRET_ACCESS_KEY), or give auth-token',
    );
  }
  if (accessKey === undefined) reader.fail(Inputs.AccessKey, 'is required when secret-key is given', '');
  if (secretKey === undefined) reader.fail(Inputs.SecretKey, 'is required when access-key is given', '');
  return { kind: 'aksk', accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
}

/**
 * export-credentials without operation: only what keyless authentication needs. Read here, on the
 * start-up side, so that the lazily loaded keyless code shares no zod-using module with it.
 */
export function readAuthOnlySettings(
  source: InputSource,
  env: Record<string, string | undefined> = process.env,
  maskSecret: (value: string) => void = () => {},
): KeylessRun {
  const reader = new InputReader(source, env, maskSecret);
  const region = reader.optional(Inputs.Region, REGION);
  const keyless = readKeyless(reader, region, env);
  if (!keyless) throw new Error('unreachable: export-credentials requires agency-urn');
  return {
    keyless,
    region,
    projectId: reader.optional(Inputs.ProjectId, PROJECT_ID),
    dryRun: reader.withDefault(Inputs.DryRun, rules.boolean),
    requestTimeoutMs: reader.withDefault(Inputs.RequestTimeout, rules.duration(DURATION_MAX.requestTimeout)),
    waitTimeoutMs: reader.withDefault(Inputs.WaitTimeout, rules.duration(DURATION_MAX.waitTimeout)),
  };
}
